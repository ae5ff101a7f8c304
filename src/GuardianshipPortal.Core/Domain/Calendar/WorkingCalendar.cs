namespace GuardianshipPortal.Domain.Calendar;

public enum CalendarDayKind
{
    /// <summary>A national or state holiday (a day off).</summary>
    Holiday = 1,
    /// <summary>A day off moved here: a holiday that fell on a weekend, or a Government transfer.</summary>
    DayOff = 2,
    /// <summary>A Saturday or Sunday made a working day by Government decree.</summary>
    WorkingDay = 3,
}

/// <summary>One exception to the Monday–Friday week, kept per year by the administrator.</summary>
public class CalendarDay
{
    public DateOnly Date { get; set; }
    public CalendarDayKind Kind { get; set; }
    public string NoteKk { get; set; } = "";
    public string NoteRu { get; set; } = "";
    /// <summary>The act that moved this day (a working Saturday, a bridge day): "Order No. 436 of 21.11.2024"; empty for the law's own days.</summary>
    public string Order { get; set; } = "";
    /// <summary>The first day of Kurban Ait: lunar, so entered per year; a year without one is flagged to the administrator.</summary>
    public bool KurbanAit { get; set; }

    public string Note(string language) => Language.Pick(language, NoteKk, NoteRu);
}

/// <summary>Working-day arithmetic over a set of calendar exceptions (SPEC §8).</summary>
public sealed class WorkingCalendar
{
    private readonly Dictionary<DateOnly, CalendarDayKind> _days;

    public WorkingCalendar(IEnumerable<CalendarDay> days) =>
        _days = days.GroupBy(d => d.Date).ToDictionary(g => g.Key, g => g.Last().Kind);

    public static WorkingCalendar Empty { get; } = new([]);

    public bool IsWorkingDay(DateOnly date) => _days.TryGetValue(date, out var kind)
        ? kind == CalendarDayKind.WorkingDay
        : date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>The <paramref name="count"/>-th working day after <paramref name="start"/> (the start day itself is not counted).</summary>
    public DateOnly AddWorkingDays(DateOnly start, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var date = start;
        for (var left = count; left > 0;)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date)) left--;
        }
        return date;
    }

    /// <summary>The date itself if it is a working day, else the next working day (a term ending on a day off ends on the next working day).</summary>
    public DateOnly NextWorkingDayFrom(DateOnly date)
    {
        while (!IsWorkingDay(date)) date = date.AddDays(1);
        return date;
    }

    /// <summary>
    /// The years the administrator must complete: the current year when it has no Kurban Ait entered, and the next
    /// year likewise from 1 October on (before it begins).
    /// </summary>
    public static IReadOnlyList<int> YearsMissingKurbanAit(IEnumerable<CalendarDay> days, DateOnly today)
    {
        var known = days.Where(d => d.KurbanAit).Select(d => d.Date.Year).ToHashSet();
        var years = new List<int> { today.Year };
        if (today.Month >= 10) years.Add(today.Year + 1);
        return [.. years.Where(y => !known.Contains(y))];
    }
}
