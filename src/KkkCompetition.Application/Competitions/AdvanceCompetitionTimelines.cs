using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Competitions;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.Competitions;

/// <summary>
/// Stores the status the timeline gives now (System, every minute): announced → open at opening, → closed at closing.
/// Returns how many competitions moved; each move is audited like any other change.
/// </summary>
[AllowedRoles(Roles.System)]
public sealed record AdvanceCompetitionTimelines : ICommand<int>;

public sealed class AdvanceCompetitionTimelinesHandler(IAppDbContext db, TimeProvider clock) : ICommandHandler<AdvanceCompetitionTimelines, int>
{
    public async ValueTask<int> Handle(AdvanceCompetitionTimelines command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = await db.Competitions.IgnoreAutoIncludes()
            .Where(c => (c.Status == CompetitionStatus.Announced && c.Timeline.OpensAt <= now)
                || (c.Status == CompetitionStatus.Open && c.Timeline.ClosesAt <= now))
            .ToListAsync(cancellationToken);
        return due.Count(c => c.AdvanceTimeline(now));
    }
}
