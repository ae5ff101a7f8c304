using GuardianshipPortal.Data;
using GuardianshipPortal.Domain;
using GuardianshipPortal.Domain.Documents;
using GuardianshipPortal.Domain.Cases;
using GuardianshipPortal.Domain.Workflow;
using GuardianshipPortal.Web.Features.Cases;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace GuardianshipPortal.Web.Features.Issue;

/// <summary>Step 5: the clerk hands the signed result to the applicant, who signs for it in the journal; the case closes.</summary>
[Authorize(Roles = Roles.Clerk)]
public sealed class IssueController(StepRunner runner, PortalDbContext db, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpPost("/cases/{id:guid}/issue")]
    public Task<IActionResult> IssueResult(Guid id, [Bind(Prefix = "Issue")] IssueForm form) =>
        runner.RunAsync(this, id, form, CaseAction.IssueResult, async step =>
        {
            // Only a signed, frozen result is handed over.
            if (!await db.IssuedDocuments.AnyAsync(d => d.CaseId == step.Case.Id && d.Kind != DocumentKind.Receipt && d.RevokedAt == null))
            {
                step.Error(l["Issue_NoDocument"]);
                return;
            }
            step.Case.IssueRecord = new IssueRecord
            {
                CaseId = step.Case.Id, IssuedAt = step.Now, IssuedById = step.Actor.UserId,
                RecipientName = form.RecipientName.Trim(), RecipientDocument = form.RecipientDocument.Trim(), SignedForReceipt = true,
            };
            step.Comment = form.RecipientName.Trim();
        }, "Issue_Done");
}
