using GuardianshipPortal.Cases;
using GuardianshipPortal.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace GuardianshipPortal.Web.Features.Cases;

/// <summary>Turns a step's result into the response a user sees: the case page again, a flash, or a refusal.</summary>
public sealed class StepResponses(CasePages pages, IStringLocalizer<SharedResource> l)
{
    public const string CaseView = "/Features/Cases/Show.cshtml";

    public string Words(StepProblem problem) =>
        l[problem.Key, [.. problem.Args.Select(a => a is Label label ? l[label.Key].Value : a)]];

    public async Task<IActionResult> RespondAsync(Controller controller, StepResult result, string doneKey, CancellationToken ct)
    {
        switch (result.Status)
        {
            case StepStatus.Done:
                controller.TempData["Flash"] = l[doneKey, result.Number].Value;
                return controller.Redirect($"/cases/{result.CaseId}");
            case StepStatus.NotFound:
                return controller.NotFound();
            case StepStatus.Forbidden:
                controller.Response.StatusCode = StatusCodes.Status403Forbidden;
                return controller.View("/Features/Account/AccessDenied.cshtml");
            case StepStatus.Conflict:
                return await PageAsync(controller, result.CaseId, result.Form, StatusCodes.Status409Conflict, Words(result.Conflict!), ct);
            default:
                foreach (var problem in result.Problems) controller.ModelState.AddModelError("", Words(problem));
                return await PageAsync(controller, result.CaseId, result.Form, StatusCodes.Status400BadRequest, null, ct);
        }
    }

    public async Task<IActionResult> PageAsync(Controller controller, Guid id, StepForm? form, int status, string? problem, CancellationToken ct)
    {
        var page = await pages.BuildAsync(id, form, problem, ct);
        if (page is null) return controller.NotFound();
        controller.Response.StatusCode = status;
        return controller.View(CaseView, page);
    }
}
