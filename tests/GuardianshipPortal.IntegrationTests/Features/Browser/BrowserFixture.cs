using GuardianshipPortal.Data;
using GuardianshipPortal.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace GuardianshipPortal.IntegrationTests.Features.Browser;

[CollectionDefinition("browser")]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>;

/// <summary>
/// The portal on a real port (Kestrel) and Debian's Chromium driven by Playwright, shared by the browser tests.
/// Playwright's own browser download is never used.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public string? SkipReason { get; private set; }
    public PortalApp App { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        SkipReason = TestEnvironment.Require(File.Exists(ChromiumPath), $"Chromium ({ChromiumPath})");
        if (SkipReason is not null) return;

        App = new PortalApp(DatabaseProvider.Sqlite);
        App.UseKestrel(0);
        App.StartServer();
        BaseUrl = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .First().Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1").TrimEnd('/');
        App.ClientOptions.BaseAddress = new Uri(BaseUrl); // HTTP clients of the tests talk to the same real server
        await App.SetCurrentMrpAsync(4325m);

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    /// <summary>A browser session of its own, signed in as <paramref name="user"/>.</summary>
    /// <param name="baseUrl">Another portal than the shared one (a test's own, with settings of its own).</param>
    public async Task<IPage> SignInAsync(string user, string? baseUrl = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl ?? BaseUrl, Locale = "kk-KZ" });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        // The user answers "yes" to the portal's confirmations (signing asks before it signs).
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await page.GotoAsync("/account/login");
        await page.FillAsync("#UserName", user);
        await page.FillAsync("#Password", Data.Seeding.DemoSeeder.DemoPassword);
        await page.ClickAsync("form[action='/account/login'] button[type=submit]");
        await page.WaitForSelectorAsync("[data-testid=home-title]");
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        if (SkipReason is not null) return;
        await Browser.DisposeAsync();
        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}
