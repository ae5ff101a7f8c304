using System.Net;
using GuardianshipPortal.Domain.Cases;
using GuardianshipPortal.Domain.Services;
using GuardianshipPortal.Domain.Workflow;
using GuardianshipPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GuardianshipPortal.IntegrationTests.Features.Desk;

/// <summary>
/// The case page as the office reads it: the five steps with their due times, the head's comment where the specialist
/// reworks the draft, only rows that say something, dates as dd.MM.yyyy, and a page that prints as a record.
/// </summary>
public abstract class CasePageTests(PortalFixture fixture) : PortalTest(fixture)
{
    [Fact]
    public async Task The_head_sees_five_steps_with_the_current_one_due_and_no_assignee_row_before_assignment()
    {
        var id = await new CaseFactory(App).AtAsync(ServiceCode.FosterPlacement, Step.Resolution);
        var head = await new OfficeDesk(App).AsAsync("head");

        var page = await head.GetAsync($"/cases/{id}");

        var steps = page.Document.QuerySelectorAll("[data-testid=steps] li").ToList();
        Assert.Equal(["Registration", "Resolution", "Drafting", "Signing", "Issue"], steps.Select(s => s.GetAttribute("data-step")!));
        Assert.Contains("done", steps[0].ClassList);
        Assert.Equal("step", steps[1].GetAttribute("aria-current"));
        Assert.StartsWith("мерзімі ", steps[1].QuerySelector("[data-testid=step-when]")!.TextContent.Trim());
        Assert.NotNull(steps[1].QuerySelector("[data-testid=step-days]"));
        Assert.StartsWith("жоспар бойынша ", steps[4].QuerySelector("[data-testid=step-when]")!.TextContent.Trim());
        Assert.Null(page.Document.QuerySelector("[data-testid=assignee]"));
        Assert.NotNull(page.Document.QuerySelector("[data-testid=step-due]"));
        // The menu does not say the case page is the search page.
        Assert.Null(page.Document.QuerySelector("nav a[aria-current=page][href='/cases']"));
        Assert.NotNull((await head.GetAsync("/cases")).Document.QuerySelector("nav a[aria-current=page][href='/cases']"));
        // Printed: the office's name and the print date head the page.
        Assert.StartsWith("Қарағанды", page.Text("[data-testid=print-heading]"));
    }

    [Fact]
    public async Task The_returned_draft_shows_the_heads_comment_on_top_of_the_draft_form_with_only_the_chosen_outcomes_fields()
    {
        var id = await new CaseFactory(App).AtAsync(ServiceCode.FosterMaintenance, Step.Signing);
        var office = new OfficeDesk(App);
        var signing = await (await office.AsAsync("head")).GetAsync($"/cases/{id}");
        Assert.NotNull(signing.Document.QuerySelector("[data-testid=sign-form][data-confirm]"));

        await office.ReturnAsync(id, "Төлем сомасын тексеріңіз.");
        var page = await (await office.AsAsync("specialist")).GetAsync($"/cases/{id}");

        Assert.Equal("Төлем сомасын тексеріңіз.", page.Text("[data-testid=return-comment]"));
        Assert.False(page.Document.QuerySelector("[data-outcome=Approved]")!.HasAttribute("hidden"));
        Assert.True(page.Document.QuerySelector("[data-outcome=Refused]")!.HasAttribute("hidden"));
    }

    [Fact]
    public async Task A_closed_case_has_no_step_due_and_the_issued_result_is_offered_to_print_inline()
    {
        var id = await new CaseFactory(App).AtAsync(ServiceCode.GuardianshipCertificate, Step.Issue);
        var office = new OfficeDesk(App);

        var page = await office.IssueAsync(id);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Null(page.Document.QuerySelector("[data-testid=step-due]"));
        Assert.All(page.Document.QuerySelectorAll("[data-testid=steps] li"), li => Assert.Contains("done", li.ClassList));
        var print = page.Document.QuerySelector("[data-testid=counter-actions] [data-testid=print-document]")!;
        Assert.Equal("Нәтижені басып шығару", print.TextContent.Trim());
        var response = await (await office.AsAsync("clerk")).Http.GetAsync(print.GetAttribute("href"), TestContext.Current.CancellationToken);
        Assert.Equal("inline", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.EndsWith("-GuardianshipCertificate.pdf", response.Content.Headers.ContentDisposition.FileNameStar);
    }

    [Fact]
    public async Task A_date_is_typed_as_the_portal_shows_it()
    {
        var id = await new CaseFactory(App).AtAsync(ServiceCode.FosterPlacement, Step.Drafting);
        var specialist = await new OfficeDesk(App).AsAsync("specialist");
        var page = await specialist.GetAsync($"/cases/{id}");
        var input = page.Document.QuerySelector("#Inspection_InspectedOn")!;
        Assert.Equal("text", input.GetAttribute("type"));
        Assert.Equal("кк.аа.жжжж", input.GetAttribute("placeholder"));
        page.Check("#Inspection_Satisfactory");
        var day = App.Today.AddDays(-1);

        var bad = await specialist.SubmitAsync(page, "[data-testid=inspection-form]", new Dictionary<string, string>
        {
            ["Inspection.InspectedOn"] = "31.13.2026", ["Inspection.Findings"] = "Екі бөлмелі пәтер.",
        });
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.Contains("Тексеру күні: Күнді кк.аа.жжжж түрінде енгізіңіз (мысалы, 17.05.2024).", bad.Errors);

        var saved = await specialist.SubmitAsync(page, "[data-testid=inspection-form]", new Dictionary<string, string>
        {
            ["Inspection.InspectedOn"] = day.ToString("dd.MM.yyyy"), ["Inspection.Findings"] = "Екі бөлмелі пәтер.",
            ["Inspection.Family"] = "Өтініш беруші", ["Inspection.Rooms"] = "2", ["Inspection.Area"] = "54,5",
            ["Inspection.Condition"] = "Жақсы", ["Inspection.Income"] = "Жалақы",
        });
        Assert.True(saved.Status == HttpStatusCode.OK, string.Join(" | ", saved.Errors));
        Assert.Equal(day, await App.WithDbAsync(db => db.HousingInspections.Where(h => h.CaseId == id).Select(h => h.InspectedOn).SingleAsync()));
    }
}

public sealed class CasePageTestsSqlite(SqlitePortal f) : CasePageTests(f), IClassFixture<SqlitePortal>;
public sealed class CasePageTestsPostgres(PostgresPortal f) : CasePageTests(f), IClassFixture<PostgresPortal>;
