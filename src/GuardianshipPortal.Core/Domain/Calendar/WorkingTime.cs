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

    /// <summary>How many working periods a working day has (two with a lunch break).</summary>
    public int PeriodCount => HasLunch ? 2 : 1;

    /// <summary>The working period <paramref name="index"/> of a working day, in order (no list allocated: working-time walks ask it for every day).</summary>
    public (TimeOnly From, TimeOnly To) Period(int index) => !HasLunch ? (Opens, Closes) : index == 0 ? (Opens, LunchFrom) : (LunchTo, Closes);

    /// <summary>Working minutes in a whole working day.</summary>
    public int DayMinutes => (int)((Closes - Opens) - (LunchTo - LunchFrom)).TotalMinutes;
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

    /// <summary>Working minutes between two moments (lunch, evenings and days off do not count), whole minutes: the most
    /// minutes that <see cref="AddWorkingMinutes"/> can add to <paramref name="from"/> without passing <paramref name="to"/>.</summary>
    /// <remarks>One walk over the days between (queues ask it for every row, of cases late by months as well).</remarks>
    public int WorkingMinutesBetween(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from) return 0;
        var start = TimeZoneInfo.ConvertTime(from, Zone).DateTime;
        var end = TimeZoneInfo.ConvertTime(to, Zone).DateTime;
        var (first, last) = (DateOnly.FromDateTime(start), DateOnly.FromDateTime(end));
        var total = TimeSpan.Zero;
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            if (!Calendar.IsWorkingDay(day)) continue;
            var since = day == first ? TimeOnly.FromDateTime(start) : TimeOnly.MinValue;
            var until = day == last ? TimeOnly.FromDateTime(end) : TimeOnly.MaxValue;
            for (var i = 0; i < Hours.PeriodCount; i++)
            {
                var (open, close) = Hours.Period(i);
                var (begin, finish) = (since > open ? since : open, until < close ? until : close);
                if (finish > begin) total += finish - begin;
            }
        }
        return (int)total.TotalMinutes;
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
            for (var i = 0; i < Hours.PeriodCount; i++)
            {
                var (from, to) = Hours.Period(i);
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
