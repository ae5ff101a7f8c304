using System.Diagnostics;
using System.Net;
using GuardianshipPortal.Data;
using GuardianshipPortal.IntegrationTests.Infrastructure;
using GuardianshipPortal.Messaging;
using Microsoft.EntityFrameworkCore;

namespace GuardianshipPortal.IntegrationTests.Features.Notifications;

/// <summary>
/// The outbox survives the worst: the portal, a real process, is killed with SIGKILL in the middle of sending a burst of
/// 200 notifications; started again, it sends the rest. None is lost (a message cut off mid-send may go twice, with the
/// same idempotency key for the gateway to drop).
/// </summary>
public abstract class KillTests(PortalFixture fixture) : PortalTest(fixture)
{
    private const int Burst = 200;

    [Fact]
    public async Task A_kill_9_during_a_burst_of_200_notifications_loses_none_and_the_restart_sends_the_rest()
    {
        // The database, migrated and seeded by an in-process portal that does not dispatch (tests switch it off).
        await using var app = new PortalApp(Fixture.Provider);
        var keys = Enumerable.Range(0, Burst).Select(i => $"burst-{i:000}-{Guid.NewGuid():N}").ToList();
        await app.WithDbAsync(db =>
        {
            var now = DateTimeOffset.UtcNow;
            db.OutboxMessages.AddRange(keys.Select(k => new OutboxMessage
            {
                Channel = OutboxChannel.Sms, Recipient = "+77011112233", Body = "№ KRG-01-GC-2026-00001 өтінішіңіз қабылданды.", Event = "ApplicantAccepted",
                IdempotencyKey = k, CreatedAt = now, NextAttemptAt = now,
            }));
            return db.SaveChangesAsync();
        });
        // A gateway that takes its time (15 ms a message), so that the kill lands mid-burst.
        using var gateway = new HttpReceiver((_, _) => { Thread.Sleep(15); return HttpStatusCode.OK; });
        HashSet<string> Delivered() => [.. gateway.Requests.Where(r => r.Answered == HttpStatusCode.OK).Select(r => r.Headers["Idempotency-Key"])];

        using (var first = Start(app, gateway))
        {
            await UntilAsync(() => Delivered().Count >= 40, TimeSpan.FromSeconds(60), first);
            first.Kill(entireProcessTree: true); // SIGKILL: no shutdown, no cleanup
            await first.WaitForExitAsync(TestContext.Current.CancellationToken);
        }
        var atKill = Delivered().Count;
        Assert.InRange(atKill, 40, Burst - 1);

        Task<int> SentAsync() => app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => keys.Contains(m.IdempotencyKey) && m.Status == OutboxStatus.Sent));
        using (var second = Start(app, gateway))
        {
            await UntilAsync(() => Delivered().Count == Burst, TimeSpan.FromSeconds(90), second);
            // The gateway's answer to the last message reaches the database a moment after the gateway has it.
            var watch = Stopwatch.StartNew();
            while (await SentAsync() < Burst && watch.Elapsed < TimeSpan.FromSeconds(30)) await Task.Delay(100, TestContext.Current.CancellationToken);
            second.Kill(entireProcessTree: true);
            await second.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        Assert.Equal(keys.Order(), Delivered().Order());
        var statuses = await app.WithDbAsync(db => db.OutboxMessages.Where(m => keys.Contains(m.IdempotencyKey)).Select(m => m.Status).ToListAsync());
        Assert.Equal(Burst, statuses.Count(s => s == OutboxStatus.Sent));
    }

    private static async Task UntilAsync(Func<bool> done, TimeSpan limit, Process process)
    {
        var watch = Stopwatch.StartNew();
        while (!done())
        {
            if (process.HasExited) Assert.Fail($"The portal exited with {process.ExitCode} before it was killed.");
            if (watch.Elapsed > limit) Assert.Fail("The portal did not send in time.");
            await Task.Delay(20);
        }
    }

    /// <summary>The portal as a process of its own (its build output beside this test's), on the test's database.</summary>
    private static Process Start(PortalApp app, HttpReceiver gateway)
    {
        var dll = PortalDll();
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{Loopback.FreePort()}",
            ["Database__Provider"] = app.Provider.ToString(),
            ["ConnectionStrings__Portal"] = app.ConnectionString,
            ["Demo__Seed"] = "false",
            ["DataProtection__KeysPath"] = Path.Combine(app.WorkDirectory, "process-keys"),
            ["Serilog__WriteTo__File__Args__path"] = Path.Combine(app.WorkDirectory, "process-logs", "portal-.json"),
            ["Notifications__Sink"] = "Live",
            ["Notifications__Sms__Url"] = gateway.Url + "send",
            ["Notifications__PollSeconds"] = "1",
            // A message locked by the killed process is taken again after this lease.
            ["Notifications__Retry__Lease"] = "00:00:03",
            ["Escalation__Run"] = "false",
        };
        foreach (var (key, value) in settings) start.Environment[key] = value;
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static string PortalDll()
    {
        var here = AppContext.BaseDirectory;
        var configuration = here.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var dir = new DirectoryInfo(here);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "GuardianshipPortal.sln"))) dir = dir.Parent;
        var dll = Path.Combine(dir?.FullName ?? throw new InvalidOperationException("No GuardianshipPortal.sln above the tests."),
            "src", "GuardianshipPortal.Web", "bin", configuration, "net10.0", "GuardianshipPortal.Web.dll");
        return File.Exists(dll) ? dll : throw new InvalidOperationException($"The portal is not built at {dll}.");
    }
}

public sealed class KillTestsSqlite(SqlitePortal f) : KillTests(f), IClassFixture<SqlitePortal>;
public sealed class KillTestsPostgres(PostgresPortal f) : KillTests(f), IClassFixture<PostgresPortal>;
