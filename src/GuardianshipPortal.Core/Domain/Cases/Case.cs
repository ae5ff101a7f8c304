using GuardianshipPortal.Domain.Persons;
using GuardianshipPortal.Domain.Services;
using GuardianshipPortal.Domain.Workflow;

namespace GuardianshipPortal.Domain.Cases;

public enum Channel
{
    /// <summary>At the office counter (канцелярия).</summary>
    Office = 1,
    /// <summary>Through a Public Service Center (ЦОН / ХҚКО).</summary>
    PublicServiceCenter = 2,
    /// <summary>An electronic request from the e-government portal.</summary>
    EGov = 3,
}

/// <summary>Why a term is extended (the law's and seed 003 appendix 3's cases), worded "ExtensionReason_{name}".</summary>
public enum ExtensionReason
{
    /// <summary>Documents or information requested from other state bodies.</summary>
    InterAgencyRequest = 1,
    /// <summary>An additional inspection of living conditions is needed.</summary>
    AdditionalInspection = 2,
    /// <summary>The applicant asked for it.</summary>
    ApplicantRequest = 3,
    /// <summary>The commission could not meet within the term.</summary>
    CommissionMeeting = 4,
}

public enum Outcome
{
    /// <summary>The service's positive result: contract, decision, conclusion on possibility, certificate.</summary>
    Approved = 1,
    /// <summary>A motivated refusal (for adopter registration: a conclusion on impossibility).</summary>
    Refused = 2,
}

/// <summary>One application of a citizen for one service, from registration to issue.</summary>
public class Case
{
    public Guid Id { get; set; }
    public Guid OfficeId { get; set; }
    public Office? Office { get; set; }
    public ServiceCode Service { get; set; }
    public Channel Channel { get; set; }
    /// <summary>Unique in the deployment: office code, service prefix, year, sequence — "KRG-01-FP-2026-00017" (see CaseNumbers).</summary>
    public required string Number { get; set; }
    public int Year { get; set; }
    public int Sequence { get; set; }
    public DateTimeOffset RegisteredAt { get; set; }
    public Guid RegisteredById { get; set; }
    public Guid ApplicantId { get; set; }
    public Person? Applicant { get; set; }
    /// <summary>The applicant's spouse applying together (a second applicant), where the service allows it (<see cref="ServiceDefinition.SpouseMayApply"/>).</summary>
    public Guid? SpouseId { get; set; }
    public Person? Spouse { get; set; }
    /// <summary>The applicant's language ("kk" or "ru"): documents are generated in it.</summary>
    public string Language { get; set; } = Domain.Language.Kazakh;
    public string Note { get; set; } = "";

    /// <summary>The regulation in force at registration: later steps get their deadlines from it, so a change of
    /// regulation never moves the deadlines of an open case.</summary>
    public Guid RegulationId { get; set; }
    public Step Step { get; set; }
    public Outcome? Outcome { get; set; }
    public Guid? AssigneeId { get; set; }
    public PortalUser? Assignee { get; set; }
    public DateTimeOffset StepStartedAt { get; set; }
    public DateTimeOffset? StepDueAt { get; set; }
    public DateTimeOffset DueAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    /// <summary>Bumped on every change; a form carries the value it saw, so the second of two concurrent edits is refused.</summary>
    public int Version { get; set; }
    /// <summary>The term extension (once per case): working days added, its reason from the catalogue and the head's words.</summary>
    public int ExtensionDays { get; set; }
    public ExtensionReason? ExtensionReason { get; set; }
    public string ExtensionComment { get; set; } = "";
    public const int ExtensionCommentLength = 1000;
    /// <summary>Since when the clock stands still (waiting for the applicant's documents); null while it runs.</summary>
    public DateTimeOffset? SuspendedAt { get; set; }
    /// <summary>Working minutes the case has stood still in all, already added to its deadlines.</summary>
    public int SuspendedMinutes { get; set; }
    /// <summary>The submission that created the case (a registration form shown once, a partner's request): registering it again finds this case.</summary>
    public string? SubmissionKey { get; set; }
    /// <summary>Where the applicant agreed to be told of the case's changes (SMS to a Kazakh mobile, e-mail); nothing is sent without consent.</summary>
    public string NotifyPhone { get; set; } = "";
    public string NotifyEmail { get; set; } = "";
    public bool NotifyConsent { get; set; }
    /// <summary>
    /// The folded names (<see cref="Person.SearchName"/>) of the applicant, the spouse applying with them and the children, one per line, written at
    /// registration (a case's persons never change): search finds an office's cases by a name through one index on the
    /// case, without joining the region's persons. A query has no line break, so it never matches across two persons.
    /// </summary>
    public string SearchNames { get; set; } = "";

    public static string JoinSearchNames(IEnumerable<string> folded) => string.Join('\n', folded);

    /// <summary>
    /// The index a work queue's page is read through (an office's open cases of a step in the queues' order: step deadline
    /// first, those without one last, then the service's deadline and the number), so a page costs its twenty rows and not a
    /// sort of the step's thousands. The order begins with an expression («no step deadline») that EF's model cannot
    /// describe, so the migration creates it in SQL. PostgreSQL keeps only the open cases in it (a queue names its step, so
    /// the planner sees it is open); SQLite cannot see that and would not use such an index, so it gets every case. EF's model
    /// does not know these raw indexes: a future SQLite migration that rebuilds the Cases table must create them again.
    /// </summary>
    public static string QueueIndexSql(bool postgres) => $"""
        CREATE INDEX "IX_Cases_Queue" ON "Cases" ("OfficeId", "Step", ("StepDueAt" IS NULL), "StepDueAt", "DueAt", "Number"){(postgres ? $" WHERE \"Step\" <> {(int)Workflow.Step.Closed}" : "")};
        """;

    /// <summary>
    /// The index of a whole region's open cases in the queues' order, with each case's office, suspension and step beside it: the
    /// supervisor's region queue and its overdue cases page through it and count from it without reading the cases, and
    /// the regional dashboard groups from it. PostgreSQL keeps office, suspension and step as included columns; SQLite, which
    /// has none, as the last keys.
    /// </summary>
    public static string OpenQueueIndexSql(bool postgres) => postgres
        ? $"""
            CREATE INDEX "IX_Cases_OpenQueue" ON "Cases" (("StepDueAt" IS NULL), "StepDueAt", "DueAt", "Number") INCLUDE ("OfficeId", "SuspendedAt", "Step") WHERE "Step" <> {(int)Workflow.Step.Closed};
            """
        : $"""
            CREATE INDEX "IX_Cases_OpenQueue" ON "Cases" (("StepDueAt" IS NULL), "StepDueAt", "DueAt", "Number", "OfficeId", "SuspendedAt", "Step") WHERE "Step" <> {(int)Workflow.Step.Closed};
            """;

    /// <summary>
    /// SQL that fills what the Lists migration added to the cases stored before it: each case's <see cref="SearchNames"/>
    /// from its applicant, spouse and children (as <see cref="JoinSearchNames"/> joins them) and each issue record's office.
    /// </summary>
    public static string BackfillSql(bool postgres) => postgres
        ? """
          UPDATE "IssueRecords" AS i SET "OfficeId" = c."OfficeId" FROM "Cases" AS c WHERE c."Id" = i."CaseId";
          UPDATE "Cases" AS c SET "SearchNames" = concat_ws(E'\n', p."SearchName",
              (SELECT s."SearchName" FROM "Persons" AS s WHERE s."Id" = c."SpouseId"),
              (SELECT string_agg(cp."SearchName", E'\n' ORDER BY ch."Order") FROM "CaseChildren" AS ch
               JOIN "Persons" AS cp ON cp."Id" = ch."PersonId" WHERE ch."CaseId" = c."Id"))
          FROM "Persons" AS p WHERE p."Id" = c."ApplicantId";
          """
        : """
          UPDATE "IssueRecords" SET "OfficeId" = (SELECT c."OfficeId" FROM "Cases" AS c WHERE c."Id" = "IssueRecords"."CaseId");
          UPDATE "Cases" SET "SearchNames" = coalesce((SELECT p."SearchName" FROM "Persons" AS p WHERE p."Id" = "Cases"."ApplicantId"), '')
              || coalesce((SELECT char(10) || s."SearchName" FROM "Persons" AS s WHERE s."Id" = "Cases"."SpouseId"), '')
              || coalesce((SELECT group_concat(char(10) || cp."SearchName", '' ORDER BY ch."Order") FROM "CaseChildren" AS ch
                           JOIN "Persons" AS cp ON cp."Id" = ch."PersonId" WHERE ch."CaseId" = "Cases"."Id"), '');
          """;

    public List<CaseChild> Children { get; set; } = [];
    public List<CaseDocument> Documents { get; set; } = [];
    public List<CaseEvent> Events { get; set; } = [];
    public Resolution? Resolution { get; set; }
    public Draft? Draft { get; set; }
    public HousingInspection? HousingInspection { get; set; }
    public CommissionOpinion? CommissionOpinion { get; set; }
    public Signature? Signature { get; set; }
    public IssueRecord? IssueRecord { get; set; }
    /// <summary>Documents of a Public Service Center returned to it with errors: the case closed without a result.</summary>
    public CenterReturn? CenterReturn { get; set; }
    public CaseRepresentative? Representative { get; set; }
}

public class CaseChild
{
    public Guid CaseId { get; set; }
    public Guid PersonId { get; set; }
    public Person? Person { get; set; }
    public int Order { get; set; }
}

/// <summary>A line of the case's documents checklist: received or not, with its scans.</summary>
public class CaseDocument
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public Guid DocumentTypeId { get; set; }
    public DocumentType? DocumentType { get; set; }
    public bool Received { get; set; }
    public List<Attachment> Attachments { get; set; } = [];
}

/// <summary>A scanned document (PDF, JPEG, PNG). The bytes live in <see cref="AttachmentContent"/> so lists never load them.</summary>
public class Attachment
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public Guid? CaseDocumentId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required string Sha256 { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
    public Guid UploadedById { get; set; }
    public AttachmentContent? Content { get; set; }
}

public class AttachmentContent
{
    public Guid AttachmentId { get; set; }
    public required byte[] Bytes { get; set; }
}

/// <summary>Step 2: the head's resolution and the responsible specialist.</summary>
public class Resolution
{
    public Guid CaseId { get; set; }
    public required string Text { get; set; }
    public Guid HeadId { get; set; }
    public Guid SpecialistId { get; set; }
    public DateTimeOffset At { get; set; }
}

/// <summary>Step 3: the draft result. Which of its fields a service uses is said by the service's definition.</summary>
public class Draft : IDraftFields
{
    public Guid CaseId { get; set; }
    public Outcome Outcome { get; set; }
    public int Round { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public Guid UpdatedById { get; set; }

    // Foster placement and foster maintenance: the period.
    public DateOnly? PeriodFrom { get; set; }
    public DateOnly? PeriodTo { get; set; }
    // Foster placement: where the child will live.
    public string PlacementAddress { get; set; } = "";
    // Adoption lump sum: the court decision on adoption and the adopter's bank account.
    public string CourtName { get; set; } = "";
    public string CourtDecisionNumber { get; set; } = "";
    public DateOnly? CourtDecisionDate { get; set; }
    public string BankName { get; set; } = "";
    public string Iban { get; set; } = "";
    public int? MrpCount { get; set; }
    public decimal? MrpValue { get; set; }
    // Lump sum: the total; maintenance: the monthly amount per child.
    public decimal? Amount { get; set; }
    // Guardianship certificate: the decision that established guardianship.
    public string GuardianshipDecisionNumber { get; set; } = "";
    public DateOnly? GuardianshipDecisionDate { get; set; }
    public string GuardianshipDecisionIssuer { get; set; } = "";
    // Adopter registration: reasons of the conclusion.
    public string ConclusionText { get; set; } = "";
    // Refusal: at least one ground plus a motivation.
    public string RefusalText { get; set; } = "";
    public List<DraftRefusalGround> RefusalGrounds { get; set; } = [];
}

public class DraftRefusalGround
{
    public Guid CaseId { get; set; }
    public Guid RefusalGroundId { get; set; }
    public RefusalGround? RefusalGround { get; set; }
}

/// <summary>
/// Housing inspection act (акт обследования жилищно-бытовых условий): when and where, who inspected (the specialist and the
/// others named, each signing the act), who was present, the family, the dwelling (rooms, area, amenities, condition), the
/// family's income, the findings and the conclusion.
/// </summary>
public class HousingInspection : IInspectionFields
{
    public Guid CaseId { get; set; }
    public DateOnly InspectedOn { get; set; }
    /// <summary>The dwelling inspected: the place of the inspection.</summary>
    public required string Address { get; set; }
    public required string Findings { get; set; }
    public bool Satisfactory { get; set; }
    /// <summary>The specialist who inspected and recorded the act.</summary>
    public Guid InspectorId { get; set; }
    /// <summary>Others who inspected with the specialist, one per line ("Name, position"); each signs the act.</summary>
    public string OtherInspectors { get; set; } = "";
    /// <summary>Persons present at the inspection.</summary>
    public string PersonsPresent { get; set; } = "";
    /// <summary>Who lives in the dwelling: the family's composition.</summary>
    public string Family { get; set; } = "";
    public int? Rooms { get; set; }
    /// <summary>Total area in square metres.</summary>
    public decimal? Area { get; set; }
    public string Amenities { get; set; } = "";
    /// <summary>The dwelling's sanitary and technical condition.</summary>
    public string Condition { get; set; } = "";
    /// <summary>The family's income and its sources.</summary>
    public string Income { get; set; } = "";

    /// <summary>The other inspectors, one per non-empty line.</summary>
    public IReadOnlyList<string> OtherInspectorLines() => Lines(OtherInspectors);

    /// <summary>The non-empty lines of a text, trimmed.</summary>
    public static IReadOnlyList<string> Lines(string text) =>
        [.. text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
}

/// <summary>What the specialist writes into a housing inspection act (the form and the stored act share these).</summary>
public interface IInspectionFields
{
    DateOnly InspectedOn { get; }
    string Address { get; }
    string OtherInspectors { get; }
    string PersonsPresent { get; }
    string Family { get; }
    int? Rooms { get; }
    decimal? Area { get; }
    string Amenities { get; }
    string Condition { get; }
    string Income { get; }
    string Findings { get; }
    bool Satisfactory { get; }
}

/// <summary>The commission's opinion on a candidate adopter.</summary>
public class CommissionOpinion
{
    public Guid CaseId { get; set; }
    public bool Positive { get; set; }
    public required string Text { get; set; }
    public Guid MemberId { get; set; }
    public DateTimeOffset At { get; set; }
}

/// <summary>Step 4: the head signed the result.</summary>
public class Signature
{
    public Guid CaseId { get; set; }
    public Guid SignerId { get; set; }
    public required string SignerName { get; set; }
    public string SignerPositionKk { get; set; } = "";
    public string SignerPositionRu { get; set; } = "";
    public DateTimeOffset At { get; set; }

    /// <summary>The head's signature as the case records it: name and position in both languages, at that moment.</summary>
    public static Signature By(PortalUser head, Guid caseId, DateTimeOffset at) => new()
    {
        CaseId = caseId, SignerId = head.Id, SignerName = head.FullName, SignerPositionKk = head.PositionKk, SignerPositionRu = head.PositionRu, At = at,
    };
}

/// <summary>Step 5: the result handed over; the applicant signed for it in the journal.</summary>
public class IssueRecord
{
    public Guid CaseId { get; set; }
    /// <summary>The case's office, kept on the record so that an office's issue journal reads one index by office and time.</summary>
    public Guid OfficeId { get; set; }
    public DateTimeOffset IssuedAt { get; set; }
    public Guid IssuedById { get; set; }
    public required string RecipientName { get; set; }
    public required string RecipientDocument { get; set; }
    public bool SignedForReceipt { get; set; }
}

/// <summary>The append-only history: who did what, in which role and office, when, from which step to which.</summary>
public class CaseEvent
{
    public long Id { get; set; }
    public Guid CaseId { get; set; }
    public DateTimeOffset At { get; set; }
    public Guid UserId { get; set; }
    public required string UserName { get; set; }
    public required string Role { get; set; }
    public Guid? OfficeId { get; set; }
    public CaseAction Action { get; set; }
    public Step FromStep { get; set; }
    public Step ToStep { get; set; }
    public string Comment { get; set; } = "";
}

/// <summary>
/// Audit of reads of personal data, searches, prints, exports and changes of settings (changes of cases are their
/// <see cref="CaseEvent"/> history). <see cref="Action"/> is an <see cref="AuditAction"/> by name.
/// </summary>
public class AuditEvent
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public Guid UserId { get; set; }
    public required string Action { get; set; }
    public Guid? CaseId { get; set; }
    public string Detail { get; set; } = "";
    /// <summary>For changes of settings: the value before and after, as the administrator saw them.</summary>
    public string? Before { get; set; }
    public string? After { get; set; }
}

/// <summary>The last sequence number given per office, year and service (the number itself also names the office).</summary>
public class RegistrationCounter
{
    public Guid OfficeId { get; set; }
    public int Year { get; set; }
    public ServiceCode Service { get; set; }
    public int Last { get; set; }
}
