using GuardianshipPortal.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace GuardianshipPortal.IntegrationTests.Infrastructure;

/// <summary>The portal hosted in memory on one database provider, with a database of its own.</summary>
public sealed class PortalApp : WebApplicationFactory<Program>
{
    private readonly string _workDir = Path.Combine(Path.GetTempPath(), "gp-tests", Guid.NewGuid().ToString("N"));

    private readonly IReadOnlyDictionary<string, string> _settings;

    private readonly Action<IServiceCollection>? _services;
    private readonly TimeProvider? _clock;
    private readonly bool _productionHashing;

    /// <param name="connectionString">An existing database (a restored backup) instead of a new one.</param>
    /// <param name="services">Replaces or adds services of the portal for one test (a failing part, a further service).</param>
    public PortalApp(DatabaseProvider provider, string environment = "Testing", bool seedDemo = true,
        IReadOnlyDictionary<string, string>? settings = null, Action<IServiceCollection>? services = null, TimeProvider? clock = null,
        bool productionHashing = false, string? connectionString = null)
    {
        _productionHashing = productionHashing;
        _services = services;
        _clock = clock;
        _settings = settings ?? new Dictionary<string, string>();
        Provider = provider;
        Environment = environment;
        SeedDemo = seedDemo;
        Directory.CreateDirectory(_workDir);
        ConnectionString = connectionString ?? provider switch
        {
            DatabaseProvider.Sqlite => $"Data Source={Path.Combine(_workDir, "portal.db")}",
            _ => new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresConnection
                    ?? throw new InvalidOperationException($"{TestEnvironment.PostgresVariable} is not set."))
                { Database = "gp_test_" + Guid.NewGuid().ToString("N") }.ToString(),
        };
    }

    public DatabaseProvider Provider { get; }
    public string Environment { get; }
    public bool SeedDemo { get; }
    public string ConnectionString { get; }
    public string LogDirectory => Path.Combine(_workDir, "logs");
    /// <summary>A folder of this app's own, removed with it.</summary>
    public string WorkDirectory => _workDir;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("ConnectionStrings:Portal", ConnectionString);
        builder.UseSetting("Demo:Seed", SeedDemo ? "true" : "false");
        builder.UseSetting("DataProtection:KeysPath", Path.Combine(_workDir, "keys"));
        builder.UseSetting("Notifications:Dispatch", "false"); // tests dispatch the outbox themselves
        builder.UseSetting("Security:TwoFactorRoles", ""); // a test that needs the second factor asks for it
        builder.UseSetting("Escalation:Run", "false"); // tests run the reminders themselves
        builder.UseSetting("Forecast:Run", "false"); // tests summarise the offices' history themselves
        builder.UseSetting("Notifications:Folder", Path.Combine(_workDir, "outbox"));
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        // Password hashing at production cost is a third of the suite's CPU: the test host hashes cheaply (the stored
        // hash records its iteration count, so sign-in works the same). Production keeps Identity's default.
        if (!_productionHashing) builder.ConfigureTestServices(s => s.Configure<PasswordHasherOptions>(o => o.IterationCount = 1));
        if (_clock is not null) builder.ConfigureTestServices(s => s.AddSingleton(_clock));
        if (_services is not null) builder.ConfigureTestServices(_services);
        // The JSON file sink writes where the test can read it. Not through UseSetting: that gives the parent
        // sections empty values, which Serilog's configuration reader takes for sink names.
        builder.ConfigureAppConfiguration(c => c.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Serilog:WriteTo:File:Args:path"] = Path.Combine(LogDirectory, "portal-.json"),
        }));
    }

    /// <summary>Runs <paramref name="work"/> against the app's database in a scope of its own.</summary>
    public async Task<T> WithDbAsync<T>(Func<PortalDbContext, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }

    /// <summary>Adds a staff member to a demo office (for tests that need two heads or two specialists in one office).</summary>
    public async Task AddUserAsync(string userName, string role, string officeCode, string fullName)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Domain.PortalUser>>();
        if (await users.FindByNameAsync(userName) is not null) return;
        var office = await db.Offices.SingleAsync(o => o.Code == officeCode);
        var user = new Domain.PortalUser { UserName = userName, FullName = fullName, RegionId = office.RegionId, OfficeId = office.Id };
        var created = await users.CreateAsync(user, Data.Seeding.DemoSeeder.DemoPassword);
        if (!created.Succeeded || !(await users.AddToRoleAsync(user, role)).Succeeded)
            throw new InvalidOperationException($"Could not add {userName}.");
    }

    /// <summary>The clock the portal runs on: the test's <see cref="TestClock"/>, or the real one.</summary>
    public TimeProvider Clock => Services.GetRequiredService<TimeProvider>();

    /// <summary>The office's today (Asia/Almaty) by the portal's clock: what tests date their input from, whatever the year.</summary>
    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Asia/Almaty")).DateTime);

    /// <summary>The office's current year, which is the decision year of a lump sum drafted now.</summary>
    public int CurrentYear => Today.Year;

    /// <summary>Sets the MRP of the current year, so that lump-sum tests do not depend on which years are seeded.</summary>
    public Task SetCurrentMrpAsync(decimal amount) => WithDbAsync(async db =>
    {
        var rate = await db.MrpRates.FirstOrDefaultAsync(r => r.Year == CurrentYear);
        if (rate is null) db.MrpRates.Add(rate = new Domain.Services.MrpRate { Year = CurrentYear });
        rate.Amount = amount;
        return await db.SaveChangesAsync();
    });

    public override async ValueTask DisposeAsync()
    {
        if (Provider == DatabaseProvider.Postgres)
        {
            try
            {
                await WithDbAsync(db => db.Database.EnsureDeletedAsync());
            }
            catch (InvalidOperationException)
            {
                // The host never started: there is no database to drop.
            }
        }
        await base.DisposeAsync();
        try { Directory.Delete(_workDir, recursive: true); } catch (IOException) { }
    }
}
