namespace GuardianshipPortal.IntegrationTests.Infrastructure;

/// <summary>A clock the test sets: deadlines and dates are then exact instead of "somewhere between".</summary>
public sealed class TestClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;

    /// <summary>A moment given in Almaty's local time (UTC+5).</summary>
    public static DateTimeOffset Almaty(int year, int month, int day, int hour, int minute) =>
        new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.FromHours(5)).ToUniversalTime();
}
