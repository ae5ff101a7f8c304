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
using GuardianshipPortal.Web.Features.Documents;
using GuardianshipPortal.Web.Features.Registration;
using Microsoft.EntityFrameworkCore;

namespace GuardianshipPortal.Web.Features.Api;

public sealed record RequestEnvelope(string? Cms);

public sealed record RequestPerson(string? Iin, string? LastName, string? FirstName, string? MiddleName, string? Address, string? Phone, string? Email);

/// <summary>A representative applying with a notarised power of attorney (seed 003 p7): may sign the request instead of the applicant.</summary>
public sealed record RequestRepresentative(string? Iin, string? LastName, string? FirstName, string? MiddleName, RequestPowerOfAttorney? PowerOfAttorney);

public sealed record RequestPowerOfAttorney(string? Number, DateOnly? Date, string? Notary);

/// <summary>
/// What the applicant supplies of the service's own result, where the service has it (a court decision and bank account for the
/// lump sum, the period and address of a placement, the decision that established guardianship): the specialist's draft starts from it.
/// </summary>
public sealed class RequestServiceFields : IDraftFields
{
    public DateOnly? PeriodFrom { get; set; }
    public DateOnly? PeriodTo { get; set; }
    public string PlacementAddress { get; set => field = value ?? ""; } = "";
    public string CourtName { get; set => field = value ?? ""; } = "";
    public string CourtDecisionNumber { get; set => field = value ?? ""; } = "";
    public DateOnly? CourtDecisionDate { get; set; }
    public string BankName { get; set => field = value ?? ""; } = "";
    public string Iban { get; set => field = value ?? ""; } = "";
    public string GuardianshipDecisionNumber { get; set => field = value ?? ""; } = "";
    public DateOnly? GuardianshipDecisionDate { get; set; }
    public string GuardianshipDecisionIssuer { get; set => field = value ?? ""; } = "";
    // The amount and the conclusion are the office's to write.
    [System.Text.Json.Serialization.JsonIgnore] public decimal? Amount { get; set; }
    [System.Text.Json.Serialization.JsonIgnore] public string ConclusionText { get; set; } = "";

    /// <summary>Each text with its JSON name and the draft's column it fills (whose length limits it).</summary>
    public IEnumerable<(string Name, string Value, string Column)> Texts() =>
    [
        ("placementAddress", PlacementAddress, nameof(Draft.PlacementAddress)), ("courtName", CourtName, nameof(Draft.CourtName)),
        ("courtDecisionNumber", CourtDecisionNumber, nameof(Draft.CourtDecisionNumber)), ("bankName", BankName, nameof(Draft.BankName)),
        ("iban", Iban, nameof(Draft.Iban)), ("guardianshipDecisionNumber", GuardianshipDecisionNumber, nameof(Draft.GuardianshipDecisionNumber)),
        ("guardianshipDecisionIssuer", GuardianshipDecisionIssuer, nameof(Draft.GuardianshipDecisionIssuer)),
    ];

    public bool IsEmpty => Texts().All(t => string.IsNullOrWhiteSpace(t.Value)) && PeriodFrom is null && PeriodTo is null
        && CourtDecisionDate is null && GuardianshipDecisionDate is null;
}

public sealed record RequestDocument(string? ChecklistItem, string? FileName, string? ContentType, string? ContentBase64);

/// <summary>
/// The signed content of an electronic request (INTEGRATION.md, issue "electronic requests" 2). <see cref="Spouse"/>: the
/// applicant's spouse applying together, for a service that takes one (adopter registration); refused for any other.
/// </summary>
public sealed record RequestPayload(
    string? ExternalRequestId, string? Service, string? OfficeCode, DateTimeOffset? SubmittedAt, string? Language,
    RequestPerson? Applicant, IReadOnlyList<RequestPerson>? Children, IReadOnlyList<RequestDocument>? Documents,
    RequestRepresentative? Representative = null, RequestServiceFields? ServiceFields = null, RequestPerson? Spouse = null);

/// <summary>
/// What the partner is answered about its request, the first time and on every retry. <see cref="ResultDelivery"/>, once the
/// result is signed: "partner" (fetch the signed result and report its hand-over) or "office" (the applicant collects it
/// at the office; the partner passes on the readiness notice).
/// </summary>
public sealed record RequestState(Guid Id, string ExternalRequestId, string RegistrationNumber, DateTimeOffset RegisteredAt, DateTimeOffset DueAt,
    string Status, string Step, string? Outcome, IReadOnlyList<RequestDocumentLink>? Documents = null, ApiReturn? Returned = null,
    string? ResultDelivery = null);

/// <summary>A document of the request the partner may fetch: the receipt, and the signed result once there is one.</summary>
public sealed record RequestDocumentLink(Guid Id, string Kind, string Number, DateTimeOffset CreatedAt, string Sha256, string Url, string VerificationCode);

/// <summary>A refusal of a request: HTTP status, the stable problem code and, where one field is at fault, its JSON path.</summary>
public sealed record IntakeProblem(int Status, string Code, string? Field = null);

/// <summary>
/// An electronic request becomes a registered case, or is refused whole: the CMS is checked (signature, chain, validity
/// at signing, revocation), its content read, the signer matched to the applicant (e-government) or to the Public
/// Service Center's BIN, the office and the documents checked — then one transaction registers the case and keeps the
/// signed original; the receipt is frozen after it, at the latest when the partner is answered. The same request again
/// finds the same case; the same id with other content is a conflict.
/// </summary>
public sealed class RequestIntake(
    PortalDbContext db, ISignatureVerifier verifier, CaseRegistration registration, ServiceCatalog services, TimeProvider clock, PartnerCallbacks callbacks,
    Microsoft.Extensions.Localization.IStringLocalizerFactory localizers, Receipts receipts)
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
        var officeCode = payload.OfficeCode ?? "";
        // A code with control characters names no office (and PostgreSQL refuses a NUL in a query's text).
        var office = officeCode.Any(char.IsControl) ? null : await db.Offices.FirstOrDefaultAsync(o => o.Code == officeCode && o.IsActive, ct);
        if (office is null) return Refuse("unknown_office");
        if (!await db.Set<PartnerOffice>().AnyAsync(o => o.PartnerId == partner.Id && o.OfficeId == office.Id, ct))
            return Refuse("office_not_allowed", StatusCodes.Status403Forbidden);

        if (ToPerson(payload.Applicant, "applicant", out var applicant) is { } applicantProblem) return (null, false, applicantProblem);
        var children = new List<PersonData>();
        for (var i = 0; i < (payload.Children?.Count ?? 0); i++)
        {
            if (ToPerson(payload.Children![i], $"children[{i}]", out var child) is { } childProblem) return (null, false, childProblem);
            children.Add(child!);
        }
        if (service.ConcernsChildren && children.Count == 0) return (null, false, new IntakeProblem(StatusCodes.Status422UnprocessableEntity, "malformed", "children"));
        PersonData? spouse = null;
        if (payload.Spouse is not null)
        {
            if (!service.SpouseMayApply) return (null, false, new IntakeProblem(StatusCodes.Status422UnprocessableEntity, "spouse_not_allowed", "spouse"));
            if (ToPerson(payload.Spouse, "spouse", out spouse) is { } spouseProblem) return (null, false, spouseProblem);
            // The spouse is a second applicant: not the applicant, not one of the children.
            if (spouse!.Iin == applicant!.Iin || children.Any(ch => ch.Iin == spouse.Iin))
                return (null, false, new IntakeProblem(StatusCodes.Status422UnprocessableEntity, "spouse_same_person", "spouse.iin"));
        }
        Representation? representative = null;
        if (payload.Representative is { } rep)
        {
            if (ToPerson(new RequestPerson(rep.Iin, rep.LastName, rep.FirstName, rep.MiddleName, null, null, null), "representative", out var person) is { } repProblem)
                return (null, false, repProblem);
            var poa = rep.PowerOfAttorney;
            if (poa?.Date is not { } poaDate || poaDate > DateOnly.FromDateTime(now.UtcDateTime.AddDays(1))
                || Text(poa.Number, CaseRepresentative.NumberLength) is not { Length: > 0 } poaNumber || Text(poa.Notary, CaseRepresentative.NotaryLength) is not { Length: > 0 } notary)
                return (null, false, new IntakeProblem(StatusCodes.Status422UnprocessableEntity, "power_of_attorney", "representative.powerOfAttorney"));
            // A representative is someone else: not the applicant, not one of the children.
            if (person!.Iin == applicant!.Iin || children.Any(ch => ch.Iin == person.Iin))
                return (null, false, new IntakeProblem(StatusCodes.Status422UnprocessableEntity, "malformed", "representative.iin"));
            representative = new Representation(person, poaNumber, poaDate, notary);
        }

        var supplied = payload.ServiceFields;
        if (supplied is not null)
        {
            service.KeepOwn(supplied);
            foreach (var (name, value, column) in supplied.Texts())
            {
                var max = ColumnLength<Draft>(column);
                if ((value ?? "").Any(char.IsControl)) return (null, false, new IntakeProblem(StatusCodes.Status422UnprocessableEntity, "malformed", "serviceFields." + name));
                if ((value ?? "").Trim().Length > max) return (null, false, new IntakeProblem(StatusCodes.Status422UnprocessableEntity, "text_too_long", "serviceFields." + name));
            }
            if (!string.IsNullOrWhiteSpace(supplied.Iban) && !Iban.IsValidKazakh(supplied.Iban))
                return (null, false, new IntakeProblem(StatusCodes.Status422UnprocessableEntity, "malformed", "serviceFields.iban"));
        }

        // Seed condition 2: the signer is the applicant — or the representative named with a power of attorney — (e-government),
        // or the Public Service Center registered for the partner.
        if (partner.Channel == Channel.EGov && check.Signer!.Iin != applicant!.Iin && check.Signer.Iin != representative?.Person.Iin)
            return Refuse("signer_iin_mismatch");
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

        // Contacts given in the request are where the applicant asked to be answered about it.
        var email = Text(payload.Applicant.Email, Contacts.EmailLength) ?? "";
        var contacts = applicant!.Phone.Length > 0 || email.Length > 0 ? new Contacts(applicant.Phone, email.Contains('@') ? email : "", true) : null;
        var request = new RegistrationRequest(service.Code, partner.Channel, Language.Normalize(payload.Language ?? Language.Kazakh), applicant, children,
            [.. files.Select(f => f.DocumentTypeId!.Value).Distinct()], files, "", $"partner:{partner.Id:N}:{externalId}", contacts, representative, spouse);
        var actor = new Actor(partner.Id, partner.Name, [Roles.Clerk], office.Id, office.RegionId);
        var signer = check.Signer!;
        var registered = await registration.RegisterAsync(request, office, actor, Receipts.Partner(partner.Name), ct, async c =>
        {
            var original = new ElectronicRequest
        {
            CaseId = c.Id, PartnerId = partner.Id, ExternalRequestId = externalId, ContentSha256 = sha, SignedRequest = cms, ArrivedAt = now,
            SubmittedAt = payload.SubmittedAt, SignerName = Cut(signer.FullName, 300), SignerIin = signer.Iin ?? "", SignerBin = signer.Bin ?? "",
            SignerSerial = Cut(signer.SerialNumber, 100), SignerIssuer = Cut(signer.Issuer, 500), SignerValidFrom = signer.NotBefore, SignerValidTo = signer.NotAfter,
        };
            db.ElectronicRequests.Add(original);
            if (supplied is { IsEmpty: false })
            {
                // The specialist's draft starts from what the applicant supplied (not decided: the outcome is the specialist's).
                c.Draft = new Draft { CaseId = c.Id, Outcome = Outcome.Approved, UpdatedAt = now, UpdatedById = partner.Id };
                supplied.CopyTo(c.Draft);
            }
            // "registered" goes back in the same transaction (the observers ran before the original was attached).
            await callbacks.AddAsync(c, partner.Id, externalId, "registered", ct);
        });
        return (await StateAsync(registered.Case.Id, ct), registered.Created, null);
    }

    public async Task<RequestState?> StateAsync(Guid caseId, CancellationToken ct)
    {
        var s = await (from c in db.Cases.AsNoTracking()
                       join r in db.ElectronicRequests.AsNoTracking() on c.Id equals r.CaseId
                       where c.Id == caseId
                       select new { c.Id, r.ExternalRequestId, c.Number, c.RegisteredAt, c.DueAt, c.Step, c.Outcome, c.Service, c.Channel, c.CenterReturn })
            .FirstOrDefaultAsync(ct);
        if (s is null) return null;
        var atOffice = s.Outcome is { } outcome && services[s.Service].ResultCollectedAtOffice(outcome, s.Channel);
        var query = PartnerDocuments(caseId, atOffice)
            .OrderBy(d => d.CreatedAt).ThenBy(d => d.Kind)
            .Select(d => new { d.Id, d.Kind, d.Number, d.CreatedAt, d.Sha256, d.VerificationCode });
        var documents = await query.ToListAsync(ct);
        // The partner's answer is where an electronic request's receipt is shown: one the registration could not freeze is frozen now.
        if (!documents.Any(d => d.Kind == Domain.Documents.DocumentKind.Receipt))
        {
            await receipts.FreezeMissingAsync(caseId, ct);
            documents = await query.ToListAsync(ct);
        }
        return new RequestState(s.Id, s.ExternalRequestId, s.Number, s.RegisteredAt, s.DueAt,
            s.CenterReturn is not null ? "returned" : s.Step == Domain.Workflow.Step.Closed ? "closed" : "in_progress", s.Step.ToString(), s.Outcome?.ToString(),
            [.. documents.Select(d => new RequestDocumentLink(d.Id, d.Kind.ToString(), d.Number, d.CreatedAt, d.Sha256, $"/api/v1/requests/{caseId}/documents/{d.Id}", d.VerificationCode))],
            s.CenterReturn is { } returned ? ApiReturn.Of(returned, localizers) : null,
            s.Outcome is null || s.Step < Domain.Workflow.Step.Issue ? null : atOffice ? "office" : "partner");
    }

    /// <summary>
    /// The documents a partner may fetch: the receipt, and the signed result with what was signed with it — or, when the
    /// result is collected at the office (seed 000 p3, 002 appendices 3–4), only the notice that it is ready.
    /// </summary>
    public IQueryable<Domain.Documents.IssuedDocument> PartnerDocuments(Guid caseId, bool resultAtOffice) =>
        db.IssuedDocuments.AsNoTracking().Where(d => d.CaseId == caseId && d.RevokedAt == null
            && (!resultAtOffice || d.Kind == Domain.Documents.DocumentKind.Receipt || d.Kind == Domain.Documents.DocumentKind.ReadinessNotification));

    /// <summary>Whether the partner's report of handing over may close the case: not when the result is collected at the office.</summary>
    public async Task<bool> ResultAtOfficeAsync(Guid caseId, CancellationToken ct) =>
        await db.Cases.AsNoTracking().Where(c => c.Id == caseId).Select(c => new { c.Service, c.Outcome, c.Channel }).FirstOrDefaultAsync(ct) is { Outcome: { } outcome } c
        && services[c.Service].ResultCollectedAtOffice(outcome, c.Channel);

    /// <summary>A person of the request, or why not: an invalid IIN, a missing name, a text too long for its column or with control characters.</summary>
    private IntakeProblem? ToPerson(RequestPerson? p, string path, out PersonData? person)
    {
        person = null;
        static IntakeProblem Bad(string code, string field) => new(StatusCodes.Status422UnprocessableEntity, code, field);
        if (p is null) return Bad("malformed", path);
        if (!Iin.IsValid(p.Iin)) return Bad("invalid_iin", path + ".iin");
        string?[] texts = [p.LastName, p.FirstName, p.MiddleName, p.Address, p.Phone, p.Email];
        string[] names = ["lastName", "firstName", "middleName", "address", "phone", "email"];
        int[] limits = [ColumnLength<Person>(nameof(Person.LastName)), ColumnLength<Person>(nameof(Person.FirstName)),
            ColumnLength<Person>(nameof(Person.MiddleName)), ColumnLength<Person>(nameof(Person.Address)), ColumnLength<Person>(nameof(Person.Phone)),
            ColumnLength<Case>(nameof(Case.NotifyEmail))];
        for (var i = 0; i < texts.Length; i++)
        {
            if (texts[i] is not { } t) continue;
            if (t.Any(char.IsControl)) return Bad("malformed", $"{path}.{names[i]}");
            if (t.Trim().Length > limits[i]) return Bad("text_too_long", $"{path}.{names[i]}");
        }
        if (string.IsNullOrWhiteSpace(p.LastName)) return Bad("malformed", path + ".lastName");
        if (string.IsNullOrWhiteSpace(p.FirstName)) return Bad("malformed", path + ".firstName");
        person = new PersonData(p.Iin!.Trim(), p.LastName.Trim(), p.FirstName.Trim(), (p.MiddleName ?? "").Trim(), (p.Address ?? "").Trim(),
            KazakhPhone.TryNormalize(p.Phone, out var phone) ? phone : "");
        return null;
    }

    /// <summary>The length of the column a text of the request fills, as the model configures it.</summary>
    private int ColumnLength<TEntity>(string property) => db.Model.FindEntityType(typeof(TEntity))!.FindProperty(property)!.GetMaxLength()!.Value;

    /// <summary>A trimmed text within its limit and without control characters, or null.</summary>
    private static string? Text(string? value, int max) =>
        value?.Trim() is { } t && t.Length <= max && !t.Any(char.IsControl) ? t : null;

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
