namespace KkkCompetition.Testing;

/// <summary>
/// A clock the tests set. Unlike FakeTimeProvider it may be moved back, so a fixture can rewind it between tests.
/// <see cref="Start"/> deliberately has sub-millisecond digits, so tests see what happens to times the database rounds.
/// </summary>
public sealed class TestClock : TimeProvider
{
    public static readonly DateTimeOffset Start = new DateTimeOffset(2027, 1, 15, 9, 30, 0, TimeSpan.Zero).AddTicks(1_234_567);

    private long _utcTicks = Start.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _utcTicks), TimeSpan.Zero);

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.FindSystemTimeZoneById("Europe/Warsaw");

    public void Set(DateTimeOffset utcNow) => Interlocked.Exchange(ref _utcTicks, utcNow.UtcTicks);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _utcTicks, by.Ticks);
}
