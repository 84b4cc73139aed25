using System.Globalization;
using KkkCompetition.Domain.Calendar;

namespace KkkCompetition.Domain.UnitTests.Calendar;

public sealed class WorkingDayCalendarTests
{
    private static DateOnly D(string s) => DateOnly.Parse(s, CultureInfo.InvariantCulture);

    private static DateTimeOffset Utc(string s) => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    [Fact]
    public void Fourteen_days_from_friday_16_april_2027_end_on_friday_30_april() =>
        Assert.Equal(D("2027-04-30"), WorkingDayCalendar.DeadlineDay(D("2027-04-16"), 14));

    [Fact]
    public void Fourteen_days_from_19_april_2027_fall_on_3_may_a_holiday_and_move_to_4_may() =>
        Assert.Equal(D("2027-05-04"), WorkingDayCalendar.DeadlineDay(D("2027-04-19"), 14));

    [Fact]
    public void A_deadline_on_a_saturday_moves_to_monday() =>
        // 2027-04-10 + 14 = Saturday 2027-04-24.
        Assert.Equal(D("2027-04-26"), WorkingDayCalendar.DeadlineDay(D("2027-04-10"), 14));

    [Fact]
    public void A_deadline_on_a_sunday_moves_to_monday() =>
        // 2027-04-11 + 14 = Sunday 2027-04-25.
        Assert.Equal(D("2027-04-26"), WorkingDayCalendar.DeadlineDay(D("2027-04-11"), 14));

    [Fact]
    public void A_deadline_on_christmas_eve_friday_moves_past_the_weekend_of_christmas() =>
        // 2027-12-24 is a Friday (a day off from 2025 on), then Saturday 25, Sunday 26.
        Assert.Equal(D("2027-12-27"), WorkingDayCalendar.DeadlineDay(D("2027-12-10"), 14));

    [Fact]
    public void A_deadline_on_a_weekday_stays() =>
        Assert.Equal(D("2027-06-08"), WorkingDayCalendar.DeadlineDay(D("2027-06-01"), 7));

    [Fact]
    public void The_count_starts_on_the_day_after_the_event() =>
        Assert.Equal(D("2027-06-02"), WorkingDayCalendar.DeadlineDay(D("2027-06-01"), 1));

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void A_deadline_of_no_days_is_refused(int days) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => WorkingDayCalendar.DeadlineDay(D("2027-06-01"), days));

    [Theory]
    [InlineData("2027-04-24", false)] // Saturday
    [InlineData("2027-04-25", false)] // Sunday
    [InlineData("2027-05-03", false)] // holiday
    [InlineData("2027-05-04", true)]
    public void Working_days_are_weekdays_that_are_not_holidays(string date, bool working) =>
        Assert.Equal(working, WorkingDayCalendar.IsWorkingDay(D(date)));

    [Fact]
    public void Deadline_end_is_midnight_after_the_last_day_in_warsaw_summer_time()
    {
        // Delivered Friday 2027-04-16 10:00 CEST; the last day is 2027-04-30, so the deadline is 2027-05-01 00:00 CEST.
        var end = WorkingDayCalendar.DeadlineEnd(Utc("2027-04-16T08:00:00Z"), 14);
        Assert.Equal(Utc("2027-04-30T22:00:00Z"), end);
    }

    [Fact]
    public void Deadline_end_across_the_spring_change_uses_summer_time_at_the_end()
    {
        // Event Saturday 2027-03-20 10:00 CET (UTC+1); +14 = Saturday 2027-04-03 -> Monday 2027-04-05 (CEST, UTC+2).
        var end = WorkingDayCalendar.DeadlineEnd(Utc("2027-03-20T09:00:00Z"), 14);
        Assert.Equal(Utc("2027-04-05T22:00:00Z"), end);
        Assert.Equal(TimeSpan.FromHours(2), WorkingDayCalendar.Warsaw.GetUtcOffset(end));
    }

    [Fact]
    public void Deadline_end_across_the_autumn_change_uses_winter_time_at_the_end()
    {
        // Event Wednesday 2027-10-20 12:00 CEST; +14 = Wednesday 2027-11-03, ends 2027-11-04 00:00 CET (UTC+1).
        var end = WorkingDayCalendar.DeadlineEnd(Utc("2027-10-20T10:00:00Z"), 14);
        Assert.Equal(Utc("2027-11-03T23:00:00Z"), end);
    }

    [Fact]
    public void An_event_late_in_the_utc_evening_counts_from_its_warsaw_date()
    {
        // 2027-04-15 22:30 UTC is already 2027-04-16 00:30 in Warsaw.
        var end = WorkingDayCalendar.DeadlineEnd(Utc("2027-04-15T22:30:00Z"), 14);
        Assert.Equal(Utc("2027-04-30T22:00:00Z"), end);
    }

    [Fact]
    public void Warsaw_wall_clock_converts_to_utc_in_winter_and_summer()
    {
        Assert.Equal(Utc("2027-01-15T08:00:00Z"), WorkingDayCalendar.FromWarsaw(new DateTime(2027, 1, 15, 9, 0, 0, DateTimeKind.Unspecified)));
        Assert.Equal(Utc("2027-07-15T07:00:00Z"), WorkingDayCalendar.FromWarsaw(new DateTime(2027, 7, 15, 9, 0, 0, DateTimeKind.Unspecified)));
    }
}
