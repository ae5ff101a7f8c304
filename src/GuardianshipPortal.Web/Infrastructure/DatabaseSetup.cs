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

        services.AddDbContext<PortalDbContext>(o => o.UsePortalDatabase(provider, connectionString));
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
        await db.Database.MigrateAsync();
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
