using Microsoft.EntityFrameworkCore;
using System.Net;
using GuardianshipPortal.Domain.Cases;
using GuardianshipPortal.Domain.Services;
using GuardianshipPortal.Domain.Workflow;
using GuardianshipPortal.IntegrationTests.Infrastructure;

namespace GuardianshipPortal.IntegrationTests.Features.Admin;

public abstract class AuditTests(PortalFixture fixture) : PortalTest(fixture)
{
    [Fact]
    public async Task The_supervisor_sees_who_changed_and_who_read_a_case()
    {
        var office = new OfficeDesk(App);
        var registered = await office.RegisterAsync(ServiceCode.FosterMaintenance);
        var number = registered.Text("[data-testid=case-number]");
        await (await office.AsAsync("head")).GetAsync($"/cases/{registered.CaseId}");
        await office.ResolveAsync(registered.CaseId);
        var supervisor = NewClient();
        await supervisor.SignInAsync("supervisor");

        var page = await supervisor.GetAsync("/audit?views=all&case=" + Uri.EscapeDataString(number.ToLowerInvariant()));
        var rows = page.Document.QuerySelectorAll("[data-testid=audit] tbody tr")
            .Select(r => (User: r.Children[1].GetAttribute("data-login"), Action: r.GetAttribute("data-action"), Case: r.Children[3].TextContent.Trim())).ToList();

        Assert.All(rows, r => Assert.Equal(number, r.Case));
        Assert.Contains(("clerk", "Register", number), rows);
        Assert.Contains(("head", "ViewCase", number), rows);
        Assert.Contains(("head", "Resolve", number), rows);
        var reads = await supervisor.GetAsync("/audit?action=ViewCase&user=head");
        Assert.All(reads.Document.QuerySelectorAll("[data-testid=audit] tbody tr"), r => Assert.Equal("ViewCase", r.GetAttribute("data-action")));
        // In the user's language: actions and steps by name, no codes.
        var texts = page.Texts("[data-testid=audit] tbody td").ToList();
        Assert.Contains("Өтінішті қарады", texts);
        Assert.Contains(texts, t => t.StartsWith("Бұрыштама → Нәтиже жобасын дайындау", StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => t is "ViewCase" or "Resolve" || t.Contains("2 → 3"));
        await supervisor.SwitchLanguageAsync(page, "ru");
        var russian = (await supervisor.GetAsync("/audit?views=all&case=" + Uri.EscapeDataString(number))).Texts("[data-testid=audit] tbody td").ToList();
        Assert.Contains("Просмотр заявления", russian);
        Assert.Contains("Наложена резолюция, назначен исполнитель", russian);
        Assert.Contains(russian, t => t.StartsWith("Резолюция → Подготовка проекта результата", StringComparison.Ordinal));
        Assert.DoesNotContain(russian, t => t is "ViewCase" or "Resolve" or "Register" || t.Contains("2 → 3") || t.Contains("Resolution → Drafting"));
        var csv = await supervisor.Http.GetStringAsync("/audit?format=csv&case=" + number, TestContext.Current.CancellationToken);
        Assert.Contains(number, csv);
        Assert.DoesNotContain(";Resolve;", csv);
        var exports = await App.WithDbAsync(db => db.AuditEvents.Where(a => a.Action == "ExportAudit").Select(a => a.Detail).ToListAsync());
        Assert.Contains(exports, d => d.Contains(number));
    }

    [Fact]
    public async Task The_audit_names_people_and_documents_and_folds_case_views_away_until_asked()
    {
        var id = await new CaseFactory(App).AtAsync(ServiceCode.GuardianshipCertificate, Step.Issue);
        var (number, document, clerkName) = await App.WithDbAsync(async db => (
            await db.Cases.Where(c => c.Id == id).Select(c => c.Number).SingleAsync(),
            await db.IssuedDocuments.FirstAsync(d => d.CaseId == id),
            await db.Users.Where(u => u.UserName == "clerk").Select(u => u.FullName).SingleAsync()));
        var clerk = await new OfficeDesk(App).AsAsync("clerk");
        await clerk.GetAsync($"/cases/{id}");
        Assert.Equal(HttpStatusCode.OK, (await clerk.Http.GetAsync($"/documents/{document.Id}", TestContext.Current.CancellationToken)).StatusCode);
        var supervisor = NewClient();
        await supervisor.SignInAsync("supervisor");

        var page = await supervisor.GetAsync("/audit?case=" + Uri.EscapeDataString(number));
        var rows = page.Document.QuerySelectorAll("[data-testid=audit] tbody tr")
            .Select(r => (Action: r.GetAttribute("data-action"), User: r.Children[1].TextContent.Trim(), Detail: r.Children[4].TextContent.Trim())).ToList();

        // Reads of the case are folded away; the print is there, by the clerk's name and the document's title and number.
        Assert.DoesNotContain(rows, r => r.Action == "ViewCase");
        var print = Assert.Single(rows, r => r.Action == "PrintDocument");
        Assert.Equal(clerkName, print.User);
        Assert.EndsWith($" № {document.Number}", print.Detail);
        Assert.DoesNotContain(document.Id.ToString(), page.Html);
        Assert.DoesNotContain(document.Kind.ToString(), print.Detail);

        // The toggle shows them, and keeps the filter.
        var all = await supervisor.GetAsync(page.Document.QuerySelector("[data-testid=audit-views-toggle]")!.GetAttribute("href")!);
        var actions = all.Document.QuerySelectorAll("[data-testid=audit] tbody tr").Select(r => r.GetAttribute("data-action")).ToList();
        Assert.Contains("ViewCase", actions);
        Assert.All(all.Texts("[data-testid=audit] tbody td:nth-child(4)"), n => Assert.Equal(number, n));
        Assert.Contains("ViewCase", (await supervisor.GetAsync($"/audit?action=ViewCase&case={Uri.EscapeDataString(number)}"))
            .Document.QuerySelectorAll("[data-testid=audit] tbody tr").Select(r => r.GetAttribute("data-action")));

        await supervisor.SwitchLanguageAsync(page, "ru");
        var russian = await supervisor.GetAsync("/audit?case=" + Uri.EscapeDataString(number));
        var printRu = russian.Document.QuerySelector("[data-testid=audit] tbody tr[data-action=PrintDocument]")!.Children;
        Assert.Equal("Печать документа", printRu[2].TextContent.Trim());
        Assert.EndsWith($" № {document.Number}", printRu[4].TextContent.Trim());
        Assert.NotEqual(print.Detail, printRu[4].TextContent.Trim());
    }

    [Fact]
    public async Task A_workflow_action_is_found_behind_more_than_two_hundred_newer_actions_of_other_kinds()
    {
        var registered = await new OfficeDesk(App).RegisterAsync(ServiceCode.GuardianshipCertificate);
        var number = registered.Text("[data-testid=case-number]");
        // The clerk's registration, then 250 later changes of another kind on the same case.
        await App.WithDbAsync(async db =>
        {
            var first = await db.CaseEvents.SingleAsync(e => e.CaseId == registered.CaseId && e.Action == CaseAction.Register);
            db.CaseEvents.AddRange(Enumerable.Range(1, 250).Select(i => new CaseEvent
            {
                CaseId = first.CaseId, At = first.At.AddSeconds(i), UserId = first.UserId, UserName = first.UserName, Role = first.Role,
                OfficeId = first.OfficeId, Action = CaseAction.SaveDraft, FromStep = Step.Drafting, ToStep = Step.Drafting,
            }));
            return await db.SaveChangesAsync();
        });
        var supervisor = NewClient();
        await supervisor.SignInAsync("supervisor");

        var page = await supervisor.GetAsync($"/audit?action=Register&case={Uri.EscapeDataString(number)}");

        var row = Assert.Single(page.Document.QuerySelectorAll("[data-testid=audit] tbody tr"));
        Assert.Equal("Register", row.GetAttribute("data-action"));
        Assert.Equal(number, row.Children[3].TextContent.Trim());
    }

    [Fact]
    public async Task The_audit_is_for_the_admin_and_the_supervisor_only()
    {
        foreach (var (user, status) in new[] { ("clerk", HttpStatusCode.Forbidden), ("head", HttpStatusCode.Forbidden), ("specialist", HttpStatusCode.Forbidden), ("admin", HttpStatusCode.OK) })
        {
            var client = NewClient();
            await client.SignInAsync(user);
            Assert.Equal(status, (await client.GetAsync("/audit")).Status);
        }
    }
}

public sealed class AuditTestsSqlite(SqlitePortal f) : AuditTests(f), IClassFixture<SqlitePortal>;
public sealed class AuditTestsPostgres(PostgresPortal f) : AuditTests(f), IClassFixture<PostgresPortal>;
