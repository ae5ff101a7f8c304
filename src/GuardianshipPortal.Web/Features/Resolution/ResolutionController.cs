using GuardianshipPortal.Cases;
using GuardianshipPortal.Data;
using GuardianshipPortal.Domain;
using GuardianshipPortal.Domain.Workflow;
using GuardianshipPortal.Web.Features.Cases;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace GuardianshipPortal.Web.Features.Resolution;

/// <summary>Step 2: the head writes a resolution and assigns a specialist of the same office.</summary>
[Authorize(Roles = Roles.Head)]
public sealed class ResolutionController(StepRunner runner, StepResponses responses, CaseSteps steps, CasePages pages, PortalDbContext db,
    IStringLocalizer<SharedResource> l) : Controller
{
    /// <param name="then">"next": on success open the next case of the head's "to resolve" queue (the home page when none is left).</param>
    [HttpPost("/cases/{id:guid}/resolution")]
    public async Task<IActionResult> Resolve(Guid id, [Bind(Prefix = "Resolution")] ResolutionForm form, [FromForm] string? then, CancellationToken ct)
    {
        var result = await runner.RunAsync(id, form, CaseAction.Resolve, ModelState.IsValid, async step =>
        {
            var specialists = await pages.SpecialistsAsync(step.Case.OfficeId, ct);
            step.Refuse(steps.Resolve(step.Case, form.Text, form.SpecialistId, [.. specialists.Select(s => s.Id)], step.Actor, step.Now));
            step.Comment = form.Text.Trim();
        }, ct);
        if (result.Status == StepStatus.Done && then == "next")
        {
            TempData["Flash"] = l["Resolution_Done", result.Number].Value;
            var office = await db.Cases.Where(c => c.Id == id).Select(c => c.OfficeId).FirstAsync(ct);
            // The queue's own order: earliest step deadline first.
            var next = await db.Cases.Where(c => c.OfficeId == office && c.Step == Step.Resolution && c.Id != id)
                .OrderBy(c => c.StepDueAt == null).ThenBy(c => c.StepDueAt).ThenBy(c => c.DueAt).ThenBy(c => c.Number)
                .Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);
            return Redirect(next is { } n ? $"/cases/{n}" : "/");
        }
        return await responses.RespondAsync(this, result, "Resolution_Done", ct);
    }
}
