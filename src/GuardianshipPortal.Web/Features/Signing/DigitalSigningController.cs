using GuardianshipPortal.Cases;
using GuardianshipPortal.Data;
using GuardianshipPortal.Domain;
using GuardianshipPortal.Domain.Workflow;
using GuardianshipPortal.Web.Features.Cases;
using GuardianshipPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace GuardianshipPortal.Web.Features.Signing;

public sealed class PrepareForm : StepForm;

/// <summary>The signatures NCALayer made, one detached CMS (base64) per frozen document of the package.</summary>
public sealed class DigitalSignForm : StepForm
{
    public Guid Package { get; set; }
    public List<SignatureInput> Signatures { get; set; } = [];
}

public sealed class SignatureInput
{
    public Guid DocumentId { get; set; }
    /// <summary>Base64 of a CMS (binary, stored as bytes): no text column to fit, refused whole if it is not a valid signature.</summary>
    public string Cms { get; set; } = "";
}

/// <summary>
/// Step 4 with the head's digital signature (ЭЦП) through NCALayer: the page asks the portal to freeze the result's documents
/// (prepare), lets the head preview exactly those bytes, has NCALayer sign them with the key of the head's IIN, and sends
/// the CMS back (sign): each is verified against the frozen bytes and the head, then the case goes to issue. Answers are
/// JSON for the page's script, with messages in the user's language; nothing changes on a refusal.
/// </summary>
[Authorize(Roles = Roles.Head)]
public sealed class DigitalSigningController(
    PortalDbContext db, CasePages pages, StepRunner runner, StepResponses responses, DigitalSigning signing, CurrentUser me, TimeProvider clock,
    IStringLocalizer<SharedResource> l) : Controller
{
    [HttpPost("/cases/{id:guid}/sign/prepare")]
    public async Task<IActionResult> Prepare(Guid id, [Bind(Prefix = "Prepare")] PrepareForm form, CancellationToken ct)
    {
        var c = await pages.LoadAsync(id, tracking: true, ct);
        if (c is null) return Answer(StatusCodes.Status404NotFound, l["DigitalSign_NotFound"]);
        switch (CaseTransitions.Check(c, CaseAction.Sign, me.Actor, form.Version))
        {
            case TransitionRefusal.NotFound: return Answer(StatusCodes.Status404NotFound, l["DigitalSign_NotFound"]);
            case TransitionRefusal.Forbidden or TransitionRefusal.NotAssignee: return Answer(StatusCodes.Status403Forbidden, l["AccessDenied_Title"]);
            case TransitionRefusal.Stale: return Answer(StatusCodes.Status409Conflict, l["Case_Stale"]);
            case TransitionRefusal.WrongStep: return Answer(StatusCodes.Status409Conflict, l["Case_WrongStep", l["Step_" + c.Step]]);
        }
        if (!c.Office!.DigitalSignature) return Answer(StatusCodes.Status409Conflict, l["DigitalSign_Off"]);
        var head = await db.Users.SingleAsync(u => u.Id == me.Id, ct);
        // The frozen documents take their outgoing numbers: in one transaction with the package, or none at all.
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var (package, problem) = await signing.PrepareAsync(c, head, clock.GetUtcNow(), ct);
        if (problem is not null) return Answer(StatusCodes.Status422UnprocessableEntity, responses.Words(problem));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Json(new
        {
            package = package!.Id, version = c.Version, iin = head.Iin, bin = c.Office.Bin, locale = LocalizationSetup.CurrentLanguage,
            documents = package.Documents.OrderBy(d => d.Kind).Select(d => new
            {
                id = d.Id, title = l["DocKind_" + d.Kind].Value, url = $"/cases/{id}/sign/{package.Id}/{d.Id}", sha256 = d.Sha256,
                data = Convert.ToBase64String(d.Pdf),
            }),
        });
    }

    /// <summary>A frozen document exactly as NCALayer signs it (the head's preview).</summary>
    [HttpGet("/cases/{id:guid}/sign/{packageId:guid}/{documentId:guid}")]
    public async Task<IActionResult> Frozen(Guid id, Guid packageId, Guid documentId, CancellationToken ct)
    {
        var office = await db.Cases.Where(c => c.Id == id).Select(c => (Guid?)c.OfficeId).FirstOrDefaultAsync(ct);
        if (office is null || office != me.OfficeId) return NotFound();
        var document = await db.SigningPackages.Where(p => p.Id == packageId && p.CaseId == id).SelectMany(p => p.Documents)
            .Where(d => d.Id == documentId).Select(d => new { d.Pdf, d.Kind, d.Number }).FirstOrDefaultAsync(ct);
        return document is null ? NotFound() : File(document.Pdf, "application/pdf", $"{document.Number}-{document.Kind}.pdf");
    }

    [HttpPost("/cases/{id:guid}/sign/digital")]
    public async Task<IActionResult> Sign(Guid id, [Bind(Prefix = "Digital")] DigitalSignForm form, CancellationToken ct)
    {
        var result = await runner.RunAsync(id, form, CaseAction.Sign, ModelState.IsValid, async step =>
        {
            if (!step.Office.DigitalSignature)
            {
                step.Refuse(new StepProblem("DigitalSign_Off"));
                return;
            }
            var head = await db.Users.SingleAsync(u => u.Id == step.Actor.UserId, ct);
            var package = await db.SigningPackages.Include(p => p.Documents).FirstOrDefaultAsync(p => p.Id == form.Package && p.CaseId == id, ct);
            if (package is null)
            {
                step.Refuse(new StepProblem("DigitalSign_Stale"));
                return;
            }
            step.Refuse(await signing.SignAsync(step.Case, step.Office, head, package,
                [.. form.Signatures.Select(s => new SignedDocument(s.DocumentId, s.Cms))], step.Now, ct));
            step.Comment = l["DigitalSign_Comment"];
        }, ct);
        return result.Status switch
        {
            StepStatus.Done => Done(result, await NextToSignAsync(id, ct)),
            StepStatus.NotFound => Answer(StatusCodes.Status404NotFound, l["DigitalSign_NotFound"]),
            StepStatus.Forbidden => Answer(StatusCodes.Status403Forbidden, l["AccessDenied_Title"]),
            StepStatus.Conflict => Answer(StatusCodes.Status409Conflict, responses.Words(result.Conflict!)),
            _ => Answer(StatusCodes.Status422UnprocessableEntity, [.. result.Problems.Select(responses.Words)]),
        };
    }

    private JsonResult Done(StepResult result, Guid? next)
    {
        TempData["Flash"] = l["DigitalSign_Done", result.Number].Value;
        return Json(new { ok = true, number = result.Number, redirect = $"/cases/{result.CaseId}", next = next is { } n ? $"/cases/{n}" : null });
    }

    /// <summary>The case the head would sign next: the first of the office's "to sign" queue (earliest step deadline first).</summary>
    private Task<Guid?> NextToSignAsync(Guid signed, CancellationToken ct) =>
        db.Cases.Where(c => c.OfficeId == me.OfficeId && c.Step == Step.Signing && c.Id != signed)
            .OrderBy(c => c.StepDueAt == null).ThenBy(c => c.StepDueAt).ThenBy(c => c.DueAt).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);

    private JsonResult Answer(int status, params string[] messages)
    {
        Response.StatusCode = status;
        return Json(new { ok = false, messages });
    }
}
