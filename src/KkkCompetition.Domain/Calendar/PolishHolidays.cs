namespace KkkCompetition.Domain.Calendar;

/// <summary>
/// Statutory days off in Poland (ustawa o dniach wolnych od pracy), computed for any year:
/// fixed dates, the Easter-based ones, and 24 December from 2025 on.
/// </summary>
public static class PolishHolidays
{
    public static DateOnly EasterSunday(int year)
    {
        // Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    public static IReadOnlyList<DateOnly> For(int year)
    {
        var easter = EasterSunday(year);
        var days = new List<DateOnly>
        {
            new(year, 1, 1),
            new(year, 1, 6),
            easter,
            easter.AddDays(1),
            new(year, 5, 1),
            new(year, 5, 3),
            easter.AddDays(49),
            easter.AddDays(60),
            new(year, 8, 15),
            new(year, 11, 1),
            new(year, 11, 11),
            new(year, 12, 25),
            new(year, 12, 26),
        };
        if (year >= 2025)
        {
            days.Add(new DateOnly(year, 12, 24));
        }

        days.Sort();
        return days;
    }

    public static bool IsHoliday(DateOnly date) => For(date.Year).Contains(date);
}
