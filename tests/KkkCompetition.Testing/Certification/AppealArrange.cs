using KkkCompetition.Domain.Applications;
using KkkCompetition.Domain.Certification;
using KkkCompetition.Infrastructure.Persistence;
using KkkCompetition.Testing.Scoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KkkCompetition.Testing.Certification;

/// <summary>A rejected application of a given owner with its negative decision delivered (the start of every appeal).</summary>
public sealed record RejectedApplication(Guid CompetitionId, Guid ApplicationId, string Number, Guid DecisionId, string CriterionCode);

/// <summary>
/// Arranges what an appeal is lodged against for the HTTP and browser tests. Scoring is not what those tests are about, so
/// the evaluated status is set on the row; the commission's steps and the decision go through the domain. (The functional
/// tests arrange a really scored application instead.)
/// </summary>
public sealed class AppealArrange(IServiceProvider services, TimeProvider clock)
{
    public async Task<RejectedApplication> RejectedAsync(Guid ownerId, int year, string clusterName = "Klaster Alfa", CancellationToken cancellationToken = default)
    {
        var arrange = new ScoringArrange(services, clock);
        var competitionId = await arrange.CompetitionAsync(year: year, cancellationToken: cancellationToken);
        var submitted = await arrange.Applications.SubmitAsync(competitionId, clusterName, new ApplicationShape { OwnerUserId = ownerId }, cancellationToken);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KkkDbContext>();
        var now = clock.GetUtcNow();
        var application = await db.Applications.AsSplitQuery().SingleAsync(a => a.Id == submitted.Id, cancellationToken);
        db.Entry(application).Property(a => a.Status).CurrentValue = ApplicationStatus.Evaluated;
        application.PutBeforeCommission(false, now);
        application.RecordDecision(false, now);
        var decision = CertificationDecision.Record(
            competitionId, application.Id, application.ClusterId, Guid.CreateVersion7(), $"1/{year}", DecisionOutcome.Negative,
            "Wniosek nie uzyskał wymaganej liczby punktów.", (1, 4, 0), 14, now);
        decision.MarkOpenedInPortal(now);
        db.CertificationDecisions.Add(decision);
        await db.SaveChangesAsync(cancellationToken);
        var criteria = await arrange.CriteriaAsync(competitionId, cancellationToken);
        return new RejectedApplication(competitionId, application.Id, submitted.Number, decision.Id, criteria[0].Code);
    }
}
