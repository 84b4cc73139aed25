using KkkCompetition.Domain.Evaluation;
using KkkCompetition.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using KkkCompetition.Infrastructure.Persistence;

namespace KkkCompetition.Application.FunctionalTests.Evaluation;

/// <summary>The evaluation aggregates keep everything they hold (JSON columns included) through a save and a fresh read.</summary>
public abstract class EvaluationPersistenceTests(DatabaseFixture database) : FunctionalTest(database)
{
    [Fact]
    public async Task Experts_assignments_overrides_and_results_round_trip()
    {
        var applications = new SubmittedApplications(Services, Database.Clock);
        var competitionId = await applications.CompetitionAsync(cancellationToken: Ct);
        var application = await applications.SubmitAsync(competitionId, "Klaster Alfa", cancellationToken: Ct);
        var now = Database.Clock.GetUtcNow();

        Guid expertId, assignmentId, resultId;
        await using (var scope = Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KkkDbContext>();
            var competition = await db.Competitions.Include(c => c.Criteria).SingleAsync(c => c.Id == competitionId, Ct);
            var expert = Expert.Invite("ekspert@example.pl", "Jan Ekspert", "hash", Guid.NewGuid(), now, now.AddDays(14));
            expert.AcceptInvitation("hash", Guid.NewGuid(), now);
            expert.UpdateProfile(new ExpertProfile("Jan Ekspert", "14", ["62.01.Z"], 4, true, [new ExpertAffiliation("5260250274", "Firma Ł", new DateOnly(2024, 1, 1), null)]), now);
            var assignment = ExpertAssignment.Create(competitionId, application.Id, expert.Id, AssignmentOrigin.Solver, new AssignmentReasons(1, true, 1, false), now, now.AddDays(14));
            assignment.SignDeclaration(now);
            var code = competition.Criteria.OrderBy(c => c.Order).First().Code;
            assignment.SaveDraft([new CriterionScoreInput(code, 2.5m, "Uzasadnienie z polskimi znakami: żółć.")], "Opinia", competition.Criteria, now);
            var points = competition.Criteria.ToDictionary(c => c.Code, _ => 1m);
            var result = EvaluationResult.Create(competition, application.Id, new EvaluationOutcome.Computed(ResultMethod.TwoClosest, [assignment.Id], points), now);
            result.ChangeByPanel(competition, code, 2m, "Panel ocenił wyżej po prezentacji klastra.", Guid.NewGuid(), now);
            db.AddRange(expert, assignment, result, AssignmentOverride.Create(competitionId, application.Id, expert.Id, OverrideKind.Forbid, "Konflikt zgłoszony telefonicznie.", Guid.NewGuid(), now));
            await db.SaveChangesAsync(Ct);
            (expertId, assignmentId, resultId) = (expert.Id, assignment.Id, result.Id);
        }

        var savedExpert = await Read(db => db.Experts.AsNoTracking().SingleAsync(e => e.Id == expertId, Ct));
        var savedAssignment = await Read(db => db.ExpertAssignments.AsNoTracking().SingleAsync(a => a.Id == assignmentId, Ct));
        var savedResult = await Read(db => db.EvaluationResults.AsNoTracking().SingleAsync(r => r.Id == resultId, Ct));
        var savedOverride = await Read(db => db.AssignmentOverrides.AsNoTracking().SingleAsync(Ct));

        Assert.Equal(new ExpertAffiliation("5260250274", "Firma Ł", new DateOnly(2024, 1, 1), null), Assert.Single(savedExpert.Affiliations));
        Assert.Equal(["62.01.Z"], savedExpert.KisCodes);
        var score = Assert.Single(savedAssignment.Scores);
        Assert.Equal((2.5m, "Uzasadnienie z polskimi znakami: żółć."), (score.Points!.Value, score.Justification!));
        Assert.Equal(AssignmentStatus.Accepted, savedAssignment.Status);
        Assert.Equal([assignmentId], savedResult.SheetsUsed);
        Assert.Equal(ResultMethod.TwoClosest, savedResult.Method);
        var changed = Assert.Single(savedResult.Criteria, c => c.PanelPoints is not null);
        Assert.Equal((1m, 2m), (changed.ExpertPoints, changed.PanelPoints!.Value));
        Assert.Equal(savedResult.ExpertTotal + 1m * (await Read(db => db.Competitions.Include(c => c.Criteria).SingleAsync(c => c.Id == competitionId, Ct))).Criteria.First(c => c.Code == changed.CriterionCode).Weight, savedResult.Total);
        Assert.Equal(OverrideKind.Forbid, savedOverride.Kind);
    }
}

public sealed class EvaluationPersistenceTestsOnSqlite(SqliteDatabaseFixture database) : EvaluationPersistenceTests(database), IClassFixture<SqliteDatabaseFixture>;

public sealed class EvaluationPersistenceTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : EvaluationPersistenceTests(database), IClassFixture<PostgreSqlDatabaseFixture>;
