using GuardianshipPortal.Cases;
using GuardianshipPortal.Domain;
using GuardianshipPortal.Domain.Cases;
using GuardianshipPortal.Domain.Workflow;
using GuardianshipPortal.Web.Features.Cases;
using GuardianshipPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace GuardianshipPortal.Web.Features.Terms;

public sealed class ExtendForm : StepForm
{
    [Label("Extension_Days")]
    public int Days { get; set; }
    [Label("Extension_Reason")]
    public ExtensionReason? Reason { get; set; }
    [WritesTo(typeof(Case), nameof(Case.ExtensionComment), "Extension_Comment")]
    public string Comment { get; set; } = "";
}

/// <summary>
/// The case's column for the comment has no limit in the model yet (setting one is a migration): the form holds it to what
/// the page allows, which also keeps the history's "+N: comment" within its own column.
/// </summary>
public sealed class SuspendForm : StepForm
{
    [WritesTo(typeof(CaseEvent), nameof(CaseEvent.Comment), "Suspension_Reason")]
    public string Reason { get; set; } = "";
}

public sealed class ResumeForm : StepForm;

/// <summary>
/// The legal clock of a case: the head extends its term once, with a reason, up to the regulation's maximum; the
/// specialist stops the clock while the office waits for documents the applicant must bring, and starts it again.
/// Each is recorded in the history with its reason.
/// </summary>
public sealed class TermsController(StepRunner runner, StepResponses responses, CaseSteps steps) : Controller
{
    [Authorize(Roles = Roles.Head)]
    [HttpPost("/cases/{id:guid}/extend")]
    public async Task<IActionResult> Extend(Guid id, [Bind(Prefix = "Extend")] ExtendForm form, CancellationToken ct)
    {
        var result = await runner.RunAsync(id, form, CaseAction.Extend, ModelState.IsValid, async step =>
        {
            step.Refuse(await steps.ExtendAsync(step.Case, step.Office, form.Days, form.Reason, form.Comment, ct));
            step.Comment = $"+{form.Days}: {form.Comment.Trim()}";
        }, ct);
        return await responses.RespondAsync(this, result, "Extension_Done", ct);
    }

    [Authorize(Roles = Roles.Specialist)]
    [HttpPost("/cases/{id:guid}/suspend")]
    public async Task<IActionResult> Suspend(Guid id, [Bind(Prefix = "Suspend")] SuspendForm form, CancellationToken ct)
    {
        var result = await runner.RunAsync(id, form, CaseAction.Suspend, ModelState.IsValid, step =>
        {
            step.Refuse(CaseSteps.Suspend(step.Case, form.Reason, step.Now));
            step.Comment = form.Reason.Trim();
            return Task.CompletedTask;
        }, ct);
        return await responses.RespondAsync(this, result, "Suspension_Done", ct);
    }

    [Authorize(Roles = Roles.Specialist)]
    [HttpPost("/cases/{id:guid}/resume")]
    public async Task<IActionResult> Resume(Guid id, [Bind(Prefix = "Resume")] ResumeForm form, CancellationToken ct)
    {
        var result = await runner.RunAsync(id, form, CaseAction.Resume, ModelState.IsValid, async step =>
            step.Refuse(await steps.ResumeAsync(step.Case, step.Office, step.Now, ct)), ct);
        return await responses.RespondAsync(this, result, "Suspension_Resumed", ct);
    }
}
