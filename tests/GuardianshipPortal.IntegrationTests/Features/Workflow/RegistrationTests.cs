using System.Net;
using GuardianshipPortal.Domain.Persons;
using GuardianshipPortal.Domain.Services;
using GuardianshipPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GuardianshipPortal.IntegrationTests.Features.Workflow;

public abstract class RegistrationTests(PortalFixture fixture) : PortalTest(fixture)
{
    private Task<int> CasesAsync() => App.WithDbAsync(db => db.Cases.CountAsync());

    [Theory]
    [InlineData("87041230010", "ЖСН 12 цифрдан тұруы тиіс.")]
    [InlineData("870412300108", "ЖСН бақылау цифры сәйкес келмейді: нөмірді тексеріңіз.")]
    [InlineData("870230300109", "ЖСН-нің алғашқы 6 цифры нақты туған күн емес.")]
    [InlineData("870412700109", "ЖСН-нің 7-цифры (ғасыр және жыныс) 1-ден 6-ға дейін болуы тиіс.")]
    public async Task A_bad_iin_is_refused_with_the_reason_and_nothing_is_saved(string iin, string message)
    {
        var before = await CasesAsync();

        var page = await new OfficeDesk(App).RegisterAsync(ServiceCode.GuardianshipCertificate, applicantIin: iin);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("Өтініш беруші: " + message, page.Errors);
        Assert.Equal(before, await CasesAsync());
        Assert.Equal(iin, page.Document.QuerySelector("#Applicant_Iin")!.GetAttribute("value"));
    }

    [Fact]
    public async Task A_birth_date_or_sex_that_disagrees_with_the_iin_is_flagged_in_russian()
    {
        var office = new OfficeDesk(App);
        var clerk = await office.AsAsync("clerk");
        await clerk.SwitchLanguageAsync(await clerk.GetAsync("/"), "ru");

        var page = await office.RegisterAsync(ServiceCode.GuardianshipCertificate, applicantIin: "870412300109",
            overrides: new Dictionary<string, string> { ["Applicant.BirthDate"] = "1987-04-13", ["Applicant.Sex"] = "Female" },
            allowUnknownFields: true); // the form shows them from the IIN, read-only: a hand-made request
        await clerk.SwitchLanguageAsync(await clerk.GetAsync("/"), "kk");

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal(["Заявитель: Дата рождения не совпадает с ИИН.", "Заявитель: Пол не совпадает с ИИН."], page.Errors.Order());
    }

    [Fact]
    public async Task A_service_about_children_needs_a_child_and_a_scan_must_really_be_a_pdf_or_an_image()
    {
        var office = new OfficeDesk(App);
        var clerk = await office.AsAsync("clerk");
        var form = await clerk.GetAsync("/cases/new?service=FosterPlacement");
        var scanField = form.Document.QuerySelector("input[type=file]")!.GetAttribute("name")!;
        var before = await CasesAsync();

        var page = await clerk.SubmitAsync(form, "form#registration", new Dictionary<string, string>
        {
            ["Applicant.Iin"] = OfficeDesk.NewIin(new DateOnly(1980, 1, 2), Sex.Male), ["Applicant.LastName"] = "Омаров",
            ["Applicant.FirstName"] = "Бекзат", ["Applicant.Address"] = "Қарағанды қ.",
        }, files: [new FileUpload(scanField, "virus.pdf", "application/pdf", "MZ\u0090\0not a pdf"u8.ToArray())]);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal(["«virus.pdf» файлы PDF, JPEG немесе PNG емес.", "Кемінде бір баланы көрсетіңіз."], page.Errors);
        Assert.Equal(before, await CasesAsync());
    }

    [Fact]
    public async Task Another_office_learns_nothing_from_an_iin_and_a_change_of_a_persons_data_is_recorded_and_leaves_the_first_case_as_registered()
    {
        var iin = OfficeDesk.NewIin(new DateOnly(1978, 1, 15), Sex.Female);
        var karaganda = new OfficeDesk(App);
        var first = (await karaganda.RegisterAsync(ServiceCode.GuardianshipCertificate, applicantIin: iin)).CaseId;
        var addressBefore = await App.WithDbAsync(db => db.Cases.Where(c => c.Id == first).Select(c => c.Applicant!.Address).SingleAsync());
        var temirtau = new OfficeDesk(App, "2");
        var otherClerk = await temirtau.AsAsync("clerk");

        var lookup = await otherClerk.PostAsync("/persons/lookup", new Dictionary<string, string> { ["iin"] = iin });
        var json = System.Text.Json.JsonDocument.Parse(lookup.Html).RootElement;
        Assert.False(json.GetProperty("found").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, json.GetProperty("lastName").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, json.GetProperty("address").ValueKind);
        Assert.Equal("1978-01-15", json.GetProperty("birthDate").GetString());
        Assert.DoesNotContain("Серікова", lookup.Html);

        await temirtau.RegisterAsync(ServiceCode.GuardianshipCertificate, applicantIin: iin,
            overrides: new Dictionary<string, string> { ["Applicant.LastName"] = "Байжанова", ["Applicant.Address"] = "Теміртау қ., Мира даңғ., 5" });

        var change = await App.WithDbAsync(db => db.AuditEvents.SingleAsync(a => a.Action == "EditPerson" && a.Before!.Contains("Серікова")));
        Assert.Contains("Байжанова", change.After);
        Assert.Contains("Теміртау қ., Мира даңғ., 5", change.After);
        var head = await karaganda.AsAsync("head");
        var casePage = await head.GetAsync($"/cases/{first}");
        Assert.Contains("Серікова", casePage.Text("[data-testid=applicant]"));
        Assert.Contains(addressBefore, casePage.Html);
        Assert.DoesNotContain("Байжанова", casePage.Html);
        Assert.DoesNotContain("Теміртау қ., Мира", casePage.Html);
    }

    [Fact]
    public async Task A_known_iin_fills_the_person_in_and_one_person_serves_many_cases()
    {
        var office = new OfficeDesk(App);
        var iin = OfficeDesk.NewIin(new DateOnly(1979, 6, 30), Sex.Female);
        await office.RegisterAsync(ServiceCode.GuardianshipCertificate, applicantIin: iin);
        var clerk = await office.AsAsync("clerk");

        var lookup = await clerk.PostAsync("/persons/lookup", new Dictionary<string, string> { ["iin"] = iin });
        var json = System.Text.Json.JsonDocument.Parse(lookup.Html).RootElement;
        await office.RegisterAsync(ServiceCode.AdopterRegistration, applicantIin: iin);

        Assert.True(json.GetProperty("found").GetBoolean());
        Assert.Equal("Серікова", json.GetProperty("lastName").GetString());
        Assert.Equal("1979-06-30", json.GetProperty("birthDate").GetString());
        Assert.Equal("Female", json.GetProperty("sex").GetString());
        var (persons, cases) = await App.WithDbAsync(async db => (
            await db.Persons.CountAsync(p => p.Iin == iin),
            await db.Cases.CountAsync(c => c.Applicant!.Iin == iin)));
        Assert.Equal((1, 2), (persons, cases));
    }

    [Fact]
    public async Task Registration_numbers_run_per_office_year_and_service()
    {
        var first = await new OfficeDesk(App).RegisterAsync(ServiceCode.FosterMaintenance);
        var second = await new OfficeDesk(App).RegisterAsync(ServiceCode.FosterMaintenance);
        var otherOffice = await new OfficeDesk(App, "2").RegisterAsync(ServiceCode.FosterMaintenance);

        var a = int.Parse(first.Text("[data-testid=case-number]")[^5..]);
        var b = int.Parse(second.Text("[data-testid=case-number]")[^5..]);
        Assert.Equal(a + 1, b);
        Assert.EndsWith("-00001", otherOffice.Text("[data-testid=case-number]"));
    }

    [Fact]
    public async Task Search_finds_by_number_iin_and_any_case_of_a_cyrillic_name_within_the_office()
    {
        var office = new OfficeDesk(App);
        var childIin = OfficeDesk.NewIin(new DateOnly(2015, 2, 3), Sex.Female);
        var registered = await office.RegisterAsync(ServiceCode.FosterMaintenance, childIin: childIin,
            overrides: new Dictionary<string, string> { ["Children[0].LastName"] = "Әбілқасымова", ["Children[0].FirstName"] = "Өмірзая" });
        var number = registered.Text("[data-testid=case-number]");
        var head = await office.AsAsync("head");
        var other = new OfficeDesk(App, "2");

        foreach (var query in new[] { number, number.ToLowerInvariant(), childIin, "әбілқасымова", "ӘБІЛҚАСЫМОВА өмірзая" })
        {
            var results = await head.GetAsync("/cases?q=" + Uri.EscapeDataString(query));
            Assert.Contains(number, results.Texts("[data-testid=search-results] tr[data-number] td:first-child"));
        }
        var elsewhere = await (await other.AsAsync("head")).GetAsync("/cases?q=" + Uri.EscapeDataString(childIin));
        Assert.Empty(elsewhere.Document.QuerySelectorAll("[data-testid=search-results] tr[data-number]"));
        Assert.True(await App.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.Action == "Search" && a.Detail == childIin)));
    }
}

public sealed class RegistrationTestsSqlite(SqlitePortal f) : RegistrationTests(f), IClassFixture<SqlitePortal>;
public sealed class RegistrationTestsPostgres(PostgresPortal f) : RegistrationTests(f), IClassFixture<PostgresPortal>;
