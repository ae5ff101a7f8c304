using System.Security.Cryptography;
using GuardianshipPortal.Cases;
using GuardianshipPortal.Data;
using GuardianshipPortal.Web.Infrastructure;
using GuardianshipPortal.Documents.Layout;
using GuardianshipPortal.Domain.Cases;
using GuardianshipPortal.Domain.Documents;
using Microsoft.EntityFrameworkCore;

namespace GuardianshipPortal.Web.Features.Documents;

/// <summary>Renders documents of a case and, when they are issued, freezes them: bytes, SHA-256, template version, verification code.</summary>
public sealed class DocumentIssuer(
    PortalDbContext db, IDocumentRenderer renderer, DocumentComposer composer, PublicAddress publicAddress, OutgoingRegister outgoing) : IResultDocuments
{
    /// <summary>The current template of a kind in a language (the highest version).</summary>
    public Task<DocumentTemplate> TemplateAsync(DocumentKind kind, string language, CancellationToken ct) =>
        db.DocumentTemplates.AsNoTracking().Where(t => t.Kind == kind && t.Language == language)
            .OrderByDescending(t => t.Version).FirstAsync(ct);

    public async Task FreezeAsync(Case c, IReadOnlyList<DocumentKind> kinds, DocumentSigner signer, Guid issuedBy, DateTimeOffset now, CancellationToken ct)
    {
        foreach (var kind in kinds) await IssueAsync(c, kind, signer, issuedBy, now, ct);
    }

    public async Task<IssuedDocument> IssueAsync(Case c, DocumentKind kind, DocumentSigner signer, Guid issuedBy, DateTimeOffset now, CancellationToken ct)
    {
        var document = await BuildAsync(c, kind, signer, issuedBy, now, ct);
        db.IssuedDocuments.Add(document);
        return document;
    }

    public async Task<IReadOnlyList<SigningPackageDocument>> RenderAsync(Case c, IReadOnlyList<DocumentKind> kinds, DocumentSigner signer, DateTimeOffset now, CancellationToken ct)
    {
        var rendered = new List<SigningPackageDocument>();
        foreach (var kind in kinds)
        {
            var d = await BuildAsync(c, kind, signer, Guid.Empty, now, ct);
            rendered.Add(new SigningPackageDocument
            {
                Id = d.Id, Kind = d.Kind, Language = d.Language, TemplateVersion = d.TemplateVersion, Number = d.Number, OutgoingNumber = d.OutgoingNumber,
                SignerName = d.SignerName,
                VerificationCode = d.VerificationCode, SubjectInitials = d.SubjectInitials, Sha256 = d.Sha256, Pdf = d.Content!.Pdf,
            });
        }
        return rendered;
    }

    /// <summary>
    /// A document as issued now (registration and outgoing numbers, verification code, QR codes), not yet stored; a result or
    /// a notice takes its outgoing number here, for paper and digital signing alike.
    /// </summary>
    private async Task<IssuedDocument> BuildAsync(Case c, DocumentKind kind, DocumentSigner signer, Guid issuedBy, DateTimeOffset now, CancellationToken ct)
    {
        var template = await TemplateAsync(kind, c.Language, ct);
        var specialist = await SpecialistAsync(c, ct);
        var code = VerificationCodes.New();
        var url = $"{publicAddress.BaseUrl}/verify/{code}";
        var caption = Domain.Language.Pick(c.Language, "Құжаттың түпнұсқалығын тексеру коды:", "Код проверки подлинности документа:");
        // A result the applicant takes home leads to the survey of quality and accessibility (seed 003 appendix 4).
        var receiptCode = kind is DocumentKind.Receipt or DocumentKind.HousingInspectionAct ? null
            : await Status.ReceiptLookup.ReceiptCodeAsync(db, c.Id, ct);
        var survey = receiptCode is null ? null : Status.ReceiptLookup.Link($"{publicAddress.BaseUrl}/survey", c.Number, receiptCode);
        var surveyCaption = Domain.Language.Pick(c.Language, "Қызмет сапасын бағалаңыз:", "Оцените качество услуги:");
        var id = kind == DocumentKind.Receipt ? IssuedDocument.ReceiptId(c.Id) : Guid.NewGuid();
        var outgoingNumber = OutgoingRegister.Numbers(kind) ? (await outgoing.AssignAsync(c, c.Office!, kind, id, now, ct)).Number : null;
        var pdf = renderer.Render(composer.Compose(c, template, signer, specialist, now, new Verification(code, url, caption, survey, surveyCaption), draft: false,
            outgoingNumber));
        var document = new IssuedDocument
        {
            Id = id, OutgoingNumber = outgoingNumber, CaseId = c.Id, Kind = kind, Language = c.Language, TemplateVersion = template.Version,
            Number = c.Number, CreatedAt = now, CreatedById = issuedBy, SignerName = signer.Name,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(pdf)), Size = pdf.LongLength, VerificationCode = code,
            SubjectInitials = c.Applicant!.Initials,
        };
        document.Content = new IssuedDocumentContent { DocumentId = document.Id, Pdf = pdf };
        return document;
    }

    /// <summary>A preview marked as a draft; nothing is stored and it carries no verification code.</summary>
    public async Task<byte[]> PreviewAsync(Case c, DocumentKind kind, DocumentSigner signer, DateTimeOffset now, CancellationToken ct)
    {
        var template = await TemplateAsync(kind, c.Language, ct);
        return renderer.Render(composer.Compose(c, template, signer, await SpecialistAsync(c, ct), now, verification: null, draft: true));
    }

    /// <summary>The specialist the head assigned (name and IIN), or a nameless one before the resolution.</summary>
    private async Task<DocumentSigner> SpecialistAsync(Case c, CancellationToken ct) => c.Resolution?.SpecialistId is { } id
        ? await db.Users.Where(u => u.Id == id).Select(u => new DocumentSigner(u.FullName, "", u.Iin)).FirstOrDefaultAsync(ct) ?? new DocumentSigner("", "")
        : new DocumentSigner("", "");
}
