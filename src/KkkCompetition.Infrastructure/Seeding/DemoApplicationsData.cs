using KkkCompetition.Application.Competitions;
using KkkCompetition.Domain.Calendar;
using KkkCompetition.Domain.Competitions;
using KkkCompetition.Infrastructure.Jobs;
using KkkCompetition.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KkkCompetition.Infrastructure.Seeding;

/// <summary>
/// Demo data of the applications: a competition that accepts submissions on every start of the demo, so the demo
/// applicant can always fill and submit an application (the first demo competition closes 60 days after the first start).
/// </summary>
public static class DemoApplicationsData
{
    public const string CompetitionNamePrefix = "Konkurs o status KKK — nabór demonstracyjny wniosków";

    /// <summary>Adds an open competition unless one already accepts submissions now; answers its id.</summary>
    public static async Task<Guid> EnsureOpenCompetitionAsync(IServiceScopeFactory scopes, SystemRequestRunner runner, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        List<Competition> competitions;
        await using (var scope = scopes.CreateAsyncScope())
        {
            competitions = await scope.ServiceProvider.GetRequiredService<KkkDbContext>().Competitions.AsNoTracking().ToListAsync(cancellationToken);
        }

        if (competitions.FirstOrDefault(c => c.AcceptsSubmissionsAt(now)) is { } open)
        {
            return open.Id;
        }

        var today = WorkingDayCalendar.ToWarsawDate(now);
        var year = Enumerable.Range(today.Year, 5).First(y => competitions.Count(c => c.Year == y) < Competition.MaxRoundsPerYear);
        DateTimeOffset At(int days, int hour) => WorkingDayCalendar.FromWarsaw(today.AddDays(days).ToDateTime(new TimeOnly(hour, 0)));
        var created = await runner.SendAsync(new CreateCompetition(
            $"{CompetitionNamePrefix} {year}",
            year,
            At(-1, 9),
            At(-1, 9),
            At(45, 15),
            At(75, 16),
            At(135, 16),
            At(150, 10),
            At(180, 12)), cancellationToken);
        await runner.SendAsync(new AnnounceCompetition(created.Id, created.Version), cancellationToken);
        return created.Id;
    }
}
