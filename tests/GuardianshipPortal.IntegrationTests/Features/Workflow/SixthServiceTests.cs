using System.Net;
using GuardianshipPortal.Data.Seeding;
using GuardianshipPortal.Domain.Calendar;
using GuardianshipPortal.Domain.Cases;
using GuardianshipPortal.Domain.Documents;
using GuardianshipPortal.Domain.Services;
using GuardianshipPortal.Domain.Workflow;
using GuardianshipPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GuardianshipPortal.IntegrationTests.Features.Workflow;

/// <summary>
/// A further state service is one definition, its templates and its texts — nothing else in the portal changes. This
/// one, made up for the test, is defined only here and goes from registration to issue like the five.
/// </summary>
public abstract class SixthServiceTests(PortalFixture fixture) : PortalTest(fixture)
{
    private const ServiceCode Respite = (ServiceCode)6;
    private const DocumentKind RespiteDecision = (DocumentKind)60;

    private static readonly ServiceDefinition Definition = new()
    {
        Code = Respite, Prefix = "RC", SpecCode = "RESPITE_CARE",
        DraftParts = [DraftPart.Period, DraftPart.Conclusion], ApprovedDocument = RespiteDecision,
        DefaultRegulation = new Regulation
        {
            Service = Respite, EffectiveFrom = new DateOnly(2020, 1, 1), Registration = Duration.Minutes(20), Resolution = Duration.WorkingDays(1),
            Drafting = Duration.WorkingDays(2), Signing = Duration.WorkingDays(1), Issue = Duration.Minutes(20), Total = Duration.WorkingDays(5),
        },
        Checklist = [new("application", "Өтініш", "Заявление"), new("medical", "Медициналық қорытынды", "Медицинское заключение")],
        RefusalGrounds = [new("no_grounds", "Демалыс беруге негіз жоқ", "Нет оснований для предоставления отдыха")],
        Templates =
        [
            new(RespiteDecision, "kk", "Патронат тәрбиешінің демалысы туралы шешім",
                "{applicant} өтініші бойынша {period_from} бастап {period_to} дейін демалыс берілсін. {conclusion}\n[children]"),
            new(RespiteDecision, "ru", "Решение о предоставлении отдыха патронатному воспитателю",
                "По заявлению {applicant} предоставить отдых с {period_from} по {period_to}. {conclusion}\n[children]"),
        ],
        Strings = new Dictionary<string, (string, string)>
        {
            ["Service_6"] = ("Патронат тәрбиешіге демалыс беру", "Предоставление отдыха патронатному воспитателю"),
            ["Outcome_6_Approved"] = ("Демалыс беру туралы шешім", "Решение о предоставлении отдыха"),
            ["Outcome_6_Refused"] = ("Дәлелді бас тарту", "Мотивированный отказ"),
            ["DocKind_60"] = ("Демалыс туралы шешім", "Решение об отдыхе"),
        },
    };

    [Fact]
    public async Task The_seeder_gives_a_new_service_its_data_in_a_database_that_already_has_data()
    {
        var before = await App.WithDbAsync(db => db.DocumentTypes.CountAsync());

        await App.WithDbAsync(async db =>
        {
            await new ReferenceDataSeeder(db, new ServiceCatalog([Definition])).SeedAsync();
            return 0;
        });

        Assert.Equal(before + 2, await App.WithDbAsync(db => db.DocumentTypes.CountAsync()));
        Assert.Equal(3, await App.WithDbAsync(db => db.RefusalGrounds.CountAsync(g => g.Service == Respite)));
        Assert.Equal(1, await App.WithDbAsync(db => db.Regulations.CountAsync(r => r.Service == Respite)));
        Assert.Equal(["kk", "ru"], await App.WithDbAsync(db => db.DocumentTemplates.Where(t => t.Kind == RespiteDecision).Select(t => t.Language).OrderBy(l => l).ToListAsync()));
    }

    [Fact]
    public async Task A_service_defined_only_here_goes_from_registration_to_issue()
    {
        await using var app = new PortalApp(Fixture.Provider, services: s => s.AddSingleton(Definition));
        await app.SetCurrentMrpAsync(4325m);
        var office = new OfficeDesk(app);

        var registered = await office.RegisterAsync(Respite);
        Assert.Equal(HttpStatusCode.OK, registered.Status);
        Assert.StartsWith("KRG-01-RC-", registered.Text("[data-testid=case-number]"));
        Assert.Equal("Патронат тәрбиешіге демалыс беру", registered.Text("[data-testid=case-service]"));
        var id = registered.CaseId;
        await office.ResolveAsync(id);

        var specialist = await office.AsAsync("specialist");
        var page = await specialist.GetAsync($"/cases/{id}");
        Assert.NotNull(page.Document.QuerySelector("#Draft_PeriodFrom"));
        Assert.NotNull(page.Document.QuerySelector("#Draft_ConclusionText"));
        Assert.Null(page.Document.QuerySelector("#Draft_Iban"));
        page.Check("#Draft_Outcome_Approved");
        var incomplete = await specialist.SubmitAsync(page, "[data-testid=draft-form]", new Dictionary<string, string> { ["Draft.PeriodFrom"] = "2026-12-01" },
            submitName: "Draft.Submit", submitValue: "true");
        Assert.Equal(HttpStatusCode.BadRequest, incomplete.Status);
        Assert.Contains("«Кезең соңы» өрісін толтырыңыз.", incomplete.Errors);
        var drafted = await specialist.SubmitAsync(incomplete, "[data-testid=draft-form]", new Dictionary<string, string>
        {
            ["Draft.Outcome"] = "Approved", ["Draft.PeriodFrom"] = "2026-12-01", ["Draft.PeriodTo"] = "2026-12-14", ["Draft.ConclusionText"] = "Отбасы сауықтыру демалысына мұқтаж.",
        }, submitName: "Draft.Submit", submitValue: "true");
        Assert.Empty(drafted.Errors);
        Assert.Equal(HttpStatusCode.OK, (await office.SignAsync(id)).Status);
        var issued = await office.IssueAsync(id);

        Assert.Equal(HttpStatusCode.OK, issued.Status);
        var c = await app.WithDbAsync(db => db.Cases.Include(x => x.Draft).SingleAsync(x => x.Id == id));
        Assert.Equal((Step.Closed, Outcome.Approved), (c.Step, c.Outcome));
        Assert.Equal(new DateOnly(2026, 12, 14), c.Draft!.PeriodTo);
        var result = await app.WithDbAsync(db => db.IssuedDocuments.SingleAsync(d => d.CaseId == id && d.Kind == RespiteDecision));
        if (PdfText.SkipReason is null)
        {
            var pdf = await app.WithDbAsync(db => db.IssuedDocumentContents.Where(x => x.DocumentId == result.Id).Select(x => x.Pdf).SingleAsync());
            var text = PdfText.Flat(await PdfText.ExtractAsync(pdf));
            Assert.Contains("ПАТРОНАТ ТӘРБИЕШІНІҢ ДЕМАЛЫСЫ ТУРАЛЫ ШЕШІМ", text);
            Assert.Contains("01.12.2026 бастап 14.12.2026 дейін демалыс берілсін", text);
        }
    }
}

public sealed class SixthServiceTestsSqlite(SqlitePortal f) : SixthServiceTests(f), IClassFixture<SqlitePortal>;
public sealed class SixthServiceTestsPostgres(PostgresPortal f) : SixthServiceTests(f), IClassFixture<PostgresPortal>;
