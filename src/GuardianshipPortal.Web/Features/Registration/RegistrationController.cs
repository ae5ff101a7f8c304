using GuardianshipPortal.Cases;
using GuardianshipPortal.Data;
using GuardianshipPortal.Domain;
using GuardianshipPortal.Domain.Services;
using GuardianshipPortal.Web.Features.Cases;
using GuardianshipPortal.Web.Features.Documents;
using GuardianshipPortal.Web.Features.Persons;
using GuardianshipPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace GuardianshipPortal.Web.Features.Registration;

public sealed record RegistrationPage(RegistrationForm Form, IReadOnlyList<DocumentType> Checklist);

/// <summary>Step 1: the clerk registers an application at the counter.</summary>
[Authorize(Roles = Roles.Clerk)]
public sealed class RegistrationController(
    PortalDbContext db, CaseRegistration registration, ServiceCatalog services, CurrentUser me, IStringLocalizer<SharedResource> l) : Controller
{
    private const string ScanPrefix = "Scan_";

    [HttpGet("/cases/new")]
    public async Task<IActionResult> New(ServiceCode? service, string? upload, CancellationToken ct)
    {
        var chosen = service ?? services.Codes.First();
        if (!services.IsDefined(chosen)) return NotFound();
        var form = new RegistrationForm { Service = chosen, SubmissionId = Guid.NewGuid() };
        if (upload == UploadLimits.TooLarge)
            ModelState.AddModelError("", l["Scan_RequestTooLarge", Scans.MaxBytes / 1024 / 1024, Scans.MaxTotalBytes / 1024 / 1024]);
        return View(await PageAsync(form, ct));
    }

    [HttpPost("/cases/new"), TakesScans]
    [RequestSizeLimit(Scans.HardLimitBytes)]
    [RequestFormLimits(MultipartBodyLengthLimit = Scans.HardLimitBytes)]
    public async Task<IActionResult> New(RegistrationForm form, CancellationToken ct)
    {
        if (!services.IsDefined(form.Service)) return BadRequest();
        // A scan is posted under the field of a document of this service's checklist; anything else is refused, not kept unseen.
        var checklist = await db.DocumentTypes.Where(d => d.Service == form.Service && d.IsActive).Select(d => d.Id).ToListAsync(ct);
        var files = await Scans.ReadAsync(Request.Form.Files,
            name => name.StartsWith(ScanPrefix, StringComparison.Ordinal) && Guid.TryParse(name[ScanPrefix.Length..], out var id) && checklist.Contains(id) ? id : null,
            message => ModelState.AddModelError("", message), l, ct);
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(await PageAsync(form, ct));
        }

        // A clerk always works in an office; an account set up without one may not register anything.
        var office = await db.Offices.FirstOrDefaultAsync(o => o.Id == me.OfficeId && o.IsActive, ct);
        if (office is null) return Forbid();
        var request = new RegistrationRequest(form.Service, form.Channel, form.Language, form.Applicant.ToData(),
            [.. form.FilledChildren.Select(c => c.ToData())], form.Received, files, form.Note, $"form:{me.Id:N}:{form.SubmissionId:N}",
            form.Contacts());
        // The receipt (қолхат / расписка) the applicant takes home is issued with the registration, in the applicant's language.
        var clerk = await db.Users.AsNoTracking().SingleAsync(u => u.Id == me.Id, ct);
        var registered = await registration.RegisterAsync(request, office, me.Actor,
            new DocumentSigner(clerk.FullName, clerk.Position(Domain.Language.Normalize(form.Language))), ct);

        TempData["Flash"] = l[registered.Created ? "Registration_Done" : "Registration_AlreadyDone", registered.Case.Number].Value;
        return Redirect($"/cases/{registered.Case.Id}");
    }

    private async Task<RegistrationPage> PageAsync(RegistrationForm form, CancellationToken ct)
    {
        while (form.Children.Count < RegistrationForm.ChildRows) form.Children.Add(new PersonInput());
        var checklist = await db.DocumentTypes.AsNoTracking()
            .Where(d => d.Service == form.Service && d.IsActive).OrderBy(d => d.Order).ToListAsync(ct);
        return new RegistrationPage(form, checklist);
    }

    internal static string ScanField(Guid documentTypeId) => ScanPrefix + documentTypeId;
}
