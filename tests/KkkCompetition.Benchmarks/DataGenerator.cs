using System.Globalization;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Domain.Clusters;
using KkkCompetition.Domain.Identifiers;
using KkkCompetition.Infrastructure.Persistence;
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
