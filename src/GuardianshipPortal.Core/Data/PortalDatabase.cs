using Microsoft.EntityFrameworkCore;

namespace GuardianshipPortal.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>One place that knows how each provider is wired: the app, the design-time factory and the tests use it.</summary>
public static class PortalDatabase
{
    public const string SqliteProviderName = "Microsoft.EntityFrameworkCore.Sqlite";
    public const string NpgsqlProviderName = "Npgsql.EntityFrameworkCore.PostgreSQL";
    public const string SqliteMigrationsAssembly = "GuardianshipPortal.Migrations.Sqlite";
    public const string PostgresMigrationsAssembly = "GuardianshipPortal.Migrations.Postgres";

    public static DatabaseProvider ParseProvider(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "sqlite" => DatabaseProvider.Sqlite,
        "postgres" or "postgresql" or "npgsql" => DatabaseProvider.Postgres,
        _ => throw new InvalidOperationException(
            $"Unknown Database:Provider '{value}'. Use 'Sqlite' or 'Postgres'."),
    };

    public static DbContextOptionsBuilder UsePortalDatabase(
        this DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString) => provider switch
    {
        DatabaseProvider.Sqlite => options.UseSqlite(connectionString, o => o.MigrationsAssembly(SqliteMigrationsAssembly)),
        DatabaseProvider.Postgres => options.UseNpgsql(Tuned(connectionString), o => o.MigrationsAssembly(PostgresMigrationsAssembly)),
        _ => throw new ArgumentOutOfRangeException(nameof(provider)),
    };

    /// <summary>
    /// PostgreSQL connections as a page's twenty small statements need them: each statement the portal runs again and again
    /// is prepared once per pooled connection (parsed and planned once, not on every request), and a connection going back
    /// to the pool is not reset with DISCARD ALL (the portal keeps no session state: it sets nothing on a connection, and its
    /// advisory lock has a connection of its own). Either stays as the connection string says when it says it.
    /// </summary>
    public static string Tuned(string connectionString) => TunedStrings.GetOrAdd(connectionString, Tune);

    // Options are built for each pool and each context made outside one: the few connection strings of a process are tuned once.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> TunedStrings = new();

    private static string Tune(string connectionString)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(k => k.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant()).ToHashSet();
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!given.Contains("maxautoprepare")) builder.MaxAutoPrepare = 100;
        if (!given.Contains("noresetonclose")) builder.NoResetOnClose = true;
        return builder.ConnectionString;
    }
}
