using KkkCompetition.Application.Common.Persistence;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Application.Notifications.Outbox;
using KkkCompetition.Domain.Notifications;
using KkkCompetition.Infrastructure.Persistence;
using KkkCompetition.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

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

    public static Task<DispatchOutboxResult> DispatchAsync(IServiceProvider services) =>
        services.SendAsAsync(TestUsers.System, new DispatchOutbox(), TestContext.Current.CancellationToken);
}
