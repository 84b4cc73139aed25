using System.Globalization;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Domain.Clusters;
using KkkCompetition.Domain.Contracts;
using KkkCompetition.Domain.Identifiers;
using KkkCompetition.Domain.Programme;
using KkkCompetition.Infrastructure.Persistence;
using KkkCompetition.Testing.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KkkCompetition.Benchmarks;

/// <summary>
/// Realistic volume, deterministic for a seed: clusters with their coordinators and members, at the size of
/// the European cluster platform by default (1,250 clusters, 155,000 members). Later issues add their own parts.
/// </summary>
public sealed class DataGenerator(int seed = 2026)
{
    public const int EuropeanPlatformClusters = 1_250;
    public const int EuropeanPlatformMembers = 155_000;

    private static readonly string[] Voivodeships = ["02", "04", "06", "08", "10", "12", "14", "16", "18", "20", "22", "24", "26", "28", "30", "32"];
    private readonly Random _random = new(seed);
    private readonly HashSet<string> _nips = [];
    private long _nextNip = 100_000_000;

    public async Task<IReadOnlyList<Guid>> AddClustersAsync(IServiceProvider services, int clusters = EuropeanPlatformClusters, int members = EuropeanPlatformMembers)
    {
        var ids = new List<Guid>(clusters);
        var perCluster = members / clusters;
        var remainder = members % clusters;
        const int batch = 50;
        for (var start = 0; start < clusters; start += batch)
        {
            // Generated as the system user and audited like any command, so the audit log has realistic volume too.
            await using var scope = services.ScopeAs(FixedUser.System);
            scope.ServiceProvider.GetRequiredService<AuditTrail>().BeginCommand("GenerateBenchmarkData");
            var db = scope.ServiceProvider.GetRequiredService<KkkDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = start; i < Math.Min(start + batch, clusters); i++)
            {
                var voivodeship = Voivodeships[_random.Next(Voivodeships.Length)];
                var organisation = Organisation.Register(Guid.CreateVersion7(), $"Koordynator {i + 1}", NextNip(), null, null, "stowarzyszenie", $"ul. Klastrowa {i + 1}", voivodeship);
                var cluster = Cluster.Found(organisation.Id, $"Klaster {i + 1}", new DateOnly(2005 + _random.Next(18), 1 + _random.Next(12), 1), voivodeship, [$"KIS{1 + _random.Next(13)}"], null);
                var count = perCluster + (i < remainder ? 1 : 0);
                for (var m = 0; m < count; m++)
                {
                    var type = RandomType();
                    cluster.AddMember(
                        $"Członek {i + 1}-{m + 1}",
                        NextNip(),
                        type,
                        type == MemberType.Enterprise ? RandomSize() : null,
                        _random.Next(4) == 0 ? Voivodeships[_random.Next(Voivodeships.Length)] : voivodeship,
                        new DateOnly(2010 + _random.Next(15), 1 + _random.Next(12), 1),
                        _random.Next(1, 2_000));
                }

                db.Organisations.Add(organisation);
                db.Clusters.Add(cluster);
                ids.Add(cluster.Id);
            }

            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync();
        }

        return ids;
    }

    /// <summary>The optional KPIs of the catalogue that every benchmark contract adds to the six mandatory ones.</summary>
    public static readonly IReadOnlyList<string> OptionalKpis = ["KPI-INT", "KPI-SKL", "KPI-PAT", "KPI-CO2"];

    /// <summary>
    /// Issue 7: active programme contracts for the 2025–2028 phase (certified clusters in every voivodeship, one to three KIS
    /// codes), each with the catalogue's 10 KPIs over its 4 years and all 4 annual reports filled in, submitted and accepted
    /// at shares of the targets between 50% and 110%, and the achievement stored as accepting a report stores it.
    /// </summary>
    public async Task<IReadOnlyList<ArrangedContract>> AddProgrammeContractsAsync(IServiceProvider services, TimeProvider clock, int contracts = EuropeanPlatformClusters)
    {
        var shapes = Enumerable.Range(1, contracts).Select(i => new ContractShape
        {
            ClusterName = $"Klaster Programowy {i:D4}",
            Voivodeship = Voivodeships[_random.Next(Voivodeships.Length)],
            KisCodes = [.. Enumerable.Range(0, 1 + _random.Next(3)).Select(_ => $"KIS{1 + _random.Next(13)}").Distinct()],
            Members = 2,
            OptionalKpis = OptionalKpis,
        }).ToList();
        var arranged = await new ContractArrange(services, clock).CreateManyAsync(shapes);

        foreach (var batch in arranged.Chunk(50))
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<KkkDbContext>();
            var ids = batch.Select(c => c.ContractId).ToList();
            var loaded = await db.ProgrammeContracts.Where(c => ids.Contains(c.Id)).ToListAsync();
            var reports = (await db.KpiReports.Where(r => ids.Contains(r.ContractId) && r.Kind == ReportKind.Annual).ToListAsync()).ToLookup(r => r.ContractId);
            var now = clock.GetUtcNow();
            foreach (var contract in loaded)
            {
                var annual = reports[contract.Id].OrderBy(r => r.Year).ToList();
                foreach (var report in annual)
                {
                    ContractArrange.FillAndAccept(contract, report, decimal.Round(0.5m + (decimal)_random.NextDouble() * 0.6m, 2), now);
                }

                var accepted = annual.Select(r => new ReportedYear(r.Year!.Value, r.Lines.ToDictionary(l => l.KpiCode, l => l.Actual, StringComparer.Ordinal))).ToList();
                var achievement = ContractAchievementCalculator.Compute(contract, accepted, AchievementBands.Default);
                contract.RecordAchievement(achievement.Percent, achievement.Reports, now);
            }

            await db.SaveChangesAsync();
        }

        return arranged;
    }

    /// <summary>
    /// Issue 8: the benchmark report's group — 1,250 clusters with active contracts in the 2025–2028 phase and 155,000 members
    /// between them (124 on average, types and sizes as in <see cref="AddClustersAsync"/>), each with its application submitted
    /// with random indicators of both years (one in twenty with no revenue in the earlier year).
    /// </summary>
    public async Task<IReadOnlyList<ArrangedContract>> AddBenchmarkGroupAsync(IServiceProvider services, TimeProvider clock, int clusters = EuropeanPlatformClusters, int members = EuropeanPlatformMembers)
    {
        var shapes = Enumerable.Range(1, clusters).Select(i => new ContractShape
        {
            ClusterName = $"Klaster Porównywany {i:D4}",
            Voivodeship = Voivodeships[_random.Next(Voivodeships.Length)],
            Members = 0,
        }).ToList();
        var arranged = await new ContractArrange(services, clock).CreateManyAsync(shapes);
        var perCluster = members / clusters;
        var remainder = members % clusters;
        var sequence = 0;
        var index = 0;
        foreach (var batch in arranged.Chunk(50))
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<KkkDbContext>();
            var ids = batch.Select(c => c.ClusterId).ToList();
            var loaded = await db.Clusters.Include(c => c.Members).Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id);
            var applications = await db.Applications.Where(a => ids.Contains(a.ClusterId)).ToDictionaryAsync(a => a.ClusterId);
            var competitionId = applications.Values.First().CompetitionId;
            var competition = await db.Competitions.SingleAsync(c => c.Id == competitionId);
            var now = clock.GetUtcNow();
            foreach (var contract in batch)
            {
                var cluster = loaded[contract.ClusterId];
                var count = perCluster + (index++ < remainder ? 1 : 0);
                for (var m = 0; m < count; m++)
                {
                    var type = RandomType();
                    cluster.AddMember($"Członek {cluster.Name}-{m + 1}", NextNip(), type, type == MemberType.Enterprise ? RandomSize() : null, cluster.VoivodeshipTeryt,
                        new DateOnly(2010 + _random.Next(15), 1 + _random.Next(12), 1), _random.Next(1, 2_000));
                }

                var earlier = _random.Next(20) == 0 ? 0m : _random.Next(1_000_000, 50_000_000);
                Testing.Programme.BenchmarkArrange.FillAndSubmit(
                    applications[contract.ClusterId], competition, ++sequence,
                    RandomIndicators(earlier), RandomIndicators(decimal.Round(earlier * (0.8m + (decimal)_random.NextDouble() * 0.5m), 2)), now);
            }

            await db.SaveChangesAsync();
        }

        return arranged;
    }

    private Domain.Applications.IndicatorValues RandomIndicators(decimal revenue) =>
        Testing.Programme.BenchmarkArrange.Indicators(revenue, _random.Next(20), _random.Next(15), _random.Next(10), _random.Next(80));

    private string NextNip()
    {
        while (true)
        {
            var nip = PolishIdentifiers.CompleteNip((_nextNip++).ToString(CultureInfo.InvariantCulture));
            if (_nips.Add(nip))
            {
                return nip;
            }
        }
    }

    // Shares close to the 2024 national cluster benchmark: mostly enterprises, most of them SMEs.
    private MemberType RandomType() => _random.Next(100) switch
    {
        < 78 => MemberType.Enterprise,
        < 86 => MemberType.ResearchOrUniversity,
        < 93 => MemberType.BusinessSupportInstitution,
        < 97 => MemberType.LocalGovernment,
        _ => MemberType.Other,
    };

    private EnterpriseSize RandomSize() => _random.Next(100) switch
    {
        < 45 => EnterpriseSize.Micro,
        < 75 => EnterpriseSize.Small,
        < 92 => EnterpriseSize.Medium,
        _ => EnterpriseSize.Large,
    };
}
