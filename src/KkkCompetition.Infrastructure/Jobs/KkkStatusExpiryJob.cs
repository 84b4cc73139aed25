using KkkCompetition.Application.Certification.Registry;

namespace KkkCompetition.Infrastructure.Jobs;

/// <summary>Nightly (Europe/Warsaw): expires the KKK statuses past their last day of validity and tells their coordinators.</summary>
public sealed class KkkStatusExpiryJob(SystemRequestRunner runner)
{
    public const string Id = "kkk-status-expiry";

    public Task Run() => runner.SendAsync(new ExpireKkkStatuses());
}
