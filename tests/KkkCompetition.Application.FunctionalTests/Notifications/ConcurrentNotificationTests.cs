using KkkCompetition.Application.Notifications.Reminders;
using KkkCompetition.Domain.Notifications;
using KkkCompetition.Testing;
using KkkCompetition.Testing.Mail;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.FunctionalTests.Notifications;

/// <summary>On a real server, scans and dispatchers from separate scopes run at the same moment.</summary>
public sealed class ConcurrentNotificationsOnPostgreSqlTests(PostgreSqlDatabaseFixture database)
    : NotificationTest(database), IClassFixture<PostgreSqlDatabaseFixture>
{
    [Fact]
    public async Task Scans_running_at_once_dispatch_each_reminder_once()
    {
        var users = new List<Guid>();
        for (var i = 0; i < 20; i++)
        {
            users.Add(await CreateUserAsync($"user{i}@klaster.example.pl"));
            Kpi.Add(Subject($"kpi-report:{i}", DueAt, [users[^1]]));
        }

        await using var services = Build();
        Database.Clock.Set(SevenAm(DueDay.AddDays(-3)));

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => ScanAsync(services), Ct)));

        Assert.Equal(20, results.Sum(r => r.Dispatched));
        Assert.Equal(20, await Read(db => db.ReminderDispatches.CountAsync(Ct)));
        Assert.Equal(20, (await OutboxAsync()).Count);
        Assert.Equal(users.Order(), (await OutboxAsync()).Select(m => m.RecipientUserId).Order());
    }

    [Fact]
    public async Task Dispatchers_running_at_once_never_send_a_message_twice()
    {
        const int count = 150;
        for (var i = 0; i < count; i++)
        {
            Kpi.Add(Subject($"kpi-report:{i}", DueAt, [await CreateUserAsync($"user{i}@klaster.example.pl")]));
        }

        var slow = new RecordingEmailSender(TimeSpan.FromMilliseconds(30));
        await using var services = Build(sender: slow);
        Database.Clock.Set(SevenAm(DueDay.AddDays(-3)));
        await ScanAsync(services);

        var results = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => DispatchAsync(services, batchSize: 10), Ct)));

        Assert.Equal(count, results.Sum(r => r.Sent));
        Assert.True(results.Count(r => r.Sent > 0) >= 2, "the dispatchers ran side by side");
        Assert.Equal(count, slow.Sent.Count);
        Assert.Equal(count, slow.Sent.Select(m => m.MessageId).Distinct().Count());
        Assert.All(await OutboxAsync(), m => Assert.Equal(OutboxStatus.Sent, m.Status));
        Assert.Equal(count, await Read(db => db.Notifications.CountAsync(Ct)));
    }

    [Fact]
    public async Task An_administrator_edits_a_rule_while_a_scan_runs_and_both_complete()
    {
        Kpi.Add(Subject("kpi-report:1", DueAt, [await CreateUserAsync("anna@klaster.example.pl")]));
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Kpi.BeforeAnswer = async () =>
        {
            entered.TrySetResult();
            await release.Task;
        };
        await using var services = Build();
        Database.Clock.Set(SevenAm(DueDay.AddDays(-3)));
        var rule = await Read(db => db.ReminderRules.AsNoTracking().SingleAsync(r => r.Key == ReminderCatalogue.KpiReportDue, Ct));

        // The scan has locked the rule rows and waits in the source; the edit starts and must wait for the scan.
        var scan = Task.Run(() => ScanAsync(services), Ct);
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        var edit = Task.Run(() => services.SendAsAsync(TestUsers.Administrator, new UpdateReminderRule(rule.Key, [ReminderOffset.Before(10), ReminderOffset.Before(2)], true, true, true, rule.Version), Ct), Ct);
        await Task.Delay(TimeSpan.FromMilliseconds(1500), Ct);
        Assert.False(edit.IsCompleted, "the edit waits for the scan's rule rows");
        release.SetResult();

        var result = await scan.WaitAsync(TimeSpan.FromSeconds(30), Ct);
        var newVersion = await edit.WaitAsync(TimeSpan.FromSeconds(30), Ct);

        Assert.Equal(1, result.Dispatched);
        Assert.Equal(rule.Version + 1, newVersion);
        var saved = await Read(db => db.ReminderRules.AsNoTracking().SingleAsync(r => r.Key == ReminderCatalogue.KpiReportDue, Ct));
        Assert.Equal([-10, -2], saved.RelativeOffsets);
    }
}
