using System.Net;
using GuardianshipPortal.Domain.Services;
using GuardianshipPortal.Domain.Workflow;
using GuardianshipPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GuardianshipPortal.IntegrationTests.Features.Dashboard;

public abstract class DashboardTests(PortalFixture fixture) : PortalTest(fixture)
{
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
