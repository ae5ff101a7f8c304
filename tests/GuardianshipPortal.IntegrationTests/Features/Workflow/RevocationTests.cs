using System.Net;
using GuardianshipPortal.Domain.Documents;
using GuardianshipPortal.Domain.Services;
using GuardianshipPortal.Domain.Workflow;
using GuardianshipPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GuardianshipPortal.IntegrationTests.Features.Workflow;

/// <summary>A revoked result is never handed over, and it sends its case back for a new one; a receipt is never revoked.</summary>
public abstract class RevocationTests(PortalFixture fixture) : PortalTest(fixture)
{
    /// <summary>A signed case waiting at issue, made through the domain: the forms before it are not what these tests are about.</summary>
    private async Task<(OfficeDesk Office, Guid Id)> SignedAsync(ServiceCode service) =>
        (new OfficeDesk(App), await new CaseFactory(App).AtAsync(service, Step.Issue));

    private Task<IssuedDocument> DocumentAsync(Guid caseId, DocumentKind kind) =>
        App.WithDbAsync(db => db.IssuedDocuments.AsNoTracking().SingleAsync(d => d.CaseId == caseId && d.Kind == kind));

    private Task<int> VersionAsync(Guid caseId) => App.WithDbAsync(db => db.Cases.Where(c => c.Id == caseId).Select(c => c.Version).SingleAsync());

    private static string RevokeForm(IssuedDocument document) => $"form[action='/documents/{document.Id}/revoke']";

    [Fact]
    public async Task A_case_whose_result_was_revoked_is_not_issued_even_with_a_valid_inspection_act()
    {
        var (office, id) = await SignedAsync(ServiceCode.FosterPlacement);
        // The result is revoked behind the workflow's back (as by an earlier version of the portal); the inspection act stands.
        await App.WithDbAsync(db => db.IssuedDocuments.Where(d => d.CaseId == id && d.Kind == DocumentKind.FosterPlacementContract)
            .ExecuteUpdateAsync(u => u.SetProperty(d => d.RevokedAt, DateTimeOffset.UtcNow).SetProperty(d => d.RevocationReason, "қате")));
        Assert.Null((await DocumentAsync(id, DocumentKind.HousingInspectionAct)).RevokedAt);

        var issue = await office.IssueAsync(id);

        Assert.Equal(HttpStatusCode.BadRequest, issue.Status);
        Assert.Contains("Қол қойылған нәтиже құжаты жоқ (немесе кері қайтарып алынған): беруге болмайды.", issue.Errors);
        Assert.Equal(Step.Issue, await App.WithDbAsync(db => db.Cases.Where(c => c.Id == id).Select(c => c.Step).SingleAsync()));
        Assert.False(await App.WithDbAsync(db => db.IssueRecords.AnyAsync(r => r.CaseId == id)));
    }

    [Fact]
    public async Task Revoking_the_result_at_issue_sends_the_case_back_for_a_new_result_which_is_then_issued()
    {
        var (office, id) = await SignedAsync(ServiceCode.GuardianshipCertificate);
        var result = await DocumentAsync(id, DocumentKind.GuardianshipCertificate);
        var head = await office.AsAsync("head");

        var page = await head.GetAsync($"/cases/{id}");
        var revoked = await head.SubmitAsync(page, RevokeForm(result), new Dictionary<string, string> { ["Reason"] = "Шешімнің нөмірі қате" });

        Assert.Contains("Нәтиже кері қайтарып алынды: өтініш жаңа нәтиже дайындауға қайтарылды.", revoked.Text("body"));
        var c = await App.WithDbAsync(db => db.Cases.Include(x => x.Draft).Include(x => x.Events).SingleAsync(x => x.Id == id));
        Assert.Equal(Step.Drafting, c.Step);
        Assert.Null(c.Outcome);
        Assert.Equal(1, c.Draft!.Round);
        var reopened = Assert.Single(c.Events, e => e.Action == CaseAction.RevokeResult);
        Assert.Equal((Step.Issue, Step.Drafting, "Шешімнің нөмірі қате"), (reopened.FromStep, reopened.ToStep, reopened.Comment));

        Assert.Empty((await office.DraftAsync(id, ServiceCode.GuardianshipCertificate)).Errors);
        Assert.Equal(HttpStatusCode.OK, (await office.SignAsync(id)).Status);
        var issued = await office.IssueAsync(id);

        Assert.Equal(HttpStatusCode.OK, issued.Status);
        Assert.Equal(Step.Closed, await App.WithDbAsync(db => db.Cases.Where(x => x.Id == id).Select(x => x.Step).SingleAsync()));
        var results = await App.WithDbAsync(db => db.IssuedDocuments.Where(d => d.CaseId == id && d.Kind == DocumentKind.GuardianshipCertificate).ToListAsync());
        Assert.Equal(2, results.Count);
        Assert.Single(results, d => d.RevokedAt is null);
    }

    [Fact]
    public async Task A_head_cannot_revoke_a_receipt_by_a_direct_post()
    {
        var office = new OfficeDesk(App);
        var id = (await office.RegisterAsync(ServiceCode.GuardianshipCertificate)).CaseId;
        var receipt = await DocumentAsync(id, DocumentKind.Receipt);
        var head = await office.AsAsync("head");

        var refused = await head.PostAsync($"/documents/{receipt.Id}/revoke",
            new Dictionary<string, string> { ["Version"] = (await VersionAsync(id)).ToString(), ["Reason"] = "жай" });

        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Contains("Қолхат кері қайтарып алынбайды", refused.Text("[data-testid=problem]"));
        Assert.Null((await DocumentAsync(id, DocumentKind.Receipt)).RevokedAt);
    }

    [Fact]
    public async Task A_revocation_sent_from_a_page_the_case_has_moved_on_from_is_a_conflict_and_changes_nothing()
    {
        var (office, id) = await SignedAsync(ServiceCode.GuardianshipCertificate);
        var result = await DocumentAsync(id, DocumentKind.GuardianshipCertificate);
        var head = await office.AsAsync("head");
        var page = await head.GetAsync($"/cases/{id}");
        // Meanwhile the clerk hands the result over.
        Assert.Equal(HttpStatusCode.OK, (await office.IssueAsync(id)).Status);
        var version = await VersionAsync(id);

        var stale = await head.SubmitAsync(page, RevokeForm(result), new Dictionary<string, string> { ["Reason"] = "Шешімнің нөмірі қате" }, followRedirects: false);

        Assert.Equal(HttpStatusCode.Conflict, stale.Status);
        Assert.StartsWith("Осы уақыт ішінде өтінішті басқа қызметкер өзгертті.", stale.Text("[data-testid=problem]"));
        Assert.Equal("Шешімнің нөмірі қате", stale.Document.QuerySelector(RevokeForm(result) + " input[name=Reason]")?.GetAttribute("value"));
        Assert.Null((await DocumentAsync(id, DocumentKind.GuardianshipCertificate)).RevokedAt);
        var c = await App.WithDbAsync(db => db.Cases.Include(x => x.Events).SingleAsync(x => x.Id == id));
        Assert.Equal((Step.Closed, version), (c.Step, c.Version));
        Assert.DoesNotContain(c.Events, e => e.Action == CaseAction.RevokeResult);
        Assert.False(await App.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.CaseId == id && a.Action == "RevokeDocument")));
    }
}

public sealed class RevocationTestsSqlite(SqlitePortal f) : RevocationTests(f), IClassFixture<SqlitePortal>;
public sealed class RevocationTestsPostgres(PostgresPortal f) : RevocationTests(f), IClassFixture<PostgresPortal>;
