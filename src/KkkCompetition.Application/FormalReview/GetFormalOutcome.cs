using FluentValidation;
using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Domain.Applications;
using KkkCompetition.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.FormalReview;

/// <summary>
/// Where an application stands in the formal review, as its owner sees it (officials too): the outcome and its reasons,
/// a pending correction request with its deadline, and — once decided — the finding on each rule.
/// </summary>
[AllowedRoles(Roles.Applicant, Roles.Official)]
public sealed record GetFormalOutcome(Guid ApplicationId) : IQuery<FormalOutcomeView>;

public sealed record FormalOutcomeView(
    Guid ApplicationId,
    string? Number,
    ApplicationStatus Status,
    FormalOutcome Outcome,
    DateTimeOffset? DecidedAt,
    string? Reasons,
    bool CorrectionPending,
    DateTimeOffset? CorrectionDeadlineAt,
    DateOnly? CorrectionLastDay,
    DateTimeOffset? CorrectionAnsweredAt,
    IReadOnlyList<FormalRuleOutcomeView> Rules);

public sealed record FormalRuleOutcomeView(string Code, string NamePl, string NameEn, FormalCheckOutcome Outcome, string? Comment);

public sealed class GetFormalOutcomeValidator : AbstractValidator<GetFormalOutcome>
{
    public GetFormalOutcomeValidator() => RuleFor(x => x.ApplicationId).NotEmpty();
}

public sealed class GetFormalOutcomeHandler(IAppDbContext db) : IQueryHandler<GetFormalOutcome, FormalOutcomeView>
{
    public async ValueTask<FormalOutcomeView> Handle(GetFormalOutcome query, CancellationToken cancellationToken)
    {
        var application = await db.Applications.AsNoTracking().AsSplitQuery().SingleOrDefaultAsync(a => a.Id == query.ApplicationId, cancellationToken)
            ?? throw new NotFoundException("Application", query.ApplicationId);
        var outcome = FormalReviewRules.OutcomeOf(application.Status);
        IReadOnlyList<FormalRuleOutcomeView> rules = [];
        if (outcome != FormalOutcome.Pending)
        {
            // The findings are the official's working notes until the decision; after it they are its grounds.
            var competition = await FormalReviewData.LoadCompetitionAsync(db, application.CompetitionId, cancellationToken);
            rules = FormalReviewRules.EligibilityRulesOf(competition)
                .Select(rule => (rule, check: application.FormalChecks.SingleOrDefault(c => c.RuleCode == rule.Code)))
                .Where(x => x.check is not null)
                .Select(x => new FormalRuleOutcomeView(x.rule.Code, x.rule.NamePl, x.rule.NameEn, x.check!.Outcome, x.check.Comment))
                .ToList();
        }

        var correction = application.Correction;
        return new FormalOutcomeView(
            application.Id,
            application.Number,
            application.Status,
            outcome,
            application.FormalDecisionAt,
            application.FormalDecisionReasons,
            application.Status == ApplicationStatus.CorrectionRequested,
            correction?.DeadlineAt,
            correction is null ? null : FormalReviewRules.LastDay(correction.DeadlineAt),
            correction?.AnsweredAt,
            rules);
    }
}
