using FluentValidation;
using KkkCompetition.Application.Applications;
using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Application.Evaluation.Assignment;
using KkkCompetition.Application.Notifications.Outbox;
using KkkCompetition.Domain.Applications;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Competitions;
using KkkCompetition.Domain.Evaluation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Evaluation.Scoring;

/// <summary>
/// What a submission answers to the expert: the locked sheet's version and time, nothing about the other sheets (the
/// expert learns neither their totals nor whether they diverge from his).
/// </summary>
public sealed record ScoreSheetSubmitted(int Version, DateTimeOffset SubmittedAt);

/// <summary>
/// Submits and locks the expert's own sheet (experts; anybody else's is "not found"): every criterion scored, every
/// required justification long enough, an overall opinion (409 <c>evaluation.sheet_incomplete</c> otherwise).
/// When it is the last sheet awaited, the same command evaluates the application (domain guide section 3): divergent
/// totals call one more expert through the staffing, otherwise the result is computed; officials are notified of either.
/// </summary>
[AllowedRoles(Roles.Expert)]
public sealed record SubmitScoreSheet(Guid AssignmentId, int Version) : ICommand<ScoreSheetSubmitted>, IScoreSheetRequest;

public sealed class SubmitScoreSheetValidator : AbstractValidator<SubmitScoreSheet>
{
    public SubmitScoreSheetValidator()
    {
        RuleFor(x => x.AssignmentId).NotEmpty();
        RuleFor(x => x.Version).GreaterThanOrEqualTo(0);
    }
}

public sealed class SubmitScoreSheetHandler(IAppDbContext db, IExpertStaffing staffing, IOutbox outbox, TimeProvider clock)
    : ICommandHandler<SubmitScoreSheet, ScoreSheetSubmitted>
{
    public async ValueTask<ScoreSheetSubmitted> Handle(SubmitScoreSheet command, CancellationToken cancellationToken)
    {
        var applicationId = await db.ExpertAssignments.Where(a => a.Id == command.AssignmentId).Select(a => (Guid?)a.ApplicationId).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("ScoreSheet", command.AssignmentId);

        // Two experts submitting the last two sheets at once would each see the other's sheet still open, and neither would
        // evaluate. Locking the application's row first makes the second wait for the first to commit and then see its sheet.
        await db.Applications.Where(a => a.Id == applicationId)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.UpdatedAt, a => a.UpdatedAt), cancellationToken);

        var assignment = await ScoringData.LoadAssignmentAsync(db, command.AssignmentId, tracked: true, cancellationToken);
        db.ExpectVersion(assignment, command.Version);
        var competition = await ScoringData.LoadCompetitionAsync(db, assignment.CompetitionId, cancellationToken);
        var criteria = ScoringData.Ordered(competition);
        var now = clock.GetUtcNow();
        assignment.Submit(criteria, now);

        var application = await ApplicationAccess.LoadAsync(db, applicationId, cancellationToken);
        await EvaluateAsync(application, competition, criteria, assignment, now, cancellationToken);
        return new ScoreSheetSubmitted(assignment.Version + 1, now);
    }

    private async Task EvaluateAsync(
        KkkApplication application,
        Competition competition,
        IReadOnlyList<CompetitionCriterion> criteria,
        ExpertAssignment submitted,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        // Evaluated once: a sheet that comes in after the result (an extra place filled late) is kept but changes nothing.
        // A re-evaluation after an upheld appeal counts the new round's sheets only; a late sheet of an earlier round changes nothing.
        var round = application.EvaluationRound;
        if (application.Status != ApplicationStatus.UnderEvaluation
            || submitted.Round != round
            || await db.EvaluationResults.AnyAsync(r => r.ApplicationId == application.Id && r.Round == round, cancellationToken))
        {
            return;
        }

        var others = await db.ExpertAssignments.AsNoTracking()
            .Where(a => a.ApplicationId == application.Id && a.Status == AssignmentStatus.Submitted && a.Id != submitted.Id && a.Round == round)
            .ToListAsync(cancellationToken);
        var sheets = others.Append(submitted)
            .Select(a => new SubmittedSheet(
                a.Id,
                a.Scores.Where(s => s.Points is not null).ToDictionary(s => s.CriterionCode, s => s.Points!.Value, StringComparer.Ordinal),
                a.SubmittedAt!.Value))
            .ToList();
        var outcome = application.IsReEvaluation
            ? EvaluationCalculator.ReEvaluate(criteria, sheets, application.ExpertsNeeded(competition))
            : EvaluationCalculator.Evaluate(
                criteria,
                sheets,
                competition.ExpertsPerApplication,
                competition.DivergenceThresholdPercent,
                extraExpertAssigned: application.DivergenceDetectedAt is not null);

        switch (outcome)
        {
            case EvaluationOutcome.Divergent divergent:
            {
                application.MarkDivergent(now);
                var staffed = await staffing.FillAsync(competition.Id, [application.Id], AssignmentOrigin.Divergence, cancellationToken);
                var clusterName = await ClusterNameAsync(application, cancellationToken);
                var officials = await ScoringData.OfficialsAsync(db, cancellationToken);
                await outbox.EnqueueAsync(ScoringData.DivergenceNotice(application, clusterName, competition, divergent, staffed.Created.Count > 0, officials), cancellationToken);
                break;
            }

            case EvaluationOutcome.Computed computed:
            {
                var result = EvaluationResult.Create(competition, application.Id, computed, now, round);
                db.EvaluationResults.Add(result);
                application.CompleteEvaluation(now);
                var clusterName = await ClusterNameAsync(application, cancellationToken);
                var officials = await ScoringData.OfficialsAsync(db, cancellationToken);
                if (application.IsReEvaluation)
                {
                    await Certification.Appeals.AppealReEvaluation.CompleteAsync(db, outbox, application, clusterName, competition, result, officials, now, cancellationToken);
                }
                else
                {
                    await outbox.EnqueueAsync(ScoringData.ResultNotice(application, clusterName, competition, result, officials), cancellationToken);
                }
                break;
            }
        }
    }

    private Task<string> ClusterNameAsync(KkkApplication application, CancellationToken cancellationToken) =>
        db.Clusters.AsNoTracking().Where(c => c.Id == application.ClusterId).Select(c => c.Name).SingleAsync(cancellationToken);
}
