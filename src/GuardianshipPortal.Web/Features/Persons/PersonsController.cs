using GuardianshipPortal.Data;
using GuardianshipPortal.Domain;
using GuardianshipPortal.Domain.Cases;
using GuardianshipPortal.Domain.Persons;
using GuardianshipPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace GuardianshipPortal.Web.Features.Persons;

/// <summary>
/// "Typing a known IIN fills the person in": the registration form asks here. Only a person the clerk's office already
/// knows (an applicant or a child of one of its cases) is filled in; for anyone else the IIN is checked and nothing more
/// is said. Each look-up that returns personal data is audited.
/// </summary>
[Authorize(Roles = Roles.Clerk)]
public sealed class PersonsController(PortalDbContext db, CurrentUser me, AuditLog audit, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpPost("/persons/lookup")]
    public async Task<IActionResult> Lookup([FromForm] string iin, CancellationToken ct)
    {
        if (!Iin.TryParse(iin, out var parsed, out var error))
            return BadRequest(new { error = error.ToString(), message = l["Iin_" + error].Value }); // shown under the field as soon as 12 digits are typed

        var office = me.OfficeId;
        var person = await db.Persons.AsNoTracking()
            .Where(p => p.Iin == parsed.Value)
            .Where(p => db.Cases.Any(c => c.OfficeId == office && (c.ApplicantId == p.Id || c.Children.Any(ch => ch.PersonId == p.Id))))
            .OrderByDescending(p => p.UpdatedAt).ThenBy(p => p.Id)
            .FirstOrDefaultAsync(ct);
        if (person is not null)
        {
            audit.Record(AuditAction.PersonLookup, detail: person.Id.ToString());
            await db.SaveChangesAsync(ct);
        }
        return Json(new
        {
            found = person is not null,
            birthDate = Display.InputDate(parsed.BirthDate),
            sex = parsed.Sex.ToString(),
            lastName = person?.LastName,
            firstName = person?.FirstName,
            middleName = person?.MiddleName,
            address = person?.Address,
            phone = person?.Phone,
        });
    }
}
