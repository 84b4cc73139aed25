using BenchmarkDotNet.Attributes;
using KkkCompetition.Application.Common.Security;
using KkkCompetition.Application.Notifications.Outbox;
using KkkCompetition.Domain.Notifications;
using KkkCompetition.Infrastructure.Mail;
using KkkCompetition.Infrastructure.Persistence;
using KkkCompetition.Testing.Mail;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KkkCompetition.Benchmarks;

/// <summary>
/// Issue 3 budget: 10,000 pending e-mails delivered by the dispatcher over SMTP (MailKit) to a loopback server in
/// under 60 s — claims, sends, and the audited recording of each batch included. Each iteration puts them back to pending.
/// </summary>
[WarmupCount(1)]
[IterationCount(3)]
public class OutboxDispatchBenchmark
{
    public const int Messages = 10_000;

    private LoopbackSmtpServer _smtp = null!;
    private ServiceProvider _services = null!;

    [GlobalSetup]
    public async Task SetUp()
    {
        _smtp = new LoopbackSmtpServer();
        _services = await BenchmarkDatabase.OpenAsync("outbox-10k", GenerateAsync, services => services.PostConfigure<MailOptions>(o =>
        {
            o.Host = "127.0.0.1";
            o.Port = _smtp.Port;
            o.Security = "None";
            o.PickupFolder = null;
        }));
    }

    private static async Task GenerateAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KkkDbContext>();
        var now = DateTimeOffset.UtcNow.AddMinutes(-1);
        for (var i = 0; i < Messages; i++)
        {
            var english = i % 4 == 0;
            db.OutboxMessages.Add(OutboxMessage.Create(
                OutboxChannel.Email,
                Guid.CreateVersion7(),
                $"recipient{i}@klaster.example.pl",
                english ? "en" : "pl",
                ReminderCatalogue.KpiReportDue,
                english
                    ? new RenderedMessage($"Reminder: KPI report due — report {i}", $"Hello,\n\nKPI report {i} is due on 2027-03-31 (in 3 days).", $"<p>KPI report <strong>{i}</strong> is due on 2027-03-31.</p>")
                    : new RenderedMessage($"Przypomnienie: Termin raportu KPI — raport {i}", $"Dzień dobry,\n\nRaport KPI {i}: termin 2027-03-31 (za 3 dni).", $"<p>Raport KPI <strong>{i}</strong>: termin 2027-03-31.</p>"),
                $"/contracts/reports/{i}",
                null,
                now));
        }

        await db.SaveChangesAsync();
    }

    [IterationSetup]
    public void BackToPending()
    {
        using var scope = _services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<KkkDbContext>();
        var now = DateTimeOffset.UtcNow.AddMinutes(-1);
        db.Notifications.ExecuteDelete();
        db.OutboxMessages.ExecuteUpdate(s => s
            .SetProperty(m => m.Status, OutboxStatus.Pending)
            .SetProperty(m => m.Attempts, 0)
            .SetProperty(m => m.NextAttemptAt, now)
            .SetProperty(m => m.SentAt, (DateTimeOffset?)null)
            .SetProperty(m => m.LeaseOwner, (Guid?)null)
            .SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null));
    }

    [GlobalCleanup]
    public async Task CleanUp()
    {
        await _services.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [Benchmark]
    public async Task<DispatchOutboxResult> Dispatch10000()
    {
        var received = _smtp.Received.Count;
        await using var scope = _services.ScopeAs(FixedUser.System);
        var result = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new DispatchOutbox(BatchSize: 200));
        if (result.Sent != Messages || _smtp.Received.Count - received != Messages)
        {
            throw new InvalidOperationException($"Sent {result.Sent}, the server received {_smtp.Received.Count - received}; expected {Messages}.");
        }

        return result;
    }
}
