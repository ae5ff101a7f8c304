using System.Net;
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
