using GuardianshipPortal.Domain;
using GuardianshipPortal.Domain.Workflow;
using GuardianshipPortal.Web.Features.Cases;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace GuardianshipPortal.Web.Features.Resolution;

/// <summary>Step 2: the head writes a resolution and assigns a specialist of the same office.</summary>
[Authorize(Roles = Roles.Head)]
public sealed class ResolutionController(StepRunner runner, CasePages pages, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpPost("/cases/{id:guid}/resolution")]
    public Task<IActionResult> Resolve(Guid id, [Bind(Prefix = "Resolution")] ResolutionForm form) =>
        runner.RunAsync(this, id, form, CaseAction.Resolve, async step =>
        {
            var specialists = await pages.SpecialistsAsync(step.Case.OfficeId);
            if (specialists.All(s => s.Id != form.SpecialistId))
            {
                step.Error(l["Resolution_SpecialistInvalid"]);
                return;
            }
            step.Case.Resolution = new Domain.Cases.Resolution
            {
                CaseId = step.Case.Id, Text = form.Text.Trim(), HeadId = step.Actor.UserId,
                SpecialistId = form.SpecialistId!.Value, At = step.Now,
            };
            step.Case.AssigneeId = form.SpecialistId;
            step.Comment = form.Text.Trim();
        }, "Resolution_Done");
}
