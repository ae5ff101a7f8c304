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
    /// <summary>The primary connections' session option: one plan per prepared statement (<see cref="Tuned"/>).</summary>
    public const string GenericPlans = "-c plan_cache_mode=force_generic_plan";

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

    /// <param name="reads">The read context's connections (search, journals, dashboards), whose statements PostgreSQL plans for
    /// their values (see <see cref="Tuned"/>).</param>
    public static DbContextOptionsBuilder UsePortalDatabase(
        this DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString, bool reads = false) => (provider switch
    {
        DatabaseProvider.Sqlite => options.UseSqlite(connectionString, o => o.MigrationsAssembly(SqliteMigrationsAssembly)),
        DatabaseProvider.Postgres => options.UseNpgsql(Tuned(connectionString, reads), o => o.MigrationsAssembly(PostgresMigrationsAssembly)),
        _ => throw new ArgumentOutOfRangeException(nameof(provider)),
    }).AddInterceptors(ChangeStamps.Interceptor);

    /// <summary>
    /// PostgreSQL connections as a page's ten small statements need them: each statement the portal runs again and again
    /// is prepared once per pooled connection (parsed once, not on every request), and a connection going back
    /// to the pool is not reset with DISCARD ALL (the portal keeps no session state: it sets nothing on a connection, and its
    /// advisory lock has a connection of its own). The primary's statements (queues, the case page, the workflow's steps)
    /// find cases by office, step and id, whose best plan does not change with the values: they keep one generic plan
    /// (<c>plan_cache_mode=force_generic_plan</c>), where PostgreSQL otherwise planned them again on every execution, for four
    /// times their execution's cost (the head's queue: 4.1 ms planning, 1.1 ms executing). The read connections keep planning
    /// for the values: a name's pattern, a period or a region's figures choose their plan by them. Each setting stays as the
    /// connection string says when it says it (<c>Options</c> for the plans).
    /// </summary>
    public static string Tuned(string connectionString, bool reads = false) => TunedStrings.GetOrAdd((connectionString, reads), Tune);

    // Options are built for each pool and each context made outside one: the few connection strings of a process are tuned once.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string, bool), string> TunedStrings = new();

    private static string Tune((string ConnectionString, bool Reads) key)
    {
        var (connectionString, reads) = key;
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Select(k => k.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant()).ToHashSet();
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!given.Contains("maxautoprepare")) builder.MaxAutoPrepare = 100;
        if (!given.Contains("noresetonclose")) builder.NoResetOnClose = true;
        if (!reads && !given.Contains("options")) builder.Options = GenericPlans;
        return builder.ConnectionString;
    }
}
