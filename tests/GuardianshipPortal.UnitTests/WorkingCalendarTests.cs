using GuardianshipPortal.Domain.Calendar;

namespace GuardianshipPortal.UnitTests;

public sealed class WorkingCalendarTests
{
    private static readonly TimeZoneInfo Almaty = TimeZoneInfo.FindSystemTimeZoneById("Asia/Almaty");

    private static WorkingCalendar Calendar(params int[] years) => new(years.SelectMany(HolidayRules.ForYear));

    [Fact]
    public void Nauryz_on_a_weekend_moves_its_days_off_to_the_next_working_days()
    {
        // 2026: 21 March is a Saturday, 22 a Sunday, 23 a Monday: the days off move to 24 and 25 March.
        var days = HolidayRules.ForYear(2026).ToDictionary(d => d.Date);

        Assert.Equal(CalendarDayKind.Holiday, days[new DateOnly(2026, 3, 23)].Kind);
        Assert.Equal(CalendarDayKind.DayOff, days[new DateOnly(2026, 3, 24)].Kind);
        Assert.Equal(CalendarDayKind.DayOff, days[new DateOnly(2026, 3, 25)].Kind);
        Assert.False(days.ContainsKey(new DateOnly(2026, 3, 26)));
        Assert.True(Calendar(2026).IsWorkingDay(new DateOnly(2026, 3, 26)));
    }

    [Fact]
    public void Religious_days_off_do_not_move()
    {
        // 7 January 2024 was a Sunday: no day off follows it.
        var days = HolidayRules.ForYear(2024).ToDictionary(d => d.Date);
        Assert.Equal(CalendarDayKind.Holiday, days[new DateOnly(2024, 1, 7)].Kind);
        Assert.False(days.ContainsKey(new DateOnly(2024, 1, 8)));
    }

    [Fact]
    public void Working_days_skip_weekends_and_holidays()
    {
        var calendar = Calendar(2026);
        // Friday 20 March 2026 + 1 working day: 21–25 are off, so Thursday 26 March.
        Assert.Equal(new DateOnly(2026, 3, 26), calendar.AddWorkingDays(new DateOnly(2026, 3, 20), 1));
        // Monday 9 November + 5 working days: Monday 16 November.
        Assert.Equal(new DateOnly(2026, 11, 16), calendar.AddWorkingDays(new DateOnly(2026, 11, 9), 5));
    }

    [Fact]
    public void Working_days_cross_the_year_boundary()
    {
        var calendar = Calendar(2026, 2027);
        // Tuesday 29 December 2026 + 3 working days: 30, 31 December, then 1–2 January are holidays, 3 January is a
        // Sunday; 2 January 2027 is a Saturday, so its day off moves to Monday 4 January → 5 January.
        Assert.Equal(new DateOnly(2027, 1, 5), calendar.AddWorkingDays(new DateOnly(2026, 12, 29), 3));
    }

    [Fact]
    public void A_working_saturday_by_decree_counts()
    {
        var saturday = new DateOnly(2026, 11, 14);
        var calendar = new WorkingCalendar([new CalendarDay { Date = saturday, Kind = CalendarDayKind.WorkingDay }]);

        Assert.True(calendar.IsWorkingDay(saturday));
        Assert.Equal(saturday, calendar.AddWorkingDays(new DateOnly(2026, 11, 13), 1));
    }
}

public sealed class KurbanAitWarningTests
{
    private static CalendarDay Kurban(int year, int month, int day) => new() { Date = new(year, month, day), Kind = CalendarDayKind.Holiday, KurbanAit = true };

    [Fact]
    public void The_law_rule_marks_kurban_ait_where_its_date_is_known()
    {
        Assert.Equal(new DateOnly(2026, 5, 27), Assert.Single(HolidayRules.ForYear(2026), d => d.KurbanAit).Date);
        Assert.DoesNotContain(HolidayRules.ForYear(2030), d => d.KurbanAit);
    }

    [Theory]
    // In spring only the current year is checked; it has its day.
    [InlineData("2026-04-01", new[] { 2026 }, new int[0])]
    // From October the next year is checked too, before it begins.
    [InlineData("2026-10-01", new[] { 2026 }, new[] { 2027 })]
    [InlineData("2026-10-01", new[] { 2026, 2027 }, new int[0])]
    // A year that began without its Kurban Ait is flagged.
    [InlineData("2028-01-10", new[] { 2026, 2027 }, new[] { 2028 })]
    public void Years_missing_kurban_ait(string today, int[] entered, int[] missing)
    {
        var days = entered.Select(y => Kurban(y, 5, 20));
        Assert.Equal(missing, WorkingCalendar.YearsMissingKurbanAit(days, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void Working_minutes_between_are_the_most_that_can_be_added_without_passing_the_end()
    {
        // The definition, searched minute by minute in halves, against the one walk over the days; lunch or none, moments
        // inside and outside working time, across days off, and spans of up to two years (cases late by months).
        var random = new Random(20261203);
        foreach (var hours in new[] { OfficeHours.Standard, new OfficeHours(new(8, 0), new(17, 0), new(12, 0), new(12, 0)) })
        {
            var time = new WorkingTime(new WorkingCalendar(new[] { 2025, 2026, 2027 }.SelectMany(HolidayRules.ForYear)), hours, TimeZoneInfo.FindSystemTimeZoneById("Asia/Almaty"));
            for (var i = 0; i < 400; i++)
            {
                var from = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero).AddSeconds(random.NextInt64(2 * 365 * 86400L));
                var to = from.AddSeconds(random.Next(4) switch { 0 => random.Next(3600), 1 => random.Next(86400 * 3), 2 => random.Next(86400 * 40), _ => random.Next(86400 * 700) });
                int low = 0, high = (int)Math.Ceiling((to - from).TotalMinutes);
                while (low < high)
                {
                    var mid = (low + high + 1) / 2;
                    if (time.AddWorkingMinutes(from, mid) <= to) low = mid; else high = mid - 1;
                }
                Assert.True(low == time.WorkingMinutesBetween(from, to), $"{from:O} .. {to:O} ({hours}): {low} expected, {time.WorkingMinutesBetween(from, to)} counted");
            }
        }
    }

    [Fact]
    public void A_calendar_read_before_a_change_is_not_kept_after_it()
    {
        var cache = new GuardianshipPortal.Cases.CalendarCache(TimeProvider.System);
        var before = cache.Generation;
        cache.Forget(); // the administrator saves a day while the read runs
        var stale = new WorkingCalendar([]);

        Assert.Same(stale, cache.Keep(stale, before));
        Assert.Null(cache.Get());

        var fresh = new WorkingCalendar([]);
        cache.Keep(fresh, cache.Generation);
        Assert.Same(fresh, cache.Get());
    }
}
