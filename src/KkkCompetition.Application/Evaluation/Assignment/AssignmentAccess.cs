using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Domain.Applications;
using KkkCompetition.Domain.Evaluation;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Evaluation.Assignment;

/// <summary>A request of an expert about one of his assignments.</summary>
public interface IAssignmentRequest
{
    Guid AssignmentId { get; }
}

/// <summary>An expert acts on his own assignments only: anybody else's is "not found".</summary>
public abstract class OwnAssignmentAuthorizer<TRequest>(IAppDbContext db) : IResourceAuthorizer<TRequest>
    where TRequest : IAssignmentRequest
{
    public async ValueTask<bool> IsAllowedAsync(TRequest request, ICurrentUser user, CancellationToken cancellationToken) =>
        user.UserId is { } userId && await AssignmentAccess.IsOwnedByAsync(db, request.AssignmentId, userId, cancellationToken);
}

public sealed class SignDeclarationAuthorizer(IAppDbContext db) : OwnAssignmentAuthorizer<SignDeclaration>(db);

public sealed class DeclareConflictAuthorizer(IAppDbContext db) : OwnAssignmentAuthorizer<DeclareConflict>(db);

public sealed class GetAssignedApplicationAuthorizer(IAppDbContext db) : OwnAssignmentAuthorizer<GetAssignedApplication>(db);

/// <summary>
/// The application's content, files included, goes to the expert of the assignment only while he may read it
/// (<see cref="ExpertAssignment.MayReadApplication"/>: declaration signed, assignment still his), the rule by which
/// <see cref="GetAssignedApplication"/> shows it. Anybody else's assignment, and his own before the declaration or after a
/// conflict or release, is "not found".
/// </summary>
public abstract class AssignedContentAuthorizer<TRequest>(IAppDbContext db) : IResourceAuthorizer<TRequest>
    where TRequest : IAssignmentRequest
{
    public async ValueTask<bool> IsAllowedAsync(TRequest request, ICurrentUser user, CancellationToken cancellationToken) =>
        user.UserId is { } userId
        && await AssignmentAccess.FindOwnedAsync(db, request.AssignmentId, userId, cancellationToken) is { MayReadApplication: true };
}

public sealed class DownloadAssignedAttachmentAuthorizer(IAppDbContext db) : AssignedContentAuthorizer<DownloadAssignedAttachment>(db);

internal static class AssignmentAccess
{
    public static Task<bool> IsOwnedByAsync(IAppDbContext db, Guid assignmentId, Guid userId, CancellationToken cancellationToken) =>
        OwnedBy(db, assignmentId, userId).AnyAsync(cancellationToken);

    /// <summary>The assignment, untracked, when it is the user's own; otherwise null.</summary>
    public static Task<ExpertAssignment?> FindOwnedAsync(IAppDbContext db, Guid assignmentId, Guid userId, CancellationToken cancellationToken) =>
        OwnedBy(db, assignmentId, userId).AsNoTracking().SingleOrDefaultAsync(cancellationToken);

    private static IQueryable<ExpertAssignment> OwnedBy(IAppDbContext db, Guid assignmentId, Guid userId) =>
        db.ExpertAssignments.Where(a => a.Id == assignmentId && db.Experts.Any(e => e.Id == a.ExpertId && e.UserId == userId));

    /// <summary>
    /// What the expert reads of the application: its latest snapshot (as submitted, or as last corrected), never the live
    /// application, which the applicant could still be changing.
    /// </summary>
    public static async Task<ApplicationSnapshot> LatestSnapshotAsync(IAppDbContext db, Guid applicationId, CancellationToken cancellationToken) =>
        await db.ApplicationSnapshots.AsNoTracking()
            .Where(s => s.ApplicationId == applicationId)
            .OrderByDescending(s => s.TakenAt).ThenByDescending(s => s.Id)
            .FirstOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException("Application", applicationId);

    /// <summary>The assignment, tracked.</summary>
    public static async Task<ExpertAssignment> LoadAsync(IAppDbContext db, Guid assignmentId, CancellationToken cancellationToken) =>
        await db.ExpertAssignments.SingleOrDefaultAsync(a => a.Id == assignmentId, cancellationToken)
        ?? throw new NotFoundException("Assignment", assignmentId);

    /// <summary>
    /// A pin keeps bringing its expert back to the application; once he has left it (conflict declared, released) the
    /// pin has done its work and would only put him back, so it goes with the assignment.
    /// </summary>
    public static async Task RemovePinAsync(IAppDbContext db, ExpertAssignment assignment, CancellationToken cancellationToken)
    {
        var pin = await db.AssignmentOverrides.SingleOrDefaultAsync(
            o => o.ApplicationId == assignment.ApplicationId && o.ExpertId == assignment.ExpertId && o.Kind == OverrideKind.Pin, cancellationToken);
        if (pin is not null)
        {
            db.AssignmentOverrides.Remove(pin);
        }
    }
}
