using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using GuardianshipPortal.Cases;
using GuardianshipPortal.Data;
using GuardianshipPortal.Domain;
using GuardianshipPortal.Domain.Cases;
using GuardianshipPortal.Domain.Persons;
using GuardianshipPortal.Domain.Services;
using GuardianshipPortal.Partners;
using GuardianshipPortal.Signatures;
using GuardianshipPortal.Web.Features.Registration;
using Microsoft.EntityFrameworkCore;

namespace GuardianshipPortal.Web.Features.Api;

public sealed record RequestEnvelope(string? Cms);

public sealed record RequestPerson(string? Iin, string? LastName, string? FirstName, string? MiddleName, string? Address, string? Phone, string? Email);

public sealed record RequestDocument(string? ChecklistItem, string? FileName, string? ContentType, string? ContentBase64);

/// <summary>The signed content of an electronic request (INTEGRATION.md, issue "electronic requests" 2).</summary>
public sealed record RequestPayload(
    string? ExternalRequestId, string? Service, string? OfficeCode, DateTimeOffset? SubmittedAt, string? Language,
    RequestPerson? Applicant, IReadOnlyList<RequestPerson>? Children, IReadOnlyList<RequestDocument>? Documents);

/// <summary>What the partner is answered about its request, the first time and on every retry.</summary>
public sealed record RequestState(Guid Id, string ExternalRequestId, string RegistrationNumber, DateTimeOffset RegisteredAt, DateTimeOffset DueAt,
    string Status, string Step, string? Outcome, IReadOnlyList<RequestDocumentLink>? Documents = null);

/// <summary>A document of the request the partner may fetch: the receipt, and the signed result once there is one.</summary>
public sealed record RequestDocumentLink(Guid Id, string Kind, string Number, DateTimeOffset CreatedAt, string Sha256, string Url, string VerificationCode);

/// <summary>A refusal of a request: HTTP status and the stable problem code.</summary>
public sealed record IntakeProblem(int Status, string Code);

/// <summary>
/// An electronic request becomes a registered case, or is refused whole: the CMS is checked (signature, chain, validity
/// at signing, revocation), its content read, the signer matched to the applicant (e-government) or to the Public
/// Service Center's BIN, the office and the documents checked — then one transaction registers the case with its receipt
/// and keeps the signed original. The same request again finds the same case; the same id with other content is a conflict.
/// </summary>
public sealed class RequestIntake(
    PortalDbContext db, ISignatureVerifier verifier, CaseRegistration registration, ServiceCatalog services, TimeProvider clock, PartnerCallbacks callbacks)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip };

    public async Task<(RequestState? State, bool Created, IntakeProblem? Problem)> ReceiveAsync(Partner partner, RequestEnvelope? envelope, CancellationToken ct)
    {
        static (RequestState?, bool, IntakeProblem?) Refuse(string code, int status = StatusCodes.Status422UnprocessableEntity) => (null, false, new IntakeProblem(status, code));
        byte[] cms;
        try { cms = Convert.FromBase64String(envelope?.Cms ?? ""); }
        catch (FormatException) { return Refuse("malformed"); }
        if (cms.Length == 0) return Refuse("malformed");

        var now = clock.GetUtcNow();
        var check = await verifier.VerifyAsync(cms, null, now, ct);
        if (check.Problem != SignatureProblem.None) return Refuse(CodeOf(check.Problem));
        RequestPayload? payload;
        try { payload = JsonSerializer.Deserialize<RequestPayload>(check.Content!, Json); }
        catch (JsonException) { return Refuse("malformed"); }
        if (payload is null || string.IsNullOrWhiteSpace(payload.ExternalRequestId) || payload.ExternalRequestId.Length > ElectronicRequest.ExternalIdLength
            || payload.ExternalRequestId.Any(char.IsControl) || payload.Applicant is null)
            return Refuse("malformed");

        var externalId = payload.ExternalRequestId.Trim();
        var sha = Convert.ToHexStringLower(SHA256.HashData(check.Content!));
        if (await db.ElectronicRequests.AsNoTracking().Where(r => r.PartnerId == partner.Id && r.ExternalRequestId == externalId)
                .Select(r => new { r.CaseId, r.ContentSha256 }).FirstOrDefaultAsync(ct) is { } earlier)
            return earlier.ContentSha256 == sha ? (await StateAsync(earlier.CaseId, ct), false, null) : Refuse("conflict", StatusCodes.Status409Conflict);

        var service = services.BySpecCode(payload.Service ?? "")
            ?? (Enum.TryParse<ServiceCode>(payload.Service, true, out var named) && services.IsDefined(named) ? services[named] : null);
        if (service is null) return Refuse("unknown_service");
        var office = await db.Offices.FirstOrDefaultAsync(o => o.Code == (payload.OfficeCode ?? "") && o.IsActive, ct);
        if (office is null) return Refuse("unknown_office");
        if (!await db.Set<PartnerOffice>().AnyAsync(o => o.PartnerId == partner.Id && o.OfficeId == office.Id, ct))
            return Refuse("office_not_allowed", StatusCodes.Status403Forbidden);

        if (ToPerson(payload.Applicant) is not { } applicant) return Refuse("invalid_iin");
        var children = new List<PersonData>();
        foreach (var child in payload.Children ?? [])
            if (ToPerson(child) is { } person) children.Add(person); else return Refuse("invalid_iin");
        if (service.ConcernsChildren && children.Count == 0) return Refuse("malformed");
        if (Texts(payload).Any(t => t.Any(char.IsControl))) return Refuse("malformed");

        // Seed condition 2: the signer is the applicant (e-government), or the Public Service Center registered for the partner.
        if (partner.Channel == Channel.EGov && check.Signer!.Iin != applicant.Iin) return Refuse("signer_iin_mismatch");
        if (partner.Channel == Channel.PublicServiceCenter && check.Signer!.Bin != partner.Bin) return Refuse("signer_bin_mismatch");

        var checklist = await db.DocumentTypes.AsNoTracking().Where(d => d.Service == service.Code && d.IsActive).ToListAsync(ct);
        var files = new List<UploadedFile>();
        var documents = payload.Documents ?? [];
        if (documents.Count == 0) return Refuse("document_missing");
        if (documents.Count > Scans.MaxFiles) return Refuse("too_large");
        foreach (var d in documents)
        {
            var type = checklist.FirstOrDefault(t => t.Code == d.ChecklistItem);
            if (type is null) return Refuse("document_type");
            byte[] bytes;
            try { bytes = Convert.FromBase64String(d.ContentBase64 ?? ""); }
            catch (FormatException) { return Refuse("malformed"); }
            if (bytes.Length == 0) return Refuse("document_missing");
            if (bytes.Length > Scans.MaxBytes) return Refuse("too_large");
            if (Scans.Sniff(bytes) is not { } sniffed) return Refuse("document_type");
            files.Add(new UploadedFile(string.IsNullOrWhiteSpace(d.FileName) ? type.Code : d.FileName, sniffed, bytes, type.Id));
        }
        if (files.Sum(f => (long)f.Bytes.Length) > Scans.MaxTotalBytes) return Refuse("too_large");

        var request = new RegistrationRequest(service.Code, partner.Channel, Language.Normalize(payload.Language ?? Language.Kazakh), applicant, children,
            [.. files.Select(f => f.DocumentTypeId!.Value).Distinct()], files, "", $"partner:{partner.Id:N}:{externalId}");
        var actor = new Actor(partner.Id, partner.Name, [Roles.Clerk], office.Id, office.RegionId);
        var signer = check.Signer!;
        var registered = await registration.RegisterAsync(request, office, actor, new DocumentSigner(partner.Name, ""), ct, async c =>
        {
            var original = new ElectronicRequest
        {
            CaseId = c.Id, PartnerId = partner.Id, ExternalRequestId = externalId, ContentSha256 = sha, SignedRequest = cms, ArrivedAt = now,
            SubmittedAt = payload.SubmittedAt, SignerName = Cut(signer.FullName, 300), SignerIin = signer.Iin ?? "", SignerBin = signer.Bin ?? "",
            SignerSerial = Cut(signer.SerialNumber, 100), SignerIssuer = Cut(signer.Issuer, 500), SignerValidFrom = signer.NotBefore, SignerValidTo = signer.NotAfter,
        };
            db.ElectronicRequests.Add(original);
            // "registered" goes back in the same transaction (the observers ran before the original was attached).
            await callbacks.AddAsync(c, partner.Id, externalId, "registered", ct);
        });
        return (await StateAsync(registered.Case.Id, ct), registered.Created, null);
    }

    public async Task<RequestState?> StateAsync(Guid caseId, CancellationToken ct) =>
        await (from c in db.Cases.AsNoTracking()
               join r in db.ElectronicRequests.AsNoTracking() on c.Id equals r.CaseId
               where c.Id == caseId
               select new { c.Id, r.ExternalRequestId, c.Number, c.RegisteredAt, c.DueAt, c.Step, c.Outcome }).FirstOrDefaultAsync(ct) is { } s
            ? new RequestState(s.Id, s.ExternalRequestId, s.Number, s.RegisteredAt, s.DueAt,
                s.Step == Domain.Workflow.Step.Closed ? "closed" : "in_progress", s.Step.ToString(), s.Outcome?.ToString(),
                [.. (await db.IssuedDocuments.AsNoTracking().Where(d => d.CaseId == caseId && d.RevokedAt == null).OrderBy(d => d.CreatedAt).ThenBy(d => d.Kind)
                    .Select(d => new { d.Id, d.Kind, d.Number, d.CreatedAt, d.Sha256, d.VerificationCode }).ToListAsync(ct))
                    .Select(d => new RequestDocumentLink(d.Id, d.Kind.ToString(), d.Number, d.CreatedAt, d.Sha256, $"/api/v1/requests/{caseId}/documents/{d.Id}", d.VerificationCode))])
            : null;

    private static PersonData? ToPerson(RequestPerson p)
    {
        if (!Iin.IsValid(p.Iin) || string.IsNullOrWhiteSpace(p.LastName) || string.IsNullOrWhiteSpace(p.FirstName)) return null;
        string Limit(string? s, int max) => (s ?? "").Trim() is var t && t.Length <= max ? t : t[..max];
        return new PersonData(p.Iin!.Trim(), Limit(p.LastName, 100), Limit(p.FirstName, 100), Limit(p.MiddleName, 100), Limit(p.Address, 500),
            KazakhPhone.TryNormalize(p.Phone, out var phone) ? phone : "");
    }

    private static IEnumerable<string> Texts(RequestPayload p) =>
        new[] { p.Applicant }.Concat(p.Children ?? []).Where(x => x is not null)
            .SelectMany(x => new[] { x!.LastName, x.FirstName, x.MiddleName, x.Address }).Select(t => t ?? "");

    private static string Cut(string s, int max) => s.Length <= max ? s : s[..max];

    public static string CodeOf(SignatureProblem problem) => problem switch
    {
        SignatureProblem.SignatureInvalid => "signature_invalid",
        SignatureProblem.UnsupportedAlgorithm => "unsupported_algorithm",
        SignatureProblem.CertificateExpired => "certificate_expired",
        SignatureProblem.CertificateUntrusted => "certificate_untrusted",
        SignatureProblem.CertificateRevoked => "certificate_revoked",
        _ => "malformed",
    };
}
