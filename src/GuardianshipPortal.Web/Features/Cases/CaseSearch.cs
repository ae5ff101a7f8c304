using GuardianshipPortal.Cases;
using GuardianshipPortal.Data;
using GuardianshipPortal.Domain.Cases;
using GuardianshipPortal.Domain.Persons;
using GuardianshipPortal.Domain.Services;

namespace GuardianshipPortal.Web.Features.Cases;

/// <summary>
/// What a typed search means, as a query each index can answer: an IIN exactly (the persons' IIN index, then the cases of
/// those persons as applicant, spouse or child), a registration number by its parts (service, year, sequence), a part of a number,
/// or a name anywhere in the folded "last first middle" of an applicant, a spouse or a child (<see cref="Case.SearchNames"/>:
/// the office and the trigrams in one index on PostgreSQL). No query walks all cases or all persons of the region.
/// </summary>
public static class CaseSearch
{
    /// <summary>
    /// The shortest part of a name or of a number searched for: three characters make a trigram, so the index answers;
    /// a shorter one would read every case of the office when nothing matches.
    /// </summary>
    public const int MinimumLength = 3;

    /// <summary>A query that is neither an IIN nor a number and too short to look for (<see cref="MinimumLength"/>).</summary>
    public static bool TooShort(string query) =>
        !(query.Length == 12 && query.All(char.IsAsciiDigit)) && CaseNumbers.Parse(query) is null
        && (query.Any(char.IsAsciiDigit) && !query.Contains(' ') ? query.Length : Person.Normalize(query).Length) < MinimumLength;

    public static IQueryable<Case> Matching(PortalDbContext db, IQueryable<Case> cases, string query, ServiceCatalog services)
    {
        if (query.Length == 12 && query.All(char.IsAsciiDigit))
            return OfPersons(db, cases, db.Persons.Where(p => p.Iin == query).Select(p => p.Id));
        if (CaseNumbers.Parse(query) is { } n)
        {
            // A number as typed: with or without the office, any letter case, leading zeros or not ("fp-2026-1").
            var service = services.All.FirstOrDefault(d => d.Prefix == n.Prefix)?.Code;
            cases = cases.Where(c => c.Service == service && c.Year == n.Year && c.Sequence == n.Sequence);
            return n.OfficeCode is { } office ? cases.Where(c => c.Office!.Code == office) : cases;
        }
        if (query.Any(char.IsAsciiDigit) && !query.Contains(' '))
        {
            var number = query.ToUpperInvariant();
            return cases.Where(c => c.Number.Contains(number));
        }
        // The folded names kept on the case: within the office's cases (the office and the trigrams in one GIN index on
        // PostgreSQL), never the region's persons joined to their cases and filtered by office afterwards.
        var name = Person.Normalize(query);
        return cases.Where(c => c.SearchNames.Contains(name));
    }

    /// <summary>The cases where one of <paramref name="persons"/> is the applicant, the spouse applying with them, or a child.</summary>
    private static IQueryable<Case> OfPersons(PortalDbContext db, IQueryable<Case> cases, IQueryable<Guid> persons)
    {
        var ids = db.Cases.Where(c => persons.Contains(c.ApplicantId)).Select(c => c.Id)
            .Concat(db.Cases.Where(c => c.SpouseId != null && persons.Contains(c.SpouseId.Value)).Select(c => c.Id))
            .Concat(db.CaseChildren.Where(ch => persons.Contains(ch.PersonId)).Select(ch => ch.CaseId));
        return cases.Where(c => ids.Contains(c.Id));
    }
}
