namespace GuardianshipPortal.IntegrationTests.Infrastructure;

/// <summary>
/// What the machine offers the tests. Outside CI a missing PostgreSQL or Chromium skips (visibly) the tests
/// that need it; in CI (CI=true) it fails them: CI must never skip them silently.
/// </summary>
public static class TestEnvironment
{
    public const string PostgresVariable = "GP_TEST_POSTGRES";

    /// <summary>
    /// Waits (at most five seconds) until the clock is not in a minute's last five seconds: kept pages are kept per minute,
    /// so a test that asks twice for a kept page must not straddle one.
    /// </summary>
    public static async Task AwayFromMinuteEndAsync()
    {
        while (DateTimeOffset.UtcNow.Second >= 55) await Task.Delay(200, TestContext.Current.CancellationToken);
    }

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string? PostgresConnection => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } v ? v : null;

    /// <summary>Returns a skip reason, or null when the prerequisite is there; throws in CI when it is not.</summary>
    public static string? Require(bool available, string what)
    {
        if (available) return null;
        var reason = $"{what} is not available on this machine (.ci/run installs it).";
        if (IsCi) throw new InvalidOperationException("CI requires this: " + reason);
        return reason;
    }
}
