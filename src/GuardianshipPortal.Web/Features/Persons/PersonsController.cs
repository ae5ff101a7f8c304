using GuardianshipPortal.Data;
using GuardianshipPortal.Domain;
using GuardianshipPortal.Domain.Cases;
using GuardianshipPortal.Domain.Persons;
using GuardianshipPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GuardianshipPortal.Web.Features.Persons;

/// <summary>"Typing a known IIN fills the person in": the registration form asks here. Each look-up is audited.</summary>
[Authorize(Roles = Roles.Clerk)]
public sealed class PersonsController(PortalDbContext db, AuditLog audit) : Controller
{
    [HttpPost("/persons/lookup")]
    public async Task<IActionResult> Lookup([FromForm] string iin, CancellationToken ct)
    {
        if (!Iin.TryParse(iin, out var parsed, out var error))
            return BadRequest(new { error = error.ToString() });

        var person = await db.Persons.AsNoTracking().FirstOrDefaultAsync(p => p.Iin == parsed.Value, ct);
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
