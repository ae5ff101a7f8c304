using System.Diagnostics;
using System.Globalization;
using GuardianshipPortal.Domain.Cases;

namespace GuardianshipPortal.Benchmarks;

/// <summary>
/// The deadline-risk forecast measured honestly: on a generated year of a busy office, trained on the first two thirds
/// (what was known then) and asked about each later drafting step at the moment it started. Prints precision and recall
/// of "will be late" at the threshold used, beside the rule "late if the specialist holds more than N cases".
/// </summary>
public static class ForecastBacktest
{
    public static void Run(int seeds)
    {
        Console.WriteLine("seed  episodes  late%  threshold  forecast P / R / F1     queue>N rule P / R / F1   train ms");
        for (var seed = 2026; seed < 2026 + seeds; seed++)
        {
            var year = BusyOfficeYear.Generate(seed);
            var split = year.OrderBy(e => e.Started).ElementAt(year.Count * 2 / 3).Started;
            var watch = Stopwatch.StartNew();
            var (forecast, baseline, n) = DeadlineRisk.Backtest(year, split);
            watch.Stop();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{seed}  {year.Count,8}  {100.0 * year.Count(e => e.Late) / year.Count,5:0.0}  {forecast.Threshold,9:0.00}  " +
                $"{forecast.Precision:0.00} / {forecast.Recall:0.00} / {forecast.F1:0.00}      N={n,2}: {baseline.Precision:0.00} / {baseline.Recall:0.00} / {baseline.F1:0.00}   {watch.ElapsedMilliseconds,6}"));
        }
    }
}
