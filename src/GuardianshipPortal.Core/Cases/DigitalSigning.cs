using GuardianshipPortal.Data;
using GuardianshipPortal.Domain;
using GuardianshipPortal.Domain.Cases;
using GuardianshipPortal.Domain.Documents;
using GuardianshipPortal.Domain.Services;
using GuardianshipPortal.Signatures;
using Microsoft.EntityFrameworkCore;

namespace GuardianshipPortal.Cases;

/// <summary>A signature the head's browser sent back for one frozen document: the detached CMS, base64 as NCALayer gives it.</summary>
public sealed record SignedDocument(Guid DocumentId, string? Cms);

/// <summary>
/// The head's digital signature (ЭЦП) through NCALayer. First the result's documents are frozen into a package (the bytes
/// the preview shows and NCALayer signs); then each detached CMS is verified against those exact bytes, the certificate
/// against the head (SERIALNUMBER "IIN" + the head's IIN; an employee's certificate must carry the office's BIN in OU), its
/// validity, the trusted roots and the revocation lists; only when every document's signature stands do the documents
/// become the case's issued documents with their signatures, and the caller records the transition to issue.
/// </summary>
public sealed class DigitalSigning(PortalDbContext db, ServiceCatalog services, IResultDocuments documents, ISignatureVerifier verifier)
{
    /// <summary>Freezes the documents the head's signature covers (replacing any earlier package of the case).</summary>
    public async Task<(SigningPackage? Package, StepProblem? Problem)> PrepareAsync(Case c, PortalUser head, DateTimeOffset now, CancellationToken ct)
    {
        if (services[c.Service].SignedDocuments(c) is not { } kinds) return (null, new("Signing_NoDraft"));
        if (!Domain.Persons.Iin.IsValid(head.Iin)) return (null, new("DigitalSign_NoIin"));
        var rendered = await documents.RenderAsync(c, kinds, DocumentSigner.Of(head, c.Language), now, ct);
        await db.SigningPackages.Where(p => p.CaseId == c.Id).ExecuteDeleteAsync(ct);
        var package = new SigningPackage { Id = Guid.NewGuid(), CaseId = c.Id, CaseVersion = c.Version, PreparedAt = now, PreparedById = head.Id };
        foreach (var d in rendered) d.PackageId = package.Id;
        package.Documents.AddRange(rendered);
        db.SigningPackages.Add(package);
        return (package, null);
    }

    /// <summary>
    /// Checks every signature of the package; a refusal names the document and the reason, and nothing is applied. On success
    /// the signature is recorded, the frozen documents are issued with their CMS, and the package is gone.
    /// </summary>
    public async Task<IReadOnlyList<StepProblem>> SignAsync(
        Case c, Office office, PortalUser head, SigningPackage package, IReadOnlyList<SignedDocument> signed, DateTimeOffset now, CancellationToken ct)
    {
        if (services[c.Service].SignedDocuments(c) is not { } kinds) return [new("Signing_NoDraft")];
        if (package.CaseId != c.Id || package.CaseVersion != c.Version || !package.Documents.Select(d => d.Kind).Order().SequenceEqual(kinds.Order()))
            return [new("DigitalSign_Stale")];
        var problems = new List<StepProblem>();
        var signatures = new List<DocumentSignature>();
        foreach (var document in package.Documents)
        {
            var label = new Label("DocKind_" + document.Kind);
            var cms = signed.FirstOrDefault(s => s.DocumentId == document.Id)?.Cms;
            byte[] bytes;
            try { bytes = Convert.FromBase64String(cms ?? ""); }
            catch (FormatException) { bytes = []; }
            if (bytes.Length == 0)
            {
                problems.Add(new("DigitalSign_Missing", label));
                continue;
            }
            var check = await verifier.VerifyAsync(bytes, document.Pdf, now, ct);
            if (check.Problem != SignatureProblem.None)
            {
                problems.Add(new("DigitalSign_" + check.Problem, label));
                continue;
            }
            var signer = check.Signer!;
            // The signing time is written by the signer's software: it must fall between the freezing and now, or an expired
            // certificate could sign by dating its signature back.
            if (check.SignedAt is { } signedAt && (signedAt < package.PreparedAt - ClockSkew || signedAt > now + ClockSkew))
            {
                problems.Add(new("DigitalSign_SigningTime", label));
                continue;
            }
            if (!Domain.Persons.Iin.IsValid(head.Iin) || signer.Iin != head.Iin)
            {
                problems.Add(new("DigitalSign_NotTheHead", label, signer.FullName));
                continue;
            }
            if (!string.IsNullOrEmpty(signer.Bin) && signer.Bin != office.Bin)
            {
                problems.Add(new("DigitalSign_OtherOrganisation", label, signer.Bin));
                continue;
            }
            signatures.Add(new DocumentSignature
            {
                DocumentId = document.Id, CaseId = c.Id, Cms = bytes, SignedById = head.Id, SignerName = Cut(signer.FullName, 300), SignerIin = signer.Iin ?? "",
                SignerBin = signer.Bin ?? "", CertificateSerial = Cut(signer.SerialNumber, 100), CertificateIssuer = Cut(signer.Issuer, 500),
                CertificateSubject = Cut(signer.Subject, 500), CertificateValidFrom = signer.NotBefore, CertificateValidTo = signer.NotAfter,
                SignedAt = check.SignedAt ?? now, CheckedAt = now,
            });
        }
        if (problems.Count > 0) return problems;

        c.Signature = Signature.By(head, c.Id, now);
        foreach (var d in package.Documents)
        {
            db.IssuedDocuments.Add(new IssuedDocument
            {
                Id = d.Id, CaseId = c.Id, Kind = d.Kind, Language = d.Language, TemplateVersion = d.TemplateVersion, Number = d.Number,
                CreatedAt = now, CreatedById = head.Id, SignerName = d.SignerName, Sha256 = d.Sha256, Size = d.Pdf.LongLength,
                VerificationCode = d.VerificationCode, SubjectInitials = d.SubjectInitials, OutgoingNumber = d.OutgoingNumber,
                Content = new IssuedDocumentContent { DocumentId = d.Id, Pdf = d.Pdf },
            });
        }
        db.DocumentSignatures.AddRange(signatures);
        db.SigningPackages.Remove(package);
        return [];
    }

    /// <summary>How far the head's computer clock may be off the portal's.</summary>
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private static string Cut(string s, int max) => s.Length <= max ? s : s[..max];
}
