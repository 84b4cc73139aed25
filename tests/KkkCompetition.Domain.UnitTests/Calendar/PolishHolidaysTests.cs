using KkkCompetition.Domain.Calendar;

namespace KkkCompetition.Domain.UnitTests.Calendar;

public sealed class PolishHolidaysTests
{
    [Theory]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 3, 28)]
    [InlineData(2028, 4, 16)]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    public void Easter_sunday_matches_the_check_values(int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), PolishHolidays.EasterSunday(year));

    [Fact]
    public void Every_statutory_day_of_2026_is_listed_and_nothing_else()
    {
        DateOnly[] expected =
        [
            new(2026, 1, 1), new(2026, 1, 6), new(2026, 4, 5), new(2026, 4, 6), new(2026, 5, 1), new(2026, 5, 3),
            new(2026, 5, 24), new(2026, 6, 4), new(2026, 8, 15), new(2026, 11, 1), new(2026, 11, 11),
            new(2026, 12, 24), new(2026, 12, 25), new(2026, 12, 26),
        ];
        Assert.Equal(expected, PolishHolidays.For(2026));
    }

    [Theory]
    [InlineData("2027-03-28", "Easter Sunday")]
    [InlineData("2027-03-29", "Easter Monday")]
    [InlineData("2027-05-16", "Pentecost (Easter + 49)")]
    [InlineData("2027-05-27", "Corpus Christi (Easter + 60)")]
    [InlineData("2028-04-16", "Easter Sunday")]
    [InlineData("2028-04-17", "Easter Monday")]
    [InlineData("2028-06-04", "Pentecost (Easter + 49)")]
    [InlineData("2028-06-15", "Corpus Christi (Easter + 60)")]
    [InlineData("2027-01-01", "New Year")]
    [InlineData("2027-01-06", "Epiphany")]
    [InlineData("2027-05-01", "Labour Day")]
    [InlineData("2027-05-03", "Constitution Day")]
    [InlineData("2027-08-15", "Assumption")]
    [InlineData("2027-11-01", "All Saints")]
    [InlineData("2027-11-11", "Independence Day")]
    [InlineData("2027-12-25", "Christmas")]
    [InlineData("2027-12-26", "Second day of Christmas")]
    [InlineData("2025-12-24", "Christmas Eve, first year")]
    [InlineData("2027-12-24", "Christmas Eve")]
    public void Statutory_days_are_holidays(string date, string why) =>
        Assert.True(PolishHolidays.IsHoliday(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)), why);

    [Theory]
    [InlineData("2024-12-24", "Christmas Eve before 2025")]
    [InlineData("2023-12-24", "Christmas Eve before 2025")]
    [InlineData("2027-03-27", "Holy Saturday")]
    [InlineData("2027-05-02", "2 May")]
    [InlineData("2027-04-30", "an ordinary Friday")]
    [InlineData("2027-12-31", "New Year's Eve")]
    [InlineData("2027-05-17", "Pentecost Monday is not a statutory day in Poland")]
    public void Other_days_are_not_holidays(string date, string why) =>
        Assert.False(PolishHolidays.IsHoliday(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)), why);

    [Fact]
    public void Before_2025_a_year_has_thirteen_statutory_days_and_from_2025_fourteen()
    {
        Assert.Equal(13, PolishHolidays.For(2024).Count);
        Assert.Equal(14, PolishHolidays.For(2025).Count);
    }
}
