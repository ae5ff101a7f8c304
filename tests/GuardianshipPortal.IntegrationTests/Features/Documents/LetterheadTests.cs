using System.Net;
using System.Text;
using GuardianshipPortal.Documents;
using GuardianshipPortal.Domain.Documents;
using GuardianshipPortal.Domain.Services;
using GuardianshipPortal.Domain.Workflow;
using GuardianshipPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GuardianshipPortal.IntegrationTests.Features.Documents;

/// <summary>
/// The letterhead of every document (the institution's full name, BIN, address, phone, e-mail, the emblem the administrator
/// uploads) in the case's language, and the outgoing number a result or a notice carries instead of the registration number.
/// </summary>
public abstract class LetterheadTests : PortalTest
{
    protected LetterheadTests(PortalFixture fixture) : base(fixture)
    {
        if (PdfText.SkipReason is { } reason) Assert.Skip(reason);
    }

    /// <summary>A 1×1 PNG with an alpha channel.</summary>
    internal static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    internal static async Task<(IssuedDocument Document, byte[] Pdf, string Text)> DocumentAsync(PortalApp app, Guid caseId, DocumentKind kind, string suffix = "")
    {
        var document = await app.WithDbAsync(db => db.IssuedDocuments.SingleAsync(d => d.CaseId == caseId && d.Kind == kind));
        var clerk = await new OfficeDesk(app, suffix).AsAsync("clerk");
        var response = await clerk.Http.GetAsync($"/documents/{document.Id}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var pdf = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        return (document, pdf, PdfText.Flat(await PdfText.ExtractAsync(pdf)));
    }

    [Theory]
    [InlineData("kk")]
    [InlineData("ru")]
    public async Task A_result_carries_the_institutions_letterhead_and_its_outgoing_number_in_the_cases_language(string language)
    {
        var id = await new CaseFactory(App).AtAsync(ServiceCode.GuardianshipCertificate, Step.Issue, language: language);

        var (document, _, text) = await DocumentAsync(App, id, DocumentKind.GuardianshipCertificate);
        var (receipt, _, receiptText) = await DocumentAsync(App, id, DocumentKind.Receipt);

        var caseNumber = await App.WithDbAsync(db => db.Cases.Where(c => c.Id == id).Select(c => c.Number).SingleAsync());
        var signedOn = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(document.CreatedAt, TimeZoneInfo.FindSystemTimeZoneById("Asia/Almaty")).DateTime);
        Assert.Matches(@"^01-15/\d+$", document.OutgoingNumber);
        if (language == "kk")
        {
            Assert.Contains("ҚАРАҒАНДЫ ҚАЛАСЫ ӘКІМДІГІНІҢ «ҚАРАҒАНДЫ ҚАЛАСЫНЫҢ БІЛІМ БӨЛІМІ» МЕМЛЕКЕТТІК МЕКЕМЕСІ", text);
            Assert.Contains("БСН 990440001234", text);
            Assert.Contains($"Шығыс № {document.OutgoingNumber}, {DateWords.Kazakh(signedOn)}", text);
            Assert.Contains("Тіркеу № " + caseNumber, text);
            Assert.Contains("М.О.", text);
        }
        else
        {
            Assert.Contains("ГУ «ОТДЕЛ ОБРАЗОВАНИЯ ГОРОДА КАРАГАНДЫ» АКИМАТА ГОРОДА КАРАГАНДЫ", text);
            Assert.Contains("БИН 990440001234", text);
            Assert.Contains($"Исх. № {document.OutgoingNumber} от {DateWords.Russian(signedOn)}", text);
            Assert.Contains("Рег. № " + caseNumber, text);
            Assert.Contains("М.П.", text);
        }
        Assert.Contains("e-mail: opeka@krg-edu.kz", text);
        Assert.Contains("тел. +7 7212 41-00-00", text);
        // The receipt keeps the registration number, has no outgoing number and no place for the seal.
        Assert.Null(receipt.OutgoingNumber);
        Assert.Contains("№ " + caseNumber, receiptText);
        Assert.DoesNotContain(language == "kk" ? "Шығыс №" : "Исх. №", receiptText);
        Assert.DoesNotContain(language == "kk" ? "М.О." : "М.П.", receiptText);
        Assert.Contains(language == "kk" ? "БСН 990440001234" : "БИН 990440001234", receiptText);
        // The case page shows the number beside the document.
        var page = await (await new OfficeDesk(App).AsAsync("clerk")).GetAsync($"/cases/{id}");
        Assert.Equal(document.OutgoingNumber, page.Text($"[data-testid=documents] li[data-kind={DocumentKind.GuardianshipCertificate}] [data-testid=outgoing-number]"));
        Assert.Empty(page.Document.QuerySelectorAll($"[data-testid=documents] li[data-kind={DocumentKind.Receipt}] [data-testid=outgoing-number]"));
    }

    [Fact]
    public async Task The_emblem_must_be_an_image_and_once_uploaded_is_drawn_on_the_offices_documents()
    {
        var admin = NewClient();
        await admin.SignInAsync("admin");
        var officeId = await App.WithDbAsync(db => db.Offices.Where(o => o.Code == "KRG-02").Select(o => o.Id).SingleAsync());
        var url = $"/admin/offices/{officeId}/edit";

        var form = await admin.GetAsync(url);
        var script = await admin.SubmitAsync(form, "[data-testid=office-form]",
            files: [new FileUpload("Emblem", "emblem.png", "image/png", Encoding.UTF8.GetBytes("<script>alert(1)</script>"))]);
        var ru = await admin.SwitchLanguageAsync(form, "ru");
        var truncated = await admin.SubmitAsync(await admin.GetAsync(url), "[data-testid=office-form]",
            files: [new FileUpload("Emblem", "broken.png", "image/png", Png[..20])]);
        var huge = await admin.SubmitAsync(await admin.GetAsync(url), "[data-testid=office-form]",
            files: [new FileUpload("Emblem", "huge.png", "image/png", [.. Png, .. new byte[600 * 1024]])]);
        var giant = Png.ToArray();
        new byte[] { 0, 0, 0x13, 0x88, 0, 0, 0x13, 0x88 }.CopyTo(giant, 16); // IHDR says 5000 × 5000: no letterhead needs that
        var tooBig = await admin.SubmitAsync(await admin.GetAsync(url), "[data-testid=office-form]",
            files: [new FileUpload("Emblem", "giant.png", "image/png", giant)]);
        Assert.Equal(HttpStatusCode.BadRequest, tooBig.Status);
        Assert.Contains("Изображение «giant.png» слишком велико: ширина и высота не должны превышать 2000 пикселей.", tooBig.Errors);
        Assert.Equal(HttpStatusCode.BadRequest, script.Status);
        Assert.Contains("«emblem.png» файлы PNG немесе JPEG суреті емес.", script.Errors);
        Assert.Equal(HttpStatusCode.OK, ru.Status);
        Assert.Equal(HttpStatusCode.BadRequest, truncated.Status);
        Assert.Contains("Файл «broken.png» не является изображением PNG или JPEG.", truncated.Errors);
        Assert.Equal(HttpStatusCode.BadRequest, huge.Status);
        Assert.Contains("Файл «huge.png» слишком велик: изображение должно быть не больше 512 КБ.", huge.Errors);
        Assert.Null(await App.WithDbAsync(db => db.Offices.Where(o => o.Id == officeId).Select(o => o.Emblem).SingleAsync()));

        var saved = await admin.SubmitAsync(await admin.GetAsync(url), "[data-testid=office-form]",
            files: [new FileUpload("Emblem", "elтаңба.png", "application/octet-stream", Png)]);
        Assert.Equal(HttpStatusCode.OK, saved.Status);
        Assert.Empty(saved.Errors);
        var stored = await App.WithDbAsync(db => db.Offices.Where(o => o.Id == officeId).Select(o => new { o.Emblem, o.EmblemContentType }).SingleAsync());
        Assert.Equal(Png, stored.Emblem);
        Assert.Equal("image/png", stored.EmblemContentType);
        var preview = await admin.Http.GetAsync($"/admin/offices/{officeId}/emblem", TestContext.Current.CancellationToken);
        Assert.Equal("image/png", preview.Content.Headers.ContentType!.MediaType);

        var id = await new CaseFactory(App, "KRG-02").AtAsync(ServiceCode.GuardianshipCertificate, Step.Issue);
        var (_, pdf, text) = await DocumentAsync(App, id, DocumentKind.GuardianshipCertificate, "2");
        var raw = Encoding.Latin1.GetString(pdf);
        Assert.Matches(@"/Subtype\s*/Image", raw);
        Assert.Contains("ТЕМІРТАУ ҚАЛАСЫ ӘКІМДІГІНІҢ «ТЕМІРТАУ ҚАЛАСЫНЫҢ БІЛІМ БӨЛІМІ» МЕМЛЕКЕТТІК МЕКЕМЕСІ", text);
        Assert.Contains("БСН 990440004566", text);

        // Removing it leaves the office's next documents without an image.
        var edit = await admin.GetAsync(url);
        edit.Check("#RemoveEmblem");
        await admin.SubmitAsync(edit, "[data-testid=office-form]");
        Assert.Null(await App.WithDbAsync(db => db.Offices.Where(o => o.Id == officeId).Select(o => o.Emblem).SingleAsync()));
        var later = await new CaseFactory(App, "KRG-02").AtAsync(ServiceCode.GuardianshipCertificate, Step.Issue);
        Assert.DoesNotMatch(@"/Subtype\s*/Image", Encoding.Latin1.GetString((await DocumentAsync(App, later, DocumentKind.GuardianshipCertificate, "2")).Pdf));
    }

    [Fact]
    public async Task The_admin_form_keeps_the_letterhead_fields_and_refuses_what_does_not_fit()
    {
        var admin = NewClient();
        await admin.SignInAsync("admin");
        var form = await admin.GetAsync("/admin/offices/edit");
        var fullKk = "Балқаш қаласы әкімдігінің «Балқаш қаласының білім бөлімі» мемлекеттік мекемесі";
        var fullRu = "ГУ «Отдел образования города Балхаш» акимата города Балхаш";
        var values = new Dictionary<string, string>
        {
            ["Code"] = "KRG-07", ["NameKk"] = "Балқаш қаласының білім бөлімі", ["NameRu"] = "Отдел образования города Балхаш",
            ["FullNameKk"] = fullKk, ["FullNameRu"] = fullRu, ["Email"] = "opeka@balkhash-edu.kz", ["OutgoingNumberFormat"] = "07-15/{n}",
        };

        var tooLong = await admin.SubmitAsync(form, "[data-testid=office-form]", new Dictionary<string, string>(values) { ["FullNameKk"] = new string('а', 501) });
        var badEmail = await admin.SubmitAsync(form, "[data-testid=office-form]", new Dictionary<string, string>(values) { ["Email"] = "opeka at balkhash" });
        var badFormat = await admin.SubmitAsync(form, "[data-testid=office-form]", new Dictionary<string, string>(values) { ["OutgoingNumberFormat"] = "07-15/{x}" });
        var saved = await admin.SubmitAsync(form, "[data-testid=office-form]", values);

        Assert.Equal(HttpStatusCode.BadRequest, tooLong.Status);
        Assert.Contains(tooLong.Errors, e => e.Contains("Мемлекеттік мекеменің толық атауы (қазақ тілінде)", StringComparison.Ordinal) && e.Contains("500", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, badEmail.Status);
        Assert.Contains("Электрондық пошта мекенжайы дұрыс емес.", badEmail.Errors);
        Assert.Equal(HttpStatusCode.BadRequest, badFormat.Status);
        Assert.Contains(badFormat.Errors, e => e.StartsWith("Шығыс нөмірінің форматында {n} бір рет болуы керек", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, saved.Status);
        var office = await App.WithDbAsync(db => db.Offices.SingleAsync(o => o.Code == "KRG-07"));
        Assert.Equal((fullKk, fullRu, "opeka@balkhash-edu.kz", "07-15/{n}"), (office.FullNameKk, office.FullNameRu, office.Email, office.OutgoingNumberFormat));
        var again = await admin.GetAsync($"/admin/offices/{office.Id}/edit");
        Assert.Equal(fullKk, again.Document.QuerySelector("#FullNameKk")!.TextContent.Trim());
        Assert.Equal(fullRu, again.Document.QuerySelector("#FullNameRu")!.TextContent.Trim());
        Assert.Equal("opeka@balkhash-edu.kz", again.Document.QuerySelector("#Email")!.GetAttribute("value"));
        Assert.Equal("07-15/{n}", again.Document.QuerySelector("#OutgoingNumberFormat")!.GetAttribute("value"));
        Assert.Equal(1, await App.WithDbAsync(db => db.Offices.CountAsync(o => o.Code == "KRG-07")));
    }
}

public sealed class LetterheadTestsSqlite(SqlitePortal f) : LetterheadTests(f), IClassFixture<SqlitePortal>;
public sealed class LetterheadTestsPostgres(PostgresPortal f) : LetterheadTests(f), IClassFixture<PostgresPortal>;
