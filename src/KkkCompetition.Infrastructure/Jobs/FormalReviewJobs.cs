using KkkCompetition.Application.FormalReview;

namespace KkkCompetition.Infrastructure.Jobs;

/// <summary>Hourly (Europe/Warsaw): formally rejects the applications whose correction request went unanswered past its deadline.</summary>
public sealed class OverdueCorrectionsJob(SystemRequestRunner runner)
{
    public const string Id = "overdue-corrections";

    public Task Run() => runner.SendAsync(new RejectOverdueCorrections());
}
