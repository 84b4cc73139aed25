using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace KkkCompetition.Domain.Auditing;

/// <summary>
/// One append-only line of the audit log. Entries form a chain: each carries the SHA-256 of the
/// previous one, so editing or deleting any row breaks every hash after it.
/// </summary>
public sealed class AuditEntry
{
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>0.1 ms: the finest time all three providers store (SQLite keeps DateTimeOffset as 0.1 ms units).</summary>
    public const long StoredPrecisionTicks = 1_000;

    private AuditEntry()
    {
    }

    public long Sequence { get; private set; }
    public DateTimeOffset OccurredAt { get; private set; }
    public Guid? UserId { get; private set; }
    public string UserName { get; private set; } = "";
    public string Role { get; private set; } = "";
    public string Command { get; private set; } = "";
    public string EntityType { get; private set; } = "";
    public string EntityId { get; private set; } = "";
    public string Operation { get; private set; } = "";
    public string? Before { get; private set; }
    public string? After { get; private set; }
    public string? IpAddress { get; private set; }
    public string? CorrelationId { get; private set; }
    public string PreviousHash { get; private set; } = GenesisHash;
    public string Hash { get; private set; } = "";

    public static AuditEntry Append(
        long sequence,
        string previousHash,
        DateTimeOffset occurredAt,
        AuditActor actor,
        string command,
        string entityType,
        string entityId,
        string operation,
        string? before,
        string? after)
    {
        var entry = new AuditEntry
        {
            Sequence = sequence,
            // Cut to what every provider stores (SQLite's DateTimeOffset-to-binary conversion keeps 0.1 ms),
            // so the hash covers exactly what is read back.
            OccurredAt = new DateTimeOffset(occurredAt.UtcTicks - (occurredAt.UtcTicks % StoredPrecisionTicks), TimeSpan.Zero),
            UserId = actor.UserId,
            UserName = actor.UserName,
            Role = actor.Role,
            Command = command,
            EntityType = entityType,
            EntityId = entityId,
            Operation = operation,
            Before = before,
            After = after,
            IpAddress = actor.IpAddress,
            CorrelationId = actor.CorrelationId,
            PreviousHash = previousHash,
        };
        entry.Hash = entry.ComputeHash();
        return entry;
    }

    /// <summary>The hash this entry should carry, recomputed from its stored fields.</summary>
    public string ComputeHash()
    {
        var canonical = string.Join(
            '\u001f',
            Sequence.ToString(CultureInfo.InvariantCulture),
            OccurredAt.UtcTicks.ToString(CultureInfo.InvariantCulture),
            UserId?.ToString() ?? "",
            UserName,
            Role,
            Command,
            EntityType,
            EntityId,
            Operation,
            Before ?? "",
            After ?? "",
            IpAddress ?? "",
            CorrelationId ?? "",
            PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}

/// <summary>Who did it and from where.</summary>
public sealed record AuditActor(Guid? UserId, string UserName, string Role, string? IpAddress, string? CorrelationId);

/// <summary>The single row that serialises appends to the chain (its row lock orders concurrent writers).</summary>
public sealed class AuditChainHead
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;
    public long LastSequence { get; set; }
    public string LastHash { get; set; } = AuditEntry.GenesisHash;
    public long Appends { get; set; }
}
