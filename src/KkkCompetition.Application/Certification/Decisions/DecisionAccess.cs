using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Domain.Calendar;
using KkkCompetition.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Certification.Decisions;

/// <summary>A request about one decision of the commission.</summary>
public interface IDecisionRequest
{
    Guid DecisionId { get; }
}

/// <summary>
/// Officials read every decision; the applicant only the decisions on his or her own applications. Anybody else's
/// decision is "not found", so nobody learns that it exists.
/// </summary>
public abstract class DecisionReaderAuthorizer<TRequest>(IAppDbContext db) : IResourceAuthorizer<TRequest>
    where TRequest : IDecisionRequest
{
    public async ValueTask<bool> IsAllowedAsync(TRequest request, ICurrentUser user, CancellationToken cancellationToken) =>
        user.IsInRole(Roles.Official)
        || (user.UserId is { } userId && await DecisionAccess.IsOwnedBy(db, request.DecisionId, userId, cancellationToken));
}

public sealed class GetDecisionAuthorizer(IAppDbContext db) : DecisionReaderAuthorizer<GetDecision>(db);

public sealed class OpenDecisionAuthorizer(IAppDbContext db) : DecisionReaderAuthorizer<OpenDecision>(db);

public sealed class GetCertificatePdfAuthorizer(IAppDbContext db) : DecisionReaderAuthorizer<GetCertificatePdf>(db);

public sealed class GetDecisionLetterPdfAuthorizer(IAppDbContext db) : DecisionReaderAuthorizer<GetDecisionLetterPdf>(db);

public static class DecisionAccess
{
    /// <summary>Whether <paramref name="userId"/> owns the application the decision is about.</summary>
    public static Task<bool> IsOwnedBy(IAppDbContext db, Guid decisionId, Guid userId, CancellationToken cancellationToken) =>
        (from d in db.CertificationDecisions
         where d.Id == decisionId
         join a in db.Applications on d.ApplicationId equals a.Id
         where a.OwnerUserId == userId
         select d.Id).AnyAsync(cancellationToken);
}

/// <summary>The pages and files of decisions, as links in notices and on pages.</summary>
public static class DecisionLinks
{
    public static string Page(Guid decisionId) => $"/decisions/{decisionId}";

    /// <summary>The appeal form (built by the appeals slice).</summary>
    public static string Appeal(Guid decisionId) => $"/decisions/{decisionId}/appeal";

    public const string MyDecisions = "/my-decisions";

    public static string OfficialList(Guid competitionId) => $"/competitions/{competitionId}/decisions";

    /// <summary>The day a deadline or a date is shown as, in Warsaw.</summary>
    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static string WarsawDay(DateTimeOffset instant) => Day(WorkingDayCalendar.ToWarsawDate(instant));
}
