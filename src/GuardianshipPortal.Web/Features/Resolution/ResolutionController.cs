using GuardianshipPortal.Cases;
using GuardianshipPortal.Domain;
using GuardianshipPortal.Domain.Workflow;
using GuardianshipPortal.Web.Features.Cases;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace GuardianshipPortal.Web.Features.Resolution;

/// <summary>Step 2: the head writes a resolution and assigns a specialist of the same office.</summary>
[Authorize(Roles = Roles.Head)]
public sealed class ResolutionController(StepRunner runner, StepResponses responses, CaseSteps steps, CasePages pages) : Controller
{
    [HttpPost("/cases/{id:guid}/resolution")]
    public async Task<IActionResult> Resolve(Guid id, [Bind(Prefix = "Resolution")] ResolutionForm form, CancellationToken ct)
    {
        var result = await runner.RunAsync(id, form, CaseAction.Resolve, ModelState.IsValid, async step =>
        {
            var specialists = await pages.SpecialistsAsync(step.Case.OfficeId, ct);
            step.Refuse(steps.Resolve(step.Case, form.Text, form.SpecialistId, [.. specialists.Select(s => s.Id)], step.Actor, step.Now));
            step.Comment = form.Text.Trim();
        }, ct);
        return await responses.RespondAsync(this, result, "Resolution_Done", ct);
    }
}
