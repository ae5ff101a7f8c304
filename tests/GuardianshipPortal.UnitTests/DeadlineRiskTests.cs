using GuardianshipPortal.Domain.Cases;
using GuardianshipPortal.Domain.Services;
using GuardianshipPortal.Domain.Workflow;

namespace GuardianshipPortal.UnitTests;

public sealed class DeadlineRiskTests
{
    [Theory]
    [InlineData(2026)]
    [InlineData(7)]
    [InlineData(123)]
    public void On_a_generated_year_the_forecast_beats_the_rule_of_the_assignees_queue(int seed)
    {
        var year = BusyOfficeYear.Generate(seed);
        var split = year.OrderBy(e => e.Started).ElementAt(year.Count * 2 / 3).Started;

        var (forecast, baseline, n) = DeadlineRisk.Backtest(year, split);

        Assert.True(forecast.Late > 50, $"only {forecast.Late} late episodes to test on");
        Assert.True(forecast.F1 > baseline.F1,
            $"forecast P={forecast.Precision:0.00} R={forecast.Recall:0.00} F1={forecast.F1:0.00}; queue > {n}: P={baseline.Precision:0.00} R={baseline.Recall:0.00} F1={baseline.F1:0.00}");
    }

    [Fact]
    public void A_slow_specialist_with_a_long_queue_is_riskier_than_a_fast_one_with_none()
    {
        var model = DeadlineRisk.Train(BusyOfficeYear.Generate());
        var start = new DateTimeOffset(2027, 1, 4, 4, 0, 0, TimeSpan.Zero);
        Episode Open(int specialist) => new(ServiceCode.FosterMaintenance, Step.Drafting, new Guid(specialist, 0, 0, new byte[8]), start, start.AddHours(96), null);

        var slow = model.Of(Open(6), start, queue: 25);
        var fast = model.Of(Open(1), start, queue: 0);

        Assert.True(slow.Probability > fast.Probability + 0.2, $"slow {slow.Probability:0.00}, fast {fast.Probability:0.00}");
        Assert.True(slow.Flagged);
        Assert.False(fast.Flagged);
    }

    [Fact]
    public void Time_used_without_the_work_done_raises_the_risk()
    {
        var model = DeadlineRisk.Train(BusyOfficeYear.Generate());
        var start = new DateTimeOffset(2027, 1, 4, 4, 0, 0, TimeSpan.Zero);
        var open = new Episode(ServiceCode.AdoptionLumpSum, Step.Drafting, new Guid(3, 0, 0, new byte[8]), start, start.AddHours(72), null);

        Assert.True(model.Of(open, start.AddHours(65), 5).Probability > model.Of(open, start, 5).Probability);
    }
}
