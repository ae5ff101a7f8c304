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
    /// When a period of this length that starts at <paramref name="start"/> ends, in the office's working time (SPEC §8):
    /// minutes and hours count only working time (not lunch, evenings or days off); a term in days ends at the close of
    /// business of its last day, and a term in calendar days that would end on a day off ends on the next working day.
    /// A period that starts outside working time (a request arriving at night or on a Sunday) counts from the next
    /// working moment.
    /// </summary>
    public DateTimeOffset DueFrom(DateTimeOffset start, WorkingTime time)
    {
        switch (Unit)
        {
            case DurationUnit.Minutes: return time.AddWorkingMinutes(start, Amount);
            case DurationUnit.Hours: return time.AddWorkingMinutes(start, Amount * 60);
        }
        var firstDay = time.CountingDay(start);
        var lastDay = Unit == DurationUnit.WorkingDays
            // The day the count starts on is day zero: "1 working day" from a Monday ends on Tuesday evening.
            ? time.Calendar.AddWorkingDays(firstDay, Amount)
            : time.Calendar.NextWorkingDayFrom(firstDay.AddDays(Amount));
        return time.CloseOf(lastDay);
    }

    /// <summary>The last moment of a local day, as UTC.</summary>
    public static DateTimeOffset EndOfDay(DateOnly day, TimeZoneInfo zone)
    {
        var nextMidnight = day.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        var utc = TimeZoneInfo.ConvertTimeToUtc(nextMidnight, zone).AddSeconds(-1);
        return new DateTimeOffset(utc, TimeSpan.Zero);
    }
}
