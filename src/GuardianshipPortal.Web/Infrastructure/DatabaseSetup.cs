using GuardianshipPortal.Data;
using GuardianshipPortal.Data.Seeding;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace GuardianshipPortal.Web.Infrastructure;

public static class DatabaseSetup
{
    public static IServiceCollection AddPortalDatabase(
        this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        var provider = PortalDatabase.ParseProvider(configuration["Database:Provider"]);
        var connectionString = configuration.GetConnectionString("Portal")
            ?? throw new InvalidOperationException("ConnectionStrings:Portal is not configured.");
        if (provider == DatabaseProvider.Sqlite)
            connectionString = AnchorSqliteFile(connectionString, environment.ContentRootPath);

        // Pooled contexts: a request takes a context whose options, services and model links are built, and gives it back reset
        // (change tracker, tracking behaviour, command timeout); the portal keeps no state of its own on a context.
        services.AddDbContextPool<PortalDbContext>(o => o.UsePortalDatabase(provider, connectionString));
        // Pages that only read (journals, dashboards, search) may read from a replica: ConnectionStrings:PortalRead, the
        // primary when it is not set.
        var readConnectionString = configuration.GetConnectionString("PortalRead") is { Length: > 0 } read
            ? provider == DatabaseProvider.Sqlite ? AnchorSqliteFile(read, environment.ContentRootPath) : read
            : connectionString;
        services.AddDbContextPool<PortalReadDbContext>(o => o.UsePortalDatabase(provider, readConnectionString, reads: true)
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking));
        services.AddScoped<RoleSeeder>();
        services.AddScoped<DemoSeeder>();
        services.AddScoped<BootstrapSeeder>();
        services.AddScoped<ReferenceDataSeeder>();
        services.AddHealthChecks().AddDbContextCheck<PortalDbContext>("database", tags: ["ready"]);
        return services;
    }

    /// <summary>A relative SQLite path is taken relative to the content root (not the shell's directory), and its folder is created.</summary>
    private static string AnchorSqliteFile(string connectionString, string contentRoot)
    {
        var csb = new SqliteConnectionStringBuilder(connectionString);
        if (csb.DataSource is { Length: > 0 } file && file != ":memory:" && !Path.IsPathRooted(file))
            csb.DataSource = Path.GetFullPath(Path.Combine(contentRoot, file));
        if (Path.GetDirectoryName(csb.DataSource) is { Length: > 0 } dir) Directory.CreateDirectory(dir);
        return csb.ToString();
    }

    /// <summary>Applies migrations, makes sure the roles exist and, where allowed, seeds the demo office and prints its users.</summary>
    public static async Task InitializePortalDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        // Instances started together take turns: one migrates, seeds and makes the first data-protection key, the others
        // find it done.
        await using var startup = await StartupLock.TakeAsync(db, app.Logger);
        // A migration that backfills a column of a regional database (a million cases) runs for minutes, not 30 s.
        db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
        await db.Database.MigrateAsync();
        db.Database.SetCommandTimeout(null);
        await app.PrepareKeysAsync(db);
        await scope.ServiceProvider.GetRequiredService<RoleSeeder>().SeedAsync();
        await scope.ServiceProvider.GetRequiredService<ReferenceDataSeeder>().SeedAsync();
        var bootstrap = app.Configuration.GetSection("Bootstrap").Get<BootstrapOptions>() ?? new BootstrapOptions();
        if (await scope.ServiceProvider.GetRequiredService<BootstrapSeeder>().SeedAsync(bootstrap))
            app.Logger.LogInformation("Created region {Region} and its first administrator", bootstrap.RegionCode);

        // Production never gets demo users, whatever the configuration says.
        if (app.Environment.IsProduction() || !app.Configuration.GetValue<bool>("Demo:Seed")) return;
        var accounts = await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
        if (accounts.Count > 0) PrintDemoAccounts(accounts);
    }

    private static void PrintDemoAccounts(IReadOnlyList<DemoAccount> accounts)
    {
        var lines = new List<string>
        {
            "",
            "  Demo accounts created (password for all: " + DemoSeeder.DemoPassword + ")",
            "  " + "user".PadRight(14) + "role".PadRight(13) + "office",
        };
        lines.AddRange(accounts.Select(a => "  " + a.UserName.PadRight(14) + a.Role.PadRight(13) + a.OfficeCode));
        lines.Add("");
        Console.WriteLine(string.Join(Environment.NewLine, lines));
    }

    public static void MapPortalHealthChecks(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new() { Predicate = c => c.Tags.Contains("ready") }).AllowAnonymous();
    }
}

/// <summary>
/// The start-up lock of instances sharing a PostgreSQL database: a session advisory lock, taken in the server's maintenance
/// database ("postgres") because the portal's own may not exist yet, keyed by the portal database's name. SQLite needs
/// none: one process owns its file.
/// </summary>
public sealed class StartupLock : IAsyncDisposable
{
    private readonly Npgsql.NpgsqlConnection? _connection;

    private StartupLock(Npgsql.NpgsqlConnection? connection) => _connection = connection;

    public static async Task<StartupLock> TakeAsync(PortalDbContext db, ILogger logger)
    {
        if (!db.Database.IsNpgsql()) return new StartupLock(null);
        var target = new Npgsql.NpgsqlConnectionStringBuilder(db.Database.GetConnectionString());
        var key = Key(target.Database ?? target.Username ?? "");
        target.Database = "postgres";
        target.Pooling = false;
        var connection = new Npgsql.NpgsqlConnection(target.ToString());
        try
        {
            await connection.OpenAsync();
            await using var command = new Npgsql.NpgsqlCommand("SELECT pg_advisory_lock($1)", connection);
            command.Parameters.AddWithValue(key);
            await command.ExecuteNonQueryAsync();
            return new StartupLock(connection);
        }
        catch (Npgsql.NpgsqlException e)
        {
            await connection.DisposeAsync();
            logger.LogWarning(e, "No start-up lock (the maintenance database cannot be reached): start instances one after another");
            return new StartupLock(null);
        }
    }

    /// <summary>A stable 64-bit key of the database's name (FNV-1a), the same in every process.</summary>
    private static long Key(string database)
    {
        var hash = 14695981039346656037UL;
        foreach (var ch in "GuardianshipPortal:" + database) hash = (hash ^ ch) * 1099511628211UL;
        return unchecked((long)hash);
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null) await _connection.DisposeAsync(); // closing the session releases the lock
    }
}
