using KkkCompetition.Domain.Applications;
using KkkCompetition.Domain.Competitions;
using KkkCompetition.Infrastructure.Seeding;
using KkkCompetition.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KkkCompetition.Application.FunctionalTests.Seeding;

public abstract class DemoDataTests(DatabaseFixture database) : FunctionalTest(database)
{
    [Fact]
    public async Task Demo_data_seeds_users_an_announced_competition_and_a_draft_application_once()
    {
        var demo = Services.GetRequiredService<DemoData>();

        var created = await demo.EnsureAsync(Ct);
        var again = await demo.EnsureAsync(Ct);

        Assert.Equal(DemoData.Users.Count, created.Count);
        Assert.Empty(again);
        var users = await Read(db => ((Application.Common.Persistence.IAppDbContext)db).UserRoles.ToListAsync(Ct));
        // The demo logins, and the accounts of the demo expert pool beyond the demo expert login.
        Assert.Equal(DemoData.Users.Select(u => u.Role).Concat(Enumerable.Repeat(Domain.Common.Roles.Expert, DemoExperts.Pool.Count - 1)).Order(), users.Select(u => u.Role).Order());
        var competition = Assert.Single(await Read(db => db.Competitions.AsNoTracking().ToListAsync(Ct)));
        Assert.Equal(CompetitionStatus.Announced, competition.Status);
        Assert.Equal(13, competition.Criteria.Count);
        var application = Assert.Single(await Read(db => db.Applications.AsNoTracking().ToListAsync(Ct)));
        Assert.Equal(ApplicationStatus.Draft, application.Status);
        Assert.Equal(competition.Id, application.CompetitionId);
        Assert.Equal(60, await Read(db => db.ClusterMembers.CountAsync(Ct)));
        Assert.Single(await Read(db => db.Organisations.ToListAsync(Ct)));

        var verification = await Services.SendAsAsync(TestUsers.Administrator, new Application.Auditing.VerifyAuditChain(), Ct);
        Assert.True(verification.IsIntact, verification.Problem);
    }
}

public sealed class DemoDataTestsOnSqlite(SqliteDatabaseFixture database) : DemoDataTests(database), IClassFixture<SqliteDatabaseFixture>;

public sealed class DemoDataTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : DemoDataTests(database), IClassFixture<PostgreSqlDatabaseFixture>;
