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
