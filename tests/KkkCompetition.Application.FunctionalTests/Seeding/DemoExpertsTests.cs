using KkkCompetition.Application.Evaluation.Experts;
using KkkCompetition.Domain.Evaluation;
using KkkCompetition.Domain.Identifiers;
using KkkCompetition.Infrastructure.Seeding;
using KkkCompetition.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KkkCompetition.Application.FunctionalTests.Seeding;

public abstract class DemoExpertsTests(DatabaseFixture database) : FunctionalTest(database)
{
    [Fact]
    public async Task The_demo_pool_is_seeded_once_complete_and_the_demo_expert_login_sees_its_profile()
    {
        var demo = Services.GetRequiredService<DemoData>();

        await demo.EnsureAsync(Ct);
        await demo.EnsureAsync(Ct);

        var experts = await Read(db => db.Experts.AsNoTracking().ToListAsync(Ct));
        Assert.Equal(DemoExperts.Pool.Count, experts.Count);
        Assert.All(experts, e => Assert.True(e.Status == ExpertStatus.Active && e.IsProfileComplete, e.Email));
        Assert.True(experts.Select(e => e.VoivodeshipTeryt).Distinct().Count() >= 10);
        Assert.True(experts.SelectMany(e => e.KisCodes).Distinct().Count() >= 10);
        Assert.Single(experts, e => !e.Available);
        var conflicted = Assert.Single(experts, e => e.HasConflictWith(new HashSet<string> { PolishIdentifiers.CompleteNip("600000000") }, new DateOnly(2027, 1, 15)));
        Assert.Equal("ekspert05@demo.kkk.gov.pl", conflicted.Email);

        var loginEmail = DemoData.Users.Single(d => d.Role == Domain.Common.Roles.Expert).Email;
        var login = await Read(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == loginEmail, Ct));
        var profile = await Services.SendAsAsync(new Common.Security.FixedUser(login.Id, login.Email!, [Domain.Common.Roles.Expert]), new GetMyExpertProfile(), Ct);
        Assert.Equal(("Edward Ekspert", true), (profile.FullName, profile.IsAssignable));

        var verification = await Services.SendAsAsync(TestUsers.Administrator, new Application.Auditing.VerifyAuditChain(), Ct);
        Assert.True(verification.IsIntact, verification.Problem);
    }
}

public sealed class DemoExpertsTestsOnSqlite(SqliteDatabaseFixture database) : DemoExpertsTests(database), IClassFixture<SqliteDatabaseFixture>;

public sealed class DemoExpertsTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : DemoExpertsTests(database), IClassFixture<PostgreSqlDatabaseFixture>;
