using GuardianshipPortal.Cases;
using GuardianshipPortal.Domain;
using GuardianshipPortal.Domain.Cases;
using GuardianshipPortal.Domain.Workflow;
using GuardianshipPortal.Web.Features.Cases;
using GuardianshipPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace GuardianshipPortal.Web.Features.CenterReturns;

public sealed class CenterReturnForm : StepForm
{
    public List<CenterReturnReason> Reasons { get; set; } = [];
    [WritesTo(typeof(CenterReturn), nameof(CenterReturn.Text), "CenterReturn_Text")]
    public string Text { get; set; } = "";
}

/// <summary>
/// A Public Service Center's documents with errors go back to it with the reasons, within three working days of their
/// arrival (seed 003 table 2, act 7): the clerk or the head returns them while the case waits for its resolution; the
/// case closes as returned, and the Center (callback "returned") and the applicant are told.
/// </summary>
[Authorize(Roles = Roles.Clerk + "," + Roles.Head)]
public sealed class CenterReturnController(StepRunner runner, StepResponses responses, CaseSteps steps) : Controller
{
    [HttpPost("/cases/{id:guid}/return-to-center")]
    public async Task<IActionResult> Return(Guid id, [Bind(Prefix = "CenterReturn")] CenterReturnForm form, CancellationToken ct)
    {
        var result = await runner.RunAsync(id, form, CaseAction.ReturnToCenter, ModelState.IsValid, async step =>
        {
            step.Refuse(await steps.ReturnToCenterAsync(step.Case, step.Office, form.Reasons, form.Text, step.Actor, step.Now, ct));
            step.Comment = form.Text.Trim();
        }, ct);
        return await responses.RespondAsync(this, result, "CenterReturn_Done", ct);
    }
}
