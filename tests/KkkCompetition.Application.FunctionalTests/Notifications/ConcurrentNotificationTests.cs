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
}
