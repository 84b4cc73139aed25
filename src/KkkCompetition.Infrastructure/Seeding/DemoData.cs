using KkkCompetition.Application.Common.Security;
using KkkCompetition.Application.Competitions;
using KkkCompetition.Domain.Applications;
using KkkCompetition.Domain.Calendar;
using KkkCompetition.Domain.Clusters;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Identifiers;
using KkkCompetition.Infrastructure.Identity;
using KkkCompetition.Infrastructure.Jobs;
using KkkCompetition.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KkkCompetition.Infrastructure.Seeding;

/// <summary>
/// A working product at first start on the embedded database: one user per role, one announced competition
/// with the default criteria, one draft application of a demo cluster, a formal-review queue of five more
/// (<see cref="DemoFormalReviewData"/>), an expert pool (<see cref="DemoExperts"/>) and the merit evaluation of the three
/// formally accepted ones (<see cref="DemoEvaluationData"/>), and the commission's vote on the evaluated ones
/// (<see cref="DemoCertificationData"/>), and the programme's first phase with five clusters certified in an earlier round
/// (<see cref="DemoProgrammeHistory"/>) whose programme contracts and reports are in progress (<see cref="DemoContractData"/>).
/// Runs once; later starts find it there.
/// </summary>
public sealed class DemoData(IServiceScopeFactory scopes, SystemRequestRunner runner, TimeProvider clock)
{
    public const string Password = "Demo-Password-2026";
    public const string EmailDomain = "demo.kkk.gov.pl";

    public static readonly IReadOnlyList<(string Role, string Email, string Name)> Users =
    [
        (Roles.Applicant, $"applicant@{EmailDomain}", "Anna Koordynator"),
        (Roles.Expert, $"expert@{EmailDomain}", "Edward Ekspert"),
        (Roles.Official, $"official@{EmailDomain}", "Olga Urzędniczka"),
        (Roles.CommissionMember, $"commission@{EmailDomain}", "Kamil Komisja"),
        (Roles.Administrator, $"admin@{EmailDomain}", "Adam Administrator"),
    ];

    /// <summary>Seeds what is missing; returns the logins it created (empty when all were there).</summary>
    public async Task<IReadOnlyList<string>> EnsureAsync(CancellationToken cancellationToken = default)
    {
        var created = new List<string>();
        Guid applicantId;
        await using (var scope = scopes.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<CurrentUserContext>().Set(FixedUser.System);
            scope.ServiceProvider.GetRequiredService<AuditTrail>().BeginCommand("SeedDemoUsers");
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            await UserAccounts.EnsureRolesAsync(scope.ServiceProvider);
            foreach (var (role, email, name) in Users)
            {
                if (await users.FindByEmailAsync(email) is null)
                {
                    await UserAccounts.CreateAsync(users, email, name, Password, role);
                    created.Add($"{role,-17} {email} / {Password}");
                }
            }

            applicantId = (await users.FindByEmailAsync(Users[0].Email))!.Id;
        }

        await DemoExperts.EnsureAsync(scopes, clock, cancellationToken);
        var competitionId = await EnsureCompetitionAsync(cancellationToken);
        await EnsureDraftApplicationAsync(applicantId, competitionId, cancellationToken);
        var openCompetitionId = await DemoApplicationsData.EnsureOpenCompetitionAsync(scopes, runner, clock, cancellationToken);
        await DemoFormalReviewData.EnsureAsync(scopes, openCompetitionId, cancellationToken);
        await DemoEvaluationData.EnsureAsync(scopes, openCompetitionId, cancellationToken);
        await DemoCertificationData.EnsureAsync(scopes, openCompetitionId, cancellationToken);
        if (await DemoProgrammeHistory.EnsureAsync(scopes, clock, cancellationToken) is { } phaseId)
        {
            await DemoContractData.EnsureAsync(scopes, clock, phaseId, cancellationToken);
        }

        return created;
    }

    private async Task<Guid> EnsureCompetitionAsync(CancellationToken cancellationToken)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KkkDbContext>();
            // The earlier round of the programme's history is tied to its phase; the first demo competition is not.
            var existing = await db.Competitions.AsNoTracking().Where(c => c.ProgrammePhaseId == null).OrderBy(c => c.Year)
                .Select(c => (Guid?)c.Id).FirstOrDefaultAsync(cancellationToken);
            if (existing is { } id)
            {
                return id;
            }
        }

        var today = WorkingDayCalendar.ToWarsawDate(clock.GetUtcNow());
        DateTimeOffset At(int days, int hour) => WorkingDayCalendar.FromWarsaw(today.AddDays(days).ToDateTime(new TimeOnly(hour, 0)));
        var created = await runner.SendAsync(new CreateCompetition(
            $"Konkurs o status KKK — nabór {today.Year}/demo",
            today.Year,
            At(-1, 9),
            At(-1, 9),
            At(60, 12),
            At(90, 16),
            At(150, 16),
            At(170, 10),
            At(200, 12)), cancellationToken);
        await runner.SendAsync(new AnnounceCompetition(created.Id, created.Version), cancellationToken);
        return created.Id;
    }

    private async Task EnsureDraftApplicationAsync(Guid applicantId, Guid competitionId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUserContext>().Set(FixedUser.System);
        var db = scope.ServiceProvider.GetRequiredService<KkkDbContext>();
        if (await db.Organisations.AnyAsync(o => o.OwnerUserId == applicantId, cancellationToken))
        {
            return;
        }

        scope.ServiceProvider.GetRequiredService<AuditTrail>().BeginCommand("SeedDemoApplication");
        var (organisation, cluster) = DemoClusters.Create(applicantId);

        var competition = await db.Competitions.SingleAsync(c => c.Id == competitionId, cancellationToken);
        db.Organisations.Add(organisation);
        db.Clusters.Add(cluster);
        db.Applications.Add(KkkApplication.StartDraft(competition, cluster.Id, applicantId, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
    }
}
