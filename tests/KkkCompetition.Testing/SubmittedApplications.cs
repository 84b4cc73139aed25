using System.Globalization;
using KkkCompetition.Application.Applications;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Application.Competitions;
using KkkCompetition.Domain.Applications;
using KkkCompetition.Domain.Clusters;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Identifiers;
using KkkCompetition.Infrastructure.Identity;
using KkkCompetition.Infrastructure.Persistence;
using KkkCompetition.Testing.Applications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KkkCompetition.Testing;

/// <summary>A submitted application made by <see cref="SubmittedApplications"/>, with its owner as a caller.</summary>
public sealed record SubmittedApplication(Guid Id, Guid CompetitionId, string Number, string ClusterName, FixedUser Owner, string OwnerEmail);

/// <summary>What to vary in a submitted application; the defaults meet every eligibility rule.</summary>
public sealed record ApplicationShape
{
    public int Members { get; init; } = 60;
    public DateOnly FoundedOn { get; init; } = new(2018, 3, 1);
    public string? Regon { get; init; }
    public string OwnerLanguage { get; init; } = "pl";

    /// <summary>The cluster's smart specialisations: the assignment prefers experts who share one.</summary>
    public IReadOnlyList<string> KisCodes { get; init; } = ["KIS1"];

    /// <summary>An existing user to own the application (one that signs in over HTTP); otherwise a new one is made.</summary>
    public Guid? OwnerUserId { get; init; }

    /// <summary>
    /// The mandatory attachments as real files in the product's store (<see cref="SubmittedApplications.AttachmentContent"/>),
    /// so that they can be downloaded; otherwise only their records, with made-up hashes (faster, for tests that never read them).
    /// </summary>
    public bool StoreAttachmentFiles { get; init; }

    /// <summary>The indicators of each year; null: the same fixed values for both years.</summary>
    public Func<int, IndicatorValues>? Indicators { get; init; }
}

/// <summary>
/// Submitted applications built the domain's way, for the formal review's tests and benchmark: an announced competition
/// (created and announced through the use cases), then per application an owner (a user of the identity store, so notices
/// reach them), <c>Organisation.Register</c>, <c>Cluster.Found</c> with its members, <c>KkkApplication.StartDraft</c>, every
/// section filled, and <c>Submit</c> with a snapshot from <see cref="ApplicationSnapshots.TakeAsync"/>.
/// </summary>
public sealed class SubmittedApplications(IServiceProvider services, TimeProvider clock)
{
    private static int _nextNip = 100_000;

    /// <summary>
    /// An announced competition open from a day before the clock's now to 30 days after; its id. <paramref name="whileDraft"/>
    /// changes the draft before it is announced (given its id and version, it answers the new version).
    /// </summary>
    public async Task<Guid> CompetitionAsync(
        string name = "Konkurs o status KKK — nabór testowy",
        int? year = null,
        Func<Guid, int, Task<int>>? whileDraft = null,
        CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var created = await services.SendAsAsync(TestUsers.Official, new CreateCompetition(
            name,
            year ?? now.Year,
            now.AddDays(-2),
            now.AddDays(-1),
            now.AddDays(30),
            now.AddDays(60),
            now.AddDays(120),
            now.AddDays(130),
            now.AddDays(150)), cancellationToken);
        var version = whileDraft is null ? created.Version : await whileDraft(created.Id, created.Version);
        await services.SendAsAsync(TestUsers.Official, new AnnounceCompetition(created.Id, version), cancellationToken);
        return created.Id;
    }

    /// <summary>One submitted application of a new cluster with a new owner, numbered next in the competition.</summary>
    public async Task<SubmittedApplication> SubmitAsync(Guid competitionId, string clusterName, ApplicationShape? shape = null, CancellationToken cancellationToken = default) =>
        (await SubmitManyAsync(competitionId, [clusterName], shape, cancellationToken))[0];

    /// <summary>Several at once (one save per application), in the order of <paramref name="clusterNames"/>.</summary>
    public async Task<IReadOnlyList<SubmittedApplication>> SubmitManyAsync(Guid competitionId, IReadOnlyList<string> clusterNames, ApplicationShape? shape = null, CancellationToken cancellationToken = default)
    {
        shape ??= new ApplicationShape();
        var result = new List<SubmittedApplication>(clusterNames.Count);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KkkDbContext>();
        var competition = await db.Competitions.SingleAsync(c => c.Id == competitionId, cancellationToken);
        var sequence = await db.Applications.CountAsync(a => a.CompetitionId == competitionId && a.Number != null, cancellationToken);
        foreach (var clusterName in clusterNames)
        {
            var now = clock.GetUtcNow();
            var ownerId = shape.OwnerUserId ?? Guid.CreateVersion7();
            var email = shape.OwnerUserId is null
                ? $"owner-{ownerId:N}@klaster.example.pl"
                : await db.Users.Where(u => u.Id == ownerId).Select(u => u.Email!).SingleAsync(cancellationToken);
            if (shape.OwnerUserId is null)
            {
                AddOwner(db, ownerId, email, clusterName, shape.OwnerLanguage);
            }

            var organisation = Organisation.Register(ownerId, $"Stowarzyszenie {clusterName}", NextNip(), shape.Regon, null, "stowarzyszenie", "ul. Klastrowa 1, 00-001 Warszawa", "14");
            var cluster = Cluster.Found(organisation.Id, clusterName, shape.FoundedOn, "14", shape.KisCodes, null);
            for (var m = 0; m < shape.Members; m++)
            {
                var type = m % 5 == 4 ? MemberType.ResearchOrUniversity : MemberType.Enterprise;
                cluster.AddMember($"Członek {m + 1} — {clusterName}", NextNip(), type, type == MemberType.Enterprise ? EnterpriseSize.Small : null, "14", new DateOnly(2019, 1, 1), 10 + m);
            }

            db.Organisations.Add(organisation);
            db.Clusters.Add(cluster);
            var application = KkkApplication.StartDraft(competition, cluster.Id, ownerId, now);
            var files = shape.StoreAttachmentFiles ? await StoreFilesAsync(clusterName, cancellationToken) : null;
            Fill(application, competition.Criteria.Select(c => c.AreaCode).Distinct(), KkkApplication.IndicatorYears(competition.Year), files, now, shape.Indicators);
            db.Applications.Add(application);

            // The snapshot reads the members from the database.
            await db.SaveChangesAsync(cancellationToken);
            sequence++;
            var number = KkkApplication.FormatNumber(competition.Year, competition.Round, sequence);
            var snapshot = await ApplicationSnapshots.TakeAsync(db, application, SnapshotKind.Submission, number, now, cancellationToken);
            application.Submit(competition, sequence, snapshot.Sha256, now);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
            competition = await db.Competitions.SingleAsync(c => c.Id == competitionId, cancellationToken);
            result.Add(new SubmittedApplication(application.Id, competitionId, number, clusterName, new FixedUser(ownerId, email, [Roles.Applicant], "192.0.2.20", $"owner-{ownerId:N}"), email));
        }

        return result;
    }

    private static void AddOwner(KkkDbContext db, Guid ownerId, string email, string clusterName, string language) =>
        db.Users.Add(new AppUser
        {
            Id = ownerId,
            UserName = email,
            NormalizedUserName = email.ToUpperInvariant(),
            Email = email,
            NormalizedEmail = email.ToUpperInvariant(),
            DisplayName = $"Koordynator {clusterName}",
            PreferredLanguage = language,
        });

    /// <summary>The bytes of an application's attachment of <paramref name="kind"/> when <see cref="ApplicationShape.StoreAttachmentFiles"/> is set: a PDF per cluster and kind.</summary>
    public static byte[] AttachmentContent(string clusterName, AttachmentKind kind) => SampleFiles.Pdf($"{clusterName}: {kind}");

    private async Task<Dictionary<AttachmentKind, (string Sha256, long SizeBytes)>> StoreFilesAsync(string clusterName, CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<IAttachmentStore>();
        var files = new Dictionary<AttachmentKind, (string, long)>();
        foreach (var kind in ApplicationAttachment.MandatoryKinds)
        {
            await using var staged = await store.StageAsync(new MemoryStream(AttachmentContent(clusterName, kind)), cancellationToken);
            await store.KeepAsync(staged, cancellationToken);
            files[kind] = (staged.Sha256, staged.SizeBytes);
        }

        return files;
    }

    /// <summary>Fills every section of a draft: the indicators of each year, each narrative, the mandatory attachments.</summary>
    internal static void Fill(
        KkkApplication application,
        IEnumerable<string> areas,
        IEnumerable<int> years,
        IReadOnlyDictionary<AttachmentKind, (string Sha256, long SizeBytes)>? files,
        DateTimeOffset now,
        Func<int, IndicatorValues>? indicators = null)
    {
        foreach (var year in years)
        {
            application.SaveIndicators(year, indicators?.Invoke(year) ?? new IndicatorValues(250, 12_500_000m, 800_000m, 2, 5, 3, 4, 2_000_000m, 2, 40, 18.5m), now);
        }

        foreach (var area in areas)
        {
            application.SaveNarrative(area, $"Opis obszaru {area}: działania klastra, wyniki i plany.", now);
        }

        foreach (var kind in ApplicationAttachment.MandatoryKinds)
        {
            var (hash, size) = files?[kind]
                ?? (Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{application.Id}:{kind}"))), 120_000);
            application.AddAttachment(kind, $"{kind}.pdf", "application/pdf", size, hash, now);
        }
    }

    /// <summary>A NIP never given before in this process: prefixes whose check digit would be 10 are skipped, not bumped.</summary>
    private static string NextNip()
    {
        while (true)
        {
            var prefix = (700_000_000 + Interlocked.Increment(ref _nextNip)).ToString(CultureInfo.InvariantCulture);
            var nip = PolishIdentifiers.CompleteNip(prefix);
            if (nip.StartsWith(prefix, StringComparison.Ordinal))
            {
                return nip;
            }
        }
    }
}
