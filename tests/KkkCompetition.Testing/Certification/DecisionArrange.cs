using KkkCompetition.Domain.Calendar;
using KkkCompetition.Domain.Certification;
using KkkCompetition.Infrastructure.Persistence;
using KkkCompetition.Testing.Evaluation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KkkCompetition.Testing.Certification;

/// <summary>A decision made by <see cref="DecisionArrange"/>: its application (with the owner as a caller) and, when positive, the status it granted.</summary>
public sealed record ArrangedDecision(Guid DecisionId, SubmittedApplication Application, string? CertificateNumber);

/// <summary>
/// The commission's decisions built the domain's way, for the tests of what the applicant receives (the commission's own
/// use cases belong to another part): a formally accepted application scored by two experts ("Anna Nowak", "Jan Kowalski"),
/// its evaluation completed, put before the commission and decided (<c>KkkApplication.RecordDecision</c>), the decision
/// recorded (<c>CertificationDecision.Record</c>) and, when positive, the KKK status granted (<c>KkkStatus.Grant</c>).
/// </summary>
public sealed class DecisionArrange(IServiceProvider services, TimeProvider clock)
{
    public const string NegativeJustification = "Wniosek nie uzyskał wymaganej liczby punktów (próg 100): Komisja podzieliła ocenę ekspertów.";
    public const string PositiveJustification = "Wniosek spełnia kryteria i uzyskał rekomendację ekspertów.";

    public static readonly IReadOnlyList<string> ExpertNames = ["Anna Nowak", "Jan Kowalski"];

    /// <summary>An announced competition of the default template (threshold 100, appeal window 14 days, validity 3 years).</summary>
    public Task<Guid> CompetitionAsync(int? year = null, CancellationToken cancellationToken = default) =>
        new RankingArrange(services, clock).CompetitionAsync(year: year, cancellationToken: cancellationToken);

    /// <summary>A certified application: 8 points on every criterion from both experts (104 of 150), a positive decision and its status.</summary>
    public Task<ArrangedDecision> CertifiedAsync(Guid competitionId, string clusterName, ApplicationShape? shape = null, CancellationToken cancellationToken = default) =>
        DecidedAsync(competitionId, clusterName, positive: true, shape, cancellationToken);

    /// <summary>A rejected application: 7 points on every criterion from both experts (91 of 150), a negative decision.</summary>
    public Task<ArrangedDecision> RejectedAsync(Guid competitionId, string clusterName, ApplicationShape? shape = null, CancellationToken cancellationToken = default) =>
        DecidedAsync(competitionId, clusterName, positive: false, shape, cancellationToken);

    private async Task<ArrangedDecision> DecidedAsync(Guid competitionId, string clusterName, bool positive, ApplicationShape? shape, CancellationToken cancellationToken)
    {
        var application = await new AssignmentArrange(services, clock).AcceptedAsync(competitionId, clusterName, shape ?? new ApplicationShape { Members = 2 }, cancellationToken);
        var points = positive ? 8m : 7m;
        await new RankingArrange(services, clock).ScoreAsync(
            application.Id,
            [new ArrangedSheet(ExpertNames[0], RankingArrange.Points(points)), new ArrangedSheet(ExpertNames[1], RankingArrange.Points(points))],
            cancellationToken: cancellationToken);

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KkkDbContext>();
        var now = clock.GetUtcNow();
        var app = await db.Applications.SingleAsync(a => a.Id == application.Id, cancellationToken);
        var competition = await db.Competitions.AsNoTracking().SingleAsync(c => c.Id == competitionId, cancellationToken);
        app.StartEvaluation(now);
        app.CompleteEvaluation(now);
        app.PutBeforeCommission(positive, now);
        app.RecordDecision(positive, now);

        var resolutions = await db.CertificationDecisions.CountAsync(d => d.CompetitionId == competitionId, cancellationToken);
        var decision = CertificationDecision.Record(
            competitionId,
            app.Id,
            app.ClusterId,
            Guid.CreateVersion7(),
            $"UCH/{competition.Year}/{competition.Round}/{resolutions + 1:000}",
            positive ? DecisionOutcome.Positive : DecisionOutcome.Negative,
            positive ? PositiveJustification : NegativeJustification,
            positive ? (6, 1, 1) : (1, 6, 1),
            competition.Settings.AppealWindowDays,
            now);
        db.CertificationDecisions.Add(decision);

        string? certificateNumber = null;
        if (positive)
        {
            var coordinator = await (
                    from c in db.Clusters.AsNoTracking()
                    where c.Id == app.ClusterId
                    join o in db.Organisations.AsNoTracking() on c.OrganisationId equals o.Id
                    select new { o.Name, o.Nip, c.VoivodeshipTeryt, c.KisCodes })
                .SingleAsync(cancellationToken);
            var today = WorkingDayCalendar.ToWarsawDate(now);
            var granted = await db.KkkStatuses.CountAsync(cancellationToken);
            certificateNumber = KkkStatus.FormatCertificateNumber(today.Year, granted + 1);
            db.KkkStatuses.Add(KkkStatus.Grant(
                decision,
                certificateNumber,
                new CertifiedCluster(clusterName, coordinator.Name, coordinator.Nip, coordinator.VoivodeshipTeryt, [.. coordinator.KisCodes], null),
                today,
                competition.Settings.StatusValidityYears,
                null,
                now));
        }

        await db.SaveChangesAsync(cancellationToken);
        return new ArrangedDecision(decision.Id, application, certificateNumber);
    }
}
