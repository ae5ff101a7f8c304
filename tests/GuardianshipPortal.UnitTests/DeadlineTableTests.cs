using System.Globalization;
using GuardianshipPortal.Domain.Calendar;

namespace GuardianshipPortal.UnitTests;

/// <summary>
/// Hand-computed deadlines in an office's working time (SPEC §8): 9:00–18:30, lunch 13:00–14:30, Asia/Almaty (UTC+5),
/// the 2026–2027 calendar by the law's rule. Each row says why its answer is what it is.
/// </summary>
public sealed class DeadlineTableTests
{
    private static readonly TimeZoneInfo Almaty = TimeZoneInfo.FindSystemTimeZoneById("Asia/Almaty");
    private static readonly WorkingCalendar Law = new(HolidayRules.ForYear(2026).Concat(HolidayRules.ForYear(2027)));

    private static Duration D(string text)
    {
        var parts = text.Split(' ');
        var n = int.Parse(parts[0], CultureInfo.InvariantCulture);
        return parts[1] switch
        {
            "min" => Duration.Minutes(n),
            "h" => Duration.Hours(n),
            "wd" => Duration.WorkingDays(n),
            "cd" => Duration.CalendarDays(n),
            _ => throw new ArgumentException(text),
        };
    }

    private static DateTimeOffset Local(string text)
    {
        var local = DateTime.ParseExact(text, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, Almaty), TimeSpan.Zero);
    }

    private static string Show(DateTimeOffset utc) =>
        TimeZoneInfo.ConvertTime(utc, Almaty).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static string Due(WorkingCalendar calendar, OfficeHours hours, string duration, string start) =>
        Show(D(duration).DueFrom(Local(start), new WorkingTime(calendar, hours, Almaty)));

    [Theory]
    // Within the morning: plain clock time.
    [InlineData("20 min", "2026-11-10 10:00", "2026-11-10 10:20")]
    // The example: 10 minutes before lunch (12:50–13:00), the other 10 after it (14:30–14:40).
    [InlineData("20 min", "2026-11-10 12:50", "2026-11-10 14:40")]
    // A term that ends exactly when lunch begins ends at 13:00, not after lunch.
    [InlineData("15 min", "2026-11-10 12:45", "2026-11-10 13:00")]
    // Started during lunch: counting begins at 14:30.
    [InlineData("15 min", "2026-11-10 13:30", "2026-11-10 14:45")]
    // Started before opening: counting begins at 9:00.
    [InlineData("30 min", "2026-11-10 07:30", "2026-11-10 09:30")]
    // The example: Friday 18:20 + 30 min = 10 minutes on Friday, 20 on Monday morning.
    [InlineData("30 min", "2026-11-13 18:20", "2026-11-16 09:20")]
    // Arrival exactly at closing on Friday: nothing left that day, Monday 9:00 + 15.
    [InlineData("15 min", "2026-11-13 18:30", "2026-11-16 09:15")]
    // Exactly at opening on Monday.
    [InlineData("20 min", "2026-11-16 09:00", "2026-11-16 09:20")]
    // One hour from Friday 18:00: 30 minutes on Friday, 30 on Monday.
    [InlineData("1 h", "2026-11-13 18:00", "2026-11-16 09:30")]
    // One hour from a Saturday: the weekend does not count, Monday 9:00–10:00.
    [InlineData("1 h", "2026-11-14 11:00", "2026-11-16 10:00")]
    // One hour from Wednesday evening: Thursday 9:00–10:00.
    [InlineData("1 h", "2026-11-11 20:00", "2026-11-12 10:00")]
    // Eight hours from Monday 10:00: 3 h before lunch, 4 h after, the last hour on Tuesday morning.
    [InlineData("8 h", "2026-11-16 10:00", "2026-11-17 10:00")]
    // Nauryz 2026: Friday 20 March 18:20 + 20 min; 21–25 March are off (23 a holiday, 24–25 moved days off) → Thursday 26.
    [InlineData("20 min", "2026-03-20 18:20", "2026-03-26 09:10")]
    // New Year 2026/27: Thursday 31 December 17:30 + 2 h = 1 h that evening; 1–2 January holidays, 3 a Sunday,
    // 4 January the day off moved from Saturday 2 January → Tuesday 5 January 10:00.
    [InlineData("2 h", "2026-12-31 17:30", "2027-01-05 10:00")]
    // Kurban Ait 2026 is Wednesday 27 May: Tuesday 18:15 + 30 min = 15 min on Tuesday, 15 on Thursday.
    [InlineData("30 min", "2026-05-26 18:15", "2026-05-28 09:15")]
    // One working day from Monday ends at the close of Tuesday.
    [InlineData("1 wd", "2026-11-09 10:00", "2026-11-10 18:30")]
    // One working day from Friday: the weekend is skipped, close of Monday.
    [InlineData("1 wd", "2026-11-13 10:00", "2026-11-16 18:30")]
    // Five working days from Monday 9 November: 10, 11, 12, 13, 16 November.
    [InlineData("5 wd", "2026-11-09 10:00", "2026-11-16 18:30")]
    // Nauryz: one working day from Friday 20 March is Thursday 26 March.
    [InlineData("1 wd", "2026-03-20 11:00", "2026-03-26 18:30")]
    // New Year: three working days from Tuesday 29 December: 30, 31 December, then 5 January 2027.
    [InlineData("3 wd", "2026-12-29 10:00", "2027-01-05 18:30")]
    // Independence Day (Wednesday 16 December) in the middle: 9 working days from Friday 11 December are
    // 14, 15, 17, 18, 21, 22, 23, 24, 25 December.
    [InlineData("9 wd", "2026-12-11 10:00", "2026-12-25 18:30")]
    // Kurban Ait: one working day from Tuesday 26 May is Thursday 28 May.
    [InlineData("1 wd", "2026-05-26 10:00", "2026-05-28 18:30")]
    // Arrival after hours on Friday counts from Monday: one working day → close of Tuesday.
    [InlineData("1 wd", "2026-11-13 19:00", "2026-11-17 18:30")]
    // Arrival on a Saturday counts from Monday 16 November: five working days → Monday 23 November.
    [InlineData("5 wd", "2026-11-14 12:00", "2026-11-23 18:30")]
    // Arrival on a holiday (Thursday 7 May, Defender's Day) counts from Friday 8 May; then 9 May (Saturday) moves its
    // day off to Monday 11 May: two working days are 12 and 13 May.
    [InlineData("2 wd", "2026-05-07 10:00", "2026-05-13 18:30")]
    // Calendar days run through holidays: 10 March + 14 = 24 March, a moved day off → Thursday 26 March.
    [InlineData("14 cd", "2026-03-10 10:00", "2026-03-26 18:30")]
    // Thirty calendar days from Monday 2 November end on Wednesday 2 December at closing.
    [InlineData("30 cd", "2026-11-02 10:00", "2026-12-02 18:30")]
    // Karaganda's drafting step: 25 calendar days from Monday 23 November → Friday 18 December.
    [InlineData("25 cd", "2026-11-23 10:00", "2026-12-18 18:30")]
    // A calendar-day term ending on a Saturday ends on Monday.
    [InlineData("5 cd", "2026-11-09 10:00", "2026-11-16 18:30")]
    // One calendar day from Friday is Saturday → Monday.
    [InlineData("1 cd", "2026-11-13 15:00", "2026-11-16 18:30")]
    // A calendar-day term ending on New Year's Day 2027 (Friday) → 2, 3 off, 4 moved day off → Tuesday 5 January.
    [InlineData("2 cd", "2026-12-30 10:00", "2027-01-05 18:30")]
    public void Deadline_in_working_time(string duration, string start, string due) =>
        Assert.Equal(due, Due(Law, OfficeHours.Standard, duration, start));

    [Fact]
    public void A_working_saturday_by_order_counts_for_days_and_minutes()
    {
        // The ministry's order makes Saturday 14 November 2026 a working day.
        var calendar = new WorkingCalendar([new CalendarDay { Date = new(2026, 11, 14), Kind = CalendarDayKind.WorkingDay }]);
        // One working day from Friday → Saturday at closing.
        Assert.Equal("2026-11-14 18:30", Due(calendar, OfficeHours.Standard, "1 wd", "2026-11-13 10:00"));
        // 30 minutes from Friday 18:20 → 10 on Friday, 20 on Saturday morning.
        Assert.Equal("2026-11-14 09:20", Due(calendar, OfficeHours.Standard, "30 min", "2026-11-13 18:20"));
    }

    [Fact]
    public void A_day_off_moved_by_order_does_not_count()
    {
        // A bridge day: Monday 16 November 2026 made a day off by order → one working day from Friday is Tuesday.
        var calendar = new WorkingCalendar([new CalendarDay { Date = new(2026, 11, 16), Kind = CalendarDayKind.DayOff }]);
        Assert.Equal("2026-11-17 18:30", Due(calendar, OfficeHours.Standard, "1 wd", "2026-11-13 10:00"));
    }

    [Fact]
    public void An_office_without_a_lunch_break_works_through()
    {
        // 9:00–18:00 with no lunch (equal ends): 20 min from 12:50 is 13:10; a day term ends at 18:00.
        var hours = new OfficeHours(new(9, 0), new(18, 0), new(13, 0), new(13, 0));
        Assert.Equal("2026-11-10 13:10", Due(Law, hours, "20 min", "2026-11-10 12:50"));
        Assert.Equal("2026-11-11 18:00", Due(Law, hours, "1 wd", "2026-11-10 12:50"));
    }

    [Theory]
    // Inside working time: the moment itself.
    [InlineData("2026-11-10 10:00", "2026-11-10 10:00")]
    // At the start of lunch and during it: after lunch.
    [InlineData("2026-11-10 13:00", "2026-11-10 14:30")]
    [InlineData("2026-11-10 14:00", "2026-11-10 14:30")]
    // After closing: the next morning; on a Saturday: Monday morning; before Nauryz: Thursday 26 March.
    [InlineData("2026-11-10 18:30", "2026-11-11 09:00")]
    [InlineData("2026-11-14 12:00", "2026-11-16 09:00")]
    [InlineData("2026-03-21 12:00", "2026-03-26 09:00")]
    public void Next_working_moment(string arrival, string expected) =>
        Assert.Equal(expected, Show(new WorkingTime(Law, OfficeHours.Standard, Almaty).NextWorkingMoment(Local(arrival))));

    [Theory]
    [InlineData(9, 0, 18, 30, 13, 0, 14, 30, true)]
    [InlineData(9, 0, 18, 30, 13, 0, 13, 0, true)]   // no lunch
    [InlineData(18, 30, 9, 0, 13, 0, 14, 30, false)] // closes before it opens
    [InlineData(9, 0, 18, 30, 14, 30, 13, 0, false)] // lunch ends before it starts
    [InlineData(9, 0, 12, 0, 13, 0, 14, 30, false)]  // lunch after closing
    public void Office_hours_are_checked(int oh, int om, int ch, int cm, int lh, int lm, int eh, int em, bool valid) =>
        Assert.Equal(valid, new OfficeHours(new(oh, om), new(ch, cm), new(lh, lm), new(eh, em)).IsValid);

    [Fact]
    public void A_suspended_case_is_neither_late_nor_escalated()
    {
        var rule = new Domain.Cases.UrgencyRule(new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero));
        var past = new DateTimeOffset(2026, 11, 18, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal(Domain.Cases.Urgency.Overdue, rule.Of(Domain.Workflow.Step.Drafting, past, past));
        Assert.Equal(Domain.Cases.Urgency.None, rule.Of(Domain.Workflow.Step.Drafting, past, past, suspended: true));
        var time = new WorkingTime(Law, OfficeHours.Standard, Almaty);
        Assert.Equal(Domain.Cases.Escalation.Supervisor, Domain.Cases.EscalationLadder.Of(Domain.Workflow.Step.Drafting, past.AddDays(-5), past, past, rule.Now, time));
        Assert.Equal(Domain.Cases.Escalation.None, Domain.Cases.EscalationLadder.Of(Domain.Workflow.Step.Drafting, past.AddDays(-5), past, past, rule.Now, time, suspended: true));
    }
}
