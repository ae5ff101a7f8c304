using System.Net;
using System.Text.Json;
using GuardianshipPortal.Data;
using GuardianshipPortal.IntegrationTests.Infrastructure;
using GuardianshipPortal.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace GuardianshipPortal.IntegrationTests.Features.Notifications;

/// <summary>The outbox: written with the change that causes it, delivered at least once, in order, never twice at once.</summary>
public abstract class OutboxTests(PortalFixture fixture) : PortalTest(fixture)
{
    /// <summary>No waiting between attempts in tests: the backoff itself is unit-sized and checked below.</summary>
    private static readonly OutboxOptions Immediate = new() { FirstRetry = TimeSpan.Zero, MaxAttempts = 3 };

    private static OutboxMessage Message(OutboxChannel channel, string recipient, string body, string stream = "", bool forever = false) => new()
    {
        Channel = channel, Recipient = recipient, Body = body, Subject = "Өтініш қабылданды", Event = "accepted", Stream = stream,
        IdempotencyKey = Guid.NewGuid().ToString("N"), RetryForever = forever, CreatedAt = DateTimeOffset.UtcNow, NextAttemptAt = DateTimeOffset.UtcNow,
    };

    private async Task<int> DispatchAsync(params IMessageSender[] senders)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        return await new OutboxDispatcher(db, senders, Immediate, TimeProvider.System, NullLogger<OutboxDispatcher>.Instance)
            .DispatchDueAsync(CancellationToken.None);
    }

    private Task<OutboxMessage> ReloadAsync(string key) =>
        App.WithDbAsync(db => db.OutboxMessages.AsNoTracking().SingleAsync(m => m.IdempotencyKey == key));

    private static SmsGatewaySender Sms(HttpReceiver gateway, string format = "json") =>
        new(new HttpClient(), new SmsGatewayOptions { Url = gateway.Url + "send", Format = format, Token = "t0ken", Sender = "Qamqor" });

    [Fact]
    public async Task A_rolled_back_change_sends_nothing_and_a_committed_one_is_sent()
    {
        using var gateway = new HttpReceiver();
        var rolledBack = Message(OutboxChannel.Sms, "+77011234567", "rolled back " + Guid.NewGuid());
        var committed = Message(OutboxChannel.Sms, "+77011234567", "committed " + Guid.NewGuid());
        await App.WithDbAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.OutboxMessages.Add(rolledBack);
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
            return 0;
        });
        await App.WithDbAsync(async db =>
        {
            db.OutboxMessages.Add(committed);
            return await db.SaveChangesAsync();
        });

        while (await DispatchAsync(Sms(gateway)) > 0) { }

        Assert.Contains(gateway.Requests, r => r.Body.Contains(committed.Body));
        Assert.DoesNotContain(gateway.Requests, r => r.Body.Contains(rolledBack.Body));
        Assert.False(await App.WithDbAsync(db => db.OutboxMessages.AnyAsync(m => m.IdempotencyKey == rolledBack.IdempotencyKey)));
    }

    [Fact]
    public async Task The_sms_gateway_failing_twice_gets_the_message_on_the_third_attempt_with_one_idempotency_key()
    {
        using var gateway = new HttpReceiver(n => n <= 2 ? HttpStatusCode.InternalServerError : HttpStatusCode.OK);
        var message = Message(OutboxChannel.Sms, "+77011234567", "Өтінішіңіз қабылданды, нәтиже 27.11.2026 дайын болады.");
        await App.WithDbAsync(db => { db.OutboxMessages.Add(message); return db.SaveChangesAsync(); });

        for (var round = 0; round < 3; round++) await DispatchAsync(Sms(gateway));

        var stored = await ReloadAsync(message.IdempotencyKey);
        Assert.Equal(OutboxStatus.Sent, stored.Status);
        Assert.Equal(3, stored.Attempts);
        var tries = gateway.Requests.Where(r => r.Body.Contains(message.IdempotencyKey)).ToList();
        Assert.Equal([HttpStatusCode.InternalServerError, HttpStatusCode.InternalServerError, HttpStatusCode.OK], tries.Select(t => t.Answered));
        Assert.All(tries, t => Assert.Equal(message.IdempotencyKey, t.Headers["Idempotency-Key"]));
        Assert.All(tries, t => Assert.Equal("Bearer t0ken", t.Headers["Authorization"]));
        using var json = JsonDocument.Parse(tries[^1].Body);
        Assert.Equal("+77011234567", json.RootElement.GetProperty("phone").GetString());
        Assert.Equal(message.Body, json.RootElement.GetProperty("text").GetString());
        Assert.Equal("Qamqor", json.RootElement.GetProperty("sender").GetString());
    }

    [Fact]
    public async Task A_notification_is_given_up_after_the_retry_limit_and_the_admin_can_retry_it()
    {
        using var gateway = new HttpReceiver(_ => HttpStatusCode.ServiceUnavailable);
        var message = Message(OutboxChannel.Sms, "+77011234567", "never " + Guid.NewGuid());
        await App.WithDbAsync(db => { db.OutboxMessages.Add(message); return db.SaveChangesAsync(); });

        for (var round = 0; round < 5; round++) await DispatchAsync(Sms(gateway));
        var failed = await ReloadAsync(message.IdempotencyKey);
        var retried = await App.WithDbAsync(db => OutboxDispatcher.RetryAsync(db, failed.Id, DateTimeOffset.UtcNow, CancellationToken.None));

        Assert.Equal(OutboxStatus.Failed, failed.Status);
        Assert.Equal(3, failed.Attempts);
        Assert.Contains("503", failed.LastError);
        Assert.True(retried);
        Assert.Equal(OutboxStatus.Pending, (await ReloadAsync(message.IdempotencyKey)).Status);
    }

    [Fact]
    public async Task Messages_of_one_stream_leave_in_order_even_when_the_first_fails()
    {
        // The first event fails twice; the later ones must wait for it.
        using var partner = new HttpReceiver((body, n) => body.Contains("registered") && n <= 2 ? HttpStatusCode.BadGateway : HttpStatusCode.OK);
        var stream = "case:" + Guid.NewGuid();
        var events = new[] { "registered", "result_ready", "issued" }
            .Select(e => Message(OutboxChannel.Sms, "+77011234567", $"{stream} {e}", stream, forever: true)).ToList();
        await App.WithDbAsync(db => { db.OutboxMessages.AddRange(events); return db.SaveChangesAsync(); });

        for (var round = 0; round < 10; round++) await DispatchAsync(Sms(partner));

        var delivered = partner.Requests.Where(r => r.Answered == HttpStatusCode.OK && r.Body.Contains(stream))
            .Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("text").GetString()).ToList();
        Assert.Equal(events.Select(e => e.Body), delivered);
        Assert.All(partner.Requests.Where(r => r.Answered != HttpStatusCode.OK), r => Assert.EndsWith("registered", JsonDocument.Parse(r.Body).RootElement.GetProperty("text").GetString()));
    }

    [Fact]
    public async Task Two_dispatchers_at_once_never_send_a_message_twice()
    {
        using var gateway = new HttpReceiver();
        var batch = Enumerable.Range(0, 60).Select(i => Message(OutboxChannel.Sms, "+77011234567", $"burst {i} {Guid.NewGuid()}")).ToList();
        await App.WithDbAsync(db => { db.OutboxMessages.AddRange(batch); return db.SaveChangesAsync(); });

        async Task DrainAsync()
        {
            while (await DispatchAsync(Sms(gateway, "form")) > 0) { }
        }
        await Task.WhenAll(DrainAsync(), DrainAsync(), DrainAsync());

        var keys = batch.Select(b => b.IdempotencyKey).ToHashSet();
        var received = gateway.Requests.Select(r => keys.FirstOrDefault(k => r.Body.Contains(k))).Where(k => k is not null).ToList();
        Assert.Equal(60, received.Count);
        Assert.Equal(60, received.Distinct().Count());
        Assert.Equal(60, await App.WithDbAsync(db => db.OutboxMessages.CountAsync(m => keys.Contains(m.IdempotencyKey) && m.Status == OutboxStatus.Sent)));
    }

    [Fact]
    public async Task An_email_goes_through_a_real_smtp_conversation_in_utf8()
    {
        using var smtp = new SmtpReceiver();
        var sender = new SmtpEmailSender(new SmtpOptions { Host = "127.0.0.1", Port = smtp.Port, From = "noreply@qamqor.example", FromName = "Қамқоршылық органы" });
        var message = Message(OutboxChannel.Email, "aizhan@example.kz", "Құрметті Айжан Болатқызы! Өтінішіңіз № KRG-01-FP-2026-00001 қабылданды.");

        await App.WithDbAsync(db => { db.OutboxMessages.Add(message); return db.SaveChangesAsync(); });
        await DispatchAsync(sender);

        var mail = Assert.Single(smtp.Messages, m => m.Raw.Contains(message.IdempotencyKey));
        Assert.Equal("noreply@qamqor.example", mail.From);
        Assert.Equal(["aizhan@example.kz"], mail.To);
        Assert.Equal("Өтініш қабылданды", mail.Subject);
        Assert.Equal(message.Body, mail.Body);
        Assert.Equal(OutboxStatus.Sent, (await ReloadAsync(message.IdempotencyKey)).Status);
    }

    [Fact]
    public async Task The_admin_sees_a_given_up_message_masked_and_sends_it_again()
    {
        using var gateway = new HttpReceiver(_ => HttpStatusCode.ServiceUnavailable);
        var message = Message(OutboxChannel.Sms, "+77011234567", "admin retry " + Guid.NewGuid());
        await App.WithDbAsync(db => { db.OutboxMessages.Add(message); return db.SaveChangesAsync(); });
        for (var round = 0; round < 3; round++) await DispatchAsync(Sms(gateway));
        var failed = await ReloadAsync(message.IdempotencyKey);
        var admin = NewClient();
        await admin.SignInAsync("admin");

        var page = await admin.GetAsync("/admin/outbox");
        var row = page.Text($"[data-testid=outbox] tr[data-message='{failed.Id}']");
        Assert.Contains("Жіберілмеді", row);
        Assert.Contains("+7701****567", row);
        Assert.DoesNotContain("+77011234567", page.Html);
        var retried = await admin.SubmitAsync(page, $"[data-testid=outbox] tr[data-message='{failed.Id}'] form");

        Assert.Equal("Pending", retried.Document.QuerySelector($"[data-testid=outbox] tr[data-message='{failed.Id}']")!.GetAttribute("data-status"));
        Assert.Equal(OutboxStatus.Pending, (await ReloadAsync(message.IdempotencyKey)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await new OfficeDesk(App).AsAsync("head")).GetAsync("/admin/outbox")).Status);
    }

    [Fact]
    public void Backoff_doubles_from_the_first_retry_up_to_the_longest_wait()
    {
        var options = new OutboxOptions { FirstRetry = TimeSpan.FromSeconds(10), LongestWait = TimeSpan.FromMinutes(5) };
        Assert.Equal([10, 20, 40, 80, 160, 300, 300], Enumerable.Range(1, 7).Select(a => (int)options.Backoff(a).TotalSeconds));
    }
}

public sealed class OutboxTestsSqlite(SqlitePortal f) : OutboxTests(f), IClassFixture<SqlitePortal>;
public sealed class OutboxTestsPostgres(PostgresPortal f) : OutboxTests(f), IClassFixture<PostgresPortal>;
