using System.Net;
using GuardianshipPortal.Domain.Services;
using GuardianshipPortal.Domain.Workflow;
using GuardianshipPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GuardianshipPortal.IntegrationTests.Features.Workflow;

/// <summary>Two people acting on one case at once: one wins, the other is told and keeps what they typed.</summary>
public abstract class ConcurrencyTests(PortalFixture fixture) : PortalTest(fixture)
{
    [Fact]
    public async Task Two_heads_assign_the_same_case_the_second_is_told_and_keeps_the_text()
    {
        await App.AddUserAsync("head1b", Domain.Roles.Head, "KRG-01", "Марат Ерболұлы Сейітов");
        var office = new OfficeDesk(App);
        var id = (await office.RegisterAsync(ServiceCode.FosterPlacement)).CaseId;
        var first = await office.AsAsync("head");
        var second = NewClient();
        await second.SignInAsync("head1b");
        var firstPage = await first.GetAsync($"/cases/{id}");
        var secondPage = await second.GetAsync($"/cases/{id}");

        firstPage.Select("#Resolution_SpecialistId", OfficeDesk.SpecialistName);
        var won = await first.SubmitAsync(firstPage, "[data-testid=resolution-form]", new Dictionary<string, string> { ["Resolution.Text"] = "Бірінші басшының бұрыштамасы" });
        secondPage.Select("#Resolution_SpecialistId", OfficeDesk.SpecialistName);
        var lost = await second.SubmitAsync(secondPage, "[data-testid=resolution-form]", new Dictionary<string, string> { ["Resolution.Text"] = "Екінші басшының бұрыштамасы" });

        Assert.Equal(HttpStatusCode.OK, won.Status);
        Assert.Equal(HttpStatusCode.Conflict, lost.Status);
        Assert.Equal("Осы уақыт ішінде өтінішті басқа қызметкер өзгертті. Өзгерістерді қарап, қайта жіберіңіз: сіз енгізген деректер сақталды.", lost.Text("[data-testid=problem]"));
        Assert.Equal("Бірінші басшының бұрыштамасы", lost.Text("[data-testid=resolution] p"));
        var saved = await App.WithDbAsync(db => db.Resolutions.Where(r => r.CaseId == id).Select(r => r.Text).SingleAsync());
        Assert.Equal("Бірінші басшының бұрыштамасы", saved);
    }

    [Fact]
    public async Task A_specialist_editing_an_old_form_after_the_head_acted_is_refused_and_keeps_the_input()
    {
        var office = new OfficeDesk(App);
        var id = (await office.RegisterAsync(ServiceCode.GuardianshipCertificate)).CaseId;
        await office.ResolveAsync(id);
        var specialist = await office.AsAsync("specialist");
        var staleForm = await specialist.GetAsync($"/cases/{id}");
        await office.DraftAsync(id, ServiceCode.GuardianshipCertificate); // submitted from another tab
        await office.ReturnAsync(id, "Шешім нөмірін тексеріңіз.");      // and returned by the head meanwhile

        staleForm.Check("#Draft_Outcome_Approved");
        var fields = OfficeDesk.ApprovedFields(ServiceCode.GuardianshipCertificate, App.Today);
        fields["Draft.GuardianshipDecisionNumber"] = "999";
        var refused = await specialist.SubmitAsync(staleForm, "[data-testid=draft-form]", fields, submitName: "Draft.Submit", submitValue: "true");

        Assert.Equal(HttpStatusCode.Conflict, refused.Status);
        Assert.Equal("999", refused.Document.QuerySelector("#Draft_GuardianshipDecisionNumber")!.GetAttribute("value"));
        Assert.Equal("145", await App.WithDbAsync(db => db.Drafts.Where(d => d.CaseId == id).Select(d => d.GuardianshipDecisionNumber).SingleAsync()));
        // Resubmitting the kept input from the refreshed page now works.
        var resubmitted = await specialist.SubmitAsync(refused, "[data-testid=draft-form]", submitName: "Draft.Submit", submitValue: "true");
        Assert.Equal("Қол қою", resubmitted.Text("[data-testid=case-step]"));
        Assert.Equal("999", await App.WithDbAsync(db => db.Drafts.Where(d => d.CaseId == id).Select(d => d.GuardianshipDecisionNumber).SingleAsync()));
    }

    [Fact]
    public async Task Simultaneous_issues_of_one_result_record_exactly_one()
    {
        var office = new OfficeDesk(App);
        var id = await new CaseFactory(App).AtAsync(ServiceCode.GuardianshipCertificate, Domain.Workflow.Step.Issue);
        var clerk = await office.AsAsync("clerk");
        var other = NewClient();
        await other.SignInAsync("clerk");
        var pageA = await clerk.GetAsync($"/cases/{id}");
        var pageB = await other.GetAsync($"/cases/{id}");
        pageA.Check("#Issue_SignedForReceipt");
        pageB.Check("#Issue_SignedForReceipt");
        var fields = new Dictionary<string, string> { ["Issue.RecipientDocument"] = "Жеке куәлік № 1" };

        var results = await Task.WhenAll(
            clerk.SubmitAsync(pageA, "[data-testid=issue-form]", fields, followRedirects: false),
            other.SubmitAsync(pageB, "[data-testid=issue-form]", fields, followRedirects: false));

        Assert.Single(results, r => r.Status == HttpStatusCode.Redirect);
        Assert.Single(results, r => r.Status == HttpStatusCode.Conflict);
        var (step, issues, events) = await App.WithDbAsync(async db => (
            await db.Cases.Where(c => c.Id == id).Select(c => c.Step).SingleAsync(),
            await db.IssueRecords.CountAsync(r => r.CaseId == id),
            await db.CaseEvents.CountAsync(e => e.CaseId == id && e.Action == CaseAction.IssueResult)));
        Assert.Equal((Step.Closed, 1, 1), (step, issues, events));
    }
}

public sealed class ConcurrencyTestsSqlite(SqlitePortal f) : ConcurrencyTests(f), IClassFixture<SqlitePortal>;
public sealed class ConcurrencyTestsPostgres(PostgresPortal f) : ConcurrencyTests(f), IClassFixture<PostgresPortal>;
