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
    PortalDbContext db, CaseRegistration registration, CasePages pages, DocumentIssuer documents, CurrentUser me,
    TimeProvider clock, IStringLocalizer<SharedResource> l) : Controller
{
    private const string ScanPrefix = "Scan_";

    [HttpGet("/cases/new")]
    public async Task<IActionResult> New(ServiceCode service = ServiceCode.FosterPlacement)
    {
        if (!Enum.IsDefined(service)) return NotFound();
        var form = new RegistrationForm { Service = service };
        return View(await PageAsync(form));
    }

    [HttpPost("/cases/new")]
    [RequestSizeLimit(Scans.MaxBytes * Scans.MaxFiles)]
    [RequestFormLimits(MultipartBodyLengthLimit = Scans.MaxBytes * Scans.MaxFiles)]
    public async Task<IActionResult> New(RegistrationForm form, CancellationToken ct)
    {
        if (!Enum.IsDefined(form.Service)) return BadRequest();
        var files = await Scans.ReadAsync(Request.Form.Files,
            name => name.StartsWith(ScanPrefix, StringComparison.Ordinal) && Guid.TryParse(name[ScanPrefix.Length..], out var id) ? id : null,
            message => ModelState.AddModelError("", message), l, ct);
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(await PageAsync(form));
        }

        // A clerk always works in an office; an account set up without one may not register anything.
        var office = await db.Offices.FirstOrDefaultAsync(o => o.Id == me.OfficeId && o.IsActive, ct);
        if (office is null) return Forbid();
        var request = new RegistrationRequest(form.Service, form.Channel, form.Language, form.Applicant.ToData(),
            [.. form.FilledChildren.Select(c => c.ToData())], form.Received, files, form.Note);
        var @case = await registration.RegisterAsync(request, office, me.Actor, ct);

        // The receipt (қолхат / расписка) the applicant takes home, issued in the applicant's language.
        var registered = await pages.LoadAsync(@case.Id, tracking: false, ct);
        var clerk = await db.Users.AsNoTracking().SingleAsync(u => u.Id == me.Id, ct);
        await documents.IssueAsync(registered!, Domain.Documents.DocumentKind.Receipt,
            new Signer(clerk.FullName, clerk.Position(@case.Language)), me.Id, clock.GetUtcNow(), $"{Request.Scheme}://{Request.Host}");
        await db.SaveChangesAsync(ct);

        TempData["Flash"] = l["Registration_Done", @case.Number].Value;
        return Redirect($"/cases/{@case.Id}");
    }

    private async Task<RegistrationPage> PageAsync(RegistrationForm form)
    {
        while (form.Children.Count < RegistrationForm.ChildRows) form.Children.Add(new PersonInput());
        var checklist = await db.DocumentTypes.AsNoTracking()
            .Where(d => d.Service == form.Service && d.IsActive).OrderBy(d => d.Order).ToListAsync();
        return new RegistrationPage(form, checklist);
    }

    internal static string ScanField(Guid documentTypeId) => ScanPrefix + documentTypeId;
}
