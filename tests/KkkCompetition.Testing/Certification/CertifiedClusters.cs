using System.Globalization;
using KkkCompetition.Domain.Applications;
using KkkCompetition.Domain.Certification;
using KkkCompetition.Domain.Clusters;
using KkkCompetition.Domain.Identifiers;
using KkkCompetition.Infrastructure.Identity;
using KkkCompetition.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KkkCompetition.Testing.Certification;

/// <summary>What to vary in a certified cluster; the defaults give a status in force on the test clock's day.</summary>
public sealed record CertifiedShape
{
    public string ClusterName { get; init; } = "Klaster Testowy";
    public string Voivodeship { get; init; } = "14";
    public IReadOnlyList<string> KisCodes { get; init; } = ["KIS1"];
    public string? Website { get; init; } = "https://klaster.example.pl";

    /// <summary>The certificate date; null: the clock's Warsaw day minus a year.</summary>
    public DateOnly? CertificateDate { get; init; }

    public int ValidityYears { get; init; } = 3;
    public DateOnly? PhaseEndsOn { get; init; }

    /// <summary>Members of the cluster (every fifth a research unit, the rest enterprises).</summary>
    public int Members { get; init; } = 3;

    /// <summary>A cluster already made by an earlier call: a second status of the same cluster (its history).</summary>
    public Guid? ExistingClusterId { get; init; }
}

/// <summary>A status made by <see cref="CertifiedClusters"/>, with the cluster and its coordinator (the organisation's owner).</summary>
public sealed record GrantedStatus(Guid StatusId, Guid ClusterId, Guid DecisionId, Guid CoordinatorUserId, string CertificateNumber, string ClusterName);

/// <summary>
/// KKK statuses built the domain's way, for the registry's tests and benchmark, without the commission's vote: an
/// announced competition (through the use cases), then per cluster an owner, <c>Organisation.Register</c>,
/// <c>Cluster.Found</c> with a few members, a draft application (what the decision points at), a positive
/// <c>CertificationDecision.Record</c> and <c>KkkStatus.Grant</c>.
/// </summary>
/// <param name="competitionYear">The year of the competitions it makes (the clock's by default); a year holds at most two.</param>
public sealed class CertifiedClusters(IServiceProvider services, TimeProvider clock, int? competitionYear = null)
{
    private static long _nextNip = 300_000;
    private Guid? _competitionId;

    // A cluster applies once per competition: its second status comes from another one.
    private Guid? _laterCompetitionId;

    public async Task<GrantedStatus> GrantAsync(CertifiedShape shape, CancellationToken cancellationToken = default) =>
        (await GrantManyAsync([shape], cancellationToken))[0];

    public async Task<IReadOnlyList<GrantedStatus>> GrantManyAsync(IReadOnlyList<CertifiedShape> shapes, CancellationToken cancellationToken = default)
    {
        var competitions = new SubmittedApplications(services, clock);
        _competitionId ??= await competitions.CompetitionAsync("Konkurs o status KKK — rejestr", year: competitionYear, cancellationToken: cancellationToken);
        if (shapes.Any(s => s.ExistingClusterId is not null))
        {
            _laterCompetitionId ??= await competitions.CompetitionAsync("Konkurs o status KKK — rejestr, kolejny nabór", year: competitionYear, cancellationToken: cancellationToken);
        }
        var result = new List<GrantedStatus>(shapes.Count);
        foreach (var chunk in shapes.Chunk(100))
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<KkkDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var competition = await db.Competitions.SingleAsync(c => c.Id == _competitionId, cancellationToken);
            var laterCompetition = _laterCompetitionId is { } laterId ? await db.Competitions.SingleAsync(c => c.Id == laterId, cancellationToken) : null;
            var sequence = await db.KkkStatuses.CountAsync(cancellationToken);
            var owners = shapes.Select(s => s.ExistingClusterId).OfType<Guid>().ToList();
            var existing = await (from c in db.Clusters
                                  where owners.Contains(c.Id)
                                  join o in db.Organisations on c.OrganisationId equals o.Id
                                  select new { c.Id, o.OwnerUserId, o.Name, o.Nip }).ToDictionaryAsync(x => x.Id, cancellationToken);
            foreach (var shape in chunk)
            {
                var now = clock.GetUtcNow();
                Guid clusterId, ownerId;
                string coordinatorName, nip;
                if (shape.ExistingClusterId is { } id)
                {
                    (clusterId, ownerId, coordinatorName, nip) = (id, existing[id].OwnerUserId, existing[id].Name, existing[id].Nip);
                }
                else
                {
                    ownerId = Guid.CreateVersion7();
                    var email = $"coordinator-{ownerId:N}@klaster.example.pl";
                    db.Users.Add(new AppUser
                    {
                        Id = ownerId,
                        UserName = email,
                        NormalizedUserName = email.ToUpperInvariant(),
                        Email = email,
                        NormalizedEmail = email.ToUpperInvariant(),
                        DisplayName = $"Koordynator {shape.ClusterName}",
                        PreferredLanguage = "pl",
                    });
                    nip = NextNip();
                    coordinatorName = $"Stowarzyszenie {shape.ClusterName}";
                    var organisation = Organisation.Register(ownerId, coordinatorName, nip, null, null, "stowarzyszenie", "ul. Klastrowa 1, 00-001 Warszawa", shape.Voivodeship);
                    var cluster = Cluster.Found(organisation.Id, shape.ClusterName, new DateOnly(2015, 1, 1), shape.Voivodeship, shape.KisCodes, shape.Website);
                    for (var m = 0; m < shape.Members; m++)
                    {
                        var type = m % 5 == 4 ? MemberType.ResearchOrUniversity : MemberType.Enterprise;
                        cluster.AddMember($"Członek {m + 1} — {shape.ClusterName}", NextNip(), type, type == MemberType.Enterprise ? EnterpriseSize.Small : null, shape.Voivodeship, new DateOnly(2019, 1, 1), 10);
                    }

                    db.Organisations.Add(organisation);
                    db.Clusters.Add(cluster);
                    clusterId = cluster.Id;
                }

                var applyingTo = shape.ExistingClusterId is null ? competition : laterCompetition!;
                var application = KkkApplication.StartDraft(applyingTo, clusterId, ownerId, now);
                db.Applications.Add(application);
                var decision = CertificationDecision.Record(
                    applyingTo.Id, application.Id, clusterId, Guid.CreateVersion7(), $"UK/{competition.Year}/1", DecisionOutcome.Positive, "Wniosek uzyskał rekomendację komisji.", (5, 0, 0), 14, now);
                db.CertificationDecisions.Add(decision);
                var certificateDate = shape.CertificateDate ?? Domain.Calendar.WorkingDayCalendar.ToWarsawDate(now).AddYears(-1);
                var number = KkkStatus.FormatCertificateNumber(certificateDate.Year, ++sequence);
                var status = KkkStatus.Grant(
                    decision, number, new CertifiedCluster(shape.ClusterName, coordinatorName, nip, shape.Voivodeship, shape.KisCodes, shape.Website),
                    certificateDate, shape.ValidityYears, shape.PhaseEndsOn, now);
                db.KkkStatuses.Add(status);
                result.Add(new GrantedStatus(status.Id, clusterId, decision.Id, ownerId, number, shape.ClusterName));
            }

            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(cancellationToken);
        }

        return result;
    }

    private static string NextNip()
    {
        while (true)
        {
            var prefix = (500_000_000 + Interlocked.Increment(ref _nextNip)).ToString(CultureInfo.InvariantCulture);
            var nip = PolishIdentifiers.CompleteNip(prefix);
            if (nip.StartsWith(prefix, StringComparison.Ordinal))
            {
                return nip;
            }
        }
    }
}
