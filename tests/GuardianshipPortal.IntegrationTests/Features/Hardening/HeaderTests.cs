using System.Net;
using GuardianshipPortal.Domain.Documents;
using GuardianshipPortal.Domain.Services;
using GuardianshipPortal.Domain.Workflow;
using GuardianshipPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GuardianshipPortal.IntegrationTests.Features.Hardening;

/// <summary>Every kind of response carries the security headers; nothing with personal data is cached; no server banner.</summary>
public abstract class HeaderTests(PortalFixture fixture) : PortalTest(fixture)
{
    private static string Header(HttpResponseMessage r, string name) =>
        r.Headers.TryGetValues(name, out var v) ? string.Join(",", v) : r.Content.Headers.TryGetValues(name, out var c) ? string.Join(",", c) : "";

    [Fact]
    public async Task Pages_documents_scans_exports_errors_and_static_files_carry_the_headers()
    {
        var office = new OfficeDesk(App);
        var id = (await office.RegisterAsync(ServiceCode.GuardianshipCertificate)).CaseId;
        var clerk = await office.AsAsync("clerk");
        var receipt = await App.WithDbAsync(db => db.IssuedDocuments.SingleAsync(d => d.CaseId == id && d.Kind == DocumentKind.Receipt));
        var scan = await App.WithDbAsync(db => db.Attachments.FirstAsync(a => a.CaseId == id));
        var today = App.Today.ToString("yyyy-MM-dd");
        var ct = TestContext.Current.CancellationToken;

        var responses = new Dictionary<string, HttpResponseMessage>
        {
            ["page"] = await clerk.Http.GetAsync($"/cases/{id}", ct),
            ["pdf"] = await clerk.Http.GetAsync($"/documents/{receipt.Id}", ct),
            ["scan"] = await clerk.Http.GetAsync($"/cases/{id}/attachments/{scan.Id}", ct),
            ["csv"] = await clerk.Http.GetAsync($"/journals/Registration?from={today}&to={today}&format=csv", ct),
            ["xlsx"] = await clerk.Http.GetAsync($"/journals/Registration?from={today}&to={today}&format=xlsx", ct),
            ["error"] = await clerk.Http.GetAsync("/no/such/page", ct),
            ["public"] = await NewClient().Http.GetAsync($"/verify/{receipt.VerificationCode}/document", ct),
        };
        var file = await NewClient().Http.GetAsync("/js/registration.js", ct);

        foreach (var (kind, response) in responses.Append(new("static", file)))
        {
            Assert.True(Header(response, "X-Content-Type-Options") == "nosniff", kind);
            Assert.True(Header(response, "Referrer-Policy") == "no-referrer", kind);
            Assert.True(Header(response, "Content-Security-Policy").Contains("frame-ancestors 'none'"), kind);
            Assert.False(Header(response, "Content-Security-Policy").Contains("unsafe-inline' ; script") || Header(response, "Content-Security-Policy").Contains("script-src 'unsafe-inline'"), kind);
            Assert.True(Header(response, "Server") == "", kind);
        }
        foreach (var (kind, response) in responses)
            Assert.True(Header(response, "Cache-Control").Contains("no-store"), kind);
        Assert.Contains("sandbox", Header(responses["pdf"], "Content-Security-Policy"));
        Assert.Contains("sandbox", Header(responses["scan"], "Content-Security-Policy"));
        Assert.Contains("script-src 'self'", Header(responses["page"], "Content-Security-Policy"));
        Assert.DoesNotContain("no-store", Header(file, "Cache-Control"));
    }
}

public sealed class HeaderTestsSqlite(SqlitePortal f) : HeaderTests(f), IClassFixture<SqlitePortal>;
public sealed class HeaderTestsPostgres(PostgresPortal f) : HeaderTests(f), IClassFixture<PostgresPortal>;
