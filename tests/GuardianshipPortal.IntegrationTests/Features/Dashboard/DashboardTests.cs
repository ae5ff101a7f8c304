using System.Net;
using GuardianshipPortal.Data;
using GuardianshipPortal.Domain.Services;
using GuardianshipPortal.Domain.Workflow;
using GuardianshipPortal.IntegrationTests.Infrastructure;
using GuardianshipPortal.Web.Features.Dashboard;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

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
        // The forecast is what the background job learnt and stored: a request never trains.
        Assert.Null((await head.GetAsync("/dashboard")).Document.QuerySelector("[data-testid=at-risk] tr[data-number]"));
        Assert.Equal(2, await SummariseAsync(app));

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

    /// <summary>One round of the background job (as the worker runs it, lease included): the offices' history summarised.</summary>
    private static async Task<int> SummariseAsync(PortalApp app, string? holder = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await OfficeHistoryWorker.RoundAsync(scope.ServiceProvider, holder ?? JobLeases.NewHolder(), TimeSpan.FromMinutes(30), TestContext.Current.CancellationToken);
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

    /// <summary>Every figure of the head's dashboard and the region's comparison, with where it links to (step times and the forecast aside).</summary>
    private static string Figures(Page page) => string.Join("\n", page.Document
        .QuerySelectorAll("[data-testid=kpis], [data-testid=open-by-step], [data-testid=specialists], [data-testid=survey], [data-testid=region]")
        .Select(e => System.Text.RegularExpressions.Regex.Replace(e.TextContent, @"\s+", " ").Trim() + " " +
            string.Join(" ", e.QuerySelectorAll("a").Select(a => a.GetAttribute("href") + " " + a.GetAttribute("title")))));

    [Fact]
    public async Task Once_the_job_has_summarised_the_year_the_dashboards_show_what_counting_live_shows_as_cases_close_and_answers_come()
    {
        var clock = new TestClock(TestClock.Almaty(2026, 11, 16, 10, 0));
        await using var app = new PortalApp(Fixture.Provider, clock: clock);
        var factory = new CaseFactory(app);
        var office = new OfficeDesk(app);
        async Task<Guid> IssuedAsync(ServiceCode service, bool late = false)
        {
            var id = await factory.AtAsync(service, Step.Issue);
            if (late) await app.WithDbAsync(db => db.Cases.Where(c => c.Id == id).ExecuteUpdateAsync(u => u.SetProperty(c => c.DueAt, clock.Now.AddDays(-1))));
            await office.IssueAsync(id);
            return id;
        }
        Task<int> AnswerAsync(Guid id, Domain.Cases.Satisfaction quality) => app.WithDbAsync(async db =>
        {
            var c = await db.Cases.SingleAsync(x => x.Id == id);
            db.SurveyAnswers.Add(new Domain.Cases.SurveyAnswer
            {
                CaseId = id, OfficeId = c.OfficeId, Service = c.Service, AnsweredAt = clock.Now, Quality = quality,
                Accessibility = Domain.Cases.Satisfaction.Satisfied, Place = Domain.Cases.SurveyPlace.Online,
            });
            return await db.SaveChangesAsync();
        });
        var a = await IssuedAsync(ServiceCode.GuardianshipCertificate);
        var b = await IssuedAsync(ServiceCode.FosterMaintenance);
        await IssuedAsync(ServiceCode.GuardianshipCertificate, late: true);
        await AnswerAsync(a, Domain.Cases.Satisfaction.Satisfied);
        await factory.AtAsync(ServiceCode.FosterMaintenance, Step.Drafting);
        await new CaseFactory(app, "KRG-02").AtAsync(ServiceCode.AdoptionLumpSum, Step.Signing);
        var head = await office.AsAsync("head");
        var supervisor = await office.AsAsync("supervisor");
        var live = (Figures(await head.GetAsync("/dashboard")), Figures(await supervisor.GetAsync("/dashboard")));

        clock.Now = clock.Now.AddMinutes(10);
        Assert.Equal(2, await SummariseAsync(app));
        Assert.Equal((3, 2), await app.WithDbAsync(db => db.OfficeSummaries.Where(s => s.Office!.Code == "KRG-01").Select(s => new ValueTuple<int, int>(s.Closed, s.ClosedOnTime)).SingleAsync()));
        Assert.Equal(live, (Figures(await head.GetAsync("/dashboard")), Figures(await supervisor.GetAsync("/dashboard"))));

        // After the cutoff: an answer for a case closed before it, another case closed late, one closed on time.
        await AnswerAsync(b, Domain.Cases.Satisfaction.NotSatisfied);
        await IssuedAsync(ServiceCode.AdopterRegistration, late: true);
        await IssuedAsync(ServiceCode.GuardianshipCertificate);
        var summarised = await head.GetAsync("/dashboard");
        var now = (Figures(summarised), Figures(await supervisor.GetAsync("/dashboard")));
        await app.WithDbAsync(db => db.OfficeSummaries.ExecuteDeleteAsync());
        Assert.Equal((Figures(await head.GetAsync("/dashboard")), Figures(await supervisor.GetAsync("/dashboard"))), now);
        Assert.Equal("60%", summarised.Text("[data-testid=kpi-on-time]")); // 3 of 5 closed on time
        Assert.Equal("1", summarised.Text("[data-testid=survey] tr[data-service=FosterMaintenance] [data-testid=survey-answered]")[..1]);
        Assert.Equal("1", summarised.Text("[data-testid=survey] tr[data-service=GuardianshipCertificate] [data-testid=survey-quality]"));
        Assert.True(await FollowCountsAsync(head, summarised, "[data-testid=kpis] a, [data-testid=specialists] a, [data-testid=survey] a") >= 6);
    }

    [Fact]
    public async Task One_instance_summarises_while_it_holds_the_lease_and_a_stale_summary_is_read_again()
    {
        var clock = new TestClock(TestClock.Almaty(2026, 11, 16, 10, 0));
        await using var app = new PortalApp(Fixture.Provider, clock: clock);
        var ct = TestContext.Current.CancellationToken;
        // Another instance holds the job: this one leaves it alone.
        Assert.True(await app.WithDbAsync(db => db.TryTakeAsync(OfficeHistoryWorker.LeaseName, "another instance", TimeSpan.FromMinutes(10), clock.Now, ct)));
        Assert.Equal(0, await SummariseAsync(app));
        Assert.Equal(0, await app.WithDbAsync(db => db.OfficeSummaries.CountAsync(ct)));

        // Its lease ran out (it stopped): this one takes over.
        clock.Now = clock.Now.AddMinutes(11);
        var mine = JobLeases.NewHolder();
        Assert.Equal(2, await SummariseAsync(app, mine));
        var id = await new CaseFactory(app).AtAsync(ServiceCode.GuardianshipCertificate, Step.Issue);
        await new OfficeDesk(app).IssueAsync(id);
        clock.Now = clock.Now.AddMinutes(10);
        Assert.Equal(0, await SummariseAsync(app, mine)); // fresh: nothing to do
        Assert.Equal(0, await SummariseAsync(app)); // and the other instance still may not
        clock.Now = clock.Now.AddMinutes(25);
        Assert.Equal(2, await SummariseAsync(app, mine)); // older than the period: read again, with the case closed since
        var summary = await app.WithDbAsync(db => db.OfficeSummaries.AsNoTracking().SingleAsync(s => s.Office!.Code == "KRG-01", ct));
        Assert.Equal((clock.Now, 1), (summary.RefreshedAt, summary.Closed));
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
