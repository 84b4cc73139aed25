using KkkCompetition.Application.Notifications.Outbox;
using KkkCompetition.Application.Notifications.Reminders;

namespace KkkCompetition.Infrastructure.Jobs;

/// <summary>Every minute: delivers the due outbox messages.</summary>
public sealed class OutboxDispatchJob(SystemRequestRunner runner)
{
    public const string Id = "outbox-dispatch";

    public Task Run() => runner.SendAsync(new DispatchOutbox());
}

/// <summary>Daily (07:00 Europe/Warsaw by default): writes the due reminders to the outbox.</summary>
public sealed class ReminderScanJob(SystemRequestRunner runner)
{
    public const string Id = "reminder-scan";

    public Task Run() => runner.SendAsync(new RunReminderScan());
}
