using FluentValidation;
using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Domain.Calendar;
using KkkCompetition.Domain.Certification;
using KkkCompetition.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Certification.Decisions;

/// <summary>The KKK status a positive decision granted, as the applicant's page shows it.</summary>
public sealed record DecisionCertificateView(Guid StatusId, string CertificateNumber, DateOnly ValidFrom, DateOnly ValidTo, KkkStatusState State);

/// <summary>
/// One decision as the applicant (and officials) read it. <see cref="AppealLastDay"/> is the last day an appeal is in time
/// (Warsaw, inclusive); <see cref="CanAppealNow"/> says whether the appeal form is open at the moment of the query.
/// </summary>
public sealed record DecisionView(
    Guid Id,
    Guid CompetitionId,
    string CompetitionName,
    Guid ApplicationId,
    string ApplicationNumber,
    string ClusterName,
    Guid ResolutionId,
    string ResolutionNumber,
    DateOnly ResolutionDate,
    DateTimeOffset DecidedAt,
    DecisionOutcome Outcome,
    string Justification,
    int VotesFor,
    int VotesAgainst,
    int VotesAbstained,
    DateTimeOffset? DeliveredAt,
    DeliveryMethod? DeliveredBy,
    int AppealWindowDays,
    DateTimeOffset? AppealDeadline,
    DateOnly? AppealLastDay,
    bool IsAppealable,
    bool CanAppealNow,
    Guid? SupersededBy,
    DecisionCertificateView? Certificate,
    int Version);

/// <summary>
/// One decision (the applicant his or her own; officials any). A query, so it never records delivery: the callers that show
/// the decision to its applicant send <see cref="OpenDecision"/> first.
/// </summary>
[AllowedRoles(Roles.Applicant, Roles.Official)]
public sealed record GetDecision(Guid DecisionId) : IQuery<DecisionView>, IDecisionRequest;

public sealed class GetDecisionValidator : AbstractValidator<GetDecision>
{
    public GetDecisionValidator() => RuleFor(x => x.DecisionId).NotEmpty();
}

public sealed class GetDecisionHandler(IAppDbContext db, TimeProvider clock) : IQueryHandler<GetDecision, DecisionView>
{
    public async ValueTask<DecisionView> Handle(GetDecision query, CancellationToken cancellationToken) =>
        await DecisionViews.LoadAsync(db, query.DecisionId, clock.GetUtcNow(), cancellationToken);
}

internal static class DecisionViews
{
    public static async Task<DecisionView> LoadAsync(IAppDbContext db, Guid decisionId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var decision = await db.CertificationDecisions.AsNoTracking().SingleOrDefaultAsync(d => d.Id == decisionId, cancellationToken)
            ?? throw new NotFoundException("CertificationDecision", decisionId);
        var facts = await (
                from a in db.Applications.AsNoTracking().IgnoreAutoIncludes()
                where a.Id == decision.ApplicationId
                join c in db.Clusters.AsNoTracking().IgnoreAutoIncludes() on a.ClusterId equals c.Id
                join k in db.Competitions.AsNoTracking().IgnoreAutoIncludes() on a.CompetitionId equals k.Id
                select new { a.Number, ClusterName = c.Name, CompetitionName = k.Name })
            .SingleAsync(cancellationToken);
        var certificate = await db.KkkStatuses.AsNoTracking()
            .Where(s => s.DecisionId == decisionId)
            .Select(s => new DecisionCertificateView(s.Id, s.CertificateNumber, s.ValidFrom, s.ValidTo, s.State))
            .SingleOrDefaultAsync(cancellationToken);
        return new DecisionView(
            decision.Id,
            decision.CompetitionId,
            facts.CompetitionName,
            decision.ApplicationId,
            facts.Number ?? "",
            facts.ClusterName,
            decision.ResolutionId,
            decision.ResolutionNumber,
            WorkingDayCalendar.ToWarsawDate(decision.DecidedAt),
            decision.DecidedAt,
            decision.Outcome,
            decision.Justification,
            decision.VotesFor,
            decision.VotesAgainst,
            decision.VotesAbstained,
            decision.DeliveredAt,
            decision.DeliveredBy,
            decision.AppealWindowDays,
            decision.AppealDeadline,
            decision.AppealLastDay,
            decision.IsAppealable,
            decision.IsAppealable && decision.IsWithinAppealWindow(now),
            decision.SupersededBy,
            certificate,
            decision.Version);
    }
}
