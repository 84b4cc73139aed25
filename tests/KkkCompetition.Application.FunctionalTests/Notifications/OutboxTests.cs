using KkkCompetition.Application.Common.Exceptions;
using KkkCompetition.Application.Notifications.Inbox;
using KkkCompetition.Application.Notifications.Outbox;
using KkkCompetition.Domain.Common;
using KkkCompetition.Domain.Notifications;
using KkkCompetition.Testing;
using KkkCompetition.Testing.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KkkCompetition.Application.FunctionalTests.Notifications;

public abstract class OutboxTests(DatabaseFixture database) : NotificationTest(database)
{
    [Fact]
    public async Task Reminders_reach_a_real_smtp_server_in_each_users_language_and_land_in_the_inbox()
    {
        var anna = await CreateUserAsync("anna@klaster.example.pl", "pl", "Anna Kowalska");
        var john = await CreateUserAsync("john@cluster.example.com", "en", "John Smith");
        Kpi.Add(Subject("kpi-report:1", DueAt, [anna, john]));
        await using var server = new LoopbackSmtpServer();
        await using var services = Build(smtpPort: server.Port);
        Database.Clock.Set(SevenAm(DueDay.AddDays(-3)));
        await ScanAsync(services);

        var result = await DispatchAsync(services);

        Assert.Equal(2, result.Sent);
        Assert.Equal(2, server.Received.Count);
        var polish = Assert.Single(server.Received, m => m.Recipients.SequenceEqual(["anna@klaster.example.pl"]));
        Assert.Equal("Przypomnienie: Termin raportu KPI — Klaster Przykładowy — raport KPI 2026", polish.Message.Subject);
        Assert.Contains("Dzień dobry Anna Kowalska", polish.Message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Termin: 2027-03-31 (za 3 dni)", polish.Message.TextBody, StringComparison.Ordinal);
        Assert.Contains("<strong>Klaster Przykładowy — raport KPI 2026</strong>", polish.Message.HtmlBody, StringComparison.Ordinal);
        var english = Assert.Single(server.Received, m => m.Recipients.SequenceEqual(["john@cluster.example.com"]));
        Assert.Equal("Reminder: KPI report due — Klaster Przykładowy — raport KPI 2026", english.Message.Subject);
        Assert.Contains("Hello John Smith", english.Message.TextBody, StringComparison.Ordinal);
        Assert.Contains("Deadline: 2027-03-31 (in 3 days)", english.Message.TextBody, StringComparison.Ordinal);
        Assert.Equal("noreply@kkk.gov.pl", english.From);

        Assert.All(await OutboxAsync(), m => Assert.Equal(OutboxStatus.Sent, m.Status));
        Assert.Equal(1, await services.SendAsAsync(AsUser(anna), new GetUnreadNotificationCount(), Ct));
        Assert.Equal(0, (await DispatchAsync(services)).Claimed);
        Assert.Equal(2, server.Received.Count);
    }

    [Fact]
    public async Task Many_emails_go_over_a_few_smtp_connections_each_arriving_once()
    {
        const int count = 150;
        for (var i = 0; i < count; i++)
        {
            Kpi.Add(Subject($"kpi-report:{i}", DueAt, [await CreateUserAsync($"user{i}@klaster.example.pl", i % 2 == 0 ? "pl" : "en")]));
        }

        await using var server = new LoopbackSmtpServer();
        await using var services = Build(smtpPort: server.Port);
        Database.Clock.Set(SevenAm(DueDay.AddDays(-3)));
        await ScanAsync(services);

        var result = await DispatchAsync(services, batchSize: 100);

        Assert.Equal(count, result.Sent);
        Assert.Equal(count, server.Received.Count);
        Assert.Equal(count, server.Received.SelectMany(m => m.Recipients).Distinct().Count());
    }

    [Fact]
    public async Task An_unreachable_smtp_server_keeps_messages_pending_with_backoff_and_nothing_is_lost()
    {
        var anna = await CreateUserAsync("anna@klaster.example.pl");
        Kpi.Add(Subject("kpi-report:1", DueAt, [anna]));
        var port = LoopbackSmtpServer.ClosedPort();
        await using var services = Build(smtpPort: port);
        Database.Clock.Set(SevenAm(DueDay.AddDays(-3)));
        await ScanAsync(services);

        var first = await DispatchAsync(services);

        Assert.Equal(1, first.Retrying);
        var message = Assert.Single(await OutboxAsync());
        Assert.Equal(OutboxStatus.Pending, message.Status);
        Assert.Equal(1, message.Attempts);
        Assert.Contains("unreachable", message.LastError, StringComparison.Ordinal);
        Assert.Equal((Database.Clock.GetUtcNow() + TimeSpan.FromMinutes(1)).ToUnixTimeMilliseconds(), message.NextAttemptAt.ToUnixTimeMilliseconds());
        Assert.Null(message.LeaseOwner);

        // Not due again yet: nothing is claimed.
        Assert.Equal(0, (await DispatchAsync(services)).Claimed);

        Database.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, (await DispatchAsync(services)).Retrying);
        message = Assert.Single(await OutboxAsync());
        Assert.Equal(2, message.Attempts);
        Assert.Equal((Database.Clock.GetUtcNow() + TimeSpan.FromMinutes(2)).ToUnixTimeMilliseconds(), message.NextAttemptAt.ToUnixTimeMilliseconds());

        // The server comes up: the message goes out on the next due attempt.
        await using var server = new LoopbackSmtpServer(port);
        Database.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, (await DispatchAsync(services)).Sent);
        Assert.Single(server.Received);
        message = Assert.Single(await OutboxAsync());
        Assert.Equal(OutboxStatus.Sent, message.Status);
        Assert.Equal(3, message.Attempts);
    }

    [Fact]
    public async Task After_the_last_attempt_a_message_is_failed_and_an_administrator_can_retry_it()
    {
        var anna = await CreateUserAsync("anna@klaster.example.pl");
        Kpi.Add(Subject("kpi-report:1", DueAt, [anna]));
        var sender = new SwitchableSender { Down = true };
        await using var services = Build(sender: sender);
        Database.Clock.Set(SevenAm(DueDay.AddDays(-3)));
        await ScanAsync(services);

        for (var attempt = 1; attempt <= OutboxMessage.MaxAttempts; attempt++)
        {
            await DispatchAsync(services);
            Database.Clock.Advance(TimeSpan.FromHours(2));
        }

        var failed = await Send(TestUsers.Administrator, new ListOutboxMessages(OutboxStatus.Failed));
        var item = Assert.Single(failed.Items);
        Assert.Equal(OutboxMessage.MaxAttempts, item.Attempts);
        Assert.Equal("relay refused", item.LastError);
        Assert.Equal(0, (await DispatchAsync(services)).Claimed);

        await Assert.ThrowsAsync<ForbiddenException>(() => Send(TestUsers.Official, new RetryOutboxMessage(item.Id)));
        await Send(TestUsers.Administrator, new RetryOutboxMessage(item.Id));
        sender.Down = false;
        Assert.Equal(1, (await DispatchAsync(services)).Sent);
        Assert.Empty((await Send(TestUsers.Administrator, new ListOutboxMessages(OutboxStatus.Failed))).Items);
        var retry = await Assert.ThrowsAsync<BusinessRuleViolation>(() => Send(TestUsers.Administrator, new RetryOutboxMessage(item.Id)));
        Assert.Equal("outbox.not_failed", retry.Code);
    }

    [Fact]
    public async Task The_outbox_list_sorts_on_the_server()
    {
        var anna = await CreateUserAsync("anna@klaster.example.pl");
        Kpi.Add(Subject("kpi-report:1", DueAt, [anna]));
        await using var services = Build(sender: new SwitchableSender { Down = true });
        Database.Clock.Set(SevenAm(DueDay.AddDays(-3)));
        await ScanAsync(services);
        await DispatchAsync(services);
        Database.Clock.Set(SevenAm(DueDay));
        await ScanAsync(services);

        var newestFirst = await Send(TestUsers.Administrator, new ListOutboxMessages());
        var oldestFirst = await Send(TestUsers.Administrator, new ListOutboxMessages(SortBy: OutboxSort.CreatedAt, Descending: false));
        var mostAttemptsFirst = await Send(TestUsers.Administrator, new ListOutboxMessages(SortBy: OutboxSort.Attempts));
        var fewestAttemptsFirst = await Send(TestUsers.Administrator, new ListOutboxMessages(SortBy: OutboxSort.Attempts, Descending: false));

        Assert.Equal(2, newestFirst.TotalCount);
        Assert.True(newestFirst.Items[0].CreatedAt > newestFirst.Items[1].CreatedAt);
        Assert.Equal(newestFirst.Items.Select(i => i.Id).Reverse(), oldestFirst.Items.Select(i => i.Id));
        Assert.Equal([1, 0], mostAttemptsFirst.Items.Select(i => i.Attempts));
        Assert.Equal([0, 1], fewestAttemptsFirst.Items.Select(i => i.Attempts));
    }

    [Fact]
    public async Task A_message_written_before_the_process_died_is_sent_once_after_restart()
    {
        var anna = await CreateUserAsync("anna@klaster.example.pl");
        var john = await CreateUserAsync("john@cluster.example.com", "en", "John Smith");
        Kpi.Add(Subject("kpi-report:1", DueAt, [anna]));
        Kpi.Add(Subject("kpi-report:2", DueAt, [john]));
        Database.Clock.Set(SevenAm(DueDay.AddDays(-3)));
        await using (var first = Build())
        {
            await ScanAsync(first);

            // This process even claimed the messages, then died before sending them.
            var claim = await first.SendAsAsync(TestUsers.System, new ClaimOutboxMessages(1), Ct);
            Assert.Single(claim.Messages);
        }

        await using var restarted = Build();
        var soon = await DispatchAsync(restarted);
        Assert.Equal(1, soon.Sent); // the unclaimed one; the other waits for its lease to run out
        Database.Clock.Advance(ClaimOutboxMessagesHandler.LeaseDuration + TimeSpan.FromSeconds(1));
        Assert.Equal(1, (await DispatchAsync(restarted)).Sent);
        Database.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, (await DispatchAsync(restarted)).Claimed);

        Assert.Equal(2, Mail.Sent.Count);
        Assert.Equal(2, Mail.Sent.Select(m => m.MessageId).Distinct().Count());
        Assert.All(await OutboxAsync(), m => Assert.Equal(OutboxStatus.Sent, m.Status));
    }

    [Fact]
    public async Task A_user_without_an_email_address_gets_the_reminder_in_the_application_only_noted()
    {
        var noMail = await CreateUserAsync(null, "pl", "Bez Poczty");
        Kpi.Add(Subject("kpi-report:1", DueAt, [noMail]));
        await using var services = Build();
        Database.Clock.Set(SevenAm(DueDay.AddDays(-3)));
        await ScanAsync(services);

        var message = Assert.Single(await OutboxAsync());
        Assert.Equal(OutboxChannel.InApp, message.Channel);
        Assert.Equal(OutboxMessage.NoEmailAddressNote, message.Note);
        Assert.Null(message.RecipientEmail);

        await DispatchAsync(services);

        Assert.Empty(Mail.Sent);
        var inbox = await services.SendAsAsync(AsUser(noMail), new GetMyNotifications(), Ct);
        var item = Assert.Single(inbox.Items);
        Assert.StartsWith("Przypomnienie: Termin raportu KPI", item.Title, StringComparison.Ordinal);
        Assert.Equal("/reports/kpi-report:1", item.Link);
        Assert.Equal(OutboxStatus.Sent, Assert.Single(await OutboxAsync()).Status);
    }

    [Fact]
    public async Task A_notification_is_marked_read_only_by_its_owner()
    {
        var anna = await CreateUserAsync("anna@klaster.example.pl");
        var other = await CreateUserAsync("other@example.pl");
        Kpi.Add(Subject("kpi-report:1", DueAt, [anna]));
        await using var services = Build();
        Database.Clock.Set(SevenAm(DueDay.AddDays(-3)));
        await ScanAsync(services);
        await DispatchAsync(services);
        var item = Assert.Single((await services.SendAsAsync(AsUser(anna), new GetMyNotifications(), Ct)).Items);

        await Assert.ThrowsAsync<NotFoundException>(() => services.SendAsAsync(AsUser(other), new MarkNotificationRead(item.Id), Ct));
        Assert.Equal(1, await services.SendAsAsync(AsUser(anna), new GetUnreadNotificationCount(), Ct));
        Assert.Empty((await services.SendAsAsync(AsUser(other), new GetMyNotifications(), Ct)).Items);

        await services.SendAsAsync(AsUser(anna), new MarkNotificationRead(item.Id), Ct);

        Assert.Equal(0, await services.SendAsAsync(AsUser(anna), new GetUnreadNotificationCount(), Ct));
        Assert.Empty((await services.SendAsAsync(AsUser(anna), new GetMyNotifications(UnreadOnly: true), Ct)).Items);
        Assert.NotNull(Assert.Single((await services.SendAsAsync(AsUser(anna), new GetMyNotifications(), Ct)).Items).ReadAt);
        await Assert.ThrowsAsync<UnauthenticatedException>(() => services.SendAsAsync(TestUsers.Anonymous, new GetMyNotifications(), Ct));
        await Assert.ThrowsAsync<ForbiddenException>(() => services.SendAsAsync(TestUsers.Official, new ListOutboxMessages(), Ct));
    }

    [Fact]
    public async Task The_inbox_sorts_on_the_server_by_time_title_and_read_state()
    {
        var anna = await CreateUserAsync("anna@klaster.example.pl");
        Kpi.Add(Subject("kpi-report:1", DueAt, [anna], title: "B raport"));
        Kpi.Add(Subject("kpi-report:2", DueAt, [anna], title: "A raport"));
        Kpi.Add(Subject("kpi-report:3", DueAt, [anna], title: "C raport"));
        await using var services = Build();
        Database.Clock.Set(SevenAm(DueDay.AddDays(-3)));
        await ScanAsync(services);
        await DispatchAsync(services);
        var byTitle = (await services.SendAsAsync(AsUser(anna), new GetMyNotifications(SortBy: NotificationSort.Title, Descending: false), Ct)).Items;
        Assert.Equal(3, byTitle.Count);
        Assert.Equal(byTitle.Select(n => n.Title).Order(StringComparer.Ordinal), byTitle.Select(n => n.Title));
        Assert.Contains("A raport", byTitle[0].Title, StringComparison.Ordinal);

        await services.SendAsAsync(AsUser(anna), new MarkNotificationRead(byTitle[0].Id), Ct);

        var unreadFirst = (await services.SendAsAsync(AsUser(anna), new GetMyNotifications(SortBy: NotificationSort.ReadAt, Descending: false), Ct)).Items;
        Assert.Equal([null, null], unreadFirst.Take(2).Select(n => n.ReadAt));
        Assert.Equal(byTitle[0].Id, unreadFirst[2].Id);
        var readFirst = (await services.SendAsAsync(AsUser(anna), new GetMyNotifications(SortBy: NotificationSort.ReadAt, Descending: true, PageSize: 1), Ct)).Items;
        Assert.Equal(byTitle[0].Id, Assert.Single(readFirst).Id);
    }

    [Fact]
    public async Task A_user_who_turned_email_off_gets_in_app_only_and_a_mandatory_rule_cannot_be_turned_off()
    {
        var expert = await CreateUserAsync("expert@example.pl");
        Scoring.Add(Subject("scoring:1", DueAt, [expert], title: "Wniosek 2027/1/001"));
        await using var services = Build();

        await services.SendAsAsync(AsUser(expert), new SetMyNotificationPreference(ReminderCatalogue.ExpertScoringDeadline, false), Ct);
        var refused = await Assert.ThrowsAsync<BusinessRuleViolation>(() =>
            services.SendAsAsync(AsUser(expert), new SetMyNotificationPreference(ReminderCatalogue.KpiReportDue, false), Ct));
        Assert.Equal("notification.rule_mandatory", refused.Code);
        var preferences = await services.SendAsAsync(AsUser(expert), new GetMyNotificationPreferences(), Ct);
        Assert.False(preferences.Single(p => p.RuleKey == ReminderCatalogue.ExpertScoringDeadline).EmailEnabled);
        Assert.True(preferences.Single(p => p.RuleKey == ReminderCatalogue.KpiReportDue).EmailEnabled);

        Database.Clock.Set(SevenAm(DueDay.AddDays(-1)));
        await ScanAsync(services);

        var message = Assert.Single(await OutboxAsync());
        Assert.Equal(OutboxChannel.InApp, message.Channel);
        Assert.Equal(OutboxMessage.EmailTurnedOffNote, message.Note);
        await DispatchAsync(services);
        Assert.Empty(Mail.Sent);
        Assert.Single((await services.SendAsAsync(AsUser(expert), new GetMyNotifications(), Ct)).Items);
    }

    [Fact]
    public async Task With_a_pickup_folder_e_mails_are_written_as_eml_files_and_no_server_is_needed()
    {
        var anna = await CreateUserAsync("anna@klaster.example.pl");
        Kpi.Add(Subject("kpi-report:1", DueAt, [anna]));
        var folder = Path.Combine(Path.GetTempPath(), $"kkk-pickup-{Guid.CreateVersion7():N}");
        try
        {
            await using var services = TestServices.Build(Database.Provider, Database.ConnectionString, Database.Clock, s =>
            {
                s.AddSingleton<Application.Notifications.Reminders.IReminderSource>(Kpi);
                s.PostConfigure<Infrastructure.Mail.MailOptions>(o => o.PickupFolder = folder);
            });
            Database.Clock.Set(SevenAm(DueDay.AddDays(-3)));
            await ScanAsync(services);

            Assert.Equal(1, (await DispatchAsync(services)).Sent);

            var file = Assert.Single(Directory.GetFiles(folder, "*.eml"));
            var message = await MimeKit.MimeMessage.LoadAsync(file, Ct);
            Assert.Equal("anna@klaster.example.pl", Assert.Single(message.To.Mailboxes).Address);
            Assert.StartsWith("Przypomnienie: Termin raportu KPI", message.Subject, StringComparison.Ordinal);
            Assert.Contains("za 3 dni", message.TextBody, StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private sealed class SwitchableSender : IEmailSender
    {
        public bool Down { get; set; }

        public Task<IReadOnlyList<EmailSendResult>> SendAsync(IReadOnlyList<EmailMessage> messages, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<EmailSendResult>>(messages.Select(m => new EmailSendResult(m.MessageId, Down ? "relay refused" : null)).ToList());
    }
}

public sealed class OutboxTestsOnSqlite(SqliteDatabaseFixture database) : OutboxTests(database), IClassFixture<SqliteDatabaseFixture>;

public sealed class OutboxTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : OutboxTests(database), IClassFixture<PostgreSqlDatabaseFixture>;
