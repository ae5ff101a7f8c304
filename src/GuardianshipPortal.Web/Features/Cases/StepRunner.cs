using GuardianshipPortal.Cases;
using GuardianshipPortal.Data;
using GuardianshipPortal.Domain;
using GuardianshipPortal.Domain.Cases;
using GuardianshipPortal.Domain.Workflow;
using GuardianshipPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace GuardianshipPortal.Web.Features.Cases;

/// <summary>What a step's handler works with; errors it adds send the form back with a 400.</summary>
public sealed class StepContext(Case @case, Office office, Actor actor, DateTimeOffset now)
{
    private readonly List<string> _errors = [];

    public Case Case { get; } = @case;
    public Office Office { get; } = office;
    public Actor Actor { get; } = actor;
    public DateTimeOffset Now { get; } = now;
    public string Comment { get; set; } = "";
    public IReadOnlyList<string> Errors => _errors;

    public void Error(string message) => _errors.Add(message);
}

/// <summary>
/// Runs one workflow action posted from the case page: loads the case, checks office, role, step, assignee and
/// version, lets the handler change it, records the transition and saves. A refused or conflicting action shows the
/// case page again with a message and the user's input kept; nothing is half-saved.
/// </summary>
public sealed class StepRunner(
    PortalDbContext db, CaseTransitions transitions, CasePages pages, CurrentUser me, TimeProvider clock,
    IStringLocalizer<SharedResource> l, ILogger<StepRunner> logger)
{
    public const string CaseView = "/Features/Cases/Show.cshtml";

    public async Task<IActionResult> RunAsync(
        Controller controller, Guid id, StepForm form, CaseAction action, Func<StepContext, Task> work, string doneKey)
    {
        var @case = await pages.LoadAsync(id, tracking: true);
        if (@case is null) return controller.NotFound();
        var actor = me.Actor;
        switch (CaseTransitions.Check(@case, action, actor, form.Version))
        {
            case TransitionRefusal.NotFound:
                return await me.CanViewCaseOfAsync(@case.OfficeId) ? Forbidden(controller) : controller.NotFound();
            case TransitionRefusal.Forbidden:
            case TransitionRefusal.NotAssignee:
                return Forbidden(controller);
            case TransitionRefusal.Stale:
                return await PageAsync(controller, id, form, StatusCodes.Status409Conflict, l["Case_Stale"]);
            case TransitionRefusal.WrongStep:
                return await PageAsync(controller, id, form, StatusCodes.Status409Conflict, l["Case_WrongStep", l["Step_" + @case.Step]]);
        }
        if (!controller.ModelState.IsValid)
            return await PageAsync(controller, id, form, StatusCodes.Status400BadRequest, null);

        var context = new StepContext(@case, @case.Office!, actor, clock.GetUtcNow());
        await work(context);
        if (context.Errors.Count > 0)
        {
            foreach (var error in context.Errors) controller.ModelState.AddModelError("", error);
            db.ChangeTracker.Clear();
            return await PageAsync(controller, id, form, StatusCodes.Status400BadRequest, null);
        }

        await transitions.ApplyAsync(@case, @case.Office!, action, actor, context.Comment);
        db.Entry(@case).Property(c => c.Version).OriginalValue = form.Version;
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException e)
        {
            // Someone acted on the same case between our read and our write: theirs stands, ours is shown again.
            logger.LogInformation(e, "Concurrent change of case {CaseId} refused ({Action})", id, action);
            db.ChangeTracker.Clear();
            return await PageAsync(controller, id, form, StatusCodes.Status409Conflict, l["Case_Stale"]);
        }
        controller.TempData["Flash"] = l[doneKey, @case.Number].Value;
        return controller.Redirect($"/cases/{id}");
    }

    public async Task<IActionResult> PageAsync(Controller controller, Guid id, StepForm? form, int status, string? problem)
    {
        var page = await pages.BuildAsync(id, form, problem);
        if (page is null) return controller.NotFound();
        controller.Response.StatusCode = status;
        return controller.View(CaseView, page);
    }

    private static ViewResult Forbidden(Controller controller)
    {
        controller.Response.StatusCode = StatusCodes.Status403Forbidden;
        return controller.View("/Features/Account/AccessDenied.cshtml");
    }
}
