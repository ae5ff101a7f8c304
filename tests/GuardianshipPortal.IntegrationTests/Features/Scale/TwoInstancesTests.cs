using System.Collections.Concurrent;
using System.Net;
using GuardianshipPortal.Cases;
using GuardianshipPortal.Data;
using GuardianshipPortal.Domain.Persons;
using GuardianshipPortal.Domain.Services;
using GuardianshipPortal.Domain.Workflow;
using GuardianshipPortal.IntegrationTests.Features.Desk;
using GuardianshipPortal.IntegrationTests.Infrastructure;
using GuardianshipPortal.Messaging;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace GuardianshipPortal.IntegrationTests.Features.Scale;

/// <summary>
/// Two portal instances on one PostgreSQL database, started at the same moment (one migrates and seeds, the other waits
/// for it), as a region that outgrew one machine runs them behind a proxy.
/// </summary>
public sealed class TwoInstances : IAsyncLifetime
{
    private PortalApp? _a, _b;

    public string? SkipReason { get; private set; }
    public PortalApp A => _a ?? throw new InvalidOperationException(SkipReason);
    public PortalApp B => _b ?? throw new InvalidOperationException(SkipReason);

    public async ValueTask InitializeAsync()
    {
        // In CI (GP_TEST_POSTGRES set, CI=true) this never skips: a missing PostgreSQL fails the class.
        SkipReason = TestEnvironment.Require(TestEnvironment.PostgresConnection is not null, $"PostgreSQL ({TestEnvironment.PostgresVariable})");
        if (SkipReason is not null) return;
        _a = new PortalApp(DatabaseProvider.Postgres);
        _b = new PortalApp(DatabaseProvider.Postgres, connectionString: _a.ConnectionString);
        await Task.WhenAll(Task.Run(() => _a.Server), Task.Run(() => _b.Server));
    }

    public async ValueTask DisposeAsync()
    {
        if (_b is not null) await _b.DisposeAsync();
        if (_a is not null) await _a.DisposeAsync();
    }
}

public sealed class TwoInstancesTests : IClassFixture<TwoInstances>
{
    private readonly TwoInstances _instances;

    public TwoInstancesTests(TwoInstances instances)
    {
        if (instances.SkipReason is { } reason) Assert.Skip(reason);
        _instances = instances;
    }

    private PortalApp A => _instances.A;
    private PortalApp B => _instances.B;

    /// <summary>One browser behind a proxy: one cookie jar, each request sent to the instance <see cref="Proxy.Next"/> names.</summary>
    private sealed class Proxy(PortalApp a, PortalApp b) : HttpMessageHandler
    {
        private readonly HttpMessageInvoker[] _instances = [new(a.Server.CreateHandler()), new(b.Server.CreateHandler())];

        /// <summary>0 for A, 1 for B.</summary>
        public int Next { get; set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct) =>
            _instances[Next].SendAsync(request, ct);
    }

    private (PortalClient Client, Proxy Proxy) Browser()
    {
        var proxy = new Proxy(A, B);
        var http = new HttpClient(new CookieContainerHandler { InnerHandler = proxy }) { BaseAddress = A.ClientOptions.BaseAddress };
        return (new PortalClient(http), proxy);
    }

    [Fact]
    public async Task A_clerk_signed_in_on_one_instance_registers_on_the_other_with_the_same_cookie_and_form()
    {
        var (clerk, proxy) = Browser();
        proxy.Next = 0;
        var home = await clerk.SignInAsync("clerk");
        Assert.Equal(HttpStatusCode.OK, home.Status);

        proxy.Next = 1; // the same cookie, read by the other instance
        var form = await clerk.GetAsync($"/cases/new?service={ServiceCode.GuardianshipCertificate}");
        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.NotEmpty(form.Text("[data-testid=user-name]"));
        form.Check("input[name=Received]");

        proxy.Next = 0; // the form (and its antiforgery token) made by B, posted to A
        var iin = OfficeDesk.NewIin(new DateOnly(1983, 4, 5), Sex.Female);
        var page = await clerk.SubmitAsync(form, "form#registration", new Dictionary<string, string>
        {
            ["Channel"] = "Office", ["Language"] = "ru", ["Applicant.Iin"] = iin, ["Applicant.LastName"] = "Серікова",
            ["Applicant.FirstName"] = "Айжан", ["Applicant.Address"] = "Қарағанды қ., Ерубаев к-сі, 12-5",
            ["Children[0].Iin"] = OfficeDesk.NewIin(new DateOnly(2015, 2, 3), Sex.Male), ["Children[0].LastName"] = "Ахметов",
            ["Children[0].FirstName"] = "Нұрсұлтан",
        });

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.StartsWith("KRG-01-", page.Text("[data-testid=case-number]"));
        proxy.Next = 1; // and B shows the case A registered
        var again = await clerk.GetAsync($"/cases/{page.CaseId}");
        Assert.Equal(page.Text("[data-testid=case-number]"), again.Text("[data-testid=case-number]"));
        Assert.Equal(1, await B.WithDbAsync(db => db.Cases.CountAsync(c => c.Applicant!.Iin == iin)));
    }

    [Fact]
    public async Task Twenty_registrations_at_once_on_both_instances_are_numbered_without_gaps_or_repeats()
    {
        var deskA = new OfficeDesk(A);
        var deskB = new OfficeDesk(B);
        await deskA.AsAsync("clerk");
        await deskB.AsAsync("clerk");
        var year = A.Today.Year;
        var before = await A.WithDbAsync(db => db.Cases.CountAsync(c => c.Service == ServiceCode.AdoptionLumpSum && c.Year == year && c.Office!.Code == "KRG-01"));

        var pages = await Task.WhenAll(Enumerable.Range(0, 20)
            .Select(i => Task.Run(() => (i % 2 == 0 ? deskA : deskB).RegisterAsync(ServiceCode.AdoptionLumpSum), TestContext.Current.CancellationToken)));

        Assert.All(pages, p => Assert.True(p.Status == HttpStatusCode.OK, $"{p.Status}: {string.Join("; ", p.Errors)}"));
        var numbers = pages.Select(p => p.Text("[data-testid=case-number]")).ToList();
        Assert.Equal(20, numbers.Distinct().Count());
        var sequences = await A.WithDbAsync(db => db.Cases
            .Where(c => c.Service == ServiceCode.AdoptionLumpSum && c.Year == year && c.Office!.Code == "KRG-01")
            .OrderBy(c => c.Sequence).Select(c => c.Sequence).ToListAsync());
        Assert.Equal(Enumerable.Range(1, before + 20), sequences);
        Assert.All(numbers, n => Assert.Contains(CaseNumbers.Parse(n)!.Sequence, sequences.Skip(before)));
        var counter = await A.WithDbAsync(db => db.RegistrationCounters.AsNoTracking()
            .SingleAsync(c => c.Service == ServiceCode.AdoptionLumpSum && c.Year == year && db.Offices.Any(o => o.Id == c.OfficeId && o.Code == "KRG-01")));
        Assert.Equal(before + 20, counter.Last);
    }

    [Fact]
    public async Task A_desk_kept_by_one_instance_shows_a_step_taken_on_the_other_at_once()
    {
        var factory = new CaseFactory(A);
        var (kept, taken) = (await factory.AtAsync(ServiceCode.FosterPlacement, Step.Resolution), await factory.AtAsync(ServiceCode.FosterPlacement, Step.Resolution));
        var (head, proxy) = Browser();
        proxy.Next = 0;
        await head.SignInAsync("head");
        await TestEnvironment.AwayFromMinuteEndAsync();
        Assert.True(DeskCacheTests.Lists(await head.GetAsync("/queues/resolve"), kept));
        // Moved on behind the change stamp: A keeps showing the page it made.
        await A.WithDbAsync(db => db.Cases.Where(c => c.Id == kept).ExecuteUpdateAsync(s => s.SetProperty(c => c.Step, Step.Drafting)));
        Assert.True(DeskCacheTests.Lists(await head.GetAsync("/queues/resolve"), kept));

        proxy.Next = 1; // the head assigns the other case on B
        var stamp = await A.WithDbAsync(db => ChangeStamps.ReadAsync(db));
        var page = await head.GetAsync($"/cases/{taken}");
        page.Select("#Resolution_SpecialistId", OfficeDesk.SpecialistName);
        await head.SubmitAsync(page, "[data-testid=resolution-form]", new Dictionary<string, string> { ["Resolution.Text"] = "Қарап, шешім дайындалсын." });

        Assert.True(await A.WithDbAsync(db => ChangeStamps.ReadAsync(db)) > stamp);
        proxy.Next = 0; // and A's desk is made again
        var desk = await head.GetAsync("/queues/resolve");
        Assert.False(DeskCacheTests.Lists(desk, taken));
        Assert.False(DeskCacheTests.Lists(desk, kept));
    }

    /// <summary>A sender that takes its time, so that the two dispatchers overlap, and counts what it was given.</summary>
    private sealed class SlowSms(ConcurrentDictionary<string, int> delivered) : IMessageSender
    {
        public OutboxChannel Channel => OutboxChannel.Sms;

        public async Task SendAsync(OutboxMessage message, CancellationToken ct)
        {
            await Task.Delay(3, ct);
            delivered.AddOrUpdate(message.IdempotencyKey, 1, (_, n) => n + 1);
        }
    }

    [Fact]
    public async Task Two_dispatchers_on_two_instances_deliver_each_message_once_and_each_stream_in_order()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var messages = Enumerable.Range(0, 60).Select(i => new OutboxMessage
        {
            Channel = OutboxChannel.Sms, Recipient = "+77011234567", Body = $"{run} {i}", Subject = "", Event = "accepted",
            Stream = i % 3 == 0 ? "" : $"{run}:{i % 4}", IdempotencyKey = $"{run}:{i:00}", CreatedAt = DateTimeOffset.UtcNow,
            NextAttemptAt = DateTimeOffset.UtcNow,
        }).ToList();
        await A.WithDbAsync(async db =>
        {
            db.OutboxMessages.AddRange(messages);
            return await db.SaveChangesAsync();
        });
        var delivered = new ConcurrentDictionary<string, int>();
        var order = new ConcurrentQueue<string>();

        async Task DrainAsync(PortalApp app)
        {
            var options = new OutboxOptions { BatchSize = 5, FirstRetry = TimeSpan.Zero };
            for (var idle = 0; idle < 3;)
            {
                await using var scope = app.Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
                var tried = await new OutboxDispatcher(db, [new SlowSms(delivered)], options, TimeProvider.System, NullLogger<OutboxDispatcher>.Instance)
                    .DispatchDueAsync(TestContext.Current.CancellationToken);
                idle = tried == 0 ? idle + 1 : 0;
            }
        }
        await Task.WhenAll(Task.Run(() => DrainAsync(A), TestContext.Current.CancellationToken), Task.Run(() => DrainAsync(B), TestContext.Current.CancellationToken));

        Assert.Equal(messages.Select(m => m.IdempotencyKey).Order(), delivered.Keys.Order());
        Assert.All(delivered, d => Assert.Equal(1, d.Value));
        var stored = await B.WithDbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.IdempotencyKey.StartsWith(run)).ToListAsync());
        Assert.All(stored, m => Assert.Equal(OutboxStatus.Sent, m.Status));
        Assert.All(stored, m => Assert.Equal(1, m.Attempts));
        // Within a stream, each message was sent no earlier than the one before it.
        foreach (var stream in stored.Where(m => m.Stream != "").GroupBy(m => m.Stream))
        {
            var byId = stream.OrderBy(m => m.Id).Select(m => m.SentAt).ToList();
            Assert.Equal(byId.Order(), byId);
        }
    }

    [Fact]
    public async Task A_periodic_job_runs_on_one_instance_at_a_time_and_passes_on_when_its_lease_runs_out()
    {
        var job = "test-" + Guid.NewGuid().ToString("N")[..8];
        var now = DateTimeOffset.UtcNow;
        string holderA = JobLeases.NewHolder(), holderB = JobLeases.NewHolder();

        var taken = await Task.WhenAll(
            A.WithDbAsync(db => db.TryTakeAsync(job, holderA, TimeSpan.FromMinutes(5), now, TestContext.Current.CancellationToken)),
            B.WithDbAsync(db => db.TryTakeAsync(job, holderB, TimeSpan.FromMinutes(5), now, TestContext.Current.CancellationToken)));
        Assert.Single(taken, t => t);
        var (holder, other, otherApp) = taken[0] ? (holderA, holderB, B) : (holderB, holderA, A);

        Assert.True(await (taken[0] ? A : B).WithDbAsync(db => db.TryTakeAsync(job, holder, TimeSpan.FromMinutes(5), now.AddMinutes(1), TestContext.Current.CancellationToken)));
        Assert.False(await otherApp.WithDbAsync(db => db.TryTakeAsync(job, other, TimeSpan.FromMinutes(5), now.AddMinutes(2), TestContext.Current.CancellationToken)));
        Assert.True(await otherApp.WithDbAsync(db => db.TryTakeAsync(job, other, TimeSpan.FromMinutes(5), now.AddMinutes(7), TestContext.Current.CancellationToken)));
    }
}
