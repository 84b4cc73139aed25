using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Application.Evaluation.Ranking;
using KkkCompetition.Application.Notifications.Outbox;
using KkkCompetition.Domain.Applications;
using KkkCompetition.Domain.Calendar;
using KkkCompetition.Domain.Certification;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Competitions;
using KkkCompetition.Domain.Evaluation;
using KkkCompetition.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Certification.Appeals;

/// <summary>A request about one appeal.</summary>
public interface IAppealRequest
{
    Guid AppealId { get; }
}

/// <summary>A request about one decision of the applicant's.</summary>
public interface IOwnDecisionRequest
{
    Guid DecisionId { get; }
}

/// <summary>
/// Who rules on an appeal, in one place: the competition's <see cref="Competition.AppealRuledBy"/> names the official or the
/// commission. Until the commission's members per competition are merged in, "the commission" is anyone in the
/// CommissionMember role; narrowing it to the competition's members is a change here only.
/// </summary>
public static class AppealRulers
{
    public static async Task<bool> MayRuleAsync(IAppDbContext db, Competition competition, ICurrentUser user, CancellationToken cancellationToken) =>
        competition.AppealRuledBy switch
        {
            // Only a member of this competition's commission, never any holder of the role.
            AppealRuling.Commission => user.IsInRole(Domain.Common.Roles.CommissionMember)
                && user.UserId is { } userId
                && await db.CommissionMembers.AnyAsync(m => m.CompetitionId == competition.Id && m.UserId == userId, cancellationToken),
            _ => user.IsInRole(Domain.Common.Roles.Official),
        };

    public const string NotYoursCode = "appeal.ruling_not_yours";

    public static async Task EnsureMayRuleAsync(IAppDbContext db, Competition competition, ICurrentUser user, CancellationToken cancellationToken)
    {
        if (!await MayRuleAsync(db, competition, user, cancellationToken))
        {
            throw new BusinessRuleViolation(
                NotYoursCode,
                competition.AppealRuledBy == AppealRuling.Commission
                    ? "In this competition the commission rules on appeals."
                    : "In this competition the official rules on appeals.",
                competition.AppealRuledBy.ToString());
        }
    }
}

/// <summary>
/// The applicant sees his own appeals only, a commission member those of the competitions whose commission he or she sits
/// on, officials all (anything else is "not found").
/// </summary>
public abstract class AppealAuthorizer<TRequest>(IAppDbContext db) : IResourceAuthorizer<TRequest>
    where TRequest : IAppealRequest
{
    public async ValueTask<bool> IsAllowedAsync(TRequest request, ICurrentUser user, CancellationToken cancellationToken)
    {
        if (user.IsInRole(Roles.Official))
        {
            return true;
        }

        if (user.UserId is { } memberId && user.IsInRole(Roles.CommissionMember)
            && await (from a in db.Appeals
                      join m in db.CommissionMembers on a.CompetitionId equals m.CompetitionId
                      where a.Id == request.AppealId && m.UserId == memberId
                      select a.Id).AnyAsync(cancellationToken))
        {
            return true;
        }

        return user.UserId is { } userId
            && await (from a in db.Appeals
                      join application in db.Applications on a.ApplicationId equals application.Id
                      where a.Id == request.AppealId && application.OwnerUserId == userId
                      select a.Id).AnyAsync(cancellationToken);
    }
}

/// <summary>The decision is on an application the caller owns; anybody else's decision is "not found".</summary>
public abstract class OwnDecisionAuthorizer<TRequest>(IAppDbContext db) : IResourceAuthorizer<TRequest>
    where TRequest : IOwnDecisionRequest
{
    public async ValueTask<bool> IsAllowedAsync(TRequest request, ICurrentUser user, CancellationToken cancellationToken) =>
        user.UserId is { } userId && await AppealData.OwnDecisions(db, userId).AnyAsync(d => d.Id == request.DecisionId, cancellationToken);
}

/// <summary>Loading, wording and notifying, shared by the appeal use cases.</summary>
internal static class AppealData
{
    public static string AppealLink(Guid appealId) => $"/appeals/{appealId}";

    public static IQueryable<CertificationDecision> OwnDecisions(IAppDbContext db, Guid userId) =>
        from d in db.CertificationDecisions
        join a in db.Applications on d.ApplicationId equals a.Id
        where a.OwnerUserId == userId
        select d;

    public static async Task<Competition> LoadCompetitionAsync(IAppDbContext db, Guid competitionId, CancellationToken cancellationToken) =>
        await db.Competitions.AsNoTracking().IgnoreAutoIncludes().Include(c => c.Criteria).SingleOrDefaultAsync(c => c.Id == competitionId, cancellationToken)
        ?? throw new NotFoundException("Competition", competitionId);

    public static async Task<Appeal> LoadAppealAsync(IAppDbContext db, Guid appealId, CancellationToken cancellationToken) =>
        await db.Appeals.SingleOrDefaultAsync(a => a.Id == appealId, cancellationToken)
        ?? throw new NotFoundException("Appeal", appealId);

    /// <summary>Locks the application's row first, so two rulings (or a ruling and a lodging) on it run one after the other.</summary>
    public static Task LockApplicationAsync(IAppDbContext db, Guid applicationId, CancellationToken cancellationToken) =>
        db.Applications.Where(a => a.Id == applicationId).ExecuteUpdateAsync(s => s.SetProperty(a => a.UpdatedAt, a => a.UpdatedAt), cancellationToken);

    public static Task<string> ClusterNameAsync(IAppDbContext db, KkkApplication application, CancellationToken cancellationToken) =>
        db.Clusters.AsNoTracking().Where(c => c.Id == application.ClusterId).Select(c => c.Name).SingleAsync(cancellationToken);

    public static async Task<IReadOnlyCollection<Guid>> OfficialsAsync(IAppDbContext db, CancellationToken cancellationToken) =>
        (await db.UserRoles.ToListAsync(cancellationToken)).Where(r => r.Role == Roles.Official).Select(r => r.UserId).Distinct().ToList();

    public static Dictionary<string, string> CommonValues(KkkApplication application, string clusterName, Competition competition) => new(StringComparer.Ordinal)
    {
        ["applicationNumber"] = application.Number ?? "",
        ["clusterName"] = clusterName,
        ["competitionName"] = competition.Name,
    };

    private static void DateValue(Dictionary<string, string> values, string name, DateTimeOffset at)
    {
        var day = WorkingDayCalendar.ToWarsawDate(at);
        values[$"{name}.pl"] = day.ToString("dd.MM.yyyy", RankingText.Culture("pl"));
        values[$"{name}.en"] = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    }

    public static OutboxEnvelope Received(Appeal appeal, KkkApplication application, string clusterName, Competition competition)
    {
        var values = CommonValues(application, clusterName, competition);
        DateValue(values, "lodgedOn", appeal.LodgedAt);
        var commission = competition.AppealRuledBy == AppealRuling.Commission;
        values["ruledBy.pl"] = commission ? "komisja konkursowa" : "urzędnik prowadzący konkurs";
        values["ruledBy.en"] = commission ? "the competition's commission" : "the official running the competition";
        return new OutboxEnvelope(AppealMessages.Received, [application.OwnerUserId], values, AppealLink(appeal.Id));
    }

    public static OutboxEnvelope Lodged(Appeal appeal, KkkApplication application, string clusterName, Competition competition, IReadOnlyCollection<Guid> officials)
    {
        var values = CommonValues(application, clusterName, competition);
        DateValue(values, "lodgedOn", appeal.LodgedAt);
        values["criteria"] = string.Join(", ", appeal.Grounds.Select(g => g.CriterionCode));
        return new OutboxEnvelope(AppealMessages.Lodged, officials, values, AppealLink(appeal.Id));
    }

    public static OutboxEnvelope Ruling(string templateKey, Appeal appeal, KkkApplication application, string clusterName, Competition competition)
    {
        var values = CommonValues(application, clusterName, competition);
        values["reasons"] = appeal.RulingReasons ?? "";
        return new OutboxEnvelope(templateKey, [application.OwnerUserId], values, AppealLink(appeal.Id));
    }

    public static OutboxEnvelope ReEvaluationDone(Appeal appeal, KkkApplication application, string clusterName, Competition competition, EvaluationResult result, IReadOnlyCollection<Guid> officials)
    {
        var values = CommonValues(application, clusterName, competition);
        values["total.pl"] = RankingText.Points(result.Total, "pl");
        values["total.en"] = RankingText.Points(result.Total, "en");
        values["threshold.pl"] = RankingText.Points(competition.PassThreshold, "pl");
        values["threshold.en"] = RankingText.Points(competition.PassThreshold, "en");
        return new OutboxEnvelope(AppealMessages.ReEvaluationDone, officials, values, AppealLink(appeal.Id));
    }
}

/// <summary>The scoring's hook at the end of a re-evaluation: the upheld appeal records the new result and the officials learn a new decision is awaited.</summary>
public static class AppealReEvaluation
{
    public static async Task CompleteAsync(
        IAppDbContext db,
        IOutbox outbox,
        KkkApplication application,
        string clusterName,
        Competition competition,
        EvaluationResult result,
        IReadOnlyCollection<Guid> officials,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var appeal = await db.Appeals.Where(a => a.ApplicationId == application.Id && a.State == AppealState.Upheld)
            .OrderByDescending(a => a.LodgedAt).FirstOrDefaultAsync(cancellationToken);
        if (appeal is null)
        {
            return;
        }

        appeal.CompleteReEvaluation(result.Id, now);
        await outbox.EnqueueAsync(AppealData.ReEvaluationDone(appeal, application, clusterName, competition, result, officials), cancellationToken);
    }
}
