using FluentValidation;
using KkkCompetition.Application.Notifications.Reminders;
using KkkCompetition.Domain.Calendar;
using KkkCompetition.Domain.Notifications;
using KkkCompetition.Testing;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.FunctionalTests.Notifications;

public abstract class ReminderScanTests(DatabaseFixture database) : NotificationTest(database)
{
    [Fact]
    public async Task Daily_scans_send_every_offset_of_a_report_once_and_copy_the_official_only_after_the_deadline()
    {
        var responsible = await CreateUserAsync("anna@klaster.example.pl");
        var official = await CreateUserAsync("jan.official@example.gov.pl", "en", "Jan Official");
        Kpi.Add(Subject("kpi-report:1", DueAt, [responsible], [official]));
        await using var services = Build();

        for (var day = DueDay.AddDays(-40); day <= DueDay.AddDays(10); day = day.AddDays(1))
        {
            Database.Clock.Set(SevenAm(day));
            await ScanAsync(services);
        }

        var dispatches = await DispatchesAsync();
        Assert.Equal([-30, -14, -3, 0, 1, 7], dispatches.Select(d => d.OffsetDays));
        Assert.Equal([false, false, false, false, true, true], dispatches.Select(d => d.OfficialsCopied));
        var outbox = await OutboxAsync();
        Assert.Equal(6, outbox.Count(m => m.RecipientUserId == responsible));
        Assert.Equal(2, outbox.Count(m => m.RecipientUserId == official));
        Assert.All(outbox.Where(m => m.RecipientUserId == official), m => Assert.Equal("en", m.Language));
        Assert.Contains(outbox, m => m.RecipientUserId == responsible && m.Text.Contains("za 30 dni", StringComparison.Ordinal));
        Assert.Contains(outbox, m => m.RecipientUserId == official && m.Text.Contains("7 days overdue", StringComparison.Ordinal));

        // The source is asked only for the rule's window around the scan date (7 days after + 7 of catch-up, 30 before).
        var (from, before) = Kpi.Asked[^1];
        Assert.Equal(WorkingDayCalendar.StartOfWarsawDay(DueDay.AddDays(10 - 7 - RunReminderScanHandler.CatchUpDays)), from);
        Assert.Equal(WorkingDayCalendar.StartOfWarsawDay(DueDay.AddDays(10 + 31)), before);
    }

    [Fact]
    public async Task A_second_scan_on_the_same_day_sends_nothing_more()
    {
        var responsible = await CreateUserAsync("anna@klaster.example.pl");
        Kpi.Add(Subject("kpi-report:1", DueAt, [responsible]));
        await using var services = Build();
        Database.Clock.Set(SevenAm(DueDay.AddDays(-3)));

        var first = await ScanAsync(services);
        Database.Clock.Advance(TimeSpan.FromHours(5));
        var second = await ScanAsync(services);

        Assert.Equal(1, first.Dispatched);
        Assert.Equal(0, second.Dispatched);
        Assert.Single(await OutboxAsync());
    }

    [Fact]
    public async Task After_downtime_only_the_latest_due_offset_goes_out()
    {
        var responsible = await CreateUserAsync("anna@klaster.example.pl");
        Kpi.Add(Subject("kpi-report:1", DueAt, [responsible]));
        await using var services = Build();

        Database.Clock.Set(SevenAm(DueDay.AddDays(-35)));
        Assert.Equal(0, (await ScanAsync(services)).Dispatched);

        // Off for 33 days: -30 and -14 were missed; only -3 goes out.
        Database.Clock.Set(SevenAm(DueDay.AddDays(-2)));
        Assert.Equal(1, (await ScanAsync(services)).Dispatched);

        // Off for 10 more days: the day itself and +1 were missed; only +7 goes out, and nothing older after it.
        Database.Clock.Set(SevenAm(DueDay.AddDays(8)));
        Assert.Equal(1, (await ScanAsync(services)).Dispatched);
        Database.Clock.Set(SevenAm(DueDay.AddDays(9)));
        Assert.Equal(0, (await ScanAsync(services)).Dispatched);

        // A subject whose last offset is further back than the catch-up is no longer reminded.
        Kpi.Add(Subject("kpi-report:old", DueAt.AddDays(-20), [responsible]));
        Assert.Equal(0, (await ScanAsync(services)).Dispatched);

        Assert.Equal([-3, 7], (await DispatchesAsync()).Select(d => d.OffsetDays));
        Assert.Equal(2, (await OutboxAsync()).Count);
    }

    [Fact]
    public async Task A_disabled_rule_sends_nothing_and_an_updated_rule_uses_its_new_offsets()
    {
        var responsible = await CreateUserAsync("anna@klaster.example.pl");
        Kpi.Add(Subject("kpi-report:1", DueAt, [responsible]));
        await using var services = Build();
        var rule = (await Send(TestUsers.Administrator, new ListReminderRules())).Single(r => r.Key == ReminderCatalogue.KpiReportDue);

        var version = await Send(TestUsers.Administrator, new UpdateReminderRule(rule.Key, rule.Offsets, false, rule.Mandatory, rule.EscalateAfterDeadline, rule.Version));
        Database.Clock.Set(SevenAm(DueDay.AddDays(-3)));
        Assert.Equal(0, (await ScanAsync(services)).Dispatched);

        await Send(TestUsers.Administrator, new UpdateReminderRule(rule.Key, [ReminderOffset.Before(2)], true, rule.Mandatory, rule.EscalateAfterDeadline, version));
        Assert.Equal(0, (await ScanAsync(services)).Dispatched);
        Database.Clock.Set(SevenAm(DueDay.AddDays(-2)));
        Assert.Equal(1, (await ScanAsync(services)).Dispatched);
        Assert.Equal([-2], (await DispatchesAsync()).Select(d => d.OffsetDays));
    }

    [Fact]
    public async Task A_rule_with_a_negative_offset_is_refused_naming_the_field_and_nothing_changes()
    {
        var rule = (await Send(TestUsers.Administrator, new ListReminderRules())).Single(r => r.Key == ReminderCatalogue.KpiReportDue);

        var ex = await Assert.ThrowsAsync<ValidationException>(() => Send(TestUsers.Administrator,
            new UpdateReminderRule(rule.Key, [new ReminderOffset(-3, ReminderTiming.Before), ReminderOffset.OnTheDay], true, true, true, rule.Version)));

        Assert.Contains(ex.Errors, e => e.PropertyName == "Offsets[0].Days");
        var after = (await Send(TestUsers.Administrator, new ListReminderRules())).Single(r => r.Key == ReminderCatalogue.KpiReportDue);
        Assert.Equal(rule.Offsets, after.Offsets);
        Assert.Equal(rule.Version, after.Version);
        Assert.Equal(0, await Read(db => db.AuditEntries.CountAsync(Ct)));
    }

    [Fact]
    public async Task The_catalogue_is_seeded_once_with_the_defaults_of_the_domain_guide()
    {
        Assert.Equal(0, await Services.SendAsAsync(TestUsers.System, new SeedNotificationDefaults(), Ct));

        var rules = await Send(TestUsers.Administrator, new ListReminderRules());
        Assert.Equal(5, rules.Count);
        Assert.Equal([-30, -14, -3, 0, 1, 7], rules.Single(r => r.Key == ReminderCatalogue.KpiReportDue).Offsets.Select(o => o.Relative));
        Assert.True(rules.Single(r => r.Key == ReminderCatalogue.KpiReportDue).EscalateAfterDeadline);
        Assert.Equal([-5, -1, 1], rules.Single(r => r.Key == ReminderCatalogue.ExpertScoringDeadline).Offsets.Select(o => o.Relative));
        Assert.Equal([-3, -1], rules.Single(r => r.Key == ReminderCatalogue.CorrectionRequest).Offsets.Select(o => o.Relative));
        Assert.Equal([-90, -30], rules.Single(r => r.Key == ReminderCatalogue.KkkStatusExpiring).Offsets.Select(o => o.Relative));
        Assert.Equal([-60], rules.Single(r => r.Key == ReminderCatalogue.PhaseEnd).Offsets.Select(o => o.Relative));
        Assert.Equal(NotificationTemplateCatalogue.Definitions.Count * 2, await Read(db => db.NotificationTemplates.CountAsync(Ct)));
    }
}

public sealed class ReminderScanTestsOnSqlite(SqliteDatabaseFixture database) : ReminderScanTests(database), IClassFixture<SqliteDatabaseFixture>;

public sealed class ReminderScanTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : ReminderScanTests(database), IClassFixture<PostgreSqlDatabaseFixture>;
