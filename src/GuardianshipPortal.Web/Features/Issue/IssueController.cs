using GuardianshipPortal.Cases;
using GuardianshipPortal.Domain;
using GuardianshipPortal.Domain.Workflow;
using GuardianshipPortal.Web.Features.Cases;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace GuardianshipPortal.Web.Features.Issue;

/// <summary>Step 5: the clerk hands the signed result to the applicant, who signs for it in the journal; the case closes.</summary>
[Authorize(Roles = Roles.Clerk)]
public sealed class IssueController(StepRunner runner, StepResponses responses, CaseSteps steps) : Controller
{
    [HttpPost("/cases/{id:guid}/issue")]
    public async Task<IActionResult> IssueResult(Guid id, [Bind(Prefix = "Issue")] IssueForm form, CancellationToken ct)
    {
        var result = await runner.RunAsync(id, form, CaseAction.IssueResult, ModelState.IsValid, async step =>
        {
            step.Refuse(await steps.IssueAsync(step.Case, new Recipient(form.RecipientName, form.RecipientDocument), step.Actor, step.Now, ct));
            step.Comment = form.RecipientName.Trim();
        }, ct);
        // The case page then offers the result to print and the next registration first.
        if (result.Status == StepStatus.Done) TempData["Issued"] = "1";
        return await responses.RespondAsync(this, result, "Issue_Done", ct);
    }
}
