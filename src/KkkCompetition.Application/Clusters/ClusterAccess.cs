using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Clusters;

/// <summary>A request about one cluster: the applicant must coordinate it (else 404); officials and administrators read any.</summary>
public interface IClusterRequest
{
    Guid ClusterId { get; }
}

/// <summary>
/// The resource check shared by the cluster requests. Staff pass (their request types are read-only queries; the
/// commands allow applicants only), an applicant passes for the cluster of his or her own organisation.
/// </summary>
public abstract class ClusterAuthorizer<TRequest>(IAppDbContext db) : IResourceAuthorizer<TRequest>
    where TRequest : IClusterRequest
{
    public async ValueTask<bool> IsAllowedAsync(TRequest request, ICurrentUser user, CancellationToken cancellationToken)
    {
        if (Roles.Staff.Any(user.IsInRole))
        {
            return true;
        }

        return user.UserId is { } userId && await ClusterAccess.IsOwnedBy(db, request.ClusterId, userId, cancellationToken);
    }
}

public sealed class GetClusterAuthorizer(IAppDbContext db) : ClusterAuthorizer<GetCluster>(db);

public sealed class UpdateClusterAuthorizer(IAppDbContext db) : ClusterAuthorizer<UpdateCluster>(db);

public sealed class ListClusterMembersAuthorizer(IAppDbContext db) : ClusterAuthorizer<ListClusterMembers>(db);

public sealed class AddClusterMemberAuthorizer(IAppDbContext db) : ClusterAuthorizer<AddClusterMember>(db);

public sealed class UpdateClusterMemberAuthorizer(IAppDbContext db) : ClusterAuthorizer<UpdateClusterMember>(db);

public sealed class RemoveClusterMemberAuthorizer(IAppDbContext db) : ClusterAuthorizer<RemoveClusterMember>(db);

public sealed class ImportClusterMembersAuthorizer(IAppDbContext db) : ClusterAuthorizer<ImportClusterMembers>(db);

internal static class ClusterAccess
{
    public static Task<bool> IsOwnedBy(IAppDbContext db, Guid clusterId, Guid userId, CancellationToken cancellationToken) =>
        db.Clusters.AnyAsync(c => c.Id == clusterId && db.Organisations.Any(o => o.Id == c.OrganisationId && o.OwnerUserId == userId), cancellationToken);

    public static Guid UserId(ICurrentUser user) => user.UserId ?? throw new NotFoundException("Organisation", user.UserName);

    public static DateOnly Today(TimeProvider clock) => Domain.Calendar.WorkingDayCalendar.ToWarsawDate(clock.GetUtcNow());
}
