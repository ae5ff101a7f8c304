using System.Net;
using GuardianshipPortal.Domain.Persons;
using GuardianshipPortal.Domain.Services;
using GuardianshipPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GuardianshipPortal.IntegrationTests.Features.Hardening;

/// <summary>
/// Scans come in under a document of the checklist, within limits that are advertised and reachable, and go out as what
/// they were checked to be: anything else is answered with the form and a message naming the file or the limit, and
/// nothing is saved.
/// </summary>
public abstract class UploadTests(PortalFixture fixture) : PortalTest(fixture)
{
    private const int MiB = 1024 * 1024;

    private async Task<(PortalClient Clerk, Page Form, string Scan)> FormAsync()
    {
        var clerk = await new OfficeDesk(App).AsAsync("clerk");
        var form = await clerk.GetAsync($"/cases/new?service={ServiceCode.GuardianshipCertificate}");
        return (clerk, form, form.Document.QuerySelector("input[type=file]")!.GetAttribute("name")!);
    }

    private static Dictionary<string, string> Applicant() => new()
    {
        ["Applicant.Iin"] = OfficeDesk.NewIin(new DateOnly(1981, 5, 5), Sex.Female), ["Applicant.LastName"] = "Серікова",
        ["Applicant.FirstName"] = "Айжан", ["Applicant.Address"] = "Қарағанды",
        ["Children[0].Iin"] = OfficeDesk.NewIin(new DateOnly(2015, 5, 5), Sex.Male), ["Children[0].LastName"] = "Ахметов", ["Children[0].FirstName"] = "Нұр",
    };

    private Task<(int Cases, int Files)> CountsAsync() =>
        App.WithDbAsync(async db => (await db.Cases.CountAsync(), await db.Attachments.CountAsync()));

    private static byte[] PdfOf(int length)
    {
        var bytes = new byte[length];
        OfficeDesk.Pdf.CopyTo(bytes, 0);
        return bytes;
    }

    [Fact]
    public async Task A_file_under_a_field_of_no_checklist_document_is_refused_not_kept_unseen()
    {
        var (clerk, form, _) = await FormAsync();
        var before = await CountsAsync();

        var page = await clerk.SubmitAsync(form, "form#registration", Applicant(), files:
        [
            new FileUpload("Scan_" + Guid.NewGuid(), "hidden-1.pdf", "application/pdf", OfficeDesk.Pdf),
            new FileUpload("junk", "hidden-2.pdf", "application/pdf", OfficeDesk.Pdf),
        ]);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("«hidden-1.pdf» файлы құжаттар тізбесіндегі бірде-бір құжатқа жатқызылмаған.", page.Errors);
        Assert.Contains("«hidden-2.pdf» файлы құжаттар тізбесіндегі бірде-бір құжатқа жатқызылмаған.", page.Errors);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task An_empty_file_is_named_in_a_message_instead_of_being_dropped()
    {
        var (clerk, form, scan) = await FormAsync();
        var before = await CountsAsync();

        var page = await clerk.SubmitAsync(form, "form#registration", Applicant(),
            files: [new FileUpload(scan, "empty.pdf", "application/pdf", [])]);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal(["«empty.pdf» файлы бос (0 байт). Файлды қайта сканерлеп, тіркеңіз."], page.Errors);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task The_advertised_limits_are_reachable_and_one_byte_over_is_answered_with_the_form()
    {
        var (clerk, form, scan) = await FormAsync();
        Assert.Contains("10 МБ", form.Text("form#registration"));
        Assert.Contains("50 МБ", form.Text("form#registration"));
        var atLimit = PdfOf(10 * MiB);
        var before = await CountsAsync();

        var over = await clerk.SubmitAsync(form, "form#registration", Applicant(),
            files: [new FileUpload(scan, "big.pdf", "application/pdf", PdfOf(10 * MiB + 1))]);
        Assert.Equal(HttpStatusCode.BadRequest, over.Status);
        Assert.Equal(["«big.pdf» файлы тым үлкен (ең көбі 10 МБ)."], over.Errors);

        var tooMuch = await clerk.SubmitAsync(form, "form#registration", Applicant(),
            files: [.. Enumerable.Range(1, 6).Select(i => new FileUpload(scan, $"part-{i}.pdf", "application/pdf", atLimit))]);
        Assert.Equal(HttpStatusCode.BadRequest, tooMuch.Status);
        Assert.Equal(["Скан-көшірмелердің жалпы көлемі 50 МБ-тан аспауы тиіс. Ештеңе сақталған жоқ."], tooMuch.Errors);
        Assert.Equal(before, await CountsAsync());

        var saved = await clerk.SubmitAsync(form, "form#registration", Applicant(),
            files: [.. Enumerable.Range(1, 5).Select(i => new FileUpload(scan, $"part-{i}.pdf", "application/pdf", atLimit))]);
        Assert.Equal(HttpStatusCode.OK, saved.Status);
        var sizes = await App.WithDbAsync(db => db.Attachments.Where(a => a.CaseId == saved.CaseId).Select(a => a.Size).ToListAsync());
        Assert.Equal(Enumerable.Repeat(10L * MiB, 5), sizes);
    }

    [Fact]
    public async Task A_request_too_large_to_read_comes_back_to_the_form_with_the_limits()
    {
        var (clerk, form, scan) = await FormAsync();
        var before = await CountsAsync();

        var page = await clerk.SubmitAsync(form, "form#registration", Applicant(),
            files: [new FileUpload(scan, "huge.pdf", "application/pdf", PdfOf(101 * MiB))]);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(["Жіберілген файлдар тым үлкен: әрқайсысы 10 МБ-тан, барлығы 50 МБ-тан аспауы тиіс. Ештеңе сақталған жоқ, өтінішті қайта толтырыңыз."], page.Errors);
        Assert.NotNull(page.Document.QuerySelector("form#registration input[name=Service][value=GuardianshipCertificate]"));
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task A_pdf_posted_as_html_is_kept_and_served_as_a_pdf_in_a_sandbox()
    {
        var (clerk, form, scan) = await FormAsync();
        var polyglot = "%PDF-1.4\n<html><script>alert(document.cookie)</script></html>\n%%EOF\n"u8.ToArray();

        var saved = await clerk.SubmitAsync(form, "form#registration", Applicant(),
            files: [new FileUpload(scan, "evil.html", "text/html", polyglot)]);
        var stored = await App.WithDbAsync(db => db.Attachments.SingleAsync(a => a.CaseId == saved.CaseId));
        var response = await clerk.Http.GetAsync($"/cases/{saved.CaseId}/attachments/{stored.Id}", TestContext.Current.CancellationToken);

        Assert.Equal("evil.html.pdf", stored.FileName);
        Assert.Equal("application/pdf", stored.ContentType);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("evil.html.pdf", response.Content.Headers.ContentDisposition.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        Assert.StartsWith("sandbox", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }
}

public sealed class UploadTestsSqlite(SqlitePortal f) : UploadTests(f), IClassFixture<SqlitePortal>;
public sealed class UploadTestsPostgres(PostgresPortal f) : UploadTests(f), IClassFixture<PostgresPortal>;
