namespace KkkCompetition.Domain.Calendar;

/// <summary>
/// The one working-day calendar every deadline goes through (KPA art. 57 § 4): a deadline counted in
/// days starts the day after the event; when its last day is a Saturday, a Sunday or a public holiday,
/// it ends on the next day that is none of these. Days are calendar days in Europe/Warsaw.
/// </summary>
public static class WorkingDayCalendar
{
    public static readonly TimeZoneInfo Warsaw = TimeZoneInfo.FindSystemTimeZoneById("Europe/Warsaw");

    public static bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !PolishHolidays.IsHoliday(date);

    /// <summary>The next working day on or after <paramref name="date"/>.</summary>
    public static DateOnly OnOrNextWorkingDay(DateOnly date)
    {
        while (!IsWorkingDay(date))
        {
            date = date.AddDays(1);
        }

        return date;
    }

    /// <summary>The last day of a deadline of <paramref name="days"/> days from an event on <paramref name="eventDate"/>.</summary>
    public static DateOnly DeadlineDay(DateOnly eventDate, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(days);
        return OnOrNextWorkingDay(eventDate.AddDays(days));
    }

    /// <summary>
    /// The deadline for an event at <paramref name="eventAt"/>: the end of its last day in Warsaw,
    /// as the first instant after it (actions strictly before this instant are in time).
    /// </summary>
    public static DateTimeOffset DeadlineEnd(DateTimeOffset eventAt, int days)
    {
        var lastDay = DeadlineDay(ToWarsawDate(eventAt), days);
        return StartOfWarsawDay(lastDay.AddDays(1));
    }

    public static DateOnly ToWarsawDate(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Warsaw).DateTime);

    public static DateTimeOffset StartOfWarsawDay(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Warsaw.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>The last second of <paramref name="day"/> in Warsaw: what a reminder counts its days to.</summary>
    public static DateTimeOffset LastSecondOfWarsawDay(DateOnly day) => StartOfWarsawDay(day.AddDays(1)).AddSeconds(-1);

    /// <summary>Converts a Warsaw wall-clock time to UTC.</summary>
    public static DateTimeOffset FromWarsaw(DateTime localWallClock)
    {
        var unspecified = DateTime.SpecifyKind(localWallClock, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, Warsaw.GetUtcOffset(unspecified)).ToUniversalTime();
    }
}
