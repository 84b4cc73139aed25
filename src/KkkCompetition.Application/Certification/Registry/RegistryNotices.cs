using System.Globalization;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Notifications.Outbox;
using KkkCompetition.Domain.Certification;
using KkkCompetition.Domain.Notifications;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Certification.Registry;

/// <summary>The messages to a cluster's coordinator when its status ends, and who the coordinator is.</summary>
public static class RegistryNotices
{
    /// <summary>The coordinator of each cluster: the owner (user) of the cluster's organisation.</summary>
    public static async Task<Dictionary<Guid, Guid>> CoordinatorsAsync(IAppDbContext db, IReadOnlyCollection<Guid> clusterIds, CancellationToken cancellationToken) =>
        await (from c in db.Clusters.AsNoTracking()
               where clusterIds.Contains(c.Id)
               join o in db.Organisations.AsNoTracking() on c.OrganisationId equals o.Id
               select new { ClusterId = c.Id, o.OwnerUserId })
            .ToDictionaryAsync(x => x.ClusterId, x => x.OwnerUserId, cancellationToken);

    public static OutboxEnvelope Expired(KkkStatus status, Guid? coordinatorUserId) => new(
        RegistryMessages.Expired,
        coordinatorUserId is { } id ? [id] : [],
        Values(status),
        RegistryData.CardLink(status.ClusterId));

    public static OutboxEnvelope Revoked(KkkStatus status, Guid? coordinatorUserId) => new(
        RegistryMessages.Revoked,
        coordinatorUserId is { } id ? [id] : [],
        new Dictionary<string, string>(Values(status), StringComparer.Ordinal) { ["reason"] = status.EndReason ?? "" },
        RegistryData.CardLink(status.ClusterId));

    private static Dictionary<string, string> Values(KkkStatus status) => new(StringComparer.Ordinal)
    {
        ["clusterName"] = status.ClusterName,
        ["certificateNumber"] = status.CertificateNumber,
        ["validTo"] = status.ValidTo.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["endedOn"] = (status.EndedOn ?? status.ValidTo.AddDays(1)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };
}
