namespace GuardianshipPortal.Domain.Calendar;

/// <summary>
/// Pre-fills a year of the working calendar by the Law "On holidays" (No. 267, 2001): fixed holidays are days off,
/// and one that falls on a weekend moves the day off to the next working day; religious days off (7 January,
/// the first day of Kurban Ait) do not move. Government transfers are added by the administrator.
/// </summary>
public static class HolidayRules
{
    private static readonly (int Month, int Day, string Kk, string Ru)[] Fixed =
    [
        (1, 1, "Жаңа жыл", "Новый год"),
        (1, 2, "Жаңа жыл", "Новый год"),
        (3, 8, "Халықаралық әйелдер күні", "Международный женский день"),
        (3, 21, "Наурыз мейрамы", "Наурыз мейрамы"),
        (3, 22, "Наурыз мейрамы", "Наурыз мейрамы"),
        (3, 23, "Наурыз мейрамы", "Наурыз мейрамы"),
        (5, 1, "Қазақстан халқының бірлігі мерекесі", "Праздник единства народа Казахстана"),
        (5, 7, "Отан қорғаушы күні", "День защитника Отечества"),
        (5, 9, "Жеңіс күні", "День Победы"),
        (7, 6, "Астана күні", "День столицы"),
        (8, 30, "Конституция күні", "День Конституции"),
        (10, 25, "Республика күні", "День Республики"),
        (12, 16, "Тәуелсіздік күні", "День Независимости"),
    ];

    /// <summary>First day of Kurban Ait (lunar): known years; the administrator sets later ones.</summary>
    public static readonly IReadOnlyDictionary<int, DateOnly> KurbanAit = new Dictionary<int, DateOnly>
    {
        [2025] = new(2025, 6, 6),
        [2026] = new(2026, 5, 27),
        [2027] = new(2027, 5, 16),
    };

    public static IReadOnlyList<CalendarDay> ForYear(int year)
    {
        var days = new Dictionary<DateOnly, CalendarDay>();
        var movable = new List<DateOnly>();
        foreach (var (month, day, kk, ru) in Fixed)
        {
            var date = new DateOnly(year, month, day);
            days[date] = new CalendarDay { Date = date, Kind = CalendarDayKind.Holiday, NoteKk = kk, NoteRu = ru };
            movable.Add(date);
        }
        var christmas = new DateOnly(year, 1, 7);
        days[christmas] = new CalendarDay { Date = christmas, Kind = CalendarDayKind.Holiday, NoteKk = "Православиелік Рождество", NoteRu = "Православное Рождество" };
        if (KurbanAit.TryGetValue(year, out var kurban))
            days[kurban] = new CalendarDay { Date = kurban, Kind = CalendarDayKind.Holiday, KurbanAit = true, NoteKk = "Құрбан айттың бірінші күні", NoteRu = "Первый день Курбан айта" };

        foreach (var holiday in movable.Where(d => d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday))
        {
            var target = holiday.AddDays(1);
            while (target.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || days.ContainsKey(target)) target = target.AddDays(1);
            var source = days[holiday];
            days[target] = new CalendarDay
            {
                Date = target, Kind = CalendarDayKind.DayOff,
                NoteKk = $"{source.NoteKk}: демалыс күні {holiday:dd.MM} күнінен ауыстырылды",
                NoteRu = $"{source.NoteRu}: выходной перенесён с {holiday:dd.MM}",
            };
        }
        return [.. days.Values.OrderBy(d => d.Date)];
    }
}
