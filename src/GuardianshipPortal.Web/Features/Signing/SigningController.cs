using GuardianshipPortal.Domain;
using GuardianshipPortal.Domain.Cases;
using GuardianshipPortal.Domain.Workflow;
using GuardianshipPortal.Web.Features.Cases;
using GuardianshipPortal.Web.Features.Documents;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace GuardianshipPortal.Web.Features.Signing;

/// <summary>Step 4: the head signs the result, or returns it to the specialist with a comment (any number of rounds).</summary>
[Authorize(Roles = Roles.Head)]
public sealed class SigningController(StepRunner runner, UserManager<PortalUser> users, DocumentIssuer documents) : Controller
{
    [HttpPost("/cases/{id:guid}/sign")]
    public Task<IActionResult> Sign(Guid id, [Bind(Prefix = "Sign")] SignForm form) =>
        runner.RunAsync(this, id, form, CaseAction.Sign, async step =>
        {
            var head = await users.FindByIdAsync(step.Actor.UserId.ToString());
            step.Case.Signature = new Signature
            {
                CaseId = step.Case.Id, SignerId = step.Actor.UserId, SignerName = head?.FullName ?? step.Actor.Name,
                SignerPositionKk = head?.PositionKk ?? "", SignerPositionRu = head?.PositionRu ?? "", At = step.Now,
            };
            // Signing freezes the result: its documents are rendered now, in the applicant's language, and never change.
            var signer = new Signer(step.Case.Signature.SignerName, Domain.Language.Pick(step.Case.Language,
                step.Case.Signature.SignerPositionKk, step.Case.Signature.SignerPositionRu));
            foreach (var kind in DocumentComposer.ResultKinds(step.Case))
                await documents.IssueAsync(step.Case, kind, signer, step.Actor.UserId, step.Now, $"{Request.Scheme}://{Request.Host}");
        }, "Signing_Done");

    [HttpPost("/cases/{id:guid}/return")]
    public Task<IActionResult> Return(Guid id, [Bind(Prefix = "Return")] ReturnForm form) =>
        runner.RunAsync(this, id, form, CaseAction.Return, step =>
        {
            if (step.Case.Draft is { } draft) draft.Round++;
            step.Case.Outcome = null;
            step.Comment = form.Comment.Trim();
            return Task.CompletedTask;
        }, "Signing_Returned");
}
