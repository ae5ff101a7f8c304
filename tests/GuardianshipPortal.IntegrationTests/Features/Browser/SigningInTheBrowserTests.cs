using GuardianshipPortal.Data;
using GuardianshipPortal.Domain.Persons;
using GuardianshipPortal.Domain.Services;
using GuardianshipPortal.Domain.Workflow;
using GuardianshipPortal.IntegrationTests.Features.Api;
using GuardianshipPortal.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace GuardianshipPortal.IntegrationTests.Features.Browser;

/// <summary>
/// The head signs in Chromium through NCALayer — here a fake NCALayer speaking its protocol with the test's keys: the
/// refusals (cancelled, NCALayer gone, another person's key) leave the case as it was and say why; one case signs and
/// opens; then five at once from the queue, one of them refused without losing the other four.
/// </summary>
[Collection("browser")]
public sealed class SigningInTheBrowserTests
{
    private const string OfficeBin = "160140000123";
    private readonly BrowserFixture _browser;

    public SigningInTheBrowserTests(BrowserFixture browser)
    {
        if (browser.SkipReason is { } reason) Assert.Skip(reason);
        _browser = browser;
    }

    [Fact]
    public async Task A_head_signs_one_case_then_five_from_the_queue_and_sees_every_refusal()
    {
        await using var ncaLayer = await FakeNcaLayer.StartAsync();
        await using var app = new PortalApp(DatabaseProvider.Sqlite, settings: new Dictionary<string, string> { ["Signing:NcaLayerUrl"] = ncaLayer.Url });
        app.UseKestrel(0);
        app.StartServer();
        var baseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First().Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1").TrimEnd('/');
        using var ca = new PartnerRig(() => app);
        await ca.TrustAsync();
        var headIin = OfficeDesk.NewIin(new DateOnly(1975, 4, 17), Sex.Male);
        await app.WithDbAsync(async db =>
        {
            var office = await db.Offices.SingleAsync(o => o.Code == "KRG-01");
            (office.DigitalSignature, office.Bin) = (true, OfficeBin);
            (await db.Users.SingleAsync(u => u.UserName == "head")).Iin = headIin;
            return await db.SaveChangesAsync();
        });
        var headKey = ca.Pki.Issue(headIin, OfficeBin, commonName: "ДҮЙСЕНБАЕВ ҚАНАТ", givenName: "СЕРІКҰЛЫ");
        var otherKey = ca.Pki.Issue(OfficeDesk.NewIin(new DateOnly(1990, 2, 2), Sex.Female), OfficeBin, commonName: "БАСҚА АДАМ", givenName: "ҚЫЗЫ");
        var factory = new CaseFactory(app);
        var single = await factory.AtAsync(ServiceCode.GuardianshipCertificate, Step.Signing);
        Task<Step> StepOf(Guid id) => app.WithDbAsync(db => db.Cases.Where(c => c.Id == id).Select(c => c.Step).SingleAsync());
        var head = await _browser.SignInAsync("head", baseUrl);

        async Task<string> RefusedAsync()
        {
            await head.GotoAsync($"/cases/{single}");
            await head.ClickAsync("[data-testid=digital-sign-form] button[value=case]");
            await head.WaitForSelectorAsync("[data-testid=digital-sign-status][data-state=error]");
            return (await head.TextContentAsync("[data-testid=digital-sign-status]"))!;
        }

        ncaLayer.Answer = _ => FakeNcaLayer.Canceled;
        var canceled = await RefusedAsync();
        ncaLayer.Answer = _ => null; // NCALayer drops the connection (not running, crashed)
        var gone = await RefusedAsync();
        ncaLayer.Answer = args => FakeNcaLayer.SignAll(args, _ => otherKey);
        var stranger = await RefusedAsync();

        Assert.Contains("тоқтатылды", canceled);
        Assert.Contains("NCALayer", gone);
        Assert.Contains("БАСҚА АДАМ", stranger);
        Assert.Equal(Step.Signing, await StepOf(single));
        // NCALayer was asked for the head's key, a detached CMS, in the head's language.
        var call = ncaLayer.Calls[^1];
        Assert.Equal(("kz.gov.pki.knca.basics", "sign"), (call.GetProperty("module").GetString(), call.GetProperty("method").GetString()));
        var args = call.GetProperty("args");
        Assert.Equal(headIin, args.GetProperty("signerParams").GetProperty("iin").GetString());
        Assert.Equal(OfficeBin, args.GetProperty("signerParams").GetProperty("bin").GetString());
        Assert.False(args.GetProperty("signingParams").GetProperty("encapsulate").GetBoolean());
        Assert.Equal("kk", args.GetProperty("locale").GetString());

        ncaLayer.Answer = a => FakeNcaLayer.SignAll(a, _ => headKey);
        await head.GotoAsync($"/cases/{single}");
        await head.ClickAsync("[data-testid=digital-sign-form] button[value=case]");
        await head.WaitForSelectorAsync("[data-testid=flash]");
        Assert.Equal(Step.Issue, await StepOf(single));

        // Five from the "to sign" queue in one NCALayer call; the third document is signed with the wrong key.
        var five = new List<Guid>();
        for (var i = 0; i < 5; i++) five.Add(await factory.AtAsync(ServiceCode.GuardianshipCertificate, Step.Signing));
        ncaLayer.Answer = a => FakeNcaLayer.SignAll(a, i => i == 2 ? otherKey : headKey);
        await head.GotoAsync("/");
        await head.CheckAsync("[data-testid=batch-sign-form] input[data-select-all]");
        await head.ClickAsync("[data-testid=batch-sign-form] button[type=submit]");
        await head.WaitForSelectorAsync("[data-testid=batch-status][data-state=done]", new() { Timeout = 60_000 });

        Assert.Equal(5, ncaLayer.Calls[^1].GetProperty("args").GetProperty("data").GetArrayLength());
        Assert.Equal(4, await head.Locator("[data-testid=batch-results] li[data-outcome=signed]").CountAsync());
        var refused = head.Locator("[data-testid=batch-results] li[data-outcome=refused]");
        Assert.Equal(1, await refused.CountAsync());
        Assert.Contains("БАСҚА АДАМ", await refused.TextContentAsync());
        var steps = await app.WithDbAsync(db => db.Cases.Where(c => five.Contains(c.Id)).Select(c => c.Step).ToListAsync());
        Assert.Equal(4, steps.Count(s => s == Step.Issue));
        Assert.Equal(1, steps.Count(s => s == Step.Signing));
        await head.Context.CloseAsync();
    }
}
