namespace KkkCompetition.Web.AcceptanceTests;

/// <summary>
/// The year of each competition a test makes in the shared host: one counter for the whole suite, so no two tests share
/// a year (a year has at most two rounds) and none meets the demo's years or the fixed years 2091 and 2092 of
/// <see cref="CompetitionSetupTests"/> (a competition's year is at most 2100).
/// </summary>
public static class TestYears
{
    private static int _last = 2040;

    public static int Next()
    {
        var year = Interlocked.Increment(ref _last);
        return year < 2091 ? year : throw new InvalidOperationException("The suite has used every free test year; widen the range.");
    }
}
