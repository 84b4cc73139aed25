using System.Globalization;
using KkkCompetition.Application.Applications.Exports;
using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Application.Notifications.Outbox;
using KkkCompetition.Domain.Applications;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Competitions;
using KkkCompetition.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.FormalReview;

/// <summary>
/// The resource check of the requests an applicant may send about one application: only its owner, anyone else gets
/// "not found". Officials, who may send some of them too, see every application.
/// </summary>
internal sealed class ApplicationOwnerAuthorizer(IAppDbContext db)
    : IResourceAuthorizer<GetCorrectionRequest>,
      IResourceAuthorizer<OpenCorrectionRequest>,
      IResourceAuthorizer<AnswerCorrection>,
      IResourceAuthorizer<GetFormalOutcome>,
      IResourceAuthorizer<GetApplicationPdf>
{
    public ValueTask<bool> IsAllowedAsync(GetCorrectionRequest request, ICurrentUser user, CancellationToken cancellationToken) => IsAllowedAsync(request.ApplicationId, user, cancellationToken);

    public ValueTask<bool> IsAllowedAsync(OpenCorrectionRequest request, ICurrentUser user, CancellationToken cancellationToken) => IsAllowedAsync(request.ApplicationId, user, cancellationToken);

    public ValueTask<bool> IsAllowedAsync(AnswerCorrection request, ICurrentUser user, CancellationToken cancellationToken) => IsAllowedAsync(request.ApplicationId, user, cancellationToken);

    public ValueTask<bool> IsAllowedAsync(GetFormalOutcome request, ICurrentUser user, CancellationToken cancellationToken) => IsAllowedAsync(request.ApplicationId, user, cancellationToken);

    public ValueTask<bool> IsAllowedAsync(GetApplicationPdf request, ICurrentUser user, CancellationToken cancellationToken) => IsAllowedAsync(request.ApplicationId, user, cancellationToken);

    private async ValueTask<bool> IsAllowedAsync(Guid applicationId, ICurrentUser user, CancellationToken cancellationToken)
    {
        if (user.IsInRole(Roles.Official))
        {
            return true;
        }

        return user.UserId is { } userId
            && await db.Applications.AsNoTracking().AnyAsync(a => a.Id == applicationId && a.OwnerUserId == userId, cancellationToken);
    }
}

/// <summary>Loading and notifying, shared by the formal-review use cases.</summary>
internal static class FormalReviewData
{
    /// <summary>The application with its sections, checks and correction, tracked; split so its collections do not multiply rows.</summary>
    public static async Task<KkkApplication> LoadApplicationAsync(IAppDbContext db, Guid applicationId, CancellationToken cancellationToken) =>
        await db.Applications.AsSplitQuery().SingleOrDefaultAsync(a => a.Id == applicationId, cancellationToken)
        ?? throw new NotFoundException("Application", applicationId);

    public static async Task<Competition> LoadCompetitionAsync(IAppDbContext db, Guid competitionId, CancellationToken cancellationToken) =>
        await db.Competitions.AsNoTracking().SingleOrDefaultAsync(c => c.Id == competitionId, cancellationToken)
        ?? throw new NotFoundException("Competition", competitionId);

    public static async Task<ApplicationSnapshot?> LatestSnapshotAsync(IAppDbContext db, Guid applicationId, CancellationToken cancellationToken) =>
        await db.ApplicationSnapshots.AsNoTracking()
            .Where(s => s.ApplicationId == applicationId)
            .OrderByDescending(s => s.TakenAt).ThenByDescending(s => s.Id)
            .FirstOrDefaultAsync(cancellationToken);

    public static Task<string> ClusterNameAsync(IAppDbContext db, Guid clusterId, CancellationToken cancellationToken) =>
        db.Clusters.AsNoTracking().Where(c => c.Id == clusterId).Select(c => c.Name).SingleAsync(cancellationToken);

    /// <summary>The applicant's page of a correction request (the deep link of its notice and reminders).</summary>
    public static string CorrectionLink(Guid applicationId) => $"/applications/{applicationId}/correction";

    /// <summary>The applicant's page of the application (the other helper's editor, which shows the outcome panel).</summary>
    public static string ApplicationLink(Guid applicationId) => $"/applications/{applicationId}";

    public static Dictionary<string, string> CommonValues(KkkApplication application, string clusterName, Competition competition) => new(StringComparer.Ordinal)
    {
        ["applicationNumber"] = application.Number ?? "",
        ["clusterName"] = clusterName,
        ["competitionName"] = competition.Name,
    };

    public static OutboxEnvelope CorrectionNotice(KkkApplication application, string clusterName, Competition competition)
    {
        var correction = application.Correction!;
        var values = CommonValues(application, clusterName, competition);
        values["windowDays"] = correction.WindowDays.ToString(CultureInfo.InvariantCulture);
        values["deadline"] = FormalReviewRules.LastDay(correction.DeadlineAt).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        foreach (var language in new[] { "pl", "en" })
        {
            values[$"items.{language}"] = string.Join('\n', correction.Items.Select(i => $"- {FormalReviewRules.SectionName(i.Section, language, competition)}: {i.Description}"));
        }

        return new OutboxEnvelope(FormalReviewNotices.CorrectionRequested, [application.OwnerUserId], values, CorrectionLink(application.Id));
    }

    public static OutboxEnvelope OutcomeNotice(KkkApplication application, string clusterName, Competition competition)
    {
        var values = CommonValues(application, clusterName, competition);
        values["reasons"] = application.FormalDecisionReasons ?? "";
        var key = application.Status == ApplicationStatus.FormallyAccepted ? FormalReviewNotices.FormallyAccepted : FormalReviewNotices.FormallyRejected;
        return new OutboxEnvelope(key, [application.OwnerUserId], values, ApplicationLink(application.Id));
    }
}
