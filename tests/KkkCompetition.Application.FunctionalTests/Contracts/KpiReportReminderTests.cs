using KkkCompetition.Application.Contracts.Reports;
using KkkCompetition.Application.Notifications.Reminders;
using KkkCompetition.Domain.Calendar;
using KkkCompetition.Domain.Notifications;
using KkkCompetition.Testing;
using KkkCompetition.Testing.Contracts;
using Microsoft.EntityFrameworkCore;

namespace KkkCompetition.Application.FunctionalTests.Contracts;

/// <summary>The reports' due days as reminders of the engine (<see cref="KpiReportReminderSource"/>), with the daily scan run day by day.</summary>
public abstract class KpiReportReminderTests(DatabaseFixture database) : KpiReportTest(database)
{
    private static readonly DateOnly DueDay = new(2027, 3, 31);

    private static DateTimeOffset SevenAm(DateOnly day) => WorkingDayCalendar.FromWarsaw(day.ToDateTime(new TimeOnly(7, 0)));

    private async Task ScanDailyAsync(DateOnly from, DateOnly to)
    {
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            Database.Clock.Set(SevenAm(day));
            await As(TestUsers.System, new RunReminderScan());
        }
    }

    private Task<List<ReminderDispatch>> DispatchesAsync(Guid reportId) => Read(db => db.ReminderDispatches.AsNoTracking()
        .Where(d => d.RuleKey == ReminderCatalogue.KpiReportDue && d.SubjectKey == KpiReportReminderSource.SubjectKey(reportId))
        .OrderBy(d => d.OffsetDays).ToListAsync(Ct));

    [Fact]
    public async Task A_report_not_submitted_is_reminded_at_each_offset_once_and_the_official_is_copied_once_it_is_late()
    {
        var c = await ContractAsync();
        var reportId = c.Report(2026);

        await ScanDailyAsync(DueDay.AddDays(-40), DueDay.AddDays(10));

        var dispatches = await DispatchesAsync(reportId);
        Assert.Equal([-30, -14, -3, 0, 1, 7], dispatches.Select(d => d.OffsetDays));
        Assert.Equal([false, false, false, false, true, true], dispatches.Select(d => d.OfficialsCopied));
        Assert.All(dispatches, d => Assert.Equal(KpiReportReminderSource.DueAt(DueDay), d.DueAt));

        var messages = await OutboxAsync(ReminderCatalogue.KpiReportDue);
        var toCoordinator = messages.Where(m => m.RecipientUserId == c.Coordinator.UserId).ToList();
        var toOfficial = messages.Where(m => m.RecipientUserId == c.Official.UserId).ToList();
        Assert.Equal(6, toCoordinator.Count);
        Assert.Equal(messages.Count, toCoordinator.Count + toOfficial.Count);

        // Copied on the reminders after the due day only, once on each: the day after and a week after.
        Assert.Equal(2, toOfficial.Count);
        Assert.All(toOfficial, m => Assert.True(m.CreatedAt > KpiReportReminderSource.DueAt(DueDay)));
        Assert.Contains(toOfficial, m => m.Text.Contains("1 dzień po terminie", StringComparison.Ordinal));
        Assert.Contains(toOfficial, m => m.Text.Contains("7 dni po terminie", StringComparison.Ordinal));
        Assert.Contains(toCoordinator, m => m.Text.Contains("za 30 dni", StringComparison.Ordinal));
        Assert.All(messages, m => Assert.Equal(ReportLinks.Page(reportId), m.Link));
        Assert.All(messages, m => Assert.Contains($"sprawozdanie roczne za 2026 — kontrakt {c.Contract.Number}", m.Subject, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_due_instant_is_the_last_second_of_the_due_day_in_warsaw_and_a_second_scan_sends_nothing_more()
    {
        var c = await ContractAsync();
        var reportId = c.Report(2026);
        Assert.Equal(new DateTimeOffset(2027, 3, 31, 21, 59, 59, TimeSpan.Zero), KpiReportReminderSource.DueAt(DueDay));

        Database.Clock.Set(SevenAm(DueDay.AddDays(1)));
        var first = await As(TestUsers.System, new RunReminderScan());
        Database.Clock.Advance(TimeSpan.FromHours(6));
        await As(TestUsers.System, new RunReminderScan());

        Assert.True(first.Dispatched >= 1);
        var dispatch = Assert.Single(await DispatchesAsync(reportId));
        Assert.Equal((1, true), (dispatch.OffsetDays, dispatch.OfficialsCopied));
        Assert.Single(await OutboxAsync(ReminderCatalogue.KpiReportDue), m => m.RecipientUserId == c.Official.UserId);
    }

    [Fact]
    public async Task A_draft_is_reminded_but_a_submitted_report_and_a_contract_not_in_force_are_not()
    {
        var reminded = await ContractAsync(new ContractShape { ClusterName = "Klaster Szkicowy" });
        var submitted = await ContractAsync(new ContractShape { ClusterName = "Klaster Terminowy" });
        var signed = await ContractAsync(new ContractShape { ClusterName = "Klaster Podpisany", Stage = ArrangedStage.Signed });
        await FillAsync(reminded, reminded.Report(2026));
        await As(submitted.Coordinator, new SubmitKpiReport(submitted.Report(2026), await FillAsync(submitted, submitted.Report(2026))));

        Database.Clock.Set(SevenAm(DueDay.AddDays(-3)));
        await As(TestUsers.System, new RunReminderScan());

        Assert.Equal([-3], (await DispatchesAsync(reminded.Report(2026))).Select(d => d.OffsetDays));
        Assert.Empty(await DispatchesAsync(submitted.Report(2026)));
        Assert.Empty(await DispatchesAsync(signed.Report(2026)));
    }
}

public sealed class KpiReportReminderTestsOnSqlite(SqliteDatabaseFixture database) : KpiReportReminderTests(database), IClassFixture<SqliteDatabaseFixture>;

public sealed class KpiReportReminderTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : KpiReportReminderTests(database), IClassFixture<PostgreSqlDatabaseFixture>;
