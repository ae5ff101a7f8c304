using Microsoft.Extensions.DependencyInjection;
using System.Net;
using GuardianshipPortal.Domain.Documents;
using GuardianshipPortal.Domain.Services;
using GuardianshipPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GuardianshipPortal.IntegrationTests.Features.Admin;

public abstract class TemplateAdminTests(PortalFixture fixture) : PortalTest(fixture)
{
    [Fact]
    public async Task The_admin_edits_the_wording_new_documents_use_the_new_version_and_old_ones_keep_theirs()
    {
        if (PdfText.SkipReason is { } reason) Assert.Skip(reason);
        var office = new OfficeDesk(App);
        var before = await office.RegisterAsync(ServiceCode.GuardianshipCertificate, language: "kk");
        var oldReceipt = await App.WithDbAsync(db => db.IssuedDocuments.Include(d => d.Content).SingleAsync(d => d.CaseId == before.CaseId));
        var admin = NewClient();
        await admin.SignInAsync("admin");
        var form = await admin.GetAsync("/admin/templates/Receipt/kk");
        var body = form.Document.QuerySelector("#Body")!.TextContent;

        var saved = await admin.SubmitAsync(form, "[data-testid=template-form]", new Dictionary<string, string>
        {
            ["Body"] = body + "\n\nҚолхатты сақтап қойыңыз: нәтижені алғанда көрсетесіз.",
        });
        var after = await office.RegisterAsync(ServiceCode.GuardianshipCertificate, language: "kk");

        Assert.Equal("Үлгінің 2-нұсқасы сақталды.", saved.Text("[data-testid=flash]"));
        var newReceipt = await App.WithDbAsync(db => db.IssuedDocuments.Include(d => d.Content).SingleAsync(d => d.CaseId == after.CaseId));
        Assert.Equal(2, newReceipt.TemplateVersion);
        Assert.Contains("Қолхатты сақтап қойыңыз: нәтижені алғанда көрсетесіз.", PdfText.Flat(await PdfText.ExtractAsync(newReceipt.Content!.Pdf)));
        var oldAgain = await App.WithDbAsync(db => db.IssuedDocuments.Include(d => d.Content).SingleAsync(d => d.Id == oldReceipt.Id));
        Assert.Equal(1, oldAgain.TemplateVersion);
        Assert.Equal(oldReceipt.Content!.Pdf, oldAgain.Content!.Pdf);
        var audit = await App.WithDbAsync(db => db.AuditEvents.SingleAsync(a => a.Action == "EditTemplate" && a.Detail == "Receipt/kk v2"));
        Assert.DoesNotContain("Қолхатты сақтап", audit.Before);
        Assert.Contains("Қолхатты сақтап", audit.After);
    }

    [Fact]
    public async Task A_changed_default_wording_reaches_templates_the_portal_seeded_but_never_an_administrators()
    {
        // An older release seeded its own wording of one kind; an administrator rewrote another.
        await App.WithDbAsync(async db =>
        {
            var adminId = await db.Users.Where(u => u.UserName == "admin").Select(u => u.Id).SingleAsync();
            db.DocumentTemplates.AddRange(
                new DocumentTemplate { Id = Guid.NewGuid(), Kind = DocumentKind.MaintenanceDecision, Language = "kk", Version = 2, Title = "Ескі атауы", Body = "{applicant} өтінішін қарап, {office} ШЕШТІ:", CreatedAt = App.Clock.GetUtcNow() },
                new DocumentTemplate { Id = Guid.NewGuid(), Kind = DocumentKind.LumpSumDecision, Language = "kk", Version = 2, Title = "Әкімшінің атауы", Body = "Әкімші жазған мәтін.", CreatedAt = App.Clock.GetUtcNow(), CreatedById = adminId });
            return await db.SaveChangesAsync();
        });
        async Task SeedAsync() => await App.WithDbAsync(async db =>
        {
            await new Data.Seeding.ReferenceDataSeeder(db, App.Services.GetRequiredService<ServiceCatalog>()).SeedAsync();
            return 0;
        });

        await SeedAsync();
        await SeedAsync(); // a second start adds nothing

        var latest = await App.WithDbAsync(db => db.DocumentTemplates.Where(t => t.Language == "kk" && (t.Kind == DocumentKind.MaintenanceDecision || t.Kind == DocumentKind.LumpSumDecision))
            .OrderByDescending(t => t.Version).ToListAsync());
        var maintenance = latest.First(t => t.Kind == DocumentKind.MaintenanceDecision);
        Assert.Equal(3, maintenance.Version);
        Assert.Null(maintenance.CreatedById);
        Assert.Contains("{applicant:gen} (ЖСН {applicant_iin}) өтінішін", maintenance.Body);
        Assert.Contains("{office} шешті:", maintenance.Body);
        var lumpSum = latest.First(t => t.Kind == DocumentKind.LumpSumDecision);
        Assert.Equal((2, "Әкімші жазған мәтін."), (lumpSum.Version, lumpSum.Body));
    }

    [Fact]
    public async Task An_unknown_placeholder_or_an_empty_title_is_refused_and_nothing_is_saved()
    {
        var admin = NewClient();
        await admin.SwitchLanguageAsync(await admin.GetAsync("/account/login"), "ru");
        await admin.SignInAsync("admin");
        var form = await admin.GetAsync("/admin/templates/Refusal/ru");

        var refused = await admin.SubmitAsync(form, "[data-testid=template-form]", new Dictionary<string, string>
        {
            ["Title"] = "", ["Body"] = "Уважаемый {applicant_name}!",
        });

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal(["Заполните поле «Название документа».", "Неизвестные подстановки: {applicant_name}."], refused.Errors.Order());
        Assert.Equal(1, await App.WithDbAsync(db => db.DocumentTemplates.CountAsync(t => t.Kind == DocumentKind.Refusal && t.Language == "ru")));
    }

    [Fact]
    public async Task Template_administration_is_for_the_admin_only()
    {
        foreach (var user in new[] { "clerk", "head", "specialist", "commission", "supervisor" })
        {
            var client = NewClient();
            await client.SignInAsync(user);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/admin/templates")).Status);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync("/admin/templates/Receipt/kk",
                new Dictionary<string, string> { ["Title"] = "x", ["Body"] = "y", ["Version"] = "1" })).Status);
        }
    }
}

public sealed class TemplateAdminTestsSqlite(SqlitePortal f) : TemplateAdminTests(f), IClassFixture<SqlitePortal>;
public sealed class TemplateAdminTestsPostgres(PostgresPortal f) : TemplateAdminTests(f), IClassFixture<PostgresPortal>;

/// <summary>The placeholders the template editor accepts are exactly those the composer fills.</summary>
public sealed class PlaceholderTests(SqlitePortal fixture) : PortalTest(fixture), IClassFixture<SqlitePortal>
{
    [Fact]
    public async Task The_editor_accepts_exactly_what_the_composer_fills_for_a_case_with_every_part()
    {
        var id = await new CaseFactory(App).AtAsync(Domain.Services.ServiceCode.AdopterRegistration, Domain.Workflow.Step.Issue);
        await using var scope = App.Services.CreateAsyncScope();
        var c = await scope.ServiceProvider.GetRequiredService<Web.Features.Cases.CasePages>().LoadAsync(id, tracking: false, TestContext.Current.CancellationToken);
        var composer = scope.ServiceProvider.GetRequiredService<Web.Features.Documents.DocumentComposer>();

        // Adopter registration has an inspection act and the commission's opinion; the draft carries every field there is.
        var values = composer.Values(c!, new Cases.DocumentSigner("Басшы", "Бөлім басшысы"), new Cases.DocumentSigner("Маман", ""), App.Clock.GetUtcNow(),
            System.Globalization.CultureInfo.GetCultureInfo("kk-KZ"));

        Assert.Equal(Web.Features.Documents.DocumentComposer.Placeholders.Order(), values.Keys.Order());
        Assert.Same(Web.Features.Documents.DocumentComposer.Placeholders, Web.Features.Admin.TemplateFormValidator.Placeholders);
    }
}
