using GuardianshipPortal.IntegrationTests.Infrastructure;

namespace GuardianshipPortal.IntegrationTests.Features;

/// <summary>Timing is measured alone: no other test runs beside it to disturb the clock.</summary>
[CollectionDefinition("Timing", DisableParallelization = true)]
public sealed class TimingCollection;

/// <summary>Sign-in tells an unknown name from a real one neither by its words nor by its time.</summary>
public abstract class SignInTimingTests(PortalFixture fixture) : PortalTest(fixture)
{
    private const string WrongCredentials = "Пайдаланушы аты немесе құпиясөз қате. 5 қате әрекеттен кейін тіркелгі 15 минутқа бұғатталады.";

    [Fact]
    public async Task A_real_name_and_an_unknown_one_get_the_same_words_and_the_same_time()
    {
        // Production's password hashing cost here: the time of a hash is what would tell a real name from an unknown one.
        await using var app = new PortalApp(Fixture.Provider, productionHashing: true);
        async Task<(string Message, double Ms)> TryAsync(string name)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var page = await new PortalClient(app).SignInAsync(name, "definitely-wrong-1");
            return (page.ValidationSummary, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        await TryAsync("clerk"); // warm up
        await TryAsync("nobody.warmup");

        var real = new List<(string Message, double Ms)>();
        var unknown = new List<(string Message, double Ms)>();
        for (var i = 0; i < 21; i++)
        {
            real.Add(await TryAsync("clerk"));           // locked after 5: still one hash each
            unknown.Add(await TryAsync("nobody" + i));
        }

        Assert.All(real.Concat(unknown), r => Assert.Equal(WrongCredentials, r.Message));
        double Median(List<(string, double Ms)> xs) => xs.Select(x => x.Ms).Order().ElementAt(xs.Count / 2);
        var (a, b) = (Median(real), Median(unknown));
        Assert.True(Math.Abs(a - b) / Math.Max(a, b) < 0.2, $"median {a:0.0} ms for a real name, {b:0.0} ms for an unknown one");
    }

}

[Collection("Timing")]
public sealed class SignInTimingTestsSqlite(SqlitePortal f) : SignInTimingTests(f), IClassFixture<SqlitePortal>;
[Collection("Timing")]
public sealed class SignInTimingTestsPostgres(PostgresPortal f) : SignInTimingTests(f), IClassFixture<PostgresPortal>;
