using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Domain.Applications;
using KkkCompetition.Domain.Clusters;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Applications;

/// <summary>What a snapshot holds: the application as the evaluators will read it. Serialised in declaration order.</summary>
public sealed record SnapshotContent(
    Guid ApplicationId,
    string? Number,
    DateTimeOffset TakenAt,
    SnapshotCompetition Competition,
    SnapshotOrganisation Organisation,
    SnapshotCluster Cluster,
    IReadOnlyList<SnapshotMember> Members,
    IReadOnlyList<SnapshotIndicators> Indicators,
    IReadOnlyList<SnapshotNarrative> Narratives,
    IReadOnlyList<SnapshotAttachment> Attachments);

public sealed record SnapshotCompetition(Guid Id, string Name, int Year, int Round);

public sealed record SnapshotOrganisation(string Name, string Nip, string? Regon, string? Krs, string LegalForm, string Address, string VoivodeshipTeryt);

public sealed record SnapshotCluster(string Name, DateOnly FoundedOn, string VoivodeshipTeryt, IReadOnlyList<string> KisCodes, string? Website);

public sealed record SnapshotMember(string Name, string Nip, MemberType Type, EnterpriseSize? Size, string VoivodeshipTeryt, DateOnly JoinedOn, int Employment);

public sealed record SnapshotIndicators(int Year, IndicatorValues Values);

public sealed record SnapshotNarrative(string AreaCode, string Text);

/// <param name="Id">
/// The attachment's id, by which an evaluator asks for the file (the bytes come from the store by <paramref name="Sha256"/>).
/// Snapshots frozen before it was recorded read it as <see cref="Guid.Empty"/>.
/// </param>
public sealed record SnapshotAttachment(AttachmentKind Kind, string FileName, string ContentType, long SizeBytes, string Sha256, Guid Id);

/// <summary>
/// Freezes an application with its organisation, cluster and members into an <see cref="ApplicationSnapshot"/>:
/// canonical JSON (fixed property order, no indentation, invariant formats) and its SHA-256, which the receipt carries.
/// </summary>
public static class ApplicationSnapshots
{
    private static readonly JsonSerializerOptions Canonical = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = false,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public static async Task<ApplicationSnapshot> TakeAsync(IAppDbContext db, KkkApplication application, SnapshotKind kind, string? number, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var competition = await db.Competitions.AsNoTracking().Where(c => c.Id == application.CompetitionId)
            .Select(c => new SnapshotCompetition(c.Id, c.Name, c.Year, c.Round)).SingleAsync(cancellationToken);
        var cluster = await db.Clusters.AsNoTracking().SingleAsync(c => c.Id == application.ClusterId, cancellationToken);
        var organisation = await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == cluster.OrganisationId, cancellationToken);
        var members = await db.ClusterMembers.AsNoTracking().Where(m => m.ClusterId == cluster.Id)
            .OrderBy(m => m.Nip)
            .Select(m => new SnapshotMember(m.Name, m.Nip, m.Type, m.Size, m.VoivodeshipTeryt, m.JoinedOn, m.Employment))
            .ToListAsync(cancellationToken);

        var content = new SnapshotContent(
            application.Id,
            number,
            now,
            competition,
            new SnapshotOrganisation(organisation.Name, organisation.Nip, organisation.Regon, organisation.Krs, organisation.LegalForm, organisation.Address, organisation.VoivodeshipTeryt),
            new SnapshotCluster(cluster.Name, cluster.FoundedOn, cluster.VoivodeshipTeryt, cluster.KisCodes.Order(StringComparer.Ordinal).ToList(), cluster.Website),
            members,
            application.Indicators.OrderBy(i => i.Year).Select(i => new SnapshotIndicators(i.Year, i.Values)).ToList(),
            application.Narratives.OrderBy(n => n.AreaCode, StringComparer.Ordinal).Select(n => new SnapshotNarrative(n.AreaCode, n.Text)).ToList(),
            application.Attachments.OrderBy(a => a.Kind).ThenBy(a => a.UploadedAt).Select(a => new SnapshotAttachment(a.Kind, a.FileName, a.ContentType, a.SizeBytes, a.Sha256, a.Id)).ToList());

        var json = JsonSerializer.Serialize(content, Canonical);
        var snapshot = new ApplicationSnapshot(application.Id, kind, json, Sha256Hex(json), now);
        db.ApplicationSnapshots.Add(snapshot);
        return snapshot;
    }

    public static SnapshotContent Read(ApplicationSnapshot snapshot) =>
        JsonSerializer.Deserialize<SnapshotContent>(snapshot.Json, Canonical)!;

    /// <summary>Lower-case hex SHA-256 of the UTF-8 text: how a reader re-computes the hash on the receipt.</summary>
    public static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
