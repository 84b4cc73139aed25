using KkkCompetition.Application.Applications;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Domain.Applications;
using KkkCompetition.Domain.Certification;
using KkkCompetition.Domain.Clusters;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Competitions;
using KkkCompetition.Domain.Identifiers;
using KkkCompetition.Domain.Programme;
using KkkCompetition.Infrastructure.Identity;
using KkkCompetition.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KkkCompetition.Infrastructure.Seeding;

/// <summary>One cluster certified in the demo's earlier round, with its own coordinator (who signs in with the demo password).</summary>
public sealed record DemoCertifiedCluster(
    string Email,
    string CoordinatorName,
    string OrganisationName,
    string NipPrefix,
    string ClusterName,
    string Voivodeship,
    string Kis,
    int MemberNipBase);

/// <summary>
/// The history the programme's demo needs: the programme's first phase (from 1 January of last year, four years) and an
/// earlier round of the competition, two years ago and tied to that phase, in which five demo clusters were certified —
/// so that their statuses run to the phase's end and a year of their contracts is over, ready to be reported. The round
/// lies in the past, so it is built the domain's way with the instants it happened at (the use cases would rightly refuse
/// to submit to a closed competition): announcement, submission with its snapshot, formal acceptance, evaluation, the
/// commission's positive decision and the status. Only the merit evaluation's sheets are not part of the demo.
/// </summary>
public static class DemoProgrammeHistory
{
    public static readonly IReadOnlyList<DemoCertifiedCluster> Clusters =
    [
        new($"koordynator.lodz@{DemoData.EmailDomain}", "Łucja Łódzka", "Stowarzyszenie Łódzki Klaster Mody", "725000001",
            "Łódzki Klaster Mody i Tekstyliów Demo", "10", "KIS9", 660_000_000),
        new($"koordynator.krakow@{DemoData.EmailDomain}", "Kazimierz Krakowski", "Fundacja Małopolski Klaster Zdrowia", "676000001",
            "Małopolski Klaster Zdrowia Demo", "12", "KIS1", 670_000_000),
        new($"koordynator.wroclaw@{DemoData.EmailDomain}", "Wanda Wrocławska", "Stowarzyszenie Dolnośląski Klaster Chemiczny", "898000001",
            "Dolnośląski Klaster Chemiczny Demo", "02", "KIS6", 680_000_000),
        new($"koordynator.lublin@{DemoData.EmailDomain}", "Leon Lubelski", "Fundacja Lubelski Klaster Rolno-Spożywczy", "712000001",
            "Lubelski Klaster Rolno-Spożywczy Demo", "06", "KIS2", 690_000_000),
        new($"koordynator.szczecin@{DemoData.EmailDomain}", "Szymon Szczeciński", "Stowarzyszenie Zachodniopomorski Klaster Morski", "851000001",
            "Zachodniopomorski Klaster Offshore Demo", "32", "KIS7", 700_000_000),
    ];

    private static readonly IndicatorValues Indicators = new(540, 76_300_000m, 1_870_000m, 2, 7, 5, 6, 9_400_000m, 3, 70, 27.5m);

    /// <summary>The phase (when no phase holds its first day yet) and the certified clusters; nothing when already there. Returns the phase, or null when another phase is in the way.</summary>
    public static async Task<Guid?> EnsureAsync(IServiceScopeFactory scopes, TimeProvider clock, CancellationToken cancellationToken)
    {
        var today = Domain.Calendar.WorkingDayCalendar.ToWarsawDate(clock.GetUtcNow());
        var phaseStart = new DateOnly(today.Year - 1, 1, 1);
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUserContext>().Set(FixedUser.System);
        var audit = scope.ServiceProvider.GetRequiredService<AuditTrail>();
        var db = scope.ServiceProvider.GetRequiredService<KkkDbContext>();
        var phases = await db.ProgrammePhases.ToListAsync(cancellationToken);
        var phase = phases.SingleOrDefault(p => p.Contains(phaseStart));
        if (phase is null)
        {
            if (phases.Any(p => p.Number == 1 || p.Contains(ProgrammePhase.EndOf(phaseStart, ProgrammePhase.DefaultYears))))
            {
                return null;
            }

            audit.BeginCommand("SeedDemoProgramme");
            phase = ProgrammePhase.Define(1, phaseStart, ProgrammePhase.EndOf(phaseStart, ProgrammePhase.DefaultYears), phases, clock.GetUtcNow());
            db.ProgrammePhases.Add(phase);
            await db.SaveChangesAsync(cancellationToken);
        }

        var year = today.Year - 2;
        if (await db.Competitions.AnyAsync(c => c.Year == year && c.ProgrammePhaseId == phase.Id, cancellationToken))
        {
            return phase.Id;
        }

        audit.BeginCommand("SeedDemoCertificationHistory");
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var competition = await AnnouncedRoundAsync(db, year, phase, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        var announced = competition.Timeline;
        var sequence = 0;
        foreach (var demo in Clusters)
        {
            var user = await users.FindByEmailAsync(demo.Email) ?? await UserAccounts.CreateAsync(users, demo.Email, demo.CoordinatorName, DemoData.Password, Roles.Applicant);
            var organisation = Organisation.Register(
                user.Id, demo.OrganisationName, PolishIdentifiers.CompleteNip(demo.NipPrefix), DemoClusters.CompleteRegon(demo.NipPrefix[..8]), null,
                "stowarzyszenie", "ul. Klastrowa 5, 00-001 Warszawa", demo.Voivodeship);
            var cluster = Cluster.Found(organisation.Id, demo.ClusterName, new DateOnly(2016, 5, 1), demo.Voivodeship, [demo.Kis], null);
            DemoClusters.AddMembers(cluster, demo.MemberNipBase, demo.MemberNipBase);
            db.Organisations.Add(organisation);
            db.Clusters.Add(cluster);

            // The snapshot reads the cluster and its members from the database.
            await db.SaveChangesAsync(cancellationToken);
            var application = await CertifiedApplicationAsync(db, competition, cluster, user.Id, ++sequence, cancellationToken);
            var decidedAt = announced.DecisionAt;
            var decision = CertificationDecision.Record(
                competition.Id, application.Id, cluster.Id, Guid.CreateVersion7(), $"1/{year}/KKK", DecisionOutcome.Positive,
                "Wniosek spełnił kryteria i uzyskał rekomendację komisji (dane demonstracyjne).", (3, 0, 0), competition.Settings.AppealWindowDays, decidedAt);
            decision.RecordPaperDelivery(Domain.Calendar.WorkingDayCalendar.ToWarsawDate(decidedAt).AddDays(3), decidedAt.AddDays(4));
            db.CertificationDecisions.Add(decision);
            db.KkkStatuses.Add(KkkStatus.Grant(
                decision,
                KkkStatus.FormatCertificateNumber(year, sequence),
                new CertifiedCluster(cluster.Name, organisation.Name, organisation.Nip, cluster.VoivodeshipTeryt, cluster.KisCodes, cluster.Website),
                Domain.Calendar.WorkingDayCalendar.ToWarsawDate(decidedAt),
                competition.Settings.StatusValidityYears,
                phase.EndsOn,
                decidedAt));
        }

        await db.SaveChangesAsync(cancellationToken);
        return phase.Id;
    }

    /// <summary>The earlier round: announced in June two years ago, open through the summer, decided in December, tied to the phase.</summary>
    private static async Task<Competition> AnnouncedRoundAsync(KkkDbContext db, int year, ProgrammePhase phase, CancellationToken cancellationToken)
    {
        DateTimeOffset At(int month, int day, int hour) => Domain.Calendar.WorkingDayCalendar.FromWarsaw(new DateTime(year, month, day, hour, 0, 0));
        var template = await db.CriterionTemplates.AsNoTracking().ToListAsync(cancellationToken);
        var round = await db.Competitions.CountAsync(c => c.Year == year, cancellationToken) + 1;
        var competition = Competition.CreateFromTemplate(
            $"Konkurs o status KKK — nabór {year}/{round} (archiwalny, demo)",
            year,
            round,
            new CompetitionTimeline(At(6, 3, 9), At(6, 17, 9), At(8, 30, 12), At(9, 30, 16), At(11, 15, 16), At(11, 29, 10), At(12, 16, 12)),
            100m,
            template);
        competition.TieToPhase(phase.Id);
        competition.Announce(competition.Timeline.AnnouncementAt);
        db.Competitions.Add(competition);
        return competition;
    }

    /// <summary>The cluster's application walked through the round at the instants it happened, up to its certification.</summary>
    private static async Task<KkkApplication> CertifiedApplicationAsync(KkkDbContext db, Competition competition, Cluster cluster, Guid ownerId, int sequence, CancellationToken cancellationToken)
    {
        var timeline = competition.Timeline;
        var started = timeline.OpensAt.AddDays(sequence);
        var application = KkkApplication.StartDraft(competition, cluster.Id, ownerId, started);
        foreach (var indicators in application.Indicators.ToList())
        {
            application.SaveIndicators(indicators.Year, Indicators, started);
        }

        foreach (var narrative in application.Narratives.ToList())
        {
            application.SaveNarrative(narrative.AreaCode, $"Obszar {narrative.AreaCode}: zasoby klastra, wspólne projekty członków i plan działań (dane demonstracyjne).", started);
        }

        foreach (var kind in ApplicationAttachment.MandatoryKinds)
        {
            // Records only: the round's files are not part of the demo.
            application.AddAttachment(kind, $"{kind}.pdf", "application/pdf", 1024, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{cluster.Name}/{kind}"))), started);
        }

        db.Applications.Add(application);
        var submitted = started.AddDays(20);
        var snapshot = await ApplicationSnapshots.TakeAsync(db, application, SnapshotKind.Submission, KkkApplication.FormatNumber(competition.Year, competition.Round, sequence), submitted, cancellationToken);
        application.Submit(competition, sequence, snapshot.Sha256, submitted);
        foreach (var rule in competition.EligibilityRules)
        {
            application.RecordFormalCheck(rule.Code, FormalCheckOutcome.Pass, null, Guid.Empty, timeline.ClosesAt.AddDays(5));
        }

        application.AcceptFormally(competition.EligibilityRules.Select(r => r.Code), "Wszystkie kryteria formalne spełnione.", timeline.ClosesAt.AddDays(10));
        application.StartEvaluation(timeline.FormalReviewDeadline);
        application.CompleteEvaluation(timeline.EvaluationDeadline);
        application.PutBeforeCommission(true, timeline.PanelAt);
        application.RecordDecision(true, timeline.DecisionAt);
        return application;
    }
}
