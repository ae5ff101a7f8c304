using GuardianshipPortal.Cases;
using GuardianshipPortal.Data;
using GuardianshipPortal.Domain.Services;
using GuardianshipPortal.Domain;
using GuardianshipPortal.Domain.Cases;
using GuardianshipPortal.Domain.Documents;
using GuardianshipPortal.Domain.Workflow;
using GuardianshipPortal.Web.Features.Cases;
using GuardianshipPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace GuardianshipPortal.Web.Features.Documents;

/// <param name="Signature">The head's digital signature of the document, if it has one.</param>
/// <param name="SignatureStands">The signature checked again now: over these bytes, by a certificate valid when it signed, trusted and not revoked.</param>
public sealed record VerifyPage(string? Code, IssuedDocument? Document, Office? Office, bool Searched,
    DocumentSignature? Signature = null, bool SignatureStands = false, DateTimeOffset? CheckedAt = null);

public sealed class RevokeForm : StepForm
{
    [WritesTo(typeof(IssuedDocument), nameof(IssuedDocument.RevocationReason), "Documents_RevokeReason")]
    public string Reason { get; set; } = "";
}

/// <summary>Printing, previewing, revoking and publicly verifying documents. Every print and download is audited.</summary>
public sealed class DocumentsController(
    PortalDbContext db, CasePages pages, DocumentIssuer issuer, CurrentUser me, TimeProvider clock, AuditLog audit, ServiceCatalog services,
    CaseSteps steps, StepRunner runner, StepResponses responses, GuardianshipPortal.Signatures.ISignatureVerifier verifier,
    IStringLocalizerFactory localizers) : Controller
{
    private static readonly string[] PrintingRoles = [Roles.Clerk, Roles.Head, Roles.Specialist, Roles.Supervisor];

    /// <summary>
    /// The printed copy of a digitally signed document: its stored pages, then a sheet that says it is signed with a digital
    /// signature (signer, certificate serial and issuer, validity, signing time, the document's SHA-256) in Kazakh and Russian.
    /// </summary>
    [HttpGet("/documents/{id:guid}/signed-copy")]
    public async Task<IActionResult> SignedCopy(Guid id, [FromServices] GuardianshipPortal.Documents.Layout.IDocumentRenderer renderer,
        [FromServices] PublicAddress address, CancellationToken ct)
    {
        var document = await db.IssuedDocuments.AsNoTracking().Include(d => d.Content).FirstOrDefaultAsync(d => d.Id == id, ct);
        var signature = document is null ? null : await db.DocumentSignatures.AsNoTracking().FirstOrDefaultAsync(x => x.DocumentId == id, ct);
        if (document is null || signature is null) return NotFound();
        var office = await db.Cases.Where(c => c.Id == document.CaseId).Select(c => c.Office!).SingleAsync(ct);
        if (!PrintingRoles.Any(me.IsInRole) || !await me.CanViewCaseOfAsync(office.Id)) return NotFound();
        string Both(string kk, string ru) => $"{kk} / {ru}";
        var kk = Infrastructure.CultureLocalizer.For(localizers, Language.Kazakh);
        var ru = Infrastructure.CultureLocalizer.For(localizers, Language.Russian);
        var url = $"{address.BaseUrl}/verify/{document.VerificationCode}";
        var sheet = renderer.Render(new GuardianshipPortal.Documents.Layout.DocumentModel
        {
            HeaderLines = [office.NameKk, office.NameRu], Number = document.Number, Date = Display.Date(signature.SignedAt, office),
            Title = Both("Электрондық цифрлық қолтаңба туралы мәліметтер", "Сведения об электронной цифровой подписи"),
            Body =
            [
                new GuardianshipPortal.Documents.Layout.Paragraph(Both(
                    $"«{kk["DocKind_" + document.Kind]}» құжатына электрондық цифрлық қолтаңба қойылған; қағаз көшірмесі түпнұсқа болып табылмайды, түпнұсқасы мен қолтаңбасын төмендегі кодпен тексеруге болады.",
                    $"Документ «{ru["DocKind_" + document.Kind]}» подписан электронной цифровой подписью; бумажная копия не является подлинником, подлинник и подпись проверяются по коду ниже."),
                    Size: 10, Indent: false),
                new GuardianshipPortal.Documents.Layout.Table([Both("Деректер", "Сведения"), Both("Мәні", "Значение")],
                [
                    [Both("Қол қойған", "Подписал"), signature.SignerName],
                    [Both("Сертификаттың сериялық нөмірі", "Серийный номер сертификата"), signature.CertificateSerial],
                    [Both("Сертификатты берген", "Кем выдан сертификат"), signature.CertificateIssuer],
                    [Both("Сертификаттың жарамдылығы", "Срок действия сертификата"), $"{Display.Date(signature.CertificateValidFrom, office)} – {Display.Date(signature.CertificateValidTo, office)}"],
                    [Both("Қол қойылған уақыт", "Время подписания"), Display.DateTime(signature.SignedAt, office)],
                    [Both("Құжаттың SHA-256", "SHA-256 документа"), document.Sha256],
                ], [2, 3]),
            ],
            Verification = new GuardianshipPortal.Documents.Layout.Verification(document.VerificationCode, url,
                Both("Тексеру коды:", "Код проверки:")),
            PageLabel = "{0} / {1}",
        });
        audit.Record(AuditAction.PrintDocument, document.CaseId, document.Id + " signed copy");
        await db.SaveChangesAsync(ct);
        return this.Inline(renderer.Concatenate(document.Content!.Pdf, sheet), "application/pdf", $"{document.Number}-{document.Kind}-signed.pdf");
    }

    /// <summary>The stored bytes of an issued document: reprints are identical to the original.</summary>
    [HttpGet("/documents/{id:guid}")]
    public async Task<IActionResult> Download(Guid id, CancellationToken ct)
    {
        var document = await db.IssuedDocuments.AsNoTracking().Include(d => d.Content).FirstOrDefaultAsync(d => d.Id == id, ct);
        if (document is null) return NotFound();
        var officeId = await db.Cases.Where(c => c.Id == document.CaseId).Select(c => c.OfficeId).SingleAsync(ct);
        if (!PrintingRoles.Any(me.IsInRole) || !await me.CanViewCaseOfAsync(officeId)) return NotFound();
        audit.Record(AuditAction.PrintDocument, document.CaseId, document.Id.ToString());
        await db.SaveChangesAsync(ct);
        return this.Inline(document.Content!.Pdf, "application/pdf", $"{document.Number}-{document.Kind}.pdf");
    }

    /// <summary>What the result will look like, marked as a draft, for the specialist drafting it and the head signing it.</summary>
    [Authorize(Roles = Roles.Specialist + "," + Roles.Head)]
    [HttpGet("/cases/{id:guid}/preview")]
    public async Task<IActionResult> Preview(Guid id, CancellationToken ct)
    {
        var c = await pages.LoadAsync(id, tracking: false, ct);
        if (c is null || c.OfficeId != me.OfficeId) return NotFound();
        if (c.Step is not (Step.Drafting or Step.Signing) || c.Draft is null) return Conflict();
        // The head previewing is the one who will sign; for the specialist, the office's head.
        var head = me.IsInRole(Roles.Head)
            ? await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == me.Id, ct)
            : await db.StaffInRole(c.OfficeId, Roles.Head).AsNoTracking().FirstOrDefaultAsync(ct);
        var signer = head is null ? new DocumentSigner("", "") : DocumentSigner.Of(head, c.Language);
        var pdf = await issuer.PreviewAsync(c, services[c.Service].ResultDocument(c.Draft.Outcome), signer, clock.GetUtcNow(), ct);
        return this.Inline(pdf, "application/pdf", $"{c.Number}-{services[c.Service].ResultDocument(c.Draft.Outcome)}-preview.pdf");
    }

    /// <summary>
    /// The head withdraws an issued document (an error found afterwards); the verification page then says so. A revoked
    /// result of a case waiting to be issued sends the case back to drafting for a new one, recorded in its history.
    /// </summary>
    [Authorize(Roles = Roles.Head)]
    [HttpPost("/documents/{id:guid}/revoke")]
    public async Task<IActionResult> Revoke(Guid id, RevokeForm form, CancellationToken ct)
    {
        var document = await db.IssuedDocuments.FirstOrDefaultAsync(d => d.Id == id, ct);
        if (document is null) return NotFound();
        var reopens = false;
        var result = await runner.RunAsync(document.CaseId, form,
            c => (reopens = steps.RevocationReopens(c, document)) ? CaseAction.RevokeResult : null, ModelState.IsValid, step =>
            {
                step.Refuse(CaseSteps.Revoke(document, form.Reason, step.Actor, step.Now));
                if (step.Problems.Count > 0) return Task.CompletedTask;
                audit.Record(AuditAction.RevokeDocument, document.CaseId, document.Id + ": " + document.RevocationReason);
                if (reopens) CaseSteps.Reopen(step.Case);
                step.Comment = document.RevocationReason;
                return Task.CompletedTask;
            }, ct);
        // A receipt is never revoked, whatever is typed: that is not the user's input to correct.
        if (result.Problems.FirstOrDefault(p => p.Key == "Documents_ReceiptNotRevocable") is { } notRevocable)
            return await responses.PageAsync(this, result.CaseId, null, StatusCodes.Status403Forbidden, responses.Words(notRevocable), ct);
        return await responses.RespondAsync(this, result, reopens ? "Documents_ResultRevokedReopened" : "Documents_Revoked", ct);
    }

    /// <summary>
    /// Public: whoever holds the paper (and so its code) may download it again — the applicant at home, an office that
    /// was shown it. A revoked document is not handed out. Audited like every print.
    /// </summary>
    [AllowAnonymous, EnableRateLimiting(WorkflowSetup.VerifyPolicy)]
    [HttpGet("/verify/{code}/document")]
    public async Task<IActionResult> PublicDownload(string code, CancellationToken ct)
    {
        var normalized = VerificationCodes.Normalize(code);
        var document = normalized is null ? null
            : await db.IssuedDocuments.AsNoTracking().Include(d => d.Content).FirstOrDefaultAsync(d => d.VerificationCode == normalized, ct);
        if (document is null) return NotFound();
        if (document.IsRevoked) return StatusCode(StatusCodes.Status410Gone);
        audit.Record(AuditAction.PublicDownload, document.CaseId, document.Id.ToString());
        await db.SaveChangesAsync(ct);
        return this.Inline(document.Content!.Pdf, "application/pdf", $"{document.Number}-{document.Kind}.pdf");
    }

    /// <summary>Public: anyone holding the paper checks it. Shows the document, never personal data beyond initials.</summary>
    [AllowAnonymous, EnableRateLimiting(WorkflowSetup.VerifyPolicy)]
    [HttpGet("/verify/{code?}")]
    public async Task<IActionResult> Verify(string? code, [FromQuery(Name = "code")] string? typed, CancellationToken ct)
    {
        var raw = code ?? typed;
        if (string.IsNullOrWhiteSpace(raw)) return View(new VerifyPage(null, null, null, false));
        var normalized = VerificationCodes.Normalize(raw);
        var document = normalized is null ? null : await db.IssuedDocuments.AsNoTracking().FirstOrDefaultAsync(d => d.VerificationCode == normalized, ct);
        Office? office = null;
        if (document is not null)
            office = await db.Cases.Where(c => c.Id == document.CaseId).Select(c => c.Office).SingleAsync(ct);
        else
            Response.StatusCode = StatusCodes.Status404NotFound;
        var signature = document is null ? null : await db.DocumentSignatures.AsNoTracking().FirstOrDefaultAsync(x => x.DocumentId == document.Id, ct);
        if (signature is null) return View(new VerifyPage(normalized ?? raw, document, office, true));
        var now = clock.GetUtcNow();
        var pdf = await db.IssuedDocumentContents.AsNoTracking().Where(x => x.DocumentId == document!.Id).Select(x => x.Pdf).SingleAsync(ct);
        var check = await verifier.VerifyAsync(signature.Cms, pdf, now, ct);
        return View(new VerifyPage(normalized ?? raw, document, office, true, signature, check.IsValid, now));
    }

    /// <summary>Public: the document's digital signature (detached CMS) to check it independently beside the PDF.</summary>
    [AllowAnonymous, EnableRateLimiting(WorkflowSetup.VerifyPolicy)]
    [HttpGet("/verify/{code}/signature")]
    public async Task<IActionResult> PublicSignature(string code, CancellationToken ct)
    {
        var normalized = VerificationCodes.Normalize(code);
        var found = normalized is null ? null
            : await (from d in db.IssuedDocuments.AsNoTracking()
                     join s in db.DocumentSignatures.AsNoTracking() on d.Id equals s.DocumentId
                     where d.VerificationCode == normalized
                     select new { d.Id, d.CaseId, d.Number, d.Kind, d.RevokedAt, s.Cms }).FirstOrDefaultAsync(ct);
        if (found is null) return NotFound();
        if (found.RevokedAt is not null) return StatusCode(StatusCodes.Status410Gone);
        audit.Record(AuditAction.PublicDownload, found.CaseId, found.Id + " signature");
        await db.SaveChangesAsync(ct);
        return File(found.Cms, "application/pkcs7-signature", $"{found.Number}-{found.Kind}.pdf.cms");
    }
}
