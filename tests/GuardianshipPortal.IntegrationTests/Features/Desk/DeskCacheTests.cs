using GuardianshipPortal.Data;
using GuardianshipPortal.Domain.Cases;
using GuardianshipPortal.Domain.Services;
using GuardianshipPortal.Domain.Workflow;
using GuardianshipPortal.IntegrationTests.Infrastructure;
using GuardianshipPortal.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace GuardianshipPortal.IntegrationTests.Features.Desk;

/// <summary>
/// The desks are kept for their user while the database's change stamp stays where it is: a desk opened again costs the
/// stamp, a change saved through the portal shows at once, and only what no kept page shows leaves the stamp alone.
/// </summary>
public abstract class DeskCacheTests(PortalFixture fixture) : PortalTest(fixture)
{
    private Task<long> StampAsync() => App.WithDbAsync(db => ChangeStamps.ReadAsync(db));

    /// <summary>Moves the case on without the change tracker, so without the stamp: what a kept page does not know of.</summary>
    private Task<int> MoveBehindTheStampAsync(Guid id) =>
        App.WithDbAsync(db => db.Cases.Where(c => c.Id == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Step, Step.Drafting)));

    /// <summary>Whether a queue page lists the case.</summary>
    internal static bool Lists(Page page, Guid id) => page.Document.QuerySelector($"[data-testid=queue-number] a[href='/cases/{id}']") is not null;

    [Fact]
    public async Task A_desk_opened_again_is_the_kept_page_until_the_stamp_moves_and_each_user_keeps_their_own()
    {
        var id = await new CaseFactory(App).AtAsync(ServiceCode.GuardianshipCertificate, Step.Resolution);
        var office = new OfficeDesk(App);
        var head = await office.AsAsync("head");
        var clerk = await office.AsAsync("clerk");
        await TestEnvironment.AwayFromMinuteEndAsync();
        Assert.True(Lists(await head.GetAsync("/queues/resolve"), id));
        Assert.True(Lists(await head.GetAsync("/queues/resolve?sort=Due"), id));
        Assert.True(Lists(await head.GetAsync("/queues/resolve?made=up"), id));
        Assert.NotNull((await head.GetAsync("/")).Document.QuerySelector("[data-testid=queue-assign]"));

        Assert.Equal(1, await MoveBehindTheStampAsync(id));
        Assert.True(Lists(await head.GetAsync("/queues/resolve"), id)); // kept: the stamp did not move
        var clerks = await clerk.GetAsync("/"); // the address the head's desk is kept under
        Assert.NotNull(clerks.Document.QuerySelector("[data-testid=queue-registered]")); // the clerk's own desk, not the head's
        Assert.Null(clerks.Document.QuerySelector("[data-testid=queue-assign]"));

        // An address with a key no desk has is answered, and not kept; a filter's own keys are.
        Assert.False(Lists(await head.GetAsync("/queues/resolve?made=up"), id));
        Assert.True(Lists(await head.GetAsync("/queues/resolve?sort=Due"), id));

        await App.WithDbAsync(async db => { await ChangeStamps.MoveAsync(db); return 0; });
        Assert.False(Lists(await head.GetAsync("/queues/resolve"), id));
    }

    [Fact]
    public async Task A_desk_that_set_a_cookie_is_not_kept()
    {
        var id = await new CaseFactory(App).AtAsync(ServiceCode.GuardianshipCertificate, Step.Resolution);
        var head = await new OfficeDesk(App).AsAsync("head");
        // The sign-in cookie alone: every desk made for it sets a new antiforgery cookie for its forms.
        using var bare = App.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        async Task<Page> DeskAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/queues/resolve");
            request.Headers.Add("Cookie", "gp.auth=" + head.Cookie("gp.auth"));
            using var response = await bare.SendAsync(request, TestContext.Current.CancellationToken);
            Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
            var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            return new Page(response.StatusCode, html, new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html), null);
        }
        Assert.True(Lists(await DeskAsync(), id));

        Assert.Equal(1, await MoveBehindTheStampAsync(id));
        Assert.False(Lists(await DeskAsync(), id));
    }

    [Fact]
    public async Task A_step_taken_through_the_portal_shows_on_the_kept_desk_at_once()
    {
        var factory = new CaseFactory(App);
        var (first, second) = (await factory.AtAsync(ServiceCode.FosterPlacement, Step.Resolution), await factory.AtAsync(ServiceCode.FosterPlacement, Step.Resolution));
        var office = new OfficeDesk(App);
        var head = await office.AsAsync("head");
        await TestEnvironment.AwayFromMinuteEndAsync();
        var before = await head.GetAsync("/");
        Assert.True(Lists(before, first) && Lists(before, second));
        Assert.Equal(before.Html, (await head.GetAsync("/")).Html);

        var stamp = await StampAsync();
        await office.ResolveAsync(first);
        Assert.True(await StampAsync() > stamp);

        var after = await head.GetAsync("/");
        Assert.False(Lists(after, first));
        Assert.True(Lists(after, second));
    }

    private sealed class Quiet : IMessageSender
    {
        public OutboxChannel Channel => OutboxChannel.Email;
        public Task SendAsync(OutboxMessage message, CancellationToken ct) => Task.CompletedTask;
    }

    [Fact]
    public async Task The_stamp_moves_once_with_a_commit_that_changed_what_pages_show_and_never_for_the_trail_the_outbox_or_a_rollback()
    {
        var id = await new CaseFactory(App).AtAsync(ServiceCode.GuardianshipCertificate, Step.Resolution);
        var start = await StampAsync();

        // Only what no kept page shows: an audit event, a job's lease, a message sent by the dispatcher.
        await App.WithDbAsync(async db =>
        {
            var head = await db.Users.Where(u => u.UserName == "head").Select(u => u.Id).SingleAsync();
            db.AuditEvents.Add(new AuditEvent { At = DateTimeOffset.UtcNow, UserId = head, Action = "test" });
            await db.SaveChangesAsync();
            await db.TryTakeAsync("stamp-test", JobLeases.NewHolder(), TimeSpan.FromMinutes(1), DateTimeOffset.UtcNow, TestContext.Current.CancellationToken);
            db.OutboxMessages.Add(new OutboxMessage
            {
                Channel = OutboxChannel.Email, Recipient = "a@example.kz", Subject = "s", Body = "b", Event = "accepted", Stream = "",
                IdempotencyKey = "stamp-" + Guid.NewGuid().ToString("N"), CreatedAt = DateTimeOffset.UtcNow, NextAttemptAt = DateTimeOffset.UtcNow,
            });
            return await db.SaveChangesAsync();
        });
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var sent = await new OutboxDispatcher(db, [new Quiet()], new OutboxOptions { BatchSize = 50 }, TimeProvider.System, NullLogger<OutboxDispatcher>.Instance)
                .DispatchDueAsync(TestContext.Current.CancellationToken);
            Assert.True(sent > 0);
        }
        Assert.Equal(start, await StampAsync());

        // A transaction rolled back leaves it; one of two saves moves it once, at its commit.
        await App.WithDbAsync(async db =>
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            (await db.Cases.SingleAsync(c => c.Id == id)).Note = "rolled back";
            await db.SaveChangesAsync();
            await tx.RollbackAsync();
            return 0;
        });
        Assert.Equal(start, await StampAsync());
        await App.WithDbAsync(async db =>
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            var c = await db.Cases.SingleAsync(c => c.Id == id);
            c.Note = "one";
            await db.SaveChangesAsync();
            Assert.Equal(start, await ChangeStamps.ReadAsync(db)); // not before the commit
            c.Note = "two";
            await db.SaveChangesAsync();
            await tx.CommitAsync();
            return 0;
        });
        Assert.Equal(start + 1, await StampAsync());

        // A save that needs no transaction moves it by itself.
        await App.WithDbAsync(async db =>
        {
            (await db.Cases.SingleAsync(c => c.Id == id)).Note = "three";
            return await db.SaveChangesAsync();
        });
        Assert.Equal(start + 2, await StampAsync());
        // The same through the synchronous save; a save that fails leaves it.
        await App.WithDbAsync(db =>
        {
            db.Cases.Single(c => c.Id == id).Note = "four";
            return Task.FromResult(db.SaveChanges());
        });
        Assert.Equal(start + 3, await StampAsync());
        await App.WithDbAsync(async db =>
        {
            var c = await db.Cases.SingleAsync(c => c.Id == id);
            db.Entry(c).Property(x => x.Version).OriginalValue = c.Version + 100; // another user saved in between
            c.Note = "lost";
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync(TestContext.Current.CancellationToken));
            db.ChangeTracker.Clear(); // and the context's next save, of the trail only, does not move it for the failed one
            var head = await db.Users.Where(u => u.UserName == "head").Select(u => u.Id).SingleAsync();
            db.AuditEvents.Add(new AuditEvent { At = DateTimeOffset.UtcNow, UserId = head, Action = "test" });
            return await db.SaveChangesAsync();
        });
        Assert.Equal(start + 3, await StampAsync());
        Assert.Equal("four", await App.WithDbAsync(db => db.Cases.Where(c => c.Id == id).Select(c => c.Note).SingleAsync()));
    }
}

public sealed class DeskCacheTestsSqlite(SqlitePortal f) : DeskCacheTests(f), IClassFixture<SqlitePortal>;
public sealed class DeskCacheTestsPostgres(PostgresPortal f) : DeskCacheTests(f), IClassFixture<PostgresPortal>;
