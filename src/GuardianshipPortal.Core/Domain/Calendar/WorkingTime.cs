namespace GuardianshipPortal.Domain.Calendar;

/// <summary>
/// An office's working day: when it opens and closes and its lunch break (SPEC §8, "Working time": 9:00–18:30 with lunch
/// 13:00–14:30 by the national service standards, editable per office).
/// </summary>
public sealed record OfficeHours(TimeOnly Opens, TimeOnly Closes, TimeOnly LunchFrom, TimeOnly LunchTo)
{
    public static OfficeHours Standard { get; } = new(new(9, 0), new(18, 30), new(13, 0), new(14, 30));

    /// <summary>Opening before closing, and a lunch break (if any: equal ends mean none) inside the day.</summary>
    public bool IsValid => Opens < Closes && (!HasLunch || (Opens <= LunchFrom && LunchFrom < LunchTo && LunchTo <= Closes));

    public bool HasLunch => LunchFrom != LunchTo;

    /// <summary>The working periods of a working day, in order.</summary>
    public IReadOnlyList<(TimeOnly From, TimeOnly To)> Periods => HasLunch
        ? [(Opens, LunchFrom), (LunchTo, Closes)]
        : [(Opens, Closes)];
}

/// <summary>
/// Working-time arithmetic of one office: its calendar of working days, its hours and its time zone. Terms in minutes
/// and hours count only working time; terms in days end at the close of the last working day; a period that starts
/// outside working time starts at the next working moment.
/// </summary>
public sealed class WorkingTime(WorkingCalendar calendar, OfficeHours hours, TimeZoneInfo zone)
{
    public WorkingCalendar Calendar { get; } = calendar;
    public OfficeHours Hours { get; } = hours;
    public TimeZoneInfo Zone { get; } = zone;

    /// <summary>The moment itself if the office is working then, else the next moment it opens (after lunch, next morning, after a day off).</summary>
    public DateTimeOffset NextWorkingMoment(DateTimeOffset moment) => Walk(moment, TimeSpan.Zero, strict: true);

    /// <summary>The moment when <paramref name="minutes"/> of working time have passed since <paramref name="start"/>.</summary>
    public DateTimeOffset AddWorkingMinutes(DateTimeOffset start, int minutes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(minutes);
        return Walk(start, TimeSpan.FromMinutes(minutes), strict: false);
    }

    /// <summary>Working minutes between two moments (lunch, evenings and days off do not count).</summary>
    public int WorkingMinutesBetween(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from) return 0;
        int low = 0, high = (int)Math.Ceiling((to - from).TotalMinutes);
        while (low < high)
        {
            var mid = (low + high + 1) / 2;
            if (AddWorkingMinutes(from, mid) <= to) low = mid; else high = mid - 1;
        }
        return low;
    }

    /// <summary>The local day on which a period starting at <paramref name="moment"/> starts counting.</summary>
    public DateOnly CountingDay(DateTimeOffset moment) => LocalDate(NextWorkingMoment(moment));

    /// <summary>The close of business of a day, as a UTC moment.</summary>
    public DateTimeOffset CloseOf(DateOnly day) => Utc(day, Hours.Closes);

    public DateOnly LocalDate(DateTimeOffset moment) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(moment, Zone).DateTime);

    private DateTimeOffset Walk(DateTimeOffset start, TimeSpan left, bool strict)
    {
        var local = TimeZoneInfo.ConvertTime(start, Zone).DateTime;
        var day = DateOnly.FromDateTime(local);
        var time = TimeOnly.FromDateTime(local);
        // A year of days off in a row would be a broken calendar; stop rather than loop for ever.
        for (var guard = 0; guard < 3660; guard++, day = day.AddDays(1), time = TimeOnly.MinValue)
        {
            if (!Calendar.IsWorkingDay(day)) continue;
            foreach (var (from, to) in Hours.Periods)
            {
                // A moment exactly at the end of a period (13:00, 18:30) is not working time for "next working moment",
                // but a term that ends exactly there ends there.
                if (strict ? time >= to : time > to) continue;
                var begin = time > from ? time : from;
                var available = to - begin;
                if (left <= available && !(strict && available == TimeSpan.Zero)) return Utc(day, begin.Add(left));
                left -= available;
                time = to;
            }
        }
        throw new InvalidOperationException("The working calendar has no working day within ten years.");
    }

    private DateTimeOffset Utc(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, Zone), TimeSpan.Zero);
    }
}
