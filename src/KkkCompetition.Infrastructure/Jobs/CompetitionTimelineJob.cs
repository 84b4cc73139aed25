using KkkCompetition.Application.Competitions;

namespace KkkCompetition.Infrastructure.Jobs;

/// <summary>Every minute: opens and closes competitions as their timelines say (the pages already show the status the clock gives).</summary>
public sealed class CompetitionTimelineJob(SystemRequestRunner runner)
{
    public const string Id = "competition-timeline";

    public Task Run() => runner.SendAsync(new AdvanceCompetitionTimelines());
}
