using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Application.FormalReview;
using KkkCompetition.Application.Notifications.Outbox;
using KkkCompetition.Domain.Applications;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Competitions;
using KkkCompetition.Domain.Evaluation;
using KkkCompetition.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Evaluation.Scoring;

/// <summary>A request about one expert's own assignment (his scoring sheet).</summary>
public interface IScoreSheetRequest
{
    Guid AssignmentId { get; }
}

/// <summary>
/// The sheet belongs to the expert it is assigned to and to nobody else: anybody else's sheet is "not found", so an expert
/// can neither read another expert's sheet nor learn that it exists (the blind scoring of domain guide section 3).
/// </summary>
public abstract class OwnScoreSheetAuthorizer<TRequest>(IAppDbContext db) : IResourceAuthorizer<TRequest>
    where TRequest : IScoreSheetRequest
{
    public async ValueTask<bool> IsAllowedAsync(TRequest request, ICurrentUser user, CancellationToken cancellationToken) =>
        user.UserId is { } userId
        && await (from a in db.ExpertAssignments
                  join e in db.Experts on a.ExpertId equals e.Id
                  where a.Id == request.AssignmentId && e.UserId == userId
                  select a.Id).AnyAsync(cancellationToken);
}

public sealed class GetScoreSheetAuthorizer(IAppDbContext db) : OwnScoreSheetAuthorizer<GetScoreSheet>(db);

public sealed class SaveScoreSheetDraftAuthorizer(IAppDbContext db) : OwnScoreSheetAuthorizer<SaveScoreSheetDraft>(db);

public sealed class SubmitScoreSheetAuthorizer(IAppDbContext db) : OwnScoreSheetAuthorizer<SubmitScoreSheet>(db);

/// <summary>Loading, wording and notifying, shared by the scoring use cases.</summary>
internal static class ScoringData
{
    public static async Task<ExpertAssignment> LoadAssignmentAsync(IAppDbContext db, Guid assignmentId, bool tracked, CancellationToken cancellationToken)
    {
        var query = tracked ? db.ExpertAssignments : db.ExpertAssignments.AsNoTracking();
        return await query.SingleOrDefaultAsync(a => a.Id == assignmentId, cancellationToken)
            ?? throw new NotFoundException("ScoreSheet", assignmentId);
    }

    /// <summary>The competition with its criteria only: scoring never reads the eligibility rules, and every autosave comes here.</summary>
    public static async Task<Competition> LoadCompetitionAsync(IAppDbContext db, Guid competitionId, CancellationToken cancellationToken) =>
        await db.Competitions.AsNoTracking().IgnoreAutoIncludes().Include(c => c.Criteria).SingleOrDefaultAsync(c => c.Id == competitionId, cancellationToken)
        ?? throw new NotFoundException("Competition", competitionId);

    /// <summary>The competition's criteria in their order (the order of the sheet, the result and the reasons).</summary>
    public static IReadOnlyList<CompetitionCriterion> Ordered(Competition competition) => competition.Criteria.OrderBy(c => c.Order).ToList();

    /// <summary>The official's page of one application's evaluation (the deep link of the notices).</summary>
    public static string ResultLink(Guid applicationId) => $"/evaluation/applications/{applicationId}";

    /// <summary>The expert's page of his sheet.</summary>
    public static string SheetLink(Guid assignmentId) => $"/expert/assignments/{assignmentId}/sheet";

    /// <summary>Points in each recipient's language (<c>name.pl</c>, <c>name.en</c>): "112,5" in Polish, "112.5" in English.</summary>
    private static void PointsValue(Dictionary<string, string> values, string name, decimal points)
    {
        values[$"{name}.pl"] = Ranking.RankingText.Points(points, "pl");
        values[$"{name}.en"] = Ranking.RankingText.Points(points, "en");
    }

    public static string CriterionName(CompetitionCriterion criterion, string language) => language == "en" ? criterion.NameEn : criterion.NamePl;

    /// <summary>Why a result does not pass, in words of <paramref name="language"/> ("pl" or "en").</summary>
    public static string Describe(FailReason reason, Competition competition, string language)
    {
        var value = Ranking.RankingText.Points(reason.Value, language);
        var required = Ranking.RankingText.Points(reason.Required, language);
        if (reason.CriterionCode is null)
        {
            return language == "en"
                ? $"The total of {value} points is below the status threshold of {required} points."
                : $"Suma {value} pkt jest niższa niż próg uzyskania statusu {required} pkt.";
        }

        var criterion = competition.FindCriterion(reason.CriterionCode);
        var name = criterion is null ? reason.CriterionCode : $"{reason.CriterionCode} {CriterionName(criterion, language)}";
        return language == "en"
            ? $"Criterion {name}: {value} points, below its minimum of {required} points."
            : $"Kryterium {name}: {value} pkt, poniżej wymaganego minimum {required} pkt.";
    }

    /// <summary>Every official: the competition has no owner of its own, so each official learns of results and divergence.</summary>
    /// <remarks>
    /// Filtered in memory: <see cref="IAppDbContext.UserRoles"/> projects to a positional record, which EF Core cannot filter
    /// after the projection. The links are two columns per user and role, read once per computed result.
    /// </remarks>
    public static async Task<IReadOnlyCollection<Guid>> OfficialsAsync(IAppDbContext db, CancellationToken cancellationToken) =>
        (await db.UserRoles.ToListAsync(cancellationToken)).Where(r => r.Role == Roles.Official).Select(r => r.UserId).Distinct().ToList();

    public static Dictionary<string, string> CommonValues(KkkApplication application, string clusterName, Competition competition) => new(StringComparer.Ordinal)
    {
        ["applicationNumber"] = application.Number ?? "",
        ["clusterName"] = clusterName,
        ["competitionName"] = competition.Name,
    };

    public static OutboxEnvelope ResultNotice(KkkApplication application, string clusterName, Competition competition, EvaluationResult result, IReadOnlyCollection<Guid> officials)
    {
        var values = CommonValues(application, clusterName, competition);
        PointsValue(values, "total", result.Total);
        PointsValue(values, "threshold", competition.PassThreshold);
        values["outcome.pl"] = result.Passed ? "spełnia warunki uzyskania statusu" : "nie spełnia warunków uzyskania statusu";
        values["outcome.en"] = result.Passed ? "meets the conditions for the status" : "does not meet the conditions for the status";
        values["method.pl"] = Ranking.RankingText.Method(result.Method, "pl");
        values["method.en"] = Ranking.RankingText.Method(result.Method, "en");
        return new OutboxEnvelope(ScoringNotices.ResultComputed, officials, values, ResultLink(application.Id));
    }

    public static OutboxEnvelope DivergenceNotice(
        KkkApplication application,
        string clusterName,
        Competition competition,
        EvaluationOutcome.Divergent divergent,
        bool expertAssigned,
        IReadOnlyCollection<Guid> officials)
    {
        var values = CommonValues(application, clusterName, competition);
        PointsValue(values, "spread", divergent.Spread);
        PointsValue(values, "allowed", divergent.Allowed);
        values["staffing.pl"] = expertAssigned
            ? "Dodatkowy ekspert został przydzielony automatycznie."
            : "Nie udało się automatycznie przydzielić dodatkowego eksperta — przydziel go ręcznie.";
        values["staffing.en"] = expertAssigned
            ? "One more expert has been assigned automatically."
            : "No extra expert could be assigned automatically — assign one by hand.";
        return new OutboxEnvelope(ScoringNotices.DivergenceDetected, officials, values, ResultLink(application.Id));
    }

    /// <summary>"pl" or "en", from the caller's UI culture.</summary>
    public static string Language => FormalReviewRules.CurrentLanguage;
}
