using GuardianshipPortal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace GuardianshipPortal.Design;

/// <summary>
/// Used by `dotnet ef ... -- --provider sqlite|postgres`. The connection strings are placeholders:
/// generating migrations does not connect; `database update` may be pointed elsewhere with --connection.
/// </summary>
public class DesignTimeFactory : IDesignTimeDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext(string[] args)
    {
        var i = Array.IndexOf(args, "--provider");
        var provider = PortalDatabase.ParseProvider(i >= 0 && i + 1 < args.Length ? args[i + 1] : null);
        // `migrations remove` asks the database whether the migration was applied: GP_DESIGN_POSTGRES may name a server.
        var connection = provider == DatabaseProvider.Sqlite
            ? "Data Source=design-time.db"
            : Environment.GetEnvironmentVariable("GP_DESIGN_POSTGRES") is { Length: > 0 } cs
                ? cs
                : "Host=127.0.0.1;Port=5432;Database=guardianship_design;Username=postgres";
        var options = new DbContextOptionsBuilder<PortalDbContext>();
        options.UsePortalDatabase(provider, connection);
        return new PortalDbContext(options.Options);
    }
}
