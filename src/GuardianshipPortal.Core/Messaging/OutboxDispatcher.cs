using GuardianshipPortal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace GuardianshipPortal.Messaging;

/// <summary>How the dispatcher retries: exponential backoff from <see cref="FirstRetry"/> up to <see cref="LongestWait"/>.</summary>
public sealed record OutboxOptions
{
    public int BatchSize { get; init; } = 20;
    public TimeSpan Lease { get; init; } = TimeSpan.FromMinutes(2);
    public TimeSpan FirstRetry { get; init; } = TimeSpan.FromSeconds(10);
    public TimeSpan LongestWait { get; init; } = TimeSpan.FromHours(1);
    /// <summary>Notifications are given up (and shown to the administrator) after this many attempts.</summary>
    public int MaxAttempts { get; init; } = 8;

    public TimeSpan Backoff(int attempts) =>
        TimeSpan.FromTicks(Math.Min(LongestWait.Ticks, FirstRetry.Ticks * (1L << Math.Min(attempts - 1, 30))));
}

/// <summary>
/// Takes due messages under a lease and hands each to its channel's sender. Several instances may run it at once: on
/// PostgreSQL a message is taken with FOR UPDATE SKIP LOCKED, elsewhere with a conditional update, so no two instances
/// hold one message; a lease that runs out (a killed instance) makes it due again — delivery is at least once, and the
/// idempotency key lets the receiver drop a repeat. Messages of one stream leave in order: one waits while an earlier one
/// of its stream is pending.
/// </summary>
public sealed class OutboxDispatcher(
    PortalDbContext db, IEnumerable<IMessageSender> senders, OutboxOptions options, TimeProvider clock, ILogger<OutboxDispatcher> logger)
{
    /// <summary>Who holds a lease: this dispatcher, on this machine and process.</summary>
    private readonly string _instance = Truncate($"{Environment.ProcessId}/{Guid.NewGuid():N}/{Environment.MachineName}", 100);

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];

    /// <summary>Delivers what is due now; returns how many messages were tried.</summary>
    public async Task<int> DispatchDueAsync(CancellationToken ct)
    {
        var ids = await ClaimAsync(ct);
        if (ids.Count == 0) return 0;
        var messages = await db.OutboxMessages.Where(m => ids.Contains(m.Id) && m.LockedBy == _instance).OrderBy(m => m.Id).ToListAsync(ct);
        var byChannel = senders.ToDictionary(s => s.Channel);
        var blockedStreams = new HashSet<string>();
        foreach (var message in messages)
        {
            var now = clock.GetUtcNow();
            if (message.Stream != "" && blockedStreams.Contains(message.Stream))
            {
                message.LockedUntil = null; // an earlier message of its stream failed just now: wait for it
                continue;
            }
            message.Attempts++;
            try
            {
                if (!byChannel.TryGetValue(message.Channel, out var sender)) throw new DeliveryException($"No sender for {message.Channel}.");
                await sender.SendAsync(message, ct);
                message.Status = OutboxStatus.Sent;
                message.SentAt = now;
                message.LastError = "";
            }
            catch (Exception e) when (e is DeliveryException or HttpRequestException or TaskCanceledException or IOException
                or System.Net.Mail.SmtpException or InvalidOperationException && !ct.IsCancellationRequested)
            {
                message.LastError = Truncate(e.Message, OutboxMessage.ErrorLength);
                message.NextAttemptAt = now + options.Backoff(message.Attempts);
                if (!message.RetryForever && message.Attempts >= options.MaxAttempts) message.Status = OutboxStatus.Failed;
                if (message.Stream != "") blockedStreams.Add(message.Stream);
                logger.LogWarning("Outbox message {MessageId} ({Channel}) not delivered, attempt {Attempt}: {Error}",
                    message.Id, message.Channel, message.Attempts, message.LastError);
            }
            message.LockedUntil = null;
            message.LockedBy = "";
            await db.SaveChangesAsync(CancellationToken.None); // what was sent stays recorded as sent
        }
        await db.SaveChangesAsync(CancellationToken.None);
        return messages.Count;
    }

    /// <summary>The administrator's retry of a message that was given up.</summary>
    public static async Task<bool> RetryAsync(PortalDbContext db, long id, DateTimeOffset now, CancellationToken ct) =>
        await db.OutboxMessages.Where(m => m.Id == id && m.Status == OutboxStatus.Failed)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Pending).SetProperty(m => m.Attempts, 0)
                .SetProperty(m => m.NextAttemptAt, now), ct) == 1;

    private async Task<List<long>> ClaimAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var until = now + options.Lease;
        if (db.Database.IsNpgsql())
        {
            return await db.Database.SqlQuery<long>($"""
                UPDATE "OutboxMessages" SET "LockedUntil" = {until}, "LockedBy" = {_instance}
                WHERE "Id" IN (
                    SELECT o."Id" FROM "OutboxMessages" o
                    WHERE o."Status" = 1 AND o."NextAttemptAt" <= {now} AND (o."LockedUntil" IS NULL OR o."LockedUntil" < {now})
                      AND (o."Stream" = '' OR NOT EXISTS (
                          SELECT 1 FROM "OutboxMessages" p WHERE p."Stream" = o."Stream" AND p."Id" < o."Id" AND p."Status" = 1))
                    ORDER BY o."Id" LIMIT {options.BatchSize}
                    FOR UPDATE SKIP LOCKED)
                RETURNING "Id" AS "Value"
                """).ToListAsync(ct);
        }
        var candidates = await Due(now).Select(m => m.Id).Take(options.BatchSize).ToListAsync(ct);
        var claimed = new List<long>();
        foreach (var id in candidates)
        {
            var taken = await db.OutboxMessages
                .Where(m => m.Id == id && m.Status == OutboxStatus.Pending && (m.LockedUntil == null || m.LockedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, until).SetProperty(m => m.LockedBy, _instance), ct);
            if (taken == 1) claimed.Add(id);
        }
        return claimed;
    }

    private IQueryable<OutboxMessage> Due(DateTimeOffset now) => db.OutboxMessages
        .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now && (m.LockedUntil == null || m.LockedUntil < now))
        .Where(m => m.Stream == "" || !db.OutboxMessages.Any(p => p.Stream == m.Stream && p.Id < m.Id && p.Status == OutboxStatus.Pending))
        .OrderBy(m => m.Id);
}
