using GuardianshipPortal.Domain.Calendar;
using static GuardianshipPortal.Domain.Calendar.Duration;

namespace GuardianshipPortal.Domain.Services;

/// <summary>The five steps and the total term of one service in a preset.</summary>
public sealed record PresetTerms(ServiceCode Service, Duration Registration, Duration Resolution, Duration Drafting, Duration Signing, Duration Issue, Duration Total);

/// <summary>
/// A region's regulation as its akimat adopted it (the seeds): ready to apply to a region, with the act it comes from.
/// The seeds are quoted as they are — where their own numbers do not add up, the preset says so in <see cref="Note"/>.
/// </summary>
public sealed record RegulationPreset(string Code, string NameKk, string NameRu, string Source, IReadOnlyList<PresetTerms> Terms, string Note = "")
{
    public string Name(string language) => Language.Pick(language, NameKk, NameRu);
}

public static class RegulationPresets
{
    public static readonly IReadOnlyList<RegulationPreset> All =
    [
        new("KRG", "Қарағанды облысы", "Карагандинская область",
            "Қарағанды облысы әкімдігінің «Баланы (балаларды) патронаттық тәрбиелеуге беру» мемлекеттік көрсетілетін қызмет регламенті, 5 және 7-тармақтар",
            [new(ServiceCode.FosterPlacement, Minutes(20), Minutes(20), CalendarDays(25), Minutes(20), CalendarDays(1), CalendarDays(30))]),
        new("AKM", "Ақмола облысы", "Акмолинская область",
            "Ақмола облысы әкімдігінің 2015 жылғы 26 маусымдағы № А-7/298 қаулысы (2016 жылғы 15 маусымдағы № А-7/295 қаулысының редакциясында), 5 және 8-тармақтар",
            [new(ServiceCode.AdoptionLumpSum, Minutes(20), Hours(1), WorkingDays(9), Hours(1), Minutes(20), WorkingDays(5))],
            "The regulation gives 9 working days for drafting within a total term of 5 working days; the portal keeps both as adopted and warns."),
        new("MNG", "Маңғыстау облысы", "Мангистауская область",
            "Маңғыстау облысы әкімдігінің 2015 жылғы 28 қазандағы № 332 қаулысы (2016 жылғы 22 маусымдағы № 183 қаулысымен өзгертулер), 1–4-қосымшалар",
            [
                new(ServiceCode.FosterPlacement, Minutes(30), CalendarDays(1), CalendarDays(28), CalendarDays(1), Minutes(30), CalendarDays(30)),
                new(ServiceCode.AdoptionLumpSum, Minutes(20), WorkingDays(1), WorkingDays(3), WorkingDays(1), Minutes(30), WorkingDays(5)),
                new(ServiceCode.FosterMaintenance, Minutes(20), WorkingDays(1), WorkingDays(3), WorkingDays(1), Minutes(30), WorkingDays(5)),
                new(ServiceCode.AdopterRegistration, Minutes(20), CalendarDays(1), CalendarDays(8), CalendarDays(1), CalendarDays(5), WorkingDays(15)),
            ]),
        new("VKO", "Шығыс Қазақстан облысы", "Восточно-Казахстанская область",
            "Шығыс Қазақстан облысы әкімдігінің 2015 жылғы 2 қыркүйектегі № 225 қаулысы, 8-қосымша, 5 және 8-тармақтар",
            [new(ServiceCode.FosterMaintenance, Minutes(15), Minutes(15), WorkingDays(4), Minutes(15), Minutes(15), WorkingDays(5))]),
        new("SKO", "Солтүстік Қазақстан облысы (Жамбыл ауданы)", "Северо-Казахстанская область (Жамбылский район)",
            "Солтүстік Қазақстан облысы Жамбыл аудандық әкімдігінің 2012 жылғы 26 желтоқсандағы № 386 қаулысы",
            [new(ServiceCode.GuardianshipCertificate, Minutes(20), WorkingDays(1), WorkingDays(2), WorkingDays(1), Minutes(20), WorkingDays(5))],
            "The act sets only the total term (5 working days); the steps are the portal's defaults."),
    ];

    public static RegulationPreset? Find(string code) => All.FirstOrDefault(p => p.Code == code);

    /// <summary>The preset's terms as regulation rows of a region, from a date on.</summary>
    public static IEnumerable<Regulation> Regulations(RegulationPreset preset, Guid regionId, DateOnly from) =>
        preset.Terms.Select(t => new Regulation
        {
            Id = Guid.NewGuid(), Service = t.Service, RegionId = regionId, EffectiveFrom = from, Source = preset.Source,
            Registration = t.Registration, Resolution = t.Resolution, Drafting = t.Drafting, Signing = t.Signing, Issue = t.Issue, Total = t.Total,
        });
}
