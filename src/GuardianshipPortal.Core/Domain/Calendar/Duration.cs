namespace GuardianshipPortal.Domain.Calendar;

public enum DurationUnit
{
    Minutes = 1,
    Hours = 2,
    WorkingDays = 3,
    CalendarDays = 4,
}

/// <summary>A regulated duration: "30 minutes", "1 working day", "28 calendar days".</summary>
public record Duration(int Amount, DurationUnit Unit)
{
    public static Duration Minutes(int n) => new(n, DurationUnit.Minutes);
    public static Duration Hours(int n) => new(n, DurationUnit.Hours);
    public static Duration WorkingDays(int n) => new(n, DurationUnit.WorkingDays);
    public static Duration CalendarDays(int n) => new(n, DurationUnit.CalendarDays);

    /// <summary>
    /// When a period of this length that starts at <paramref name="startUtc"/> ends. Minutes and hours run on the clock;
    /// days end at the close of the last day in the office's zone, and a term that would end on a day off ends on
    /// the next working day.
    /// </summary>
    public DateTimeOffset DueFrom(DateTimeOffset startUtc, WorkingCalendar calendar, TimeZoneInfo zone)
    {
        switch (Unit)
        {
            case DurationUnit.Minutes: return startUtc.AddMinutes(Amount);
            case DurationUnit.Hours: return startUtc.AddHours(Amount);
        }
        var localStart = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(startUtc, zone).DateTime);
        var lastDay = Unit == DurationUnit.WorkingDays
            ? calendar.AddWorkingDays(localStart, Amount)
            : calendar.NextWorkingDayFrom(localStart.AddDays(Amount));
        return EndOfDay(lastDay, zone);
    }

    /// <summary>The last moment of a local day, as UTC.</summary>
    public static DateTimeOffset EndOfDay(DateOnly day, TimeZoneInfo zone)
    {
        var nextMidnight = day.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        var utc = TimeZoneInfo.ConvertTimeToUtc(nextMidnight, zone).AddSeconds(-1);
        return new DateTimeOffset(utc, TimeSpan.Zero);
    }
}
