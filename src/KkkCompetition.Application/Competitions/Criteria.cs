using FluentValidation;
using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Domain.Common;
using Mediator;

namespace KkkCompetition.Application.Competitions;

/// <summary>Adds a merit criterion to a draft (officials). A new area needs its names; an existing one keeps them unless given.</summary>
[AllowedRoles(Roles.Official)]
public sealed record AddCompetitionCriterion(
    Guid CompetitionId,
    string Code,
    string AreaCode,
    string? AreaNamePl,
    string? AreaNameEn,
    string NamePl,
    string NameEn,
    string? Guidance,
    decimal MaxPoints,
    bool HalfPointsAllowed,
    decimal Weight,
    decimal? MinimumPoints,
    bool JustificationRequired,
    int MinimumJustificationLength,
    int Version) : ICommand<int>, ICriterionFields;

public sealed class AddCompetitionCriterionValidator : AbstractValidator<AddCompetitionCriterion>
{
    public AddCompetitionCriterionValidator()
    {
        RuleFor(x => x.CompetitionId).NotEmpty();
        RuleFor(x => x.Version).GreaterThanOrEqualTo(0);
        Include(new CriterionFieldsValidator());
    }
}

public sealed class AddCompetitionCriterionHandler(IAppDbContext db) : ICommandHandler<AddCompetitionCriterion, int>
{
    public async ValueTask<int> Handle(AddCompetitionCriterion command, CancellationToken cancellationToken)
    {
        var competition = await db.LoadAsync(command.CompetitionId, cancellationToken);
        db.ExpectVersion(competition, command.Version);
        competition.AddCriterion(command.ToDefinition());
        return competition.Version + 1;
    }
}

/// <summary>Changes a merit criterion of a draft; its code stays (officials). Area names given rename the whole area.</summary>
[AllowedRoles(Roles.Official)]
public sealed record UpdateCompetitionCriterion(
    Guid CompetitionId,
    string Code,
    string AreaCode,
    string? AreaNamePl,
    string? AreaNameEn,
    string NamePl,
    string NameEn,
    string? Guidance,
    decimal MaxPoints,
    bool HalfPointsAllowed,
    decimal Weight,
    decimal? MinimumPoints,
    bool JustificationRequired,
    int MinimumJustificationLength,
    int Version) : ICommand<int>, ICriterionFields;

public sealed class UpdateCompetitionCriterionValidator : AbstractValidator<UpdateCompetitionCriterion>
{
    public UpdateCompetitionCriterionValidator()
    {
        RuleFor(x => x.CompetitionId).NotEmpty();
        RuleFor(x => x.Version).GreaterThanOrEqualTo(0);
        Include(new CriterionFieldsValidator());
    }
}

public sealed class UpdateCompetitionCriterionHandler(IAppDbContext db) : ICommandHandler<UpdateCompetitionCriterion, int>
{
    public async ValueTask<int> Handle(UpdateCompetitionCriterion command, CancellationToken cancellationToken)
    {
        var competition = await db.LoadAsync(command.CompetitionId, cancellationToken);
        if (competition.FindCriterion(command.Code) is null)
        {
            throw new NotFoundException("Criterion", command.Code);
        }

        db.ExpectVersion(competition, command.Version);
        competition.UpdateCriterion(command.Code, command.ToDefinition());
        return competition.Version + 1;
    }
}

/// <summary>Removes a merit criterion from a draft, and from its tie-break order (officials).</summary>
[AllowedRoles(Roles.Official)]
public sealed record RemoveCompetitionCriterion(Guid CompetitionId, string Code, int Version) : ICommand<int>;

public sealed class RemoveCompetitionCriterionValidator : AbstractValidator<RemoveCompetitionCriterion>
{
    public RemoveCompetitionCriterionValidator()
    {
        RuleFor(x => x.CompetitionId).NotEmpty();
        RuleFor(x => x.Version).GreaterThanOrEqualTo(0);
        RuleFor(x => x.Code).NotEmpty().MaximumLength(CompetitionFieldRules.MaxCriterionCodeLength);
    }
}

public sealed class RemoveCompetitionCriterionHandler(IAppDbContext db) : ICommandHandler<RemoveCompetitionCriterion, int>
{
    public async ValueTask<int> Handle(RemoveCompetitionCriterion command, CancellationToken cancellationToken)
    {
        var competition = await db.LoadAsync(command.CompetitionId, cancellationToken);
        if (competition.FindCriterion(command.Code) is null)
        {
            throw new NotFoundException("Criterion", command.Code);
        }

        db.ExpectVersion(competition, command.Version);
        competition.RemoveCriterion(command.Code);
        return competition.Version + 1;
    }
}
