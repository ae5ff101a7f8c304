using GuardianshipPortal.Data;
using GuardianshipPortal.Domain;
using GuardianshipPortal.Domain.Cases;
using GuardianshipPortal.Domain.Documents;
using Microsoft.EntityFrameworkCore;

namespace GuardianshipPortal.Cases;

/// <summary>
/// The office's outgoing register: the one place a result or a notice gets its outgoing number, whether it is signed on paper
/// or frozen for the head's digital signature. Numbers run per office and year without gaps and never twice: the year's
/// counter row is incremented in the database within the caller's transaction, so a concurrent issuer (another request,
/// another instance of the portal) waits for it, and a failed issue gives its number back with the rollback.
/// </summary>
public sealed class OutgoingRegister(PortalDbContext db)
{
    /// <summary>Whether a document of this kind gets an outgoing number (<see cref="DocumentKinds"/> says which do).</summary>
    public static bool Numbers(DocumentKind kind) => kind.NumberedBy() == Numbering.Outgoing;

    /// <summary>The number for a document about to be issued or frozen; the caller saves and commits.</summary>
    public async Task<OutgoingEntry> AssignAsync(Case c, Office office, DocumentKind kind, Guid documentId, DateTimeOffset now, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("An outgoing number is taken in the transaction that saves its document, or a failed save would leave a gap.");
        var year = office.LocalDate(now).Year;
        // A number the case took for a document never issued is the case's to use again: the register keeps no hole.
        var unused = await db.OutgoingEntries
            .Where(e => e.CaseId == c.Id && e.Year == year && !db.IssuedDocuments.Any(d => d.Id == e.DocumentId))
            .OrderBy(e => e.Sequence).ToListAsync(ct);
        var entry = unused.FirstOrDefault(e => !db.Entry(e).Property(x => x.DocumentId).IsModified);
        if (entry is null)
        {
            var sequence = await NextAsync(office.Id, year, ct);
            entry = new OutgoingEntry
            {
                Id = Guid.NewGuid(), OfficeId = office.Id, Year = year, Sequence = sequence, CaseId = c.Id,
                Number = OutgoingNumbers.Format(office.OutgoingNumberFormat, year, sequence),
            };
            db.OutgoingEntries.Add(entry);
        }
        (entry.Kind, entry.DocumentId, entry.AssignedAt) = (kind, documentId, now);
        return entry;
    }

    /// <summary>Takes the next sequence number of the office's year, holding the counter's row lock until the transaction ends.</summary>
    private async Task<int> NextAsync(Guid officeId, int year, CancellationToken ct)
    {
        await db.Database.ExecuteSqlAsync(
            $"""INSERT INTO "OutgoingCounters" ("OfficeId", "Year", "Last") VALUES ({officeId}, {year}, 0) ON CONFLICT ("OfficeId", "Year") DO NOTHING""", ct);
        var counter = db.OutgoingCounters.Where(k => k.OfficeId == officeId && k.Year == year);
        if (await counter.ExecuteUpdateAsync(s => s.SetProperty(k => k.Last, k => k.Last + 1), ct) != 1)
            throw new InvalidOperationException("The outgoing counter row was not found.");
        return await counter.Select(k => k.Last).SingleAsync(ct);
    }
}
