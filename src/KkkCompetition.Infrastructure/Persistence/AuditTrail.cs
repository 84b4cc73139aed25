using System.Text.Json;
using System.Text.Json.Serialization;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Domain.Auditing;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace KkkCompetition.Infrastructure.Persistence;

/// <summary>
/// Appends one chained audit entry per entity a command changed, in the command's transaction. The head
/// row is locked first (an update), so concurrent commands append one after the other and the chain never forks.
/// </summary>
public sealed class AuditTrail(ICurrentUser user, TimeProvider clock) : IAuditTrail
{
    private static readonly JsonSerializerOptions Json = new()
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>Secrets and hashes of the identity tables stay out of the log (token tables are left out whole, see IsAudited).</summary>
    private static readonly HashSet<string> HiddenProperties = ["PasswordHash", "SecurityStamp", "ConcurrencyStamp"];

    /// <summary>
    /// Types whose rows a single command may change by the thousand (a member import): above <see cref="BulkThreshold"/>
    /// rows of one type and operation in one save, they are recorded as one summary entry (count and parent keys)
    /// instead of one entry per row.
    /// </summary>
    private static readonly HashSet<Type> SummarisedInBulk = [typeof(Domain.Clusters.ClusterMember)];

    public const int BulkThreshold = 50;

    private string? _command;

    public bool IsRecording => _command is not null;

    public void BeginCommand(string commandName) => _command = commandName;

    internal async Task AppendAsync(KkkDbContext db, CancellationToken cancellationToken)
    {
        var changes = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && IsAudited(e.Entity))
            .ToList();
        if (changes.Count == 0)
        {
            return;
        }

        await db.AuditChainHeads.Where(h => h.Id == AuditChainHead.SingletonId)
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.Appends, h => h.Appends + 1), cancellationToken);
        var head = await db.AuditChainHeads.AsNoTracking().SingleAsync(h => h.Id == AuditChainHead.SingletonId, cancellationToken);

        var actor = new AuditActor(user.UserId, user.UserName, string.Join(',', user.Roles.Order(StringComparer.Ordinal)), user.IpAddress, user.CorrelationId);
        var now = clock.GetUtcNow();
        var sequence = head.LastSequence;
        var previous = head.LastHash;
        var bulk = changes.Where(c => SummarisedInBulk.Contains(c.Metadata.ClrType))
            .GroupBy(c => (c.Metadata.ClrType, c.State))
            .Where(g => g.Count() > BulkThreshold)
            .ToList();
        var summarised = bulk.SelectMany(g => g).ToHashSet();
        foreach (var change in changes.Where(c => !summarised.Contains(c)))
        {
            var (before, after) = Describe(change);
            var entry = AuditEntry.Append(++sequence, previous, now, actor, _command!, change.Metadata.ClrType.Name, KeyOf(change), change.State.ToString(), before, after);
            db.AuditEntries.Add(entry);
            previous = entry.Hash;
        }

        foreach (var group in bulk)
        {
            var entry = AuditEntry.Append(++sequence, previous, now, actor, _command!, group.Key.ClrType.Name, "bulk", group.Key.State.ToString(), null, Summarise(group.ToList()));
            db.AuditEntries.Add(entry);
            previous = entry.Hash;
        }

        await db.AuditChainHeads.Where(h => h.Id == AuditChainHead.SingletonId)
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.LastSequence, sequence).SetProperty(h => h.LastHash, previous), cancellationToken);
    }

    /// <summary>How many rows, and the foreign keys they hang on (e.g. the cluster of the members), so the entry says whose they were.</summary>
    private static string Summarise(List<EntityEntry> rows)
    {
        var summary = new Dictionary<string, object?> { ["Count"] = rows.Count };
        foreach (var property in rows[0].Metadata.GetForeignKeys().SelectMany(k => k.Properties).Distinct())
        {
            summary[property.Name] = rows
                .Select(r => (r.State == EntityState.Deleted ? r.Property(property.Name).OriginalValue : r.Property(property.Name).CurrentValue)?.ToString())
                .Distinct().Take(20).ToList();
        }

        return JsonSerializer.Serialize(summary, Json);
    }

    private static bool IsAudited(object entity) =>
        entity is not (AuditEntry or AuditChainHead or DataProtectionKey)
        && !entity.GetType().Name.StartsWith("OpenIddict", StringComparison.Ordinal)
        && !entity.GetType().Name.StartsWith("IdentityUserToken", StringComparison.Ordinal);

    private static string KeyOf(EntityEntry entry) =>
        string.Join('/', entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue?.ToString() ?? ""));

    private static (string? Before, string? After) Describe(EntityEntry entry)
    {
        var properties = entry.Properties.Where(p => !HiddenProperties.Contains(p.Metadata.Name)).ToList();
        var complex = entry.ComplexProperties.SelectMany(c => c.Properties.Select(p => (Name: $"{c.Metadata.Name}.{p.Metadata.Name}", Property: p))).ToList();
        return entry.State switch
        {
            EntityState.Added => (null, Serialize(properties.Select(p => (p.Metadata.Name, p.CurrentValue)).Concat(complex.Select(c => (c.Name, c.Property.CurrentValue))))),
            EntityState.Deleted => (Serialize(properties.Select(p => (p.Metadata.Name, p.OriginalValue)).Concat(complex.Select(c => (c.Name, c.Property.OriginalValue)))), null),
            _ => ChangedOnly(properties.Select(p => (p.Metadata.Name, (PropertyEntry)p)).Concat(complex.Select(c => (c.Name, (PropertyEntry)c.Property)))),
        };
    }

    private static (string?, string?) ChangedOnly(IEnumerable<(string Name, PropertyEntry Property)> properties)
    {
        var changed = properties.Where(p => p.Property.IsModified && !Equals(p.Property.OriginalValue, p.Property.CurrentValue)).ToList();
        return (Serialize(changed.Select(c => (c.Name, c.Property.OriginalValue))), Serialize(changed.Select(c => (c.Name, c.Property.CurrentValue))));
    }

    private static string Serialize(IEnumerable<(string Name, object? Value)> values) =>
        JsonSerializer.Serialize(values.ToDictionary(v => v.Name, v => v.Value), Json);
}
