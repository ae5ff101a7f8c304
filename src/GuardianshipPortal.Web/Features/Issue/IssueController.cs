using GuardianshipPortal.Domain;
using GuardianshipPortal.Domain.Cases;
using GuardianshipPortal.Domain.Workflow;
using GuardianshipPortal.Web.Features.Cases;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace GuardianshipPortal.Web.Features.Issue;

/// <summary>Step 5: the clerk hands the signed result to the applicant, who signs for it in the journal; the case closes.</summary>
[Authorize(Roles = Roles.Clerk)]
public sealed class IssueController(StepRunner runner) : Controller
{
    [HttpPost("/cases/{id:guid}/issue")]
    public Task<IActionResult> IssueResult(Guid id, [Bind(Prefix = "Issue")] IssueForm form) =>
        runner.RunAsync(this, id, form, CaseAction.IssueResult, step =>
        {
            step.Case.IssueRecord = new IssueRecord
            {
                CaseId = step.Case.Id, IssuedAt = step.Now, IssuedById = step.Actor.UserId,
                RecipientName = form.RecipientName.Trim(), RecipientDocument = form.RecipientDocument.Trim(), SignedForReceipt = true,
            };
            step.Comment = form.RecipientName.Trim();
            return Task.CompletedTask;
        }, "Issue_Done");
}
