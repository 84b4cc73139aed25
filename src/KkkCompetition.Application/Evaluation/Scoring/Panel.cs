using FluentValidation;
using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Domain.Calendar;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Competitions;
using KkkCompetition.Domain.Evaluation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Evaluation.Scoring;

/// <summary>
/// Schedules the cluster's presentation to the expert panel (officials, when the competition holds a panel: 409
/// <c>evaluation.no_panel</c> otherwise): a Warsaw wall-clock time in the future and the place (or link).
/// <see cref="Version"/> is the result's; the application needs a computed result (404 before it).
/// </summary>
[AllowedRoles(Roles.Official)]
public sealed record SchedulePanelPresentation(Guid ApplicationId, DateTime StartsAtWarsaw, string Place, int Version) : ICommand<int>;

/// <summary>
/// The panel changes one criterion's result with a written justification (officials record it; the competition must
/// hold a panel). The experts' value stays beside the change; total and pass are recomputed. <see cref="Version"/> is the result's.
/// </summary>
[AllowedRoles(Roles.Official)]
public sealed record ChangeCriterionByPanel(Guid ApplicationId, string CriterionCode, decimal Points, string Justification, int Version) : ICommand<int>;

public sealed class SchedulePanelPresentationValidator : AbstractValidator<SchedulePanelPresentation>
{
    public SchedulePanelPresentationValidator()
    {
        RuleFor(x => x.ApplicationId).NotEmpty();
        RuleFor(x => x.StartsAtWarsaw).NotEmpty();
        RuleFor(x => x.Place).NotEmpty().MaximumLength(EvaluationResult.MaxPlaceLength);
        RuleFor(x => x.Version).GreaterThanOrEqualTo(0);
    }
}

public sealed class ChangeCriterionByPanelValidator : AbstractValidator<ChangeCriterionByPanel>
{
    public ChangeCriterionByPanelValidator()
    {
        RuleFor(x => x.ApplicationId).NotEmpty();
        RuleFor(x => x.CriterionCode).NotEmpty().MaximumLength(20);
        RuleFor(x => x.Points).InclusiveBetween(-1_000m, 1_000m).PrecisionScale(6, 2, ignoreTrailingZeros: true);

        // Empty or short is the aggregate's rule (409 evaluation.panel_justification_required, with the minimum named).
        RuleFor(x => x.Justification).NotNull().MaximumLength(CriterionDefinition.MaxJustificationLength);
        RuleFor(x => x.Version).GreaterThanOrEqualTo(0);
    }
}

public sealed class SchedulePanelPresentationHandler(IAppDbContext db, TimeProvider clock) : ICommandHandler<SchedulePanelPresentation, int>
{
    public async ValueTask<int> Handle(SchedulePanelPresentation command, CancellationToken cancellationToken)
    {
        var (result, competition) = await PanelData.LoadAsync(db, command.ApplicationId, command.Version, cancellationToken);
        result.SchedulePanel(competition, WorkingDayCalendar.FromWarsaw(command.StartsAtWarsaw), command.Place, clock.GetUtcNow());
        return result.Version + 1;
    }
}

public sealed class ChangeCriterionByPanelHandler(IAppDbContext db, ICurrentUser user, TimeProvider clock) : ICommandHandler<ChangeCriterionByPanel, int>
{
    public async ValueTask<int> Handle(ChangeCriterionByPanel command, CancellationToken cancellationToken)
    {
        var (result, competition) = await PanelData.LoadAsync(db, command.ApplicationId, command.Version, cancellationToken);
        result.ChangeByPanel(competition, command.CriterionCode, command.Points, command.Justification, user.UserId ?? Guid.Empty, clock.GetUtcNow());
        return result.Version + 1;
    }
}

internal static class PanelData
{
    public static async Task<(EvaluationResult Result, Competition Competition)> LoadAsync(IAppDbContext db, Guid applicationId, int version, CancellationToken cancellationToken)
    {
        var result = await db.EvaluationResults.SingleOrDefaultAsync(r => r.ApplicationId == applicationId, cancellationToken)
            ?? throw new NotFoundException("EvaluationResult", applicationId);
        db.ExpectVersion(result, version);
        return (result, await ScoringData.LoadCompetitionAsync(db, result.CompetitionId, cancellationToken));
    }
}
