using System.Net;
using GuardianshipPortal.Domain.Calendar;
using GuardianshipPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GuardianshipPortal.IntegrationTests.Features.Admin;

public abstract class CatalogueAdminTests(PortalFixture fixture) : PortalTest(fixture)
{
    [Fact]
    public async Task A_new_checklist_item_appears_on_registration_and_a_switched_off_ground_disappears_from_drafts()
    {
        var admin = NewClient();
        await admin.SignInAsync("admin");
        var page = await admin.GetAsync("/admin/catalogues?service=GuardianshipCertificate");
        var added = await admin.SubmitAsync(page, "[data-testid=add-documents]", new Dictionary<string, string>
        {
            ["Kk"] = "Тұрғылықты жері туралы анықтама", ["Ru"] = "Справка о месте жительства",
        });
        var ground = "Көрсетілген адамға қатысты қорғаншылық (қамқоршылық) белгіленбеген";
        var off = await admin.SubmitAsync(added, $"[data-testid=catalogue-grounds] li[data-item='{ground}'] form");

        var clerk = await new OfficeDesk(App).AsAsync("clerk");
        var form = await clerk.GetAsync("/cases/new?service=GuardianshipCertificate");
        Assert.Contains(form.Texts("label.form-check-label"), t => t.StartsWith("Тұрғылықты жері туралы анықтама", StringComparison.Ordinal) && t.EndsWith("(болған жағдайда)", StringComparison.Ordinal));
        Assert.Contains("text-decoration-line-through", off.Document.QuerySelector($"[data-testid=catalogue-grounds] li[data-item='{ground}']")!.ClassName);
        var office = new OfficeDesk(App);
        var id = (await office.RegisterAsync(Domain.Services.ServiceCode.GuardianshipCertificate)).CaseId;
        await office.ResolveAsync(id);
        var draft = await (await office.AsAsync("specialist")).GetAsync($"/cases/{id}");
        Assert.DoesNotContain(ground, draft.Texts("[data-testid=draft-form] label"));
        Assert.Equal(2, await App.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.Action == "EditCatalogue")));
    }

    [Fact]
    public async Task The_admin_adds_an_office_and_a_bad_code_or_time_zone_is_refused()
    {
        var admin = NewClient();
        await admin.SignInAsync("admin");
        var form = await admin.GetAsync("/admin/offices/edit");

        var bad = await admin.SubmitAsync(form, "[data-testid=office-form]", new Dictionary<string, string>
        {
            ["Code"] = "krg 3", ["NameKk"] = "Балқаш", ["NameRu"] = "Балхаш", ["TimeZoneId"] = "Mars/Olympus",
        });
        var good = await admin.SubmitAsync(form, "[data-testid=office-form]", new Dictionary<string, string>
        {
            ["Code"] = "KRG-03", ["NameKk"] = "Балқаш қаласының білім бөлімі", ["NameRu"] = "Отдел образования города Балхаш",
        });

        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.Equal(["Код: 2–32 латын бас әрпі, цифр немесе сызықша.", "Мұндай уақыт белдеуі жоқ (мысалы, Asia/Almaty)."], bad.Errors.Order());
        Assert.Contains("Балқаш қаласының білім бөлімі", good.Text("[data-testid=offices] tr[data-office=KRG-03]"));
    }

    [Fact]
    public async Task The_admin_sets_an_offices_working_hours_and_impossible_hours_are_refused()
    {
        var admin = NewClient();
        await admin.SignInAsync("admin");
        var id = await App.WithDbAsync(db => db.Offices.Where(o => o.Code == "KRG-02").Select(o => o.Id).SingleAsync());
        var form = await admin.GetAsync($"/admin/offices/{id}/edit");
        Assert.Equal("09:00", form.Document.QuerySelector("#OpensAt")?.GetAttribute("value"));
        Assert.Equal("18:30", form.Document.QuerySelector("#ClosesAt")?.GetAttribute("value"));

        var bad = await admin.SubmitAsync(form, "[data-testid=office-form]", new Dictionary<string, string>
        {
            ["LunchFrom"] = "14:30", ["LunchTo"] = "13:00", ["ReceptionTo"] = "19:00",
        });
        var good = await admin.SubmitAsync(form, "[data-testid=office-form]", new Dictionary<string, string>
        {
            ["OpensAt"] = "08:30", ["ClosesAt"] = "17:30", ["LunchFrom"] = "12:30", ["LunchTo"] = "13:30",
            ["ReceptionFrom"] = "09:00", ["ReceptionTo"] = "17:00",
        });

        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.Equal(["Жұмыс уақыты дұрыс емес: жұмыс басталуы аяқталуынан бұрын, ал түскі үзіліс жұмыс уақытының ішінде болуы керек.",
            "Қабылдау уақыты жұмыс уақытының ішінде болуы керек."], bad.Errors.Order());
        Assert.Equal(HttpStatusCode.OK, good.Status);
        var office = await App.WithDbAsync(db => db.Offices.SingleAsync(o => o.Id == id));
        Assert.Equal(new OfficeHours(new(8, 30), new(17, 30), new(12, 30), new(13, 30)), office.Hours());
        Assert.Equal((new TimeOnly(9, 0), new TimeOnly(17, 0)), (office.ReceptionFrom, office.ReceptionTo));
        var audit = await App.WithDbAsync(db => db.AuditEvents.Where(a => a.Action == "EditOffice").OrderBy(a => a.Id).LastAsync());
        Assert.Contains("09:00–18:30, 13:00–14:30", audit.Before);
        Assert.Contains("08:30–17:30, 12:30–13:30, 09:00–17:00", audit.After);
    }

    [Fact]
    public async Task Catalogues_and_offices_are_for_the_admin_only()
    {
        var head = NewClient();
        await head.SignInAsync("head");
        Assert.Equal(HttpStatusCode.Forbidden, (await head.GetAsync("/admin/catalogues")).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await head.GetAsync("/admin/offices")).Status);
    }
}

public sealed class CatalogueAdminTestsSqlite(SqlitePortal f) : CatalogueAdminTests(f), IClassFixture<SqlitePortal>;
public sealed class CatalogueAdminTestsPostgres(PostgresPortal f) : CatalogueAdminTests(f), IClassFixture<PostgresPortal>;
