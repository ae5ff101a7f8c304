using System.Net;
using GuardianshipPortal.Domain.Documents;
using GuardianshipPortal.Domain.Services;
using GuardianshipPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GuardianshipPortal.IntegrationTests.Features.Status;

/// <summary>The applicant follows the case at /status with the number and the receipt's code, and learns nothing else.</summary>
public abstract class StatusPageTests(PortalFixture fixture) : PortalTest(fixture)
{
    [Fact]
    public async Task The_number_and_the_receipts_code_show_the_steps_and_the_date_with_initials_only()
    {
        var office = new OfficeDesk(App);
        var id = (await office.RegisterAsync(ServiceCode.GuardianshipCertificate)).CaseId;
        await office.ResolveAsync(id);
        var (number, code, iin) = await App.WithDbAsync(async db => (
            await db.Cases.Where(c => c.Id == id).Select(c => c.Number).SingleAsync(),
            await db.IssuedDocuments.Where(d => d.CaseId == id && d.Kind == DocumentKind.Receipt).Select(d => d.VerificationCode).SingleAsync(),
            await db.Cases.Where(c => c.Id == id).Select(c => c.Applicant!.Iin).SingleAsync()));
        var anyone = NewClient();

        var page = await anyone.GetAsync($"/status?number={number.ToLowerInvariant()}&code={code.Replace("-", " ").ToLowerInvariant()}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(["Done", "Done", "current", "ahead", "ahead"],
            page.Document.QuerySelectorAll("[data-testid=status-steps] li").Select(li => li.GetAttribute("data-state") == "done" ? "Done" : li.GetAttribute("data-state")!));
        Assert.Equal("С. А.", page.Text("[data-testid=status-initials]"));
        Assert.DoesNotContain("Серікова", page.Html);
        Assert.DoesNotContain(iin, page.Html);
        Assert.Matches(@"^\d{2}\.\d{2}\.\d{4}$", page.Text("[data-testid=status-ready-by]"));

        var wrongCode = await anyone.GetAsync($"/status?number={number}&code=AAAA-BBBB-CCCC");
        var byIin = await anyone.GetAsync($"/status?number={iin}&code={code}");
        var garbage = await anyone.GetAsync($"/status?number={new string('x', 500)}&code=%00%1b");
        Assert.Equal(HttpStatusCode.NotFound, wrongCode.Status);
        Assert.Equal("Осы нөмір мен код бойынша өтініш табылмады. Қолхатты тексеріңіз.", wrongCode.Text("[data-testid=status-result]"));
        Assert.Equal(HttpStatusCode.NotFound, byIin.Status);
        Assert.True(garbage.Status is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, garbage.Status.ToString());

        var verify = await anyone.GetAsync($"/verify/{code}");
        Assert.Equal($"/status?number={Uri.EscapeDataString(number)}&code={code}", verify.Document.QuerySelector("[data-testid=verify-status]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task An_issued_result_is_shown_as_issued_in_russian()
    {
        var office = new OfficeDesk(App);
        var id = (await office.RegisterAsync(ServiceCode.GuardianshipCertificate)).CaseId;
        await office.ResolveAsync(id);
        await office.DraftAsync(id, ServiceCode.GuardianshipCertificate);
        await office.SignAsync(id);
        await office.IssueAsync(id);
        var (number, code) = await App.WithDbAsync(async db => (
            await db.Cases.Where(c => c.Id == id).Select(c => c.Number).SingleAsync(),
            await db.IssuedDocuments.Where(d => d.CaseId == id && d.Kind == DocumentKind.Receipt).Select(d => d.VerificationCode).SingleAsync()));
        var anyone = NewClient();
        var home = await anyone.GetAsync("/status");
        await anyone.SwitchLanguageAsync(home, "ru");

        var page = await anyone.GetAsync($"/status?number={number}&code={code}");

        Assert.Equal("Результат выдан.", page.Text("[data-testid=status-result]"));
        Assert.All(page.Document.QuerySelectorAll("[data-testid=status-steps] li"), li => Assert.Equal("done", li.GetAttribute("data-state")));
    }
}

public sealed class StatusPageTestsSqlite(SqlitePortal f) : StatusPageTests(f), IClassFixture<SqlitePortal>;
public sealed class StatusPageTestsPostgres(PostgresPortal f) : StatusPageTests(f), IClassFixture<PostgresPortal>;
