using System.Net;
using GuardianshipPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GuardianshipPortal.IntegrationTests.Features;

/// <summary>
/// Heads, administrators and supervisors sign in with a second factor: they set up an authenticator app before any
/// other page, then sign in with its code or a one-time recovery code; the administrator removes a lost factor.
/// </summary>
public abstract class TwoFactorTests(PortalFixture fixture) : PortalTest(fixture)
{
    private static readonly Dictionary<string, string> Required = new() { ["Security:TwoFactorRoles"] = "Head,Admin,Supervisor" };

    private static async Task<(string Key, IReadOnlyList<string> RecoveryCodes)> EnrolAsync(PortalClient client)
    {
        var page = await client.GetAsync("/");
        Assert.EndsWith("/account/two-factor", page.Location!.AbsolutePath);
        Assert.NotNull(page.Document.QuerySelector("svg[data-testid=qr]"));
        var key = page.Text("[data-testid=key]");
        var done = await client.SubmitAsync(page, "form[action='/account/two-factor']",
            new Dictionary<string, string> { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        Assert.Equal(HttpStatusCode.OK, done.Status);
        return (key, [.. done.Texts("[data-testid=recovery-codes] li").Select(t => t!.Trim())]);
    }

    private static async Task<Page> SignInWithCodeAsync(PortalClient client, string user, string code)
    {
        var first = await client.SignInAsync(user);
        Assert.EndsWith("/account/login-code", first.Location!.AbsolutePath);
        return await client.SubmitAsync(first, "form[action='/account/login-code']", new Dictionary<string, string> { ["Code"] = code });
    }

    [Fact]
    public async Task A_head_sets_up_the_authenticator_first_then_signs_in_with_its_code_or_a_recovery_code_once()
    {
        await using var app = new PortalApp(Fixture.Provider, settings: Required);
        var head = new PortalClient(app);
        var signedIn = await head.SignInAsync("head");
        Assert.EndsWith("/account/two-factor", signedIn.Location!.AbsolutePath);
        Assert.Equal("Сіздің рөліңіз үшін екі факторлы кіру міндетті: жұмысты жалғастыру үшін оны баптаңыз.", signedIn.Text("[data-testid=two-factor-required]"));
        var wrong = await head.SubmitAsync(signedIn, "form[action='/account/two-factor']", new Dictionary<string, string> { ["Code"] = "000000" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.Status);
        Assert.Equal(["Код дұрыс емес немесе оның мерзімі өтіп кеткен."], wrong.Errors);

        var (key, recovery) = await EnrolAsync(head);
        Assert.Equal(10, recovery.Count);
        Assert.Equal(HttpStatusCode.OK, (await head.GetAsync("/")).Status);
        Assert.EndsWith("/", (await head.GetAsync("/")).Location!.AbsolutePath);

        var byCode = await SignInWithCodeAsync(new PortalClient(app), "head", Totp.Code(key, DateTimeOffset.UtcNow));
        Assert.Equal("/", byCode.Location!.AbsolutePath);
        var badCode = await SignInWithCodeAsync(new PortalClient(app), "head", "12345");
        Assert.Equal(HttpStatusCode.BadRequest, badCode.Status);
        var byRecovery = await SignInWithCodeAsync(new PortalClient(app), "head", recovery[0]);
        Assert.Equal("/", byRecovery.Location!.AbsolutePath);
        var again = await SignInWithCodeAsync(new PortalClient(app), "head", recovery[0]);
        Assert.Equal(HttpStatusCode.BadRequest, again.Status);
        Assert.Equal(["Код дұрыс емес немесе оның мерзімі өтіп кеткен."], again.Errors);

        // A clerk's role does not require it: straight in.
        Assert.Equal("/", (await new PortalClient(app).SignInAsync("clerk")).Location!.AbsolutePath);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.Action == "EnableTwoFactor" && a.Detail == "head")));
    }

    [Fact]
    public async Task The_administrator_removes_a_lost_second_factor_and_the_user_sets_it_up_again()
    {
        await using var app = new PortalApp(Fixture.Provider, settings: Required);
        var head = new PortalClient(app);
        await head.SignInAsync("head");
        await EnrolAsync(head);
        var admin = new PortalClient(app);
        await admin.SignInAsync("admin");
        await EnrolAsync(admin);

        var list = await admin.GetAsync("/admin/users");
        var row = list.Document.QuerySelectorAll("[data-testid=users] tbody tr").Single(r => r.TextContent.Contains("head") && !r.TextContent.Contains("head2"));
        Assert.Contains("2FA", row.QuerySelector("[data-testid=status]")!.TextContent);
        var form = row.QuerySelector("form[action$='/two-factor']")!.GetAttribute("action")!;
        var reset = await admin.SubmitAsync(list, $"form[action='{form}']");

        Assert.Contains("head", reset.Text("[data-testid=flash]"));
        Assert.EndsWith("/account/login", (await head.GetAsync("/")).Location!.AbsolutePath); // the old session is over
        var next = await new PortalClient(app).SignInAsync("head");
        Assert.EndsWith("/account/two-factor", next.Location!.AbsolutePath);
        Assert.True(await app.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.Action == "ResetTwoFactor" && a.Detail == "head")));
    }
}

public sealed class TwoFactorTestsSqlite(SqlitePortal f) : TwoFactorTests(f), IClassFixture<SqlitePortal>;
public sealed class TwoFactorTestsPostgres(PostgresPortal f) : TwoFactorTests(f), IClassFixture<PostgresPortal>;
