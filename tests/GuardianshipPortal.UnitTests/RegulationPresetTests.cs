using GuardianshipPortal.Data.Seeding;
using GuardianshipPortal.Domain.Calendar;
using GuardianshipPortal.Domain.Documents;
using GuardianshipPortal.Domain.Services;

namespace GuardianshipPortal.UnitTests;

/// <summary>The regions' regulations as the seeds state them.</summary>
public sealed class RegulationPresetTests
{
    private static PresetTerms Terms(string preset, ServiceCode service) =>
        Assert.Single(RegulationPresets.Find(preset)!.Terms, t => t.Service == service);

    [Fact]
    public void Karaganda_foster_placement_is_20_20_minutes_25_days_20_minutes_1_day_in_30_days()
    {
        // Seed 000, p5 (term) and p7 (steps).
        Assert.Equal(
            new PresetTerms(ServiceCode.FosterPlacement, Duration.Minutes(20), Duration.Minutes(20), Duration.CalendarDays(25),
                Duration.Minutes(20), Duration.CalendarDays(1), Duration.CalendarDays(30)),
            Terms("KRG", ServiceCode.FosterPlacement));
    }

    [Fact]
    public void Akmola_lump_sum_is_as_adopted_and_its_drafting_does_not_fit_its_total()
    {
        // Seed 001, p5 and p8: 9 working days of drafting within a 5-working-day total.
        var t = Terms("AKM", ServiceCode.AdoptionLumpSum);
        Assert.Equal((Duration.Minutes(20), Duration.Hours(1), Duration.WorkingDays(9), Duration.Hours(1), Duration.Minutes(20), Duration.WorkingDays(5)),
            (t.Registration, t.Resolution, t.Drafting, t.Signing, t.Issue, t.Total));
        Assert.False(RegulationPresets.Regulations(RegulationPresets.Find("AKM")!, Guid.NewGuid(), new DateOnly(2027, 1, 1)).Single().StepsFitTotal);
        Assert.NotEmpty(RegulationPresets.Find("AKM")!.Note);
    }

    [Fact]
    public void East_kazakhstan_maintenance_mangistau_four_services_north_kazakhstan_certificate()
    {
        // Seed 004 p5, p8.
        var vko = Terms("VKO", ServiceCode.FosterMaintenance);
        Assert.Equal((Duration.Minutes(15), Duration.Minutes(15), Duration.WorkingDays(4), Duration.Minutes(15), Duration.Minutes(15), Duration.WorkingDays(5)),
            (vko.Registration, vko.Resolution, vko.Drafting, vko.Signing, vko.Issue, vko.Total));
        // Seed 002 appendices 1–4: the four services; seed 003: 5 working days.
        Assert.Equal([ServiceCode.FosterPlacement, ServiceCode.AdoptionLumpSum, ServiceCode.FosterMaintenance, ServiceCode.AdopterRegistration],
            RegulationPresets.Find("MNG")!.Terms.Select(t => t.Service));
        Assert.Equal(Duration.WorkingDays(5), Terms("SKO", ServiceCode.GuardianshipCertificate).Total);
        Assert.All(RegulationPresets.All.Where(p => p.Code != "AKM"),
            p => Assert.All(RegulationPresets.Regulations(p, Guid.NewGuid(), new DateOnly(2027, 1, 1)), r => Assert.True(r.StepsFitTotal, p.Code)));
    }

    [Fact]
    public void A_service_s_default_regulation_is_seeded_whole_with_its_extension_limit_reminder_share_and_source()
    {
        var service = (ServiceCode)6;
        var regulation = new Regulation
        {
            Id = Guid.NewGuid(), Service = service, EffectiveFrom = new DateOnly(2020, 1, 1), Registration = Duration.Minutes(15),
            Resolution = Duration.Hours(2), Drafting = Duration.WorkingDays(2), Signing = Duration.WorkingDays(1), Issue = Duration.Minutes(20),
            Total = Duration.WorkingDays(5), MaxExtensionDays = 4, ReminderSharePercent = 60, Source = "Әкімдіктің № 12 қаулысы",
        };
        var catalog = new ServiceCatalog([new ServiceDefinition
        {
            Code = service, Prefix = "RC", SpecCode = "RESPITE_CARE", DraftParts = [], ApprovedDocument = (DocumentKind)60,
            DefaultRegulation = regulation, Checklist = [],
        }]);

        var seeded = Assert.Single(ReferenceDataSeeder.DefaultRegulations(catalog), r => r.Service == service);

        Assert.Equal((4, 60, "Әкімдіктің № 12 қаулысы", (Guid?)null, new DateOnly(2020, 1, 1)),
            (seeded.MaxExtensionDays, seeded.ReminderSharePercent, seeded.Source, seeded.RegionId, seeded.EffectiveFrom));
        Assert.All(Regulation.Terms, t => Assert.Equal(regulation.Of(t), seeded.Of(t)));
        Assert.NotEqual(regulation.Id, seeded.Id);
    }
}
