using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using GuardianshipPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GuardianshipPortal.IntegrationTests.Features.Api;

/// <summary>Partners: registered by the administrator, their key shown once and kept hashed, rotated with a grace period, revoked.</summary>
public abstract class PartnerKeyTests(PortalFixture fixture) : PortalTest(fixture)
{
    private async Task<HttpResponseMessage> CallAsync(string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/partner");
        if (key is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return await App.CreateClient().SendAsync(request, TestContext.Current.CancellationToken);
    }

    private static async Task<string> CodeAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("messageKk").GetString()));
        Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("messageRu").GetString()));
        return json.RootElement.GetProperty("code").GetString()!;
    }

    [Fact]
    public async Task A_partners_key_is_shown_once_kept_hashed_rotated_with_grace_and_revoked()
    {
        var admin = NewClient();
        await admin.SignInAsync("admin");
        var page = await admin.GetAsync("/admin/partners");
        page.Check("#office_KRG-01");
        var created = await admin.SubmitAsync(page, "[data-testid=partner-form]", new Dictionary<string, string>
        {
            ["Name"] = "ХҚКО Қарағанды №1", ["Channel"] = "PublicServiceCenter", ["Bin"] = "150440012345", ["CallbackUrl"] = "https://psc.example.kz/hook",
        });
        var key = created.Text("[data-testid=partner-key] code");
        Assert.StartsWith("gp_", key);
        Assert.Null((await admin.GetAsync("/admin/partners")).Document.QuerySelector("[data-testid=partner-key]"));
        var stored = await App.WithDbAsync(db => db.Partners.SingleAsync(p => p.Name == "ХҚКО Қарағанды №1"));
        Assert.DoesNotContain(stored.KeyHash, key);
        Assert.DoesNotContain(key.Split('.')[1], stored.KeyHash);

        var me = await CallAsync(key);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        using (var json = JsonDocument.Parse(await me.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)))
        {
            Assert.Equal("PublicServiceCenter", json.RootElement.GetProperty("channel").GetString());
            Assert.Equal(["KRG-01"], json.RootElement.GetProperty("offices").EnumerateArray().Select(e => e.GetString()));
        }
        Assert.Equal("unauthorized", await CodeAsync(await CallAsync(null)));
        Assert.Equal(HttpStatusCode.Unauthorized, (await CallAsync(key[..^2] + "xx")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await CallAsync("gp_000000000000.nothing")).StatusCode);

        var listed = await admin.GetAsync("/admin/partners");
        var rotated = await admin.SubmitAsync(listed, $"[data-partner='ХҚКО Қарағанды №1'] form[action$='/rotate']");
        var newKey = rotated.Text("[data-testid=partner-key] code");
        Assert.NotEqual(key, newKey);
        Assert.Equal(HttpStatusCode.OK, (await CallAsync(newKey)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await CallAsync(key)).StatusCode); // the old one, within its grace period
        await App.WithDbAsync(db => db.Partners.Where(p => p.Id == stored.Id).ExecuteUpdateAsync(u => u.SetProperty(p => p.PreviousKeyUntil, DateTimeOffset.UtcNow.AddMinutes(-1))));
        Assert.Equal(HttpStatusCode.Unauthorized, (await CallAsync(key)).StatusCode);

        var revoked = await admin.SubmitAsync(await admin.GetAsync("/admin/partners"), $"[data-partner='ХҚКО Қарағанды №1'] form[action$='/revoke']");
        Assert.Equal("Кері қайтарылған", revoked.Text("[data-partner='ХҚКО Қарағанды №1'] [data-testid=partner-status]"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await CallAsync(newKey)).StatusCode);
        Assert.Equal(3, await App.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.Action == "EditPartner" && a.Detail == "ХҚКО Қарағанды №1")));
        Assert.True(await App.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.Action == "PartnerCall")));
    }

    [Fact]
    public async Task The_api_is_described_for_integrators_at_its_openapi_address()
    {
        var response = await App.CreateClient().GetAsync("/api/v1/openapi.json", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var paths = json.RootElement.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/requests", paths);
        Assert.Contains("/api/v1/requests/{id}", paths);
        Assert.All(paths, p => Assert.StartsWith("/api/", p));
    }

    [Fact]
    public async Task A_public_service_center_needs_its_bin_and_a_partner_an_office()
    {
        var admin = NewClient();
        await admin.SignInAsync("admin");
        var page = await admin.GetAsync("/admin/partners");
        var refused = await admin.SubmitAsync(page, "[data-testid=partner-form]", new Dictionary<string, string>
        {
            ["Name"] = "ХҚКО", ["Channel"] = "PublicServiceCenter", ["Bin"] = "", ["CallbackUrl"] = "ftp://x",
        });
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal(new[] { "БСН 12 цифрдан тұруы тиіс (ХҚКО үшін міндетті).", "Callback мекенжайы толық http(s) мекенжайы болуы тиіс.", "Кемінде бір кеңсені таңдаңыз." }.Order(StringComparer.Ordinal),
            refused.Errors.Order(StringComparer.Ordinal));
        Assert.False(await App.WithDbAsync(db => db.Partners.AnyAsync(p => p.Name == "ХҚКО")));
    }
}

public sealed class PartnerKeyTestsSqlite(SqlitePortal f) : PartnerKeyTests(f), IClassFixture<SqlitePortal>;
public sealed class PartnerKeyTestsPostgres(PostgresPortal f) : PartnerKeyTests(f), IClassFixture<PostgresPortal>;
