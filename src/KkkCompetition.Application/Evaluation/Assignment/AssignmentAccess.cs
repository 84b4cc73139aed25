using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
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

internal static class AssignmentAccess
{
    public static Task<bool> IsOwnedByAsync(IAppDbContext db, Guid assignmentId, Guid userId, CancellationToken cancellationToken) =>
        db.ExpertAssignments.AnyAsync(a => a.Id == assignmentId && db.Experts.Any(e => e.Id == a.ExpertId && e.UserId == userId), cancellationToken);

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
