using GuardianshipPortal.Domain.Calendar;
using GuardianshipPortal.Domain.Services;
using GuardianshipPortal.Domain.Workflow;

namespace GuardianshipPortal.Domain.Cases;

/// <summary>
/// A generated year of a busy office's drafting, for the forecast's backtest (the benchmark program and the tests):
/// about a dozen applications a working day over the five services, six specialists of different speed, and delays that
/// grow with how many cases a specialist already holds, with the scatter real work has. Deterministic for a seed.
/// </summary>
public static class BusyOfficeYear
{
    private static readonly double[] Speeds = [0.7, 0.85, 1.0, 1.1, 1.3, 1.55];

    /// <param name="services">The services applied for (the five of SPEC §3 when not given); each allows the drafting time of its default regulation.</param>
    public static IReadOnlyList<Episode> Generate(int seed = 2026, int workingDays = 250, double perDay = 12, ServiceCatalog? services = null)
    {
        var drafting = (services ?? ServiceCatalog.Standard).All.Select(d => (d.Code, Hours: WallClockHours(d.DefaultRegulation.Drafting))).ToArray();
        var random = new Random(seed);
        var start = new DateTimeOffset(2026, 1, 5, 4, 0, 0, TimeSpan.Zero); // a Monday, 9:00 in Almaty
        var episodes = new List<Episode>();
        var specialists = Enumerable.Range(0, Speeds.Length).Select(i => new Guid(i + 1, 0, 0, new byte[8])).ToArray();
        var day = 0;
        for (var calendarDay = 0; day < workingDays; calendarDay++)
        {
            var date = start.AddDays(calendarDay);
            if (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) continue;
            day++;
            var arrivals = Poisson(random, perDay);
            for (var n = 0; n < arrivals; n++)
            {
                var started = date.AddMinutes(random.Next(0, 9 * 60));
                var (service, hours) = drafting[random.Next(drafting.Length)];
                var who = random.Next(specialists.Length);
                var queue = episodes.Count(e => e.Assignee == specialists[who] && e.Ended > started);
                var load = 1 + 0.05 * queue;
                var noise = Math.Exp(Normal(random) * 0.4);
                var took = hours * 0.4 * Speeds[who] * load * noise;
                episodes.Add(new Episode(service, Step.Drafting, specialists[who], started, started.AddHours(hours), started.AddHours(took)));
            }
        }
        return episodes;
    }

    /// <summary>A regulated duration in hours of the wall clock, as its days come to (a day of either kind counts 24 hours).</summary>
    private static double WallClockHours(Duration d) => d.Unit switch
    {
        DurationUnit.Minutes => d.Amount / 60.0,
        DurationUnit.Hours => d.Amount,
        _ => d.Amount * 24.0,
    };

    private static int Poisson(Random random, double mean)
    {
        var limit = Math.Exp(-mean);
        var (k, p) = (0, 1.0);
        do { k++; p *= random.NextDouble(); } while (p > limit);
        return k - 1;
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
