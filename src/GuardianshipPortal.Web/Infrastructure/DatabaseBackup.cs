using GuardianshipPortal.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace GuardianshipPortal.Web.Infrastructure;

/// <summary>
/// <c>GuardianshipPortal.Web backup &lt;file&gt;</c>: an online backup of the embedded (SQLite) database through SQLite's
/// backup API, consistent while the portal runs and writes. PostgreSQL is backed up with pg_dump (README, "Backups").
/// </summary>
public static class DatabaseBackup
{
    public static async Task<int> RunAsync(WebApplication app, string target)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        if (!db.Database.IsSqlite())
        {
            Console.Error.WriteLine("The database is PostgreSQL: back it up with pg_dump -Fc (see README, \"Backups\").");
            return 2;
        }
        try
        {
            await BackupSqliteAsync(db.Database.GetConnectionString()!, target);
        }
        catch (Exception e) when (e is SqliteException or IOException)
        {
            Console.Error.WriteLine($"No backup made: {e.Message}");
            return 1;
        }
        Console.WriteLine($"Backed up to {Path.GetFullPath(target)}");
        return 0;
    }

    public static async Task BackupSqliteAsync(string connectionString, string target)
    {
        if (File.Exists(target)) throw new IOException($"{target} exists already: a backup never overwrites a file.");
        if (Path.GetDirectoryName(Path.GetFullPath(target)) is { } dir) Directory.CreateDirectory(dir);
        // Read-only: a missing database is an error, never an empty backup of a database created on the spot.
        await using var source = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadOnly }.ToString());
        await source.OpenAsync();
        await using var destination = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Pooling = false }.ToString());
        await destination.OpenAsync();
        source.BackupDatabase(destination);
    }
}
