using System.Security.Cryptography;
using GuardianshipPortal.Data;
using GuardianshipPortal.Domain;
using GuardianshipPortal.Domain.Cases;
using GuardianshipPortal.Domain.Documents;
using GuardianshipPortal.Domain.Persons;
using GuardianshipPortal.Domain.Services;
using GuardianshipPortal.Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace GuardianshipPortal.Cases;

public sealed record PersonData(string Iin, string LastName, string FirstName, string MiddleName, string Address = "", string Phone = "");

public sealed record UploadedFile(string FileName, string ContentType, byte[] Bytes, Guid? DocumentTypeId);

/// <param name="SubmissionKey">
/// Identifies one submission (a form shown once, a partner's request id): the same key again returns the case it created.
/// </param>
public sealed record RegistrationRequest(
    ServiceCode Service,
    Channel Channel,
    string Language,
    PersonData Applicant,
    IReadOnlyList<PersonData> Children,
    IReadOnlyCollection<Guid> ReceivedDocumentTypeIds,
    IReadOnlyList<UploadedFile> Files,
    string Note,
    string SubmissionKey,
    Contacts? Contacts = null,
    Representation? Representative = null,
    PersonData? Spouse = null);

/// <summary>Someone who applies for the applicant with a notarised power of attorney (seed 003 p7).</summary>
public sealed record Representation(PersonData Person, string PowerOfAttorneyNumber, DateOnly PowerOfAttorneyDate, string Notary);

/// <summary>How the applicant wishes to be told of the case (a normalised Kazakh mobile, an e-mail) and whether they agreed to it.</summary>
public sealed record Contacts(string Phone, string Email, bool Consent)
{
    public const int PhoneLength = 20;
    public const int EmailLength = 254;
}

/// <summary>The case a registration produced; <see cref="Created"/> is false when the submission had been registered before.</summary>
public sealed record Registered(Case Case, bool Created);

/// <summary>
/// Step 1: registers an application — persons, a registration number, the checklist, scans, deadlines, history — in one
/// transaction: a registration either exists whole or not at all, and a failed one gives its number back. The same
/// submission registered twice (a double click, a retry after a timeout, two at once) yields the one case. The receipt is
/// frozen just after the commit (see <see cref="FreezeReceiptAsync"/>).
/// </summary>
public sealed class CaseRegistration(
    PortalDbContext db, Deadlines deadlines, CaseTransitions transitions, TimeProvider clock, ServiceCatalog services, IResultDocuments documents,
    ILogger<CaseRegistration> log)
{
    private const int Attempts = 5;

    public const int SubmissionKeyLength = 100;

    /// <param name="attach">Adds what belongs with the new case (an electronic request's original) to the same transaction.</param>
    public async Task<Registered> RegisterAsync(RegistrationRequest request, Office office, Actor actor, DocumentSigner receiptSigner, CancellationToken ct = default,
        Func<Case, Task>? attach = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.SubmissionKey == request.SubmissionKey, ct) is { } earlier)
                return new Registered(earlier, false);
            Case @case;
            await using (var tx = await db.Database.BeginTransactionAsync(ct))
            {
                try
                {
                    @case = await RegisterOnceAsync(request, office, actor, ct);
                    if (attach is not null) await attach(@case);
                    await db.SaveChangesAsync(ct);
                    await tx.CommitAsync(ct);
                }
                catch (DbUpdateException) when (attempt < Attempts)
                {
                    // Another clerk took the same number (or person) at the same moment, or the same submission arrived twice
                    // at once: start again with fresh state (the earlier submission is then found above).
                    await tx.RollbackAsync(ct);
                    db.ChangeTracker.Clear();
                    continue;
                }
            }
            // The case stands whatever becomes of its receipt.
            await TryFreezeReceiptAsync(@case, receiptSigner, ct);
            return new Registered(@case, true);
        }
    }

    /// <summary>
    /// Freezes the case's receipt, signed as the registration named it and dated at the registration. The receipt is a view of
    /// what the registration stored (number, applicant, checklist, deadlines), so it is made after the commit: rendering it
    /// inside the transaction kept the number's counter row locked, and every registration of the office's service queued
    /// behind the PDF. A case has one receipt (<see cref="IssuedDocument.ReceiptId"/>): when another request froze it first,
    /// this one keeps that one and answers false.
    /// </summary>
    public async Task<bool> FreezeReceiptAsync(Case c, DocumentSigner signer, CancellationToken ct)
    {
        try
        {
            await documents.FreezeAsync(c, [DocumentKind.Receipt], signer, c.RegisteredById, c.RegisteredAt, ct);
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (Exception e)
        {
            // Nothing of a receipt that was not stored stays tracked, to be saved by the request's next unit of work.
            foreach (var entry in db.ChangeTracker.Entries().Where(x => x.State == EntityState.Added && x.Entity is IssuedDocument or IssuedDocumentContent).ToList())
                entry.State = EntityState.Detached;
            if (e is DbUpdateException && await db.IssuedDocuments.AnyAsync(d => d.CaseId == c.Id && d.Kind == DocumentKind.Receipt, ct)) return false;
            throw;
        }
    }

    /// <summary>
    /// <see cref="FreezeReceiptAsync"/> where a receipt that cannot be made must not stop what goes on (the registration that
    /// committed, the case being shown): logged and left for the case's next showing (the page the clerk is sent to, the
    /// partner's answer), which tries again. The case's id only: the applicant's data stays out of the log.
    /// </summary>
    public async Task TryFreezeReceiptAsync(Case c, DocumentSigner signer, CancellationToken ct)
    {
        try
        {
            await FreezeReceiptAsync(c, signer, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "The receipt of case {CaseId} could not be frozen; the case's next showing tries again.", c.Id);
        }
    }

    private async Task<Case> RegisterOnceAsync(RegistrationRequest request, Office office, Actor actor, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var localToday = office.LocalDate(now);

        // Everything that does not need the number first: the number's counter row stays locked from the moment it is
        // taken until the commit, and registrations of the office's service queue behind it.
        var regulation = await deadlines.RegulationInForceAsync(request.Service, office.RegionId, localToday, ct);
        var due = await deadlines.TotalDueAsync(regulation, office, now, ct);
        var applicant = await UpsertPersonAsync(request.Applicant, now, ct, actor);
        // The forms and the API refuse a spouse the service does not take, or one who is the applicant, before this.
        if (request.Spouse is not null && !services[request.Service].SpouseMayApply)
            throw new ArgumentException("The service takes no spouse as a second applicant.", nameof(request));
        var spouse = request.Spouse is { } spouseData ? await UpsertPersonAsync(spouseData, now, ct, actor) : null;
        if (spouse is not null && spouse.Iin == applicant.Iin)
            throw new ArgumentException("The spouse is the applicant.", nameof(request));
        var representative = request.Representative is { } rep ? await UpsertPersonAsync(rep.Person, now, ct, actor) : null;
        var seen = new HashSet<string> { applicant.Iin };
        if (spouse is not null) seen.Add(spouse.Iin);
        var children = new List<Person>();
        foreach (var child in request.Children)
        {
            if (!seen.Add(child.Iin.Trim())) continue;
            children.Add(await UpsertPersonAsync(child, now, ct, actor));
        }
        var checklist = await db.DocumentTypes.Where(d => d.Service == request.Service && d.IsActive).OrderBy(d => d.Order).ToListAsync(ct);

        var sequence = await NextSequenceAsync(office.Id, localToday.Year, request.Service, ct);
        var @case = new Case
        {
            Id = Guid.NewGuid(),
            OfficeId = office.Id,
            Service = request.Service,
            Channel = request.Channel,
            Year = localToday.Year,
            Sequence = sequence,
            Number = CaseNumbers.Format(office.Code, services[request.Service].Prefix, localToday.Year, sequence),
            SubmissionKey = request.SubmissionKey,
            RegisteredAt = now,
            RegisteredById = actor.UserId,
            ApplicantId = applicant.Id,
            SpouseId = spouse?.Id,
            Language = Language.Normalize(request.Language),
            Note = request.Note.Trim(),
            NotifyPhone = request.Contacts?.Phone ?? "",
            NotifyEmail = request.Contacts?.Email.Trim() ?? "",
            NotifyConsent = request.Contacts?.Consent == true,
            RegulationId = regulation.Id,
            Step = Step.Registration,
            StepStartedAt = now,
            DueAt = due,
            SearchNames = Case.JoinSearchNames([applicant.SearchName, .. spouse is null ? (string[])[] : [spouse.SearchName], .. children.Select(c => c.SearchName)]),
        };
        if (request.Representative is { } r && representative is { } person)
        {
            @case.Representative = new CaseRepresentative
            {
                CaseId = @case.Id, PersonId = person.Id, PowerOfAttorneyNumber = r.PowerOfAttorneyNumber.Trim(),
                PowerOfAttorneyDate = r.PowerOfAttorneyDate, Notary = r.Notary.Trim(),
            };
        }
        var order = 0;
        foreach (var child in children) @case.Children.Add(new CaseChild { CaseId = @case.Id, PersonId = child.Id, Order = ++order });

        foreach (var type in checklist)
        {
            @case.Documents.Add(new CaseDocument
            {
                Id = Guid.NewGuid(), CaseId = @case.Id, DocumentTypeId = type.Id,
                Received = request.ReceivedDocumentTypeIds.Contains(type.Id) || request.Files.Any(f => f.DocumentTypeId == type.Id),
            });
        }
        db.Cases.Add(@case);
        foreach (var file in request.Files) AddAttachment(@case, file, actor, now);

        await transitions.ApplyAsync(@case, office, CaseAction.Register, actor, ct: ct);
        return @case;
    }

    /// <summary>
    /// The next number of the office's sequence for the service and year, taken by the database in one statement inside the
    /// registration's transaction: the counter's row stays locked until the case is committed or rolled back, so two
    /// registrations — on one instance or on several sharing the database — never get the same number, and a registration
    /// that fails gives its number back (the sequence stays gapless). The same SQL runs on PostgreSQL and SQLite (≥ 3.35).
    /// </summary>
    private async Task<int> NextSequenceAsync(Guid officeId, int year, ServiceCode service, CancellationToken ct)
    {
        var code = (int)service;
        // One statement: a counter row that is not there yet starts at 1; one that is takes its next number. A second
        // statement (create, then increment) made a registration wait twice behind the one holding the row.
        var taken = await db.Database.SqlQuery<int>($"""
            INSERT INTO "RegistrationCounters" ("OfficeId", "Year", "Service", "Last") VALUES ({officeId}, {year}, {code}, 1)
            ON CONFLICT ("OfficeId", "Year", "Service") DO UPDATE SET "Last" = "RegistrationCounters"."Last" + 1
            RETURNING "Last" AS "Value"
            """).ToListAsync(ct);
        return taken.Single();
    }

    public Attachment AddAttachment(Case @case, UploadedFile file, Actor actor, DateTimeOffset now)
    {
        var attachment = new Attachment
        {
            Id = Guid.NewGuid(),
            CaseId = @case.Id,
            CaseDocumentId = @case.Documents.FirstOrDefault(d => d.DocumentTypeId == file.DocumentTypeId)?.Id,
            FileName = StoredFileName(file.FileName, file.ContentType),
            ContentType = file.ContentType,
            Size = file.Bytes.LongLength,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(file.Bytes)),
            UploadedAt = now,
            UploadedById = actor.UserId,
            Content = null,
        };
        attachment.Content = new AttachmentContent { AttachmentId = attachment.Id, Bytes = file.Bytes };
        db.Attachments.Add(attachment);
        return attachment;
    }

    /// <summary>
    /// The name a scan is kept under: without a path or control characters, and cut to the column (255) keeping its
    /// extension — a long name from a scanner is not a reason to refuse the document.
    /// </summary>
    public static string StoredFileName(string name, string contentType)
    {
        const int max = 255;
        // The name ends as its checked type does: a PDF uploaded as «evil.html» is kept (and served) as «evil.html.pdf».
        var extension = contentType switch { "application/pdf" => ".pdf", "image/jpeg" => ".jpg", "image/png" => ".png", _ => "" };
        var clean = new string(Path.GetFileName(name).Where(ch => !char.IsControl(ch)).ToArray()).Trim();
        if (clean.Length == 0) clean = "scan";
        var own = Path.GetExtension(clean).ToLowerInvariant();
        var matches = own == extension || (extension == ".jpg" && own == ".jpeg");
        var stem = matches ? clean[..^own.Length] : clean;
        var suffix = matches ? clean[^own.Length..] : extension;
        return (stem.Length + suffix.Length <= max ? stem : stem[..(max - suffix.Length)]) + suffix;
    }

    /// <summary>
    /// The person as registered on this case. A person's data is kept per version: the same data reuses the latest record
    /// of the IIN (one person, many cases); different data makes a new record, so that a case already registered keeps
    /// the names and contacts it was registered with, whoever registers the IIN later and in whichever office. The change
    /// is recorded: who, when, before and after. Nothing is carried over from another record, so an office learns
    /// nothing about a person from another office's cases.
    /// </summary>
    public async Task<Person> UpsertPersonAsync(PersonData data, DateTimeOffset now, CancellationToken ct, Actor? actor = null)
    {
        if (!Iin.TryParse(data.Iin, out var iin, out _))
            throw new ArgumentException("The IIN was not validated before registration.", nameof(data));
        var entered = new Person
        {
            Id = Guid.NewGuid(), Iin = iin.Value, LastName = data.LastName.Trim(), FirstName = data.FirstName.Trim(),
            MiddleName = data.MiddleName.Trim(), BirthDate = iin.BirthDate, Sex = iin.Sex,
            Address = data.Address.Trim(), Phone = data.Phone.Trim(),
        };
        var latest = db.Persons.Local.Where(p => p.Iin == iin.Value).OrderByDescending(p => p.UpdatedAt).FirstOrDefault()
            ?? await db.Persons.Where(p => p.Iin == iin.Value).OrderByDescending(p => p.UpdatedAt).ThenBy(p => p.Id).FirstOrDefaultAsync(ct);
        if (latest is not null && Describe(latest) == Describe(entered)) return latest;

        entered.Touch(now);
        db.Persons.Add(entered);
        if (latest is not null && actor is not null)
            db.AuditEvents.Add(new AuditEvent
            {
                At = now, UserId = actor.UserId, Action = nameof(AuditAction.EditPerson), Detail = entered.Id.ToString(), Before = Describe(latest), After = Describe(entered),
            });
        return entered;
    }

    private static string Describe(Person p) => $"{p.LastName}; {p.FirstName}; {p.MiddleName}; {p.Address}; {p.Phone}";
}
