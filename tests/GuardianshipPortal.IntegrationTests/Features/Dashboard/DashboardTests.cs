using System.Net;
using GuardianshipPortal.Domain.Services;
using GuardianshipPortal.Domain.Workflow;
using GuardianshipPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GuardianshipPortal.IntegrationTests.Features.Dashboard;

public abstract class DashboardTests(PortalFixture fixture) : PortalTest(fixture)
{
    [Fact]
    public async Task The_forecast_learns_from_the_offices_own_history_and_flags_the_step_that_usually_runs_late()
    {
        // Autumn's history: 18 maintenance cases whose drafting took 40 days (late), 18 certificates drafted at once.
        var clock = new TestClock(TestClock.Almaty(2026, 9, 1, 10, 0));
        await using var app = new PortalApp(Fixture.Provider, clock: clock);
        var factory = new CaseFactory(app);
        var late = new List<Guid>();
        for (var i = 0; i < 18; i++)
        {
            late.Add(await factory.AtAsync(ServiceCode.FosterMaintenance, Step.Signing));
            await factory.AtAsync(ServiceCode.GuardianshipCertificate, Step.Signing);
        }
        await app.WithDbAsync(async db =>
        {
            foreach (var e in await db.CaseEvents.Where(e => late.Contains(e.CaseId) && e.FromStep == Step.Drafting && e.ToStep == Step.Signing).ToListAsync())
                e.At = e.At.AddDays(40);
            // That autumn's cases are long done: issued an hour after their last step.
            var lastSteps = await db.CaseEvents.GroupBy(e => e.CaseId).Select(g => new { g.Key, Last = g.Max(e => e.Id) }).ToListAsync();
            foreach (var c in await db.Cases.ToListAsync())
            {
                var lastId = lastSteps.Single(l => l.Key == c.Id).Last;
                var last = await db.CaseEvents.SingleAsync(e => e.Id == lastId);
                (c.Step, c.StepDueAt, c.ClosedAt) = (Step.Closed, null, last.At.AddHours(1));
            }
            return await db.SaveChangesAsync();
        });

        // Today two cases of each kind are being drafted.
        clock.Now = TestClock.Almaty(2026, 11, 16, 10, 0);
        var maintenance = await factory.AtAsync(ServiceCode.FosterMaintenance, Step.Drafting);
        var certificate = await factory.AtAsync(ServiceCode.GuardianshipCertificate, Step.Drafting);
        var numbers = await app.WithDbAsync(db => db.Cases.Where(c => c.Id == maintenance || c.Id == certificate).ToDictionaryAsync(c => c.Id, c => c.Number));
        var head = await new OfficeDesk(app).AsAsync("head");

        var risky = await head.GetAsync($"/cases/{maintenance}");
        var calm = await head.GetAsync($"/cases/{certificate}");
        var dashboard = await head.GetAsync("/dashboard");
        var drafts = await (await new OfficeDesk(app).AsAsync("specialist")).GetAsync("/");

        Assert.Contains("Қадам мерзімін өткізіп алу ықтималдығы:", risky.Text("[data-testid=risk-step]"));
        Assert.Contains("text-danger", risky.Document.QuerySelector("[data-testid=risk]")!.ClassName);
        Assert.DoesNotContain("text-danger", calm.Document.QuerySelector("[data-testid=risk]")!.ClassName ?? "");
        Assert.Equal([numbers[maintenance]], dashboard.Document.QuerySelectorAll("[data-testid=at-risk] tr[data-number]").Select(r => r.GetAttribute("data-number")));
        Assert.NotNull(drafts.Document.QuerySelector($"[data-testid=queue-drafts] tr[data-number='{numbers[maintenance]}'] [data-testid=risk]"));
        Assert.Null(drafts.Document.QuerySelector($"[data-testid=queue-drafts] tr[data-number='{numbers[certificate]}'] [data-testid=risk]"));
    }

    [Fact]
    public async Task Without_enough_history_the_dashboard_says_so_instead_of_guessing()
    {
        var office = new OfficeDesk(App);
        await office.RegisterAsync(ServiceCode.FosterMaintenance);
        var page = await (await office.AsAsync("head")).GetAsync("/dashboard");
        Assert.Equal("Болжам үшін тарих әлі жеткіліксіз (кемінде 30 аяқталған қадам керек).", page.Text("[data-testid=at-risk] p"));
    }

    [Fact]
    public async Task The_office_figures_match_counts_taken_straight_from_the_database()
    {
        var office = new OfficeDesk(App);
        var a = (await office.RegisterAsync(ServiceCode.FosterMaintenance)).CaseId;
        var b = (await office.RegisterAsync(ServiceCode.FosterMaintenance)).CaseId;
        await office.RegisterAsync(ServiceCode.AdopterRegistration);
        var c = (await office.RegisterAsync(ServiceCode.GuardianshipCertificate)).CaseId;
        await office.ResolveAsync(a);
        await office.ResolveAsync(c);
        await office.DraftAsync(c, ServiceCode.GuardianshipCertificate);
        await office.SignAsync(c);
        await office.IssueAsync(c);
        await new OfficeDesk(App, "2").RegisterAsync(ServiceCode.FosterMaintenance);
        // Two cases fall overdue (their step deadlines passed yesterday).
        await App.WithDbAsync(db => db.Cases.Where(x => x.Id == a || x.Id == b)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.StepDueAt, DateTimeOffset.UtcNow.AddDays(-1))));

        var page = await (await office.AsAsync("head")).GetAsync("/dashboard");

        var expected = await App.WithDbAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            var open = await db.Cases.Where(x => x.Office!.Code == "KRG-01" && x.Step != Step.Closed)
                .Select(x => new { x.Service, x.Step, x.StepDueAt, x.DueAt }).ToListAsync();
            return (Open: open.Count, Overdue: open.Count(x => x.StepDueAt < now || x.DueAt < now),
                ByStep: open.GroupBy(x => (x.Service, x.Step)).ToDictionary(g => g.Key, g => g.Count()));
        });
        Assert.Equal(expected.Open.ToString(), page.Text("[data-testid=kpi-open]"));
        Assert.Equal(expected.Overdue.ToString(), page.Text("[data-testid=kpi-overdue]"));
        Assert.Equal(2, expected.Overdue);
        foreach (var service in TestServices.All)
        foreach (var step in new[] { Step.Resolution, Step.Drafting, Step.Signing, Step.Issue })
        {
            var cell = page.Text($"[data-testid=open-by-step] tr[data-service={service}] td[data-step={step}]");
            Assert.Equal(expected.ByStep.GetValueOrDefault((service, step)).ToString(), cell);
        }
        Assert.Equal("100%", page.Text("[data-testid=kpi-on-time]")); // the one closed case was on time
        Assert.Contains(OfficeDesk.SpecialistName, page.Text("[data-testid=specialists]"));

        // Every count is a link to the list it counts, and that list holds exactly as many cases.
        var head = await office.AsAsync("head");
        var followed = await FollowCountsAsync(head, page, "[data-testid=kpis] a, [data-testid=open-by-step] a, [data-testid=specialists] a, [data-testid=survey] a");
        Assert.True(followed >= 2 + 5 * 4 + 5 + 2, $"only {followed} figures were links");
        // The percentage of cases closed on time opens those cases.
        var onTime = await head.GetAsync(page.Document.QuerySelector("[data-testid=kpi-on-time] a")!.GetAttribute("href")!);
        Assert.Equal("1", onTime.Text("[data-testid=queue-closed] [data-testid=queue-total]"));
        // The bar column has a header.
        Assert.All(page.Document.QuerySelectorAll("[data-testid=open-by-step] thead th"), th => Assert.NotEqual("", th.TextContent.Trim()));
    }

    /// <summary>Opens every link among the figures and checks the list shows the figure's count; returns how many were followed.</summary>
    private static async Task<int> FollowCountsAsync(PortalClient client, Page page, string selector)
    {
        var followed = 0;
        foreach (var link in page.Document.QuerySelectorAll(selector).Where(a => int.TryParse(a.TextContent.Trim(), out _)))
        {
            var list = await client.GetAsync(link.GetAttribute("href")!);
            Assert.Equal(HttpStatusCode.OK, list.Status);
            Assert.Equal(link.TextContent.Trim(), list.Text("[data-testid=queue-total]"));
            var rows = list.Document.QuerySelectorAll("[data-testid^=queue-] tbody tr[data-number]").Length;
            Assert.Equal(Math.Min(int.Parse(link.TextContent.Trim()), 20), rows);
            followed++;
        }
        return followed;
    }

    [Fact]
    public async Task The_supervisor_compares_the_offices_of_the_region()
    {
        await new OfficeDesk(App, "2").RegisterAsync(ServiceCode.AdoptionLumpSum);
        var supervisor = NewClient();
        await supervisor.SignInAsync("supervisor");

        var page = await supervisor.GetAsync("/dashboard");

        var open2 = await App.WithDbAsync(db => db.Cases.CountAsync(x => x.Office!.Code == "KRG-02" && x.Step != Step.Closed));
        Assert.Equal(open2.ToString(), page.Document.QuerySelector("[data-testid=region] tr[data-office=KRG-02] td:nth-child(2)")!.TextContent.Trim());
        Assert.Equal(2, page.Document.QuerySelectorAll("[data-testid=region] tbody tr").Length);
        // The region's figures open lists of that many cases, each row naming its office.
        Assert.Equal(3 * 2, await FollowCountsAsync(supervisor, page, "[data-testid=region] a"));
        var office2List = await supervisor.GetAsync(page.Document.QuerySelector("[data-testid=region] tr[data-office=KRG-02] [data-testid=region-open]")!.GetAttribute("href")!);
        Assert.All(office2List.Texts("[data-testid=queue-office]"), code => Assert.Equal("KRG-02", code));
    }

    [Fact]
    public async Task Dashboards_are_for_heads_and_supervisors()
    {
        foreach (var user in new[] { "clerk", "specialist", "commission", "admin" })
        {
            var client = NewClient();
            await client.SignInAsync(user);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/dashboard")).Status);
        }
        var office2 = await App.WithDbAsync(db => db.Offices.Where(o => o.Code == "KRG-02").Select(o => o.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await (await new OfficeDesk(App).AsAsync("head")).GetAsync($"/dashboard?office={office2}")).Status);
    }
}

public sealed class DashboardTestsSqlite(SqlitePortal f) : DashboardTests(f), IClassFixture<SqlitePortal>;
public sealed class DashboardTestsPostgres(PostgresPortal f) : DashboardTests(f), IClassFixture<PostgresPortal>;
