using GuardianshipPortal.Data;
using GuardianshipPortal.Domain;
using GuardianshipPortal.Domain.Cases;
using GuardianshipPortal.Domain.Documents;
using GuardianshipPortal.Domain.Services;
using GuardianshipPortal.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace GuardianshipPortal.Cases;

/// <summary>Why the domain refused a change: a resource key and its arguments, worded by the caller in the user's language.</summary>
public sealed record StepProblem(string Key, params object[] Args);

/// <summary>
/// The person a signed document names as its signer (or its specialist), with their IIN when it is known: a document's
/// wording agrees with the sex its seventh digit states, and only without one is the sex read from the name.
/// </summary>
public sealed record DocumentSigner(string Name, string Position, string Iin = "")
{
    /// <summary>A staff member as a document in <paramref name="language"/> names them.</summary>
    public static DocumentSigner Of(PortalUser user, string language) => new(user.FullName, user.Position(language), user.Iin);
}

/// <summary>Renders and freezes documents of a case (the portal's PDF issuer).</summary>
public interface IResultDocuments
{
    Task FreezeAsync(Case c, IReadOnlyList<DocumentKind> kinds, DocumentSigner signer, Guid issuedBy, DateTimeOffset now, CancellationToken ct);

    /// <summary>Renders the documents as they will be issued (number, verification code, QR), without storing them.</summary>
    Task<IReadOnlyList<SigningPackageDocument>> RenderAsync(Case c, IReadOnlyList<DocumentKind> kinds, DocumentSigner signer, DateTimeOffset now, CancellationToken ct);
}

/// <summary>A housing inspection act as the specialist records it.</summary>
public sealed record InspectionData(DateOnly InspectedOn, string Address, string Findings, bool Satisfactory) : IInspectionFields
{
    public string OtherInspectors { get; init; } = "";
    public string PersonsPresent { get; init; } = "";
    public string Family { get; init; } = "";
    public int? Rooms { get; init; }
    public decimal? Area { get; init; }
    public string Amenities { get; init; } = "";
    public string Condition { get; init; } = "";
    public string Income { get; init; } = "";
}

public sealed record Recipient(string Name, string Document);

/// <summary>
/// What each step does to a case, beside the transition itself (<see cref="CaseTransitions"/>): the resolution and the
/// assignee, the inspection act, the commission's opinion, the draft with its computed amount, the signature that freezes
/// the result, a return for rework, the issue of a valid signed result, and the revocation of a result. Each method
/// refuses what the law does not allow and changes nothing then; the caller records the transition and saves.
/// </summary>
public sealed class CaseSteps(PortalDbContext db, ServiceCatalog services, IResultDocuments documents, Deadlines deadlines)
{
    public StepProblem? Resolve(Case c, string text, Guid? specialistId, IReadOnlyCollection<Guid> officeSpecialists, Actor actor, DateTimeOffset now)
    {
        if (specialistId is not { } specialist || !officeSpecialists.Contains(specialist)) return new("Resolution_SpecialistInvalid");
        c.Resolution = new Resolution { CaseId = c.Id, Text = text.Trim(), HeadId = actor.UserId, SpecialistId = specialist, At = now };
        c.AssigneeId = specialist;
        return null;
    }

    public StepProblem? RecordInspection(Case c, InspectionData data, Actor actor)
    {
        if (!services[c.Service].NeedsHousingInspection) return new("Inspection_NotNeeded");
        var act = c.HousingInspection ??= new HousingInspection { CaseId = c.Id, Address = "", Findings = "" };
        act.InspectedOn = data.InspectedOn;
        act.Address = data.Address.Trim();
        act.Findings = data.Findings.Trim();
        act.Satisfactory = data.Satisfactory;
        act.OtherInspectors = string.Join('\n', HousingInspection.Lines(data.OtherInspectors));
        act.PersonsPresent = data.PersonsPresent.Trim();
        act.Family = data.Family.Trim();
        act.Rooms = data.Rooms;
        act.Area = data.Area;
        act.Amenities = data.Amenities.Trim();
        act.Condition = data.Condition.Trim();
        act.Income = data.Income.Trim();
        act.InspectorId = actor.UserId;
        return null;
    }

    public StepProblem? RecordCommissionOpinion(Case c, bool positive, string text, Actor actor, DateTimeOffset now)
    {
        if (!services[c.Service].NeedsCommission) return new("Commission_NotNeeded");
        var opinion = c.CommissionOpinion ??= new CommissionOpinion { CaseId = c.Id, Text = "" };
        opinion.Positive = positive;
        opinion.Text = text.Trim();
        opinion.MemberId = actor.UserId;
        opinion.At = now;
        return null;
    }

    /// <summary>
    /// Saves the draft (any time) or submits it for signature (only when the service's checks pass). The draft keeps only
    /// the fields of its service; its amount is computed here.
    /// </summary>
    public async Task<IReadOnlyList<StepProblem>> DraftAsync(
        Case c, Office office, Outcome? outcome, IDraftFields fields, IReadOnlyCollection<Guid> grounds, string refusalText, bool submit,
        Actor actor, DateTimeOffset now, CancellationToken ct)
    {
        var service = services[c.Service];
        var today = office.LocalDate(now);
        var active = await db.RefusalGrounds.Where(g => g.Service == c.Service && g.IsActive).Select(g => g.Id).ToListAsync(ct);
        var terms = await db.LumpSumTermsAsync(today.Year, ct);
        if (submit)
        {
            var context = new DraftContext(today, c.HousingInspection is not null, c.CommissionOpinion is not null, terms.Mrp, active);
            var problems = service.Check(outcome, fields, grounds, refusalText, context).Select(p => new StepProblem(p.Key, p.Args)).ToList();
            if (problems.Count > 0) return problems;
        }
        var d = c.Draft ??= new Draft { CaseId = c.Id, Outcome = Outcome.Approved };
        d.Outcome = outcome ?? Outcome.Approved;
        d.UpdatedAt = now;
        d.UpdatedById = actor.UserId;
        fields.CopyTo(d);
        service.Complete(d, terms, c.Children.Count);
        d.RefusalText = d.Outcome == Outcome.Refused ? refusalText.Trim() : "";
        var wanted = d.Outcome == Outcome.Refused ? grounds.Where(active.Contains).ToHashSet() : [];
        d.RefusalGrounds.RemoveAll(g => !wanted.Contains(g.RefusalGroundId));
        foreach (var g in wanted.Where(g => d.RefusalGrounds.All(x => x.RefusalGroundId != g)))
            d.RefusalGrounds.Add(new DraftRefusalGround { CaseId = c.Id, RefusalGroundId = g });
        if (submit) c.Outcome = d.Outcome;
        return [];
    }

    /// <summary>
    /// The head's signature: recorded with the head's name and position, and the result's documents frozen now, in the
    /// applicant's language — they never change afterwards.
    /// </summary>
    public async Task<StepProblem?> SignAsync(Case c, PortalUser head, DateTimeOffset now, CancellationToken ct)
    {
        if (services[c.Service].SignedDocuments(c) is not { } kinds) return new("Signing_NoDraft");
        // Results of electronic requests are electronic documents: where the office signs digitally, they must be signed so.
        if (c.Office is { DigitalSignature: true } && c.Channel != Channel.Office) return new("DigitalSign_Required");
        c.Signature = Signature.By(head, c.Id, now);
        await documents.FreezeAsync(c, kinds, DocumentSigner.Of(head, c.Language), head.Id, now, ct);
        return null;
    }

    /// <summary>Back to the specialist for rework: a new round, the outcome to be decided again.</summary>
    public static void Return(Case c)
    {
        if (c.Draft is { } draft) draft.Round++;
        c.Outcome = null;
    }

    /// <summary>Only a signed result that stands (not revoked) is handed over.</summary>
    public async Task<StepProblem?> IssueAsync(Case c, Recipient recipient, Actor actor, DateTimeOffset now, CancellationToken ct)
    {
        if (c.Outcome is not { } outcome) return new("Issue_NoDocument");
        var result = services[c.Service].ResultDocument(outcome);
        var signedAt = c.Signature?.At;
        if (signedAt is null || !await db.IssuedDocuments.AnyAsync(d => d.CaseId == c.Id && d.Kind == result && d.RevokedAt == null && d.CreatedAt >= signedAt, ct))
            return new("Issue_NoDocument");
        c.IssueRecord = new IssueRecord
        {
            CaseId = c.Id, OfficeId = c.OfficeId, IssuedAt = now, IssuedById = actor.UserId, RecipientName = recipient.Name.Trim(),
            RecipientDocument = recipient.Document.Trim(), SignedForReceipt = true,
        };
        return null;
    }

    /// <summary>Whether revoking this document sends its case back for a new result: it is the result of a case waiting to be issued.</summary>
    public bool RevocationReopens(Case c, IssuedDocument document) =>
        c.Step == Step.Issue && c.Outcome is { } outcome && document.Kind == services[c.Service].ResultDocument(outcome);

    /// <summary>
    /// Withdraws an issued document. A receipt is never revoked (the applicant's proof of submission). A revoked result
    /// of a case waiting at issue sends the case back to drafting for a new one (the caller records that transition).
    /// </summary>
    public static StepProblem? Revoke(IssuedDocument document, string reason, Actor actor, DateTimeOffset now)
    {
        if (document.Kind == DocumentKind.Receipt) return new("Documents_ReceiptNotRevocable");
        if (document.IsRevoked) return new("Documents_AlreadyRevoked");
        if (string.IsNullOrWhiteSpace(reason)) return new("Validation_Required", new Label("Documents_RevokeReason"));
        document.RevokedAt = now;
        document.RevokedById = actor.UserId;
        document.RevocationReason = reason.Trim();
        return null;
    }

    /// <summary>The case after its result was revoked at issue: a new round of drafting, the outcome to be decided again.</summary>
    public static void Reopen(Case c) => Return(c);

    /// <summary>
    /// Extends the case's term once, by at most the regulation's maximum, with a reason: the total term and the current
    /// step's term move by the same working days (a closed or suspended case is not extended).
    /// </summary>
    public async Task<StepProblem?> ExtendAsync(Case c, Office office, int days, ExtensionReason? reason, string comment, CancellationToken ct)
    {
        if (c.ExtensionDays > 0) return new("Extension_AlreadyExtended");
        if (reason is not { } why || !Enum.IsDefined(why)) return new("Validation_Required", new Label("Extension_Reason"));
        if (string.IsNullOrWhiteSpace(comment)) return new("Validation_Required", new Label("Extension_Comment"));
        var max = await db.Regulations.Where(r => r.Id == c.RegulationId).Select(r => r.MaxExtensionDays).FirstAsync(ct);
        if (days < 1 || days > max) return new("Extension_DaysRange", max);
        var time = office.WorkingTime(await deadlines.CalendarAsync(ct));
        c.DueAt = time.CloseOf(time.Calendar.AddWorkingDays(time.LocalDate(c.DueAt), days));
        if (c.StepDueAt is { } stepDue) c.StepDueAt = time.CloseOf(time.Calendar.AddWorkingDays(time.LocalDate(stepDue), days));
        (c.ExtensionDays, c.ExtensionReason, c.ExtensionComment) = (days, why, comment.Trim());
        return null;
    }

    /// <summary>Until when the documents of a Public Service Center's request may be returned to it (null for other channels).</summary>
    public async Task<DateTimeOffset?> CenterReturnDeadlineAsync(Case c, Office office, CancellationToken ct) =>
        c.Channel == Channel.PublicServiceCenter ? CenterReturn.Deadline(c.RegisteredAt, office.WorkingTime(await deadlines.CalendarAsync(ct))) : null;

    /// <summary>
    /// Returns a Public Service Center's documents with errors to it, with reasons from the catalogue and in words, within
    /// three working days of their arrival (seed 003 table 2, act 7); the caller records the transition that closes the case.
    /// </summary>
    public async Task<StepProblem?> ReturnToCenterAsync(
        Case c, Office office, IReadOnlyCollection<CenterReturnReason> reasons, string text, Actor actor, DateTimeOffset now, CancellationToken ct)
    {
        if (await CenterReturnDeadlineAsync(c, office, ct) is not { } deadline) return new("CenterReturn_NotFromCenter");
        if (now > deadline) return new("CenterReturn_TooLate", TimeZoneInfo.ConvertTime(deadline, office.Zone()).ToString("dd.MM.yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        var chosen = reasons.Where(Enum.IsDefined).Distinct().Order().ToList();
        if (chosen.Count == 0) return new("Validation_Required", new Label("CenterReturn_Reasons"));
        if (string.IsNullOrWhiteSpace(text)) return new("Validation_Required", new Label("CenterReturn_Text"));
        c.CenterReturn = new CenterReturn { CaseId = c.Id, At = now, ById = actor.UserId, Reasons = string.Join(",", chosen), Text = text.Trim() };
        return null;
    }

    /// <summary>Stops the clock while the office waits for the applicant's documents.</summary>
    public static StepProblem? Suspend(Case c, string reason, DateTimeOffset now)
    {
        if (c.SuspendedAt is not null) return new("Suspension_Already");
        if (string.IsNullOrWhiteSpace(reason)) return new("Validation_Required", new Label("Suspension_Reason"));
        c.SuspendedAt = now;
        return null;
    }

    /// <summary>Starts the clock again: the working time the case stood still is added to its step's and total term.</summary>
    public async Task<StepProblem?> ResumeAsync(Case c, Office office, DateTimeOffset now, CancellationToken ct)
    {
        if (c.SuspendedAt is not { } since) return new("Suspension_NotSuspended");
        var time = office.WorkingTime(await deadlines.CalendarAsync(ct));
        var paused = time.WorkingMinutesBetween(since, now);
        c.DueAt = time.AddWorkingMinutes(c.DueAt, paused);
        if (c.StepDueAt is { } stepDue) c.StepDueAt = time.AddWorkingMinutes(stepDue, paused);
        c.SuspendedMinutes += paused;
        c.SuspendedAt = null;
        return null;
    }
}
