using FluentValidation;
using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Competitions;
using Mediator;

namespace KkkCompetition.Application.Competitions;

/// <summary>Sets the figures of the pre-checked rules: the minimum age of a cluster in years and its minimum number of members (officials).</summary>
[AllowedRoles(Roles.Official)]
public sealed record UpdateEligibilityThresholds(Guid CompetitionId, int MinimumClusterAgeYears, int MinimumMembers, int Version) : ICommand<int>;

public sealed class UpdateEligibilityThresholdsValidator : AbstractValidator<UpdateEligibilityThresholds>
{
    public UpdateEligibilityThresholdsValidator()
    {
        RuleFor(x => x.CompetitionId).NotEmpty();
        RuleFor(x => x.Version).GreaterThanOrEqualTo(0);
        RuleFor(x => x.MinimumClusterAgeYears).InclusiveBetween(1, Competition.MaxClusterAgeYears);
        RuleFor(x => x.MinimumMembers).InclusiveBetween(1, Competition.MaxMinimumMembers);
    }
}

public sealed class UpdateEligibilityThresholdsHandler(IAppDbContext db) : ICommandHandler<UpdateEligibilityThresholds, int>
{
    public async ValueTask<int> Handle(UpdateEligibilityThresholds command, CancellationToken cancellationToken)
    {
        var competition = await db.LoadAsync(command.CompetitionId, cancellationToken);
        db.ExpectVersion(competition, command.Version);
        competition.SetEligibilityThresholds(command.MinimumClusterAgeYears, command.MinimumMembers);
        return competition.Version + 1;
    }
}

/// <summary>Adds an eligibility rule of the official's own to a draft; the system does not pre-check it (officials).</summary>
[AllowedRoles(Roles.Official)]
public sealed record AddEligibilityRule(Guid CompetitionId, string Code, string NamePl, string NameEn, int Version) : ICommand<int>;

public sealed class AddEligibilityRuleValidator : AbstractValidator<AddEligibilityRule>
{
    public AddEligibilityRuleValidator()
    {
        RuleFor(x => x.CompetitionId).NotEmpty();
        RuleFor(x => x.Version).GreaterThanOrEqualTo(0);
        RuleFor(x => x.Code).NotEmpty().MaximumLength(EligibilityRule.MaxCodeLength).Matches(CompetitionFieldRules.EligibilityRuleCodePattern);
        RuleFor(x => x.NamePl).NotEmpty().MaximumLength(EligibilityRule.MaxNameLength);
        RuleFor(x => x.NameEn).NotEmpty().MaximumLength(EligibilityRule.MaxNameLength);
    }
}

public sealed class AddEligibilityRuleHandler(IAppDbContext db) : ICommandHandler<AddEligibilityRule, int>
{
    public async ValueTask<int> Handle(AddEligibilityRule command, CancellationToken cancellationToken)
    {
        var competition = await db.LoadAsync(command.CompetitionId, cancellationToken);
        db.ExpectVersion(competition, command.Version);
        competition.AddEligibilityRule(command.Code, command.NamePl, command.NameEn);
        return competition.Version + 1;
    }
}

/// <summary>Removes a rule the official added to a draft; the rules of the regulations stay (officials).</summary>
[AllowedRoles(Roles.Official)]
public sealed record RemoveEligibilityRule(Guid CompetitionId, string Code, int Version) : ICommand<int>;

public sealed class RemoveEligibilityRuleValidator : AbstractValidator<RemoveEligibilityRule>
{
    public RemoveEligibilityRuleValidator()
    {
        RuleFor(x => x.CompetitionId).NotEmpty();
        RuleFor(x => x.Version).GreaterThanOrEqualTo(0);
        RuleFor(x => x.Code).NotEmpty().MaximumLength(EligibilityRule.MaxCodeLength);
    }
}

public sealed class RemoveEligibilityRuleHandler(IAppDbContext db) : ICommandHandler<RemoveEligibilityRule, int>
{
    public async ValueTask<int> Handle(RemoveEligibilityRule command, CancellationToken cancellationToken)
    {
        var competition = await db.LoadAsync(command.CompetitionId, cancellationToken);
        if (!competition.EligibilityRules.Any(r => string.Equals(r.Code, command.Code, StringComparison.Ordinal)))
        {
            throw new NotFoundException("EligibilityRule", command.Code);
        }

        db.ExpectVersion(competition, command.Version);
        competition.RemoveEligibilityRule(command.Code);
        return competition.Version + 1;
    }
}
