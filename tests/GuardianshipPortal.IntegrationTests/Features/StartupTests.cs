using System.Net;
using GuardianshipPortal.Data;
using GuardianshipPortal.Domain;
using GuardianshipPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GuardianshipPortal.IntegrationTests.Features;

public abstract class StartupTests(PortalFixture fixture) : PortalTest(fixture)
{
    [Fact]
    public async Task The_portal_boots_applies_migrations_and_reports_ready()
    {
        var client = NewClient();
        var live = await client.Http.GetAsync("/health/live", TestContext.Current.CancellationToken);
        var ready = await client.Http.GetAsync("/health/ready", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var (provider, connection, pending) = await App.WithDbAsync(async db =>
            (db.Database.ProviderName, db.Database.GetConnectionString(), await db.Database.GetPendingMigrationsAsync()));
        Assert.Equal(App.Provider == DatabaseProvider.Sqlite ? "Microsoft.EntityFrameworkCore.Sqlite" : "Npgsql.EntityFrameworkCore.PostgreSQL", provider);
        // PostgreSQL connections get the portal's statement preparation and no reset on return to the pool (PortalDatabase.Tuned).
        Assert.Equal(App.Provider == DatabaseProvider.Sqlite ? App.ConnectionString : PortalDatabase.Tuned(App.ConnectionString), connection);
        Assert.Empty(pending);
        if (App.Provider == DatabaseProvider.Postgres)
        {
            // The primary's statements keep one generic plan; the read context's are planned for their values.
            await using var scope = App.Services.CreateAsyncScope();
            async Task<string> PlanCacheMode(PortalDbContext context) =>
                await context.Database.SqlQueryRaw<string>("SELECT current_setting('plan_cache_mode') AS \"Value\"").SingleAsync();
            Assert.Equal("force_generic_plan", await PlanCacheMode(scope.ServiceProvider.GetRequiredService<PortalDbContext>()));
            Assert.Equal("auto", await PlanCacheMode(scope.ServiceProvider.GetRequiredService<PortalReadDbContext>()));
        }
    }

    [Fact]
    public async Task Demo_region_has_two_offices_and_one_user_per_role_in_each()
    {
        var (offices, users) = await App.WithDbAsync(async db => (
            await db.Offices.OrderBy(o => o.Code).Select(o => o.Code).ToListAsync(),
            await db.Users.OrderBy(u => u.UserName).Select(u => new { u.UserName, u.OfficeId }).ToListAsync()));

        Assert.Equal(["KRG-01", "KRG-02"], offices);
        Assert.Equal(12, users.Count);
        foreach (var role in Roles.All)
        {
            var name = role.ToLowerInvariant();
            Assert.Contains(users, u => u.UserName == name);
            Assert.Contains(users, u => u.UserName == name + "2");
        }
        // Admins and supervisors span the region; everybody else works in an office.
        Assert.All(users.Where(u => u.UserName!.StartsWith("admin") || u.UserName.StartsWith("supervisor")), u => Assert.Null(u.OfficeId));
        Assert.All(users.Where(u => u.UserName!.StartsWith("clerk") || u.UserName.StartsWith("head")), u => Assert.NotNull(u.OfficeId));
    }

    [Fact]
    public async Task The_calendar_has_the_holidays_of_this_year_and_the_next()
    {
        var year = DateTime.UtcNow.Year;
        var newYears = await App.WithDbAsync(db => db.CalendarDays
            .Where(d => d.Date == new DateOnly(year, 1, 1) || d.Date == new DateOnly(year + 1, 1, 1) || d.Date == new DateOnly(year + 1, 12, 16))
            .Select(d => d.Kind).ToListAsync());

        Assert.Equal([Domain.Calendar.CalendarDayKind.Holiday, Domain.Calendar.CalendarDayKind.Holiday, Domain.Calendar.CalendarDayKind.Holiday], newYears);
    }

    [Fact]
    public async Task Cyrillic_is_emitted_as_text_not_as_html_entities()
    {
        var page = await NewClient().GetAsync("/account/login");

        Assert.Contains("Жүйеге кіру", page.Html);
        Assert.Contains("Қорғаншылық және қамқоршылық порталы", page.Html);
        Assert.DoesNotContain("&#x", page.Html);
    }
}

public sealed class StartupTestsSqlite(SqlitePortal f) : StartupTests(f), IClassFixture<SqlitePortal>;
public sealed class StartupTestsPostgres(PostgresPortal f) : StartupTests(f), IClassFixture<PostgresPortal>
{
    [Fact]
    public async Task Stored_pdfs_and_scans_are_kept_as_they_are_not_compressed_again()
    {
        // 'e' (external): out of line, never run through PostgreSQL's compression, which cannot shrink them.
        var storage = await App.WithDbAsync(db => db.Database.SqlQueryRaw<string>("""
            SELECT c.relname || '.' || a.attname || '=' || a.attstorage::text AS "Value" FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
            WHERE c.relname IN ('IssuedDocumentContents', 'SigningPackageDocuments', 'AttachmentContents', 'StagedUploads') AND a.atttypid = 'bytea'::regtype
            ORDER BY 1
            """).ToListAsync());
        Assert.Equal(["AttachmentContents.Bytes=e", "IssuedDocumentContents.Pdf=e", "SigningPackageDocuments.Pdf=e", "StagedUploads.Bytes=e"], storage);
    }
}

/// <summary>Production never seeds demo users, whatever the configuration says.</summary>
public sealed class ProductionSeedingTests
{
    [Fact]
    public async Task Production_creates_the_roles_but_no_demo_users_even_when_asked_to()
    {
        await using var app = new PortalApp(DatabaseProvider.Sqlite, environment: "Production", seedDemo: true,
            settings: new Dictionary<string, string> { ["Portal:PublicUrl"] = "https://qamqor.example.kz" });
        _ = app.Server;

        var (users, roles) = await app.WithDbAsync(async db => (await db.Users.CountAsync(), await db.Roles.Select(r => r.Name).ToListAsync()));

        Assert.Equal(0, users);
        Assert.Equal(Roles.All.Order(), roles.Order()!);
    }

    [Fact]
    public async Task Production_bootstraps_the_region_and_its_first_administrator_from_configuration()
    {
        await using var app = new PortalApp(DatabaseProvider.Sqlite, environment: "Production", settings: new Dictionary<string, string>
        {
            ["Bootstrap:RegionCode"] = "AKM",
            ["Bootstrap:RegionNameKk"] = "Ақмола облысы",
            ["Bootstrap:RegionNameRu"] = "Акмолинская область",
            ["Bootstrap:AdminUserName"] = "root",
            ["Bootstrap:AdminFullName"] = "Әкімші",
            ["Bootstrap:AdminPassword"] = "Astana-Admin-2026",
            ["Portal:PublicUrl"] = "https://qamqor.example.kz",
        });

        app.ClientOptions.BaseAddress = new Uri("https://localhost"); // Production's cookie travels over HTTPS only
        var home = await new PortalClient(app).SignInAsync("root", "Astana-Admin-2026");

        Assert.Equal("Әкімшілендіру", home.Text("[data-testid=home-title]"));
        Assert.Equal("Ақмола облысы", home.Text("[data-testid=office]"));
        Assert.Equal(1, await app.WithDbAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task Production_refuses_to_start_without_its_public_address()
    {
        await using var app = new PortalApp(DatabaseProvider.Sqlite, environment: "Production");

        var failure = Assert.ThrowsAny<Exception>(() => app.Server);

        Assert.Contains("Portal:PublicUrl", failure.ToString());
    }
}
