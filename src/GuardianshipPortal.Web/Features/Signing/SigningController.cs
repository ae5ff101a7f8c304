using GuardianshipPortal.Cases;
using GuardianshipPortal.Data;
using GuardianshipPortal.Domain;
using GuardianshipPortal.Domain.Workflow;
using GuardianshipPortal.Web.Features.Cases;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GuardianshipPortal.Web.Features.Signing;

/// <summary>Step 4: the head signs the result, or returns it to the specialist with a comment (any number of rounds).</summary>
[Authorize(Roles = Roles.Head)]
public sealed class SigningController(StepRunner runner, StepResponses responses, CaseSteps steps, PortalDbContext db) : Controller
{
    [HttpPost("/cases/{id:guid}/sign")]
    public async Task<IActionResult> Sign(Guid id, [Bind(Prefix = "Sign")] SignForm form, CancellationToken ct)
    {
        var result = await runner.RunAsync(id, form, CaseAction.Sign, ModelState.IsValid, async step =>
        {
            var head = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == step.Actor.UserId, step.Cancellation)
                ?? throw new InvalidOperationException("The signed-in head is gone.");
            step.Refuse(await steps.SignAsync(step.Case, head, step.Now, step.Cancellation));
        }, ct);
        return await responses.RespondAsync(this, result, "Signing_Done", ct);
    }

    [HttpPost("/cases/{id:guid}/return")]
    public async Task<IActionResult> Return(Guid id, [Bind(Prefix = "Return")] ReturnForm form, CancellationToken ct)
    {
        var result = await runner.RunAsync(id, form, CaseAction.Return, ModelState.IsValid, step =>
        {
            CaseSteps.Return(step.Case);
            step.Comment = form.Comment.Trim();
            return Task.CompletedTask;
        }, ct);
        return await responses.RespondAsync(this, result, "Signing_Returned", ct);
    }
}
