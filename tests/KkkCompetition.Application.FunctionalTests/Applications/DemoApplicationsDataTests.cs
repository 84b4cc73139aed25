using KkkCompetition.Application.Applications;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Domain.Common;
using KkkCompetition.Infrastructure.Identity;
using KkkCompetition.Infrastructure.Seeding;
using KkkCompetition.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KkkCompetition.Application.FunctionalTests.Applications;

public abstract class DemoApplicationsDataTests(DatabaseFixture database) : FunctionalTest(database)
{
    [Fact]
    public async Task The_demo_applicant_can_start_an_application_on_a_later_start_when_the_first_competition_has_closed()
    {
        var demo = Services.GetRequiredService<DemoData>();
        await demo.EnsureAsync(Ct);
        Database.Clock.Advance(TimeSpan.FromDays(61));

        await demo.EnsureAsync(Ct);
        await demo.EnsureAsync(Ct);

        var competitions = await Read(db => db.Competitions.AsNoTracking().Where(c => c.ProgrammePhaseId == null).ToListAsync(Ct));
        Assert.Equal(2, competitions.Count);
        var open = Assert.Single(competitions, c => c.AcceptsSubmissionsAt(Database.Clock.GetUtcNow()));
        Assert.StartsWith(DemoApplicationsData.CompetitionNamePrefix, open.Name, StringComparison.Ordinal);

        Guid applicantId;
        await using (var scope = Services.CreateAsyncScope())
        {
            applicantId = (await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync(DemoData.Users[0].Email))!.Id;
        }

        var applicant = new FixedUser(applicantId, DemoData.Users[0].Email, [Roles.Applicant]);
        var started = await Send(applicant, new StartApplicationDraft(open.Id));
        Assert.True((await Send(applicant, new GetApplication(started.ApplicationId))).Competition.AcceptsSubmissionsNow);
    }
}

public sealed class DemoApplicationsDataTestsOnSqlite(SqliteDatabaseFixture database) : DemoApplicationsDataTests(database), IClassFixture<SqliteDatabaseFixture>;

public sealed class DemoApplicationsDataTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : DemoApplicationsDataTests(database), IClassFixture<PostgreSqlDatabaseFixture>;
