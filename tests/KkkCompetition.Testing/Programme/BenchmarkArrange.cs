using System.Globalization;
using KkkCompetition.Application.Applications;
using KkkCompetition.Domain.Applications;
using KkkCompetition.Domain.Clusters;
using KkkCompetition.Domain.Identifiers;
using KkkCompetition.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KkkCompetition.Testing.Programme;

/// <summary>One member to give a cluster for a benchmark: its type, size, employment and the day it joined.</summary>
public sealed record BenchmarkMember(MemberType Type, EnterpriseSize? Size, int Employment, DateOnly? JoinedOn = null)
{
    public static BenchmarkMember Enterprise(EnterpriseSize size, int employment, DateOnly? joinedOn = null) => new(MemberType.Enterprise, size, employment, joinedOn);

    public static BenchmarkMember Of(MemberType type, int employment, DateOnly? joinedOn = null) => new(type, null, employment, joinedOn);
}

/// <summary>
/// The data of the benchmark report's tests, added the domain's way to clusters made by the other arrangers
/// (<see cref="SubmittedApplications"/>, <see cref="Certification.CertifiedClusters"/>, <see cref="Contracts.ContractArrange"/>):
/// a cluster's members replaced (<c>Cluster.RemoveMember</c>, <c>Cluster.AddMember</c>), and a cluster's draft application filled
/// with given indicators and submitted (<c>SaveIndicators</c>, <c>Submit</c> with its snapshot).
/// </summary>
public sealed class BenchmarkArrange(IServiceProvider services, TimeProvider clock)
{
    private static long _nextNip = 400_000;

    /// <summary>Indicators of one year with the given revenue and counts; the other values fixed.</summary>
    public static IndicatorValues Indicators(decimal revenue, int productInnovations = 0, int processInnovations = 0, int jointProjects = 0, int internships = 0) =>
        new(100, revenue, 50_000m, 0, productInnovations, processInnovations, jointProjects, 100_000m, 0, internships, 10m);

    /// <summary>The cluster's members become exactly <paramref name="members"/> (joined on 2019-01-01 unless said).</summary>
    public async Task SetMembersAsync(Guid clusterId, IReadOnlyList<BenchmarkMember> members, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KkkDbContext>();
        var cluster = await db.Clusters.Include(c => c.Members).SingleAsync(c => c.Id == clusterId, cancellationToken);
        foreach (var id in cluster.Members.Select(m => m.Id).ToList())
        {
            cluster.RemoveMember(id);
        }

        for (var i = 0; i < members.Count; i++)
        {
            var m = members[i];
            cluster.AddMember($"Członek {i + 1} — {cluster.Name}", NextNip(), m.Type, m.Size, cluster.VoivodeshipTeryt, m.JoinedOn ?? new DateOnly(2019, 1, 1), m.Employment);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Fills the cluster's draft application (as the certified clusters' are) with <paramref name="earlier"/> and
    /// <paramref name="later"/> for its two indicator years and submits it, numbered next in its competition.
    /// </summary>
    public async Task SubmitDraftAsync(Guid clusterId, IndicatorValues earlier, IndicatorValues later, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KkkDbContext>();
        var application = await db.Applications.SingleAsync(a => a.ClusterId == clusterId && a.Status == ApplicationStatus.Draft, cancellationToken);
        var competition = await db.Competitions.SingleAsync(c => c.Id == application.CompetitionId, cancellationToken);
        var years = KkkApplication.IndicatorYears(competition.Year);
        var now = clock.GetUtcNow();
        SubmittedApplications.Fill(application, competition.Criteria.Select(c => c.AreaCode).Distinct(), years, null, now, year => year == years[0] ? earlier : later);
        await db.SaveChangesAsync(cancellationToken);
        var sequence = await db.Applications.CountAsync(a => a.CompetitionId == competition.Id && a.Number != null, cancellationToken) + 1;
        var snapshot = await ApplicationSnapshots.TakeAsync(db, application, SnapshotKind.Submission, KkkApplication.FormatNumber(competition.Year, competition.Round, sequence), now, cancellationToken);
        application.Submit(competition, sequence, snapshot.Sha256, now);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// The domain steps of <see cref="SubmitDraftAsync"/> on a loaded draft, without the snapshot (its hash made up), for the
    /// benchmarks that submit many at once.
    /// </summary>
    public static void FillAndSubmit(KkkApplication application, Domain.Competitions.Competition competition, int sequence, IndicatorValues earlier, IndicatorValues later, DateTimeOffset now)
    {
        var years = KkkApplication.IndicatorYears(competition.Year);
        SubmittedApplications.Fill(application, competition.Criteria.Select(c => c.AreaCode).Distinct(), years, null, now, year => year == years[0] ? earlier : later);
        application.Submit(competition, sequence, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(application.Id.ToByteArray())), now);
    }

    private static string NextNip()
    {
        while (true)
        {
            var prefix = (800_000_000 + Interlocked.Increment(ref _nextNip)).ToString(CultureInfo.InvariantCulture);
            var nip = PolishIdentifiers.CompleteNip(prefix);
            if (nip.StartsWith(prefix, StringComparison.Ordinal))
            {
                return nip;
            }
        }
    }
}
