using FluentValidation;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Competitions;
using Mediator;

namespace KkkCompetition.Application.Competitions;

/// <summary>
/// Changes a draft's name, pass threshold, settings and tie-break order (officials). The threshold must be reachable
/// with the criteria as they are. Returns the new version.
/// </summary>
[AllowedRoles(Roles.Official)]
public sealed record UpdateCompetitionSettings(
    Guid CompetitionId,
    string Name,
    decimal PassThreshold,
    int ExpertsPerApplication,
    decimal DivergenceThresholdPercent,
    bool HoldsPanel,
    int CorrectionWindowDays,
    int AppealWindowDays,
    int StatusValidityYears,
    int ScoringWindowDays,
    IReadOnlyList<string> TieBreakOrder,
    int Version) : ICommand<int>;

public sealed class UpdateCompetitionSettingsValidator : AbstractValidator<UpdateCompetitionSettings>
{
    public UpdateCompetitionSettingsValidator()
    {
        RuleFor(x => x.CompetitionId).NotEmpty();
        RuleFor(x => x.Version).GreaterThanOrEqualTo(0);
        RuleFor(x => x.Name).NotEmpty().MaximumLength(CompetitionFieldRules.MaxNameLength);
        RuleFor(x => x.PassThreshold).GreaterThan(0).PrecisionScale(6, 1, ignoreTrailingZeros: true);
        RuleFor(x => x.ExpertsPerApplication).InclusiveBetween(CompetitionSettings.MinExperts, CompetitionSettings.MaxExperts);
        RuleFor(x => x.DivergenceThresholdPercent).GreaterThan(0).LessThanOrEqualTo(100).PrecisionScale(5, 2, ignoreTrailingZeros: true);
        RuleFor(x => x.CorrectionWindowDays).InclusiveBetween(1, CompetitionSettings.MaxWindowDays);
        RuleFor(x => x.AppealWindowDays).InclusiveBetween(1, CompetitionSettings.MaxWindowDays);
        RuleFor(x => x.ScoringWindowDays).InclusiveBetween(1, CompetitionSettings.MaxWindowDays);
        RuleFor(x => x.StatusValidityYears).InclusiveBetween(1, CompetitionSettings.MaxStatusValidityYears);
        RuleFor(x => x.TieBreakOrder).NotNull();
        RuleForEach(x => x.TieBreakOrder).NotEmpty().MaximumLength(CompetitionFieldRules.MaxCriterionCodeLength);
    }
}

public sealed class UpdateCompetitionSettingsHandler(IAppDbContext db) : ICommandHandler<UpdateCompetitionSettings, int>
{
    public async ValueTask<int> Handle(UpdateCompetitionSettings command, CancellationToken cancellationToken)
    {
        var competition = await db.LoadAsync(command.CompetitionId, cancellationToken);
        db.ExpectVersion(competition, command.Version);
        competition.Rename(command.Name);
        competition.SetPassThreshold(command.PassThreshold);
        competition.UpdateSettings(new CompetitionSettings(
            command.ExpertsPerApplication,
            command.DivergenceThresholdPercent,
            command.HoldsPanel,
            command.CorrectionWindowDays,
            command.AppealWindowDays,
            command.StatusValidityYears,
            command.ScoringWindowDays));
        competition.SetTieBreakOrder([.. command.TieBreakOrder.Select(c => c.Trim())]);
        return competition.Version + 1;
    }
}
