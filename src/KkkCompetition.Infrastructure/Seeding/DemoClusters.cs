using System.Globalization;
using KkkCompetition.Domain.Clusters;
using KkkCompetition.Domain.Identifiers;

namespace KkkCompetition.Infrastructure.Seeding;

/// <summary>
/// The demo applicant's coordinating organisation and cluster: 60 members of every type from several voivodeships,
/// with valid NIP checksums, so the eligibility pre-checks (at least 51 members, 3 years of activity) pass.
/// </summary>
public static class DemoClusters
{
    public const int Members = 60;

    private static readonly string[] Voivodeships = ["14", "14", "14", "12", "02", "22", "30", "24"];
    private static readonly string[] Companies = ["Technologie", "Systemy", "Innowacje", "Robotyka", "Energia", "Biotech", "Software", "Automatyka", "Materiały", "Logistyka"];

    public static (Organisation Organisation, Cluster Cluster) Create(Guid applicantId)
    {
        var organisation = Organisation.Register(
            applicantId,
            "Fundacja Klaster Innowacji Demo",
            PolishIdentifiers.CompleteNip("525000001"),
            CompleteRegon("14602118"),
            "0000123456",
            "fundacja",
            "ul. Przykładowa 1, 00-001 Warszawa",
            "14");
        var cluster = Cluster.Found(
            organisation.Id,
            "Mazowiecki Klaster Technologii Demo",
            new DateOnly(2018, 3, 1),
            "14",
            ["KIS1", "KIS5"],
            "https://klaster.example.pl",
            ["sztuczna inteligencja", "zaawansowane materiały", "fotonika"]);
        AddMembers(cluster, nipBase: 600_000_000, seed: 2026);
        return (organisation, cluster);
    }

    /// <summary>
    /// Adds <see cref="Members"/> members of every type from several voivodeships to a demo cluster. Their NIPs are made from
    /// <paramref name="nipBase"/> on (bases 100,000 apart never meet); <paramref name="seed"/> varies the employment figures.
    /// </summary>
    public static void AddMembers(Cluster cluster, int nipBase, int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < Members; i++)
        {
            var type = i < 45 ? MemberType.Enterprise : (MemberType)(1 + (i % 4));
            var name = type switch
            {
                MemberType.Enterprise => $"{Companies[i % Companies.Length]} Demo {i + 1:D2} sp. z o.o.",
                MemberType.ResearchOrUniversity => $"Instytut Badawczy Demo {i + 1:D2}",
                MemberType.BusinessSupportInstitution => $"Park Technologiczny Demo {i + 1:D2}",
                MemberType.LocalGovernment => $"Gmina Demo {i + 1:D2}",
                _ => $"Stowarzyszenie Demo {i + 1:D2}",
            };
            cluster.AddMember(
                name,
                PolishIdentifiers.CompleteNip((nipBase + (i * 1_013)).ToString(CultureInfo.InvariantCulture)),
                type,
                type == MemberType.Enterprise ? (EnterpriseSize)(i % 4) : null,
                Voivodeships[i % Voivodeships.Length],
                new DateOnly(2018 + (i % 6), 1 + (i % 12), 1),
                random.Next(3, 400));
        }
    }

    /// <summary>The 9-digit REGON whose first 8 digits are given (the check digit appended).</summary>
    internal static string CompleteRegon(string eightDigits) =>
        Enumerable.Range(0, 10).Select(d => eightDigits + d).First(PolishIdentifiers.IsValidRegon);
}
