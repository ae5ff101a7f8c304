using GuardianshipPortal.Cases;
using GuardianshipPortal.Domain;
using GuardianshipPortal.Domain.Cases;
using GuardianshipPortal.Domain.Workflow;
using GuardianshipPortal.Web.Features.Cases;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace GuardianshipPortal.Web.Features.Drafting;

/// <summary>
/// Step 3: the assigned specialist records the housing inspection act and drafts the result (or a motivated
/// refusal); where the service asks for it, a commission member records the commission's opinion.
/// </summary>
public sealed class DraftingController(StepRunner runner, StepResponses responses, CaseSteps steps) : Controller
{
    [Authorize(Roles = Roles.Specialist)]
    [HttpPost("/cases/{id:guid}/inspection")]
    public async Task<IActionResult> Inspection(Guid id, [Bind(Prefix = "Inspection")] InspectionForm form, CancellationToken ct)
    {
        var result = await runner.RunAsync(id, form, CaseAction.RecordInspection, ModelState.IsValid, step =>
        {
            step.Refuse(steps.RecordInspection(step.Case, form.ToData(), step.Actor));
            return Task.CompletedTask;
        }, ct);
        return await responses.RespondAsync(this, result, "Inspection_Done", ct);
    }

    [Authorize(Roles = Roles.Commission)]
    [HttpPost("/cases/{id:guid}/commission")]
    public async Task<IActionResult> Commission(Guid id, [Bind(Prefix = "Commission")] CommissionForm form, CancellationToken ct)
    {
        var result = await runner.RunAsync(id, form, CaseAction.RecordCommissionOpinion, ModelState.IsValid, step =>
        {
            step.Refuse(steps.RecordCommissionOpinion(step.Case, form.Positive!.Value, form.Text, step.Actor, step.Now));
            step.Comment = form.Text.Trim();
            return Task.CompletedTask;
        }, ct);
        return await responses.RespondAsync(this, result, "Commission_Done", ct);
    }

    [Authorize(Roles = Roles.Specialist)]
    [HttpPost("/cases/{id:guid}/draft")]
    public async Task<IActionResult> Draft(Guid id, [Bind(Prefix = "Draft")] DraftForm form, CancellationToken ct)
    {
        var action = form.Submit ? CaseAction.SubmitDraft : CaseAction.SaveDraft;
        var result = await runner.RunAsync(id, form, action, ModelState.IsValid, async step =>
        {
            step.Refuse(await steps.DraftAsync(step.Case, step.Office, form.Outcome, form, form.RefusalGroundIds, form.RefusalText, form.Submit,
                step.Actor, step.Now, ct));
            if (form.Submit) step.Comment = step.Case.Draft?.Outcome == Outcome.Refused ? form.RefusalText.Trim() : form.ConclusionText.Trim();
        }, ct);
        return await responses.RespondAsync(this, result, form.Submit ? "Draft_Submitted" : "Draft_Saved", ct);
    }
}
