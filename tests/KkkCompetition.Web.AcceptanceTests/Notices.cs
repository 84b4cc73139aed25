using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Application.Notifications.Outbox;
using KkkCompetition.Domain.Notifications;
using KkkCompetition.Infrastructure.Persistence;
using KkkCompetition.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KkkCompetition.Web.AcceptanceTests;

/// <summary>
/// Messages for a demo user, made the product's way: enqueued through <see cref="IOutbox"/> and saved as the
/// System user (what a command does), then delivered by <see cref="DispatchOutbox"/>.
/// </summary>
public static class Notices
{
    public static async Task<Guid> UserIdAsync(IServiceProvider services, string role)
    {
        await using var scope = services.CreateAsyncScope();
        var email = KkkHost.EmailOf(role);
        return await scope.ServiceProvider.GetRequiredService<KkkDbContext>().Users.AsNoTracking()
            .Where(u => u.Email == email).Select(u => u.Id).SingleAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Writes one reminder per title to the outbox for <paramref name="userId"/>; returns the message ids.</summary>
    public static async Task<IReadOnlyList<Guid>> EnqueueAsync(IServiceProvider services, Guid userId, params string[] titles)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUserContext>().Set(TestUsers.System);
        var outbox = scope.ServiceProvider.GetRequiredService<IOutbox>();
        var ids = new List<Guid>();
        foreach (var title in titles)
        {
            var messages = await outbox.EnqueueAsync(
                new OutboxEnvelope(
                    ReminderCatalogue.KpiReportDue,
                    [userId],
                    new Dictionary<string, string> { ["subjectTitle"] = title, ["dueDate"] = "2027-03-31", ["timing"] = "za 3 dni" },
                    "/competitions"),
                ct);
            ids.AddRange(messages.Select(m => m.Id));
        }

        await ((DbContext)scope.ServiceProvider.GetRequiredService<IAppDbContext>()).SaveChangesAsync(ct);
        return ids;
    }

    /// <summary>
    /// Lets <paramref name="messageIds"/> fail for good: a dispatcher of its own on the host's database, whose mail
    /// server refuses them (others go through), runs every attempt on a clock that skips the back-off.
    /// </summary>
    public static async Task FailAsync(KkkHost host, IReadOnlyCollection<Guid> messageIds, string error)
    {
        var clock = new TestClock();
        clock.Set(DateTimeOffset.UtcNow.AddMinutes(1));
        await using var services = TestServices.Build(DatabaseProvider.Sqlite, host.ConnectionString, clock, s =>
            s.Replace(ServiceDescriptor.Singleton<IEmailSender>(new RefusingSender(messageIds, error))));
        for (var attempt = 1; attempt <= OutboxMessage.MaxAttempts; attempt++)
        {
            await DispatchAsync(services);
            clock.Advance(TimeSpan.FromHours(2));
        }
    }

    private sealed class RefusingSender(IReadOnlyCollection<Guid> refused, string error) : IEmailSender
    {
        public Task<IReadOnlyList<EmailSendResult>> SendAsync(IReadOnlyList<EmailMessage> messages, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<EmailSendResult>>(messages.Select(m => new EmailSendResult(m.MessageId, refused.Contains(m.MessageId) ? error : null)).ToList());
    }

    public static Task<DispatchOutboxResult> DispatchAsync(IServiceProvider services) =>
        services.SendAsAsync(TestUsers.System, new DispatchOutbox(), TestContext.Current.CancellationToken);
}
