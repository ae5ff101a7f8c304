using GuardianshipPortal.Cases;
using GuardianshipPortal.Data;
using GuardianshipPortal.Domain;
using GuardianshipPortal.Domain.Cases;
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

/// <summary>A scan kept on the server from an earlier attempt of the same form.</summary>
public sealed record StagedScan(Guid Id, Guid DocumentTypeId, string FileName, long Size);

public sealed record RegistrationPage(RegistrationForm Form, IReadOnlyList<DocumentType> Checklist, IReadOnlyList<StagedScan> Staged);

/// <summary>Step 1: the clerk registers an application at the counter.</summary>
[Authorize(Roles = Roles.Clerk)]
public sealed class RegistrationController(
    PortalDbContext db, CaseRegistration registration, ServiceCatalog services, CurrentUser me, TimeProvider clock,
    IStringLocalizer<SharedResource> l) : Controller
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

        // Scans kept from earlier attempts of this form: the clerk's own, of this form, still ticked; the rest go now.
        var now = clock.GetUtcNow();
        await db.StagedUploads.Where(u => u.UploadedAt < now - StagedUpload.Lifetime).ExecuteDeleteAsync(ct);
        var staged = await db.StagedUploads.Where(u => u.UserId == me.Id && u.SubmissionId == form.SubmissionId).ToListAsync(ct);
        var dropped = staged.Where(u => !form.KeepStaged.Contains(u.Id) || !checklist.Contains(u.DocumentTypeId)).ToList();
        db.StagedUploads.RemoveRange(dropped);
        staged = [.. staged.Except(dropped)];
        if (staged.Count + files.Count > Scans.MaxFiles)
        {
            ModelState.AddModelError("", l["Scan_TooMany", Scans.MaxFiles]);
            files.Clear();
        }
        else if (staged.Sum(u => u.Size) + files.Sum(f => f.Bytes.LongLength) > Scans.MaxTotalBytes)
        {
            ModelState.AddModelError("", l["Scan_TooMuch", Scans.MaxTotalBytes / 1024 / 1024]);
            files.Clear();
        }

        if (!ModelState.IsValid)
        {
            // A refused form keeps its accepted scans on the server: the clerk corrects the fields without attaching them again.
            foreach (var file in files)
                db.StagedUploads.Add(new StagedUpload
                {
                    Id = Guid.NewGuid(), UserId = me.Id, SubmissionId = form.SubmissionId, DocumentTypeId = file.DocumentTypeId!.Value,
                    FileName = CaseRegistration.StoredFileName(file.FileName, file.ContentType), ContentType = file.ContentType,
                    Size = file.Bytes.LongLength, Bytes = file.Bytes, UploadedAt = now,
                });
            await db.SaveChangesAsync(ct);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(await PageAsync(form, ct));
        }
        files.InsertRange(0, staged.Select(u => new UploadedFile(u.FileName, u.ContentType, u.Bytes, u.DocumentTypeId)));

        // A clerk always works in an office; an account set up without one may not register anything.
        var office = await db.Offices.FirstOrDefaultAsync(o => o.Id == me.OfficeId && o.IsActive, ct);
        if (office is null) return Forbid();
        var request = new RegistrationRequest(form.Service, form.Channel, form.Language, form.Applicant.ToData(),
            [.. form.FilledChildren.Select(c => c.ToData())], form.Received, files, form.Note, $"form:{me.Id:N}:{form.SubmissionId:N}",
            form.Contacts(), Spouse: form.HasSpouse ? form.Spouse.ToData() : null);
        // The receipt (қолхат / расписка) the applicant takes home is signed by the clerk, in the applicant's language.
        var clerk = await db.Users.AsNoTracking().SingleAsync(u => u.Id == me.Id, ct);
        var registered = await registration.RegisterAsync(request, office, me.Actor, Receipts.Clerk(clerk, Domain.Language.Normalize(form.Language)), ct);

        await db.StagedUploads.Where(u => u.UserId == me.Id && u.SubmissionId == form.SubmissionId).ExecuteDeleteAsync(ct);

        TempData["Flash"] = l[registered.Created ? "Registration_Done" : "Registration_AlreadyDone", registered.Case.Number].Value;
        // The case page then offers the receipt to print and the next registration first (and freezes the receipt if the
        // registration could not).
        TempData["Registered"] = "1";
        return Redirect($"/cases/{registered.Case.Id}");
    }

    private async Task<RegistrationPage> PageAsync(RegistrationForm form, CancellationToken ct)
    {
        // One child row to start with ("add a child" makes more); a refused form keeps its rows (errors name them by number).
        while (form.Children.Count > 1 && form.Children[^1].IsBlank) form.Children.RemoveAt(form.Children.Count - 1);
        if (form.Children.Count == 0) form.Children.Add(new PersonInput());
        var checklist = await db.DocumentTypes.AsNoTracking()
            .Where(d => d.Service == form.Service && d.IsActive).OrderBy(d => d.Order).ToListAsync(ct);
        var staged = form.SubmissionId == Guid.Empty ? [] : await db.StagedUploads.AsNoTracking()
            .Where(u => u.UserId == me.Id && u.SubmissionId == form.SubmissionId).OrderBy(u => u.UploadedAt)
            .Select(u => new StagedScan(u.Id, u.DocumentTypeId, u.FileName, u.Size)).ToListAsync(ct);
        return new RegistrationPage(form, checklist, staged);
    }

    internal static string ScanField(Guid documentTypeId) => ScanPrefix + documentTypeId;
}
