using System.Diagnostics;
using System.Security.Cryptography;
using GuardianshipPortal.Data;
using GuardianshipPortal.Domain;
using GuardianshipPortal.Domain.Services;
using GuardianshipPortal.Domain.Workflow;
using GuardianshipPortal.IntegrationTests.Infrastructure;
using GuardianshipPortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace GuardianshipPortal.IntegrationTests.Features.Hardening;

/// <summary>
/// The backup procedure of the README, done as an office would: back up a working portal, restore into an empty
/// database, start the portal on it and find every case and every issued document, byte for byte.
/// </summary>
public abstract class BackupTests(PortalFixture fixture) : PortalTest(fixture)
{
    private sealed record Snapshot(IReadOnlyList<string> Cases, IReadOnlyList<string> Documents, IReadOnlyList<string> Scans);

    private static Task<Snapshot> SnapshotAsync(PortalApp app) => app.WithDbAsync(async db => new Snapshot(
        await db.Cases.OrderBy(c => c.Number).Select(c => c.Number + " " + c.Step + " " + c.Outcome).ToListAsync(),
        [.. (await db.IssuedDocuments.Join(db.IssuedDocumentContents, d => d.Id, c => c.DocumentId, (d, c) => new { d.Number, d.Kind, d.Sha256, c.Pdf }).ToListAsync())
            .Select(d => $"{d.Number} {d.Kind} {d.Sha256} {Convert.ToHexStringLower(SHA256.HashData(d.Pdf))}").Order()],
        [.. (await db.Attachments.Include(a => a.Content).ToListAsync())
            .Select(a => $"{a.FileName} {a.Sha256} {Convert.ToHexStringLower(SHA256.HashData(a.Content!.Bytes))}").Order()]));

    [Fact]
    public async Task A_backup_restored_into_an_empty_database_serves_every_case_and_document_unchanged()
    {
        await using var source = new PortalApp(Fixture.Provider);
        var factory = new CaseFactory(source);
        var issued = await factory.AtAsync(ServiceCode.GuardianshipCertificate, Step.Issue);
        await factory.AtAsync(ServiceCode.FosterMaintenance, Step.Issue, language: Language.Russian);
        await factory.AtAsync(ServiceCode.AdopterRegistration, Step.Drafting);
        await new OfficeDesk(source).RegisterAsync(ServiceCode.FosterPlacement, withScan: true);
        var before = await SnapshotAsync(source);
        Assert.NotEmpty(before.Documents);
        Assert.NotEmpty(before.Scans);

        var restoredConnection = Fixture.Provider == DatabaseProvider.Sqlite ? await SqliteBackupAsync(source) : await PgDumpAndRestoreAsync(source);
        await using var restored = new PortalApp(Fixture.Provider, connectionString: restoredConnection);

        var after = await SnapshotAsync(restored);
        Assert.Equal(before.Cases, after.Cases);
        Assert.Equal(before.Documents, after.Documents);
        Assert.Equal(before.Scans, after.Scans);
        var head = new PortalClient(restored);
        await head.SignInAsync("head");
        var page = await head.GetAsync($"/cases/{issued}");
        Assert.Equal(System.Net.HttpStatusCode.OK, page.Status);
        var document = await restored.WithDbAsync(db => db.IssuedDocuments.FirstAsync(d => d.CaseId == issued && d.Kind != Domain.Documents.DocumentKind.Receipt));
        var pdf = await head.Http.GetByteArrayAsync($"/documents/{document.Id}", TestContext.Current.CancellationToken);
        Assert.Equal(document.Sha256, Convert.ToHexStringLower(SHA256.HashData(pdf)));
    }

    /// <summary>README: <c>GuardianshipPortal.Web backup &lt;file&gt;</c> while the portal runs, then the file is the database.</summary>
    private static async Task<string> SqliteBackupAsync(PortalApp source)
    {
        var file = Path.Combine(source.WorkDirectory, "backup", "portal-backup.db");
        await DatabaseBackup.BackupSqliteAsync(source.ConnectionString, file);
        return $"Data Source={file}";
    }

    /// <summary>README: <c>pg_dump -Fc</c>, then <c>pg_restore --no-owner</c> into an empty database.</summary>
    private static async Task<string> PgDumpAndRestoreAsync(PortalApp source)
    {
        var from = new NpgsqlConnectionStringBuilder(source.ConnectionString);
        var to = new NpgsqlConnectionStringBuilder(source.ConnectionString) { Database = "gp_test_restore_" + Guid.NewGuid().ToString("N") };
        var dump = Path.Combine(source.WorkDirectory, "portal.dump");
        await RunAsync("pg_dump", "-Fc", "-h", from.Host!, "-p", from.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", from.Username!, "-d", from.Database!, "-f", dump);
        await using (var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(source.ConnectionString) { Database = "postgres" }.ToString()))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{to.Database}\"", admin);
            await create.ExecuteNonQueryAsync();
        }
        await RunAsync("pg_restore", "--no-owner", "--no-privileges", "-h", to.Host!, "-p", to.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", to.Username!, "-d", to.Database!, dump);
        return to.ToString();
    }

    private static async Task RunAsync(string tool, params string[] args)
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin", tool)).Where(File.Exists)
                .OrderBy(p => int.TryParse(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(p))), out var v) ? v : 0).LastOrDefault()
            : null;
        var start = new ProcessStartInfo(bin ?? tool) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(process.ExitCode == 0, $"{tool} failed: {error}");
    }
}

public sealed class BackupTestsSqlite(SqlitePortal f) : BackupTests(f), IClassFixture<SqlitePortal>;
public sealed class BackupTestsPostgres(PostgresPortal f) : BackupTests(f), IClassFixture<PostgresPortal>;
