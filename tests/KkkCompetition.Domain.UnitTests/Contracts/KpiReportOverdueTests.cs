using KkkCompetition.Domain.Contracts;

namespace KkkCompetition.Domain.UnitTests.Contracts;

/// <summary>Days overdue: counted from the day after the due day while a report is not submitted, as lists and the report itself show them.</summary>
public sealed class KpiReportOverdueTests
{
    private static readonly DateOnly DueOn = new(2026, 3, 31);

    [Theory]
    [InlineData(2026, 3, 30, 0)]
    [InlineData(2026, 3, 31, 0)]
    [InlineData(2026, 4, 1, 1)]
    [InlineData(2027, 1, 15, 290)]
    public void A_report_not_submitted_is_overdue_from_the_day_after_its_due_day(int year, int month, int day, int expected)
    {
        var report = KpiReport.Schedule(Guid.CreateVersion7(), new ScheduledReport(ReportKind.Annual, 2025, new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31), DueOn));
        var today = new DateOnly(year, month, day);

        Assert.Equal(expected, report.DaysOverdue(today));
        Assert.Equal(expected, KpiReport.DaysOverdueOf(DueOn, null, today));
    }

    [Fact]
    public void A_submitted_report_is_never_overdue_its_lateness_is_its_days_late()
    {
        Assert.Equal(0, KpiReport.DaysOverdueOf(DueOn, new DateTimeOffset(2026, 5, 1, 10, 0, 0, TimeSpan.Zero), new DateOnly(2027, 1, 15)));
    }
}
