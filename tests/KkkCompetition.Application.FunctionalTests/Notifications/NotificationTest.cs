using KkkCompetition.Application.Common.Security;
using KkkCompetition.Application.Notifications.Outbox;
using KkkCompetition.Application.Notifications.Reminders;
using KkkCompetition.Domain.Calendar;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Notifications;
using KkkCompetition.Infrastructure.Identity;
using KkkCompetition.Infrastructure.Mail;
using KkkCompetition.Infrastructure.Persistence;
using KkkCompetition.Testing;
using KkkCompetition.Testing.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KkkCompetition.Application.FunctionalTests.Notifications;

/// <summary>
/// Base of the notification tests: a container of its own on the fixture's database, with in-memory reminder
/// sources for two rules and a recording e-mail sender (or MailKit against a loopback port).
/// </summary>
public abstract class NotificationTest(DatabaseFixture database) : FunctionalTest(database)
{
    /// <summary>A KPI report due on Wednesday 31 March 2027, 16:00 in Warsaw.</summary>
    protected static readonly DateOnly DueDay = new(2027, 3, 31);

    protected static readonly DateTimeOffset DueAt = WorkingDayCalendar.FromWarsaw(DueDay.ToDateTime(new TimeOnly(16, 0)));

    protected FixedReminderSource Kpi { get; } = new(ReminderCatalogue.KpiReportDue);

    protected FixedReminderSource Scoring { get; } = new(ReminderCatalogue.ExpertScoringDeadline);

    protected RecordingEmailSender Mail { get; } = new();

    /// <summary>The product's container with the test sources; e-mail to <see cref="Mail"/>, or over SMTP to 127.0.0.1:<paramref name="smtpPort"/>.</summary>
    protected ServiceProvider Build(int? smtpPort = null, IEmailSender? sender = null) =>
        TestServices.Build(Database.Provider, Database.ConnectionString, Database.Clock, services =>
        {
            services.AddSingleton<IReminderSource>(Kpi);
            services.AddSingleton<IReminderSource>(Scoring);
            if (smtpPort is { } port)
            {
                services.PostConfigure<MailOptions>(o =>
                {
                    o.Host = "127.0.0.1";
                    o.Port = port;
                    o.Security = "None";
                    o.PickupFolder = null;
                    o.TimeoutSeconds = 5;
                });
            }
            else
            {
                services.Replace(ServiceDescriptor.Singleton(sender ?? Mail));
            }
        });

    protected static DateTimeOffset SevenAm(DateOnly day) => WorkingDayCalendar.FromWarsaw(day.ToDateTime(new TimeOnly(7, 0)));

    protected async Task<Guid> CreateUserAsync(string? email, string language = "pl", string displayName = "Anna Kowalska")
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<KkkDbContext>();
        var user = new AppUser
        {
            UserName = email ?? $"no-mail-{Guid.CreateVersion7():N}",
            NormalizedUserName = (email ?? Guid.CreateVersion7().ToString()).ToUpperInvariant(),
            Email = email,
            NormalizedEmail = email?.ToUpperInvariant(),
            DisplayName = displayName,
            PreferredLanguage = language,
        };
        db.Users.Add(user);
        await db.SaveChangesAsync(Ct);
        return user.Id;
    }

    protected static FixedUser AsUser(Guid id) => new(id, $"user-{id:N}", [Roles.Applicant]);

    protected static ReminderSubject Subject(string key, DateTimeOffset dueAt, Guid[] responsible, Guid[]? officials = null, string title = "Klaster Przykładowy — raport KPI 2026") =>
        new(key, dueAt, responsible, officials ?? [], $"/reports/{key}", new Dictionary<string, string> { ["subjectTitle"] = title });

    protected static Task<ReminderScanResult> ScanAsync(IServiceProvider services) =>
        services.SendAsAsync(TestUsers.System, new RunReminderScan(), Ct);

    protected static Task<DispatchOutboxResult> DispatchAsync(IServiceProvider services, int batchSize = 100) =>
        services.SendAsAsync(TestUsers.System, new DispatchOutbox(batchSize), Ct);

    protected Task<List<OutboxMessage>> OutboxAsync() => Read(db => db.OutboxMessages.AsNoTracking().OrderBy(m => m.CreatedAt).ThenBy(m => m.Id).ToListAsync(Ct));

    protected Task<List<ReminderDispatch>> DispatchesAsync() => Read(db => db.ReminderDispatches.AsNoTracking().OrderBy(d => d.OffsetDays).ToListAsync(Ct));
}
