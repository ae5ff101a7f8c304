using FluentValidation;
using GuardianshipPortal.Data;
using GuardianshipPortal.Domain;
using GuardianshipPortal.Domain.Calendar;
using GuardianshipPortal.Domain.Cases;
using GuardianshipPortal.Domain.Documents;
using GuardianshipPortal.Domain.Services;
using GuardianshipPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace GuardianshipPortal.Web.Features.Admin;

public sealed class CatalogueItemForm
{
    [WritesTo(typeof(DocumentType), nameof(DocumentType.NameKk), "Catalogue_Kk")]
    [WritesTo(typeof(RefusalGround), nameof(RefusalGround.TextKk), "Catalogue_Kk")]
    public string Kk { get; set; } = "";
    [WritesTo(typeof(DocumentType), nameof(DocumentType.NameRu), "Catalogue_Ru")]
    [WritesTo(typeof(RefusalGround), nameof(RefusalGround.TextRu), "Catalogue_Ru")]
    public string Ru { get; set; } = "";
    public bool Required { get; set; }
}

public sealed class CatalogueItemFormValidator : AbstractValidator<CatalogueItemForm>
{
    public CatalogueItemFormValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Kk).NotEmpty().WithMessage(_ => l["Validation_Required", l["Catalogue_Kk"]]).MaximumLength(500);
        RuleFor(x => x.Ru).NotEmpty().WithMessage(_ => l["Validation_Required", l["Catalogue_Ru"]]).MaximumLength(500);
    }
}

public sealed class OfficeForm
{
    [WritesTo(typeof(Office), nameof(Office.Code), "Offices_Code")]
    public string Code { get; set; } = "";
    [WritesTo(typeof(Office), nameof(Office.NameKk), "Offices_NameKk")]
    public string NameKk { get; set; } = "";
    [WritesTo(typeof(Office), nameof(Office.NameRu), "Offices_NameRu")]
    public string NameRu { get; set; } = "";
    [WritesTo(typeof(Office), nameof(Office.AddressKk), "Offices_AddressKk")]
    public string AddressKk { get; set; } = "";
    [WritesTo(typeof(Office), nameof(Office.AddressRu), "Offices_AddressRu")]
    public string AddressRu { get; set; } = "";
    [WritesTo(typeof(Office), nameof(Office.Phone), "Person_Phone")]
    public string Phone { get; set; } = "";
    [WritesTo(typeof(Office), nameof(Office.FullNameKk), "Offices_FullNameKk")]
    public string FullNameKk { get; set; } = "";
    [WritesTo(typeof(Office), nameof(Office.FullNameRu), "Offices_FullNameRu")]
    public string FullNameRu { get; set; } = "";
    [WritesTo(typeof(Office), nameof(Office.Email), "Offices_Email")]
    public string Email { get; set; } = "";
    [WritesTo(typeof(Office), nameof(Office.OutgoingNumberFormat), "Offices_OutgoingFormat")]
    public string OutgoingNumberFormat { get; set; } = OutgoingNumbers.DefaultFormat;
    /// <summary>A new emblem (PNG or JPEG, checked by its bytes); none keeps the current one.</summary>
    public IFormFile? Emblem { get; set; }
    public bool RemoveEmblem { get; set; }
    /// <summary>Whether the office has an emblem now (shown on the form, not bound).</summary>
    [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever]
    public bool HasEmblem { get; set; }
    [WritesTo(typeof(Office), nameof(Office.TimeZoneId), "Offices_TimeZoneField")]
    public string TimeZoneId { get; set; } = Office.DefaultTimeZone;
    public bool IsActive { get; set; } = true;
    [Label("Offices_OpensAt")]
    public TimeOnly OpensAt { get; set; } = OfficeHours.Standard.Opens;
    [Label("Offices_ClosesAt")]
    public TimeOnly ClosesAt { get; set; } = OfficeHours.Standard.Closes;
    [Label("Offices_LunchFrom")]
    public TimeOnly LunchFrom { get; set; } = OfficeHours.Standard.LunchFrom;
    [Label("Offices_LunchTo")]
    public TimeOnly LunchTo { get; set; } = OfficeHours.Standard.LunchTo;
    [Label("Offices_ReceptionFrom")]
    public TimeOnly ReceptionFrom { get; set; } = OfficeHours.Standard.Opens;
    [Label("Offices_ReceptionTo")]
    public TimeOnly ReceptionTo { get; set; } = new(17, 30);
    public bool NotifyBySms { get; set; }
    public bool NotifyByEmail { get; set; }
    [WritesTo(typeof(Office), nameof(Office.Bin), "Offices_Bin")]
    public string Bin { get; set; } = "";
    public bool DigitalSignature { get; set; }

    public OfficeHours Hours => new(OpensAt, ClosesAt, LunchFrom, LunchTo);

    public static OfficeForm Of(Office o) => new()
    {
        Code = o.Code, NameKk = o.NameKk, NameRu = o.NameRu, AddressKk = o.AddressKk, AddressRu = o.AddressRu,
        Phone = o.Phone, TimeZoneId = o.TimeZoneId, IsActive = o.IsActive, OpensAt = o.OpensAt, ClosesAt = o.ClosesAt,
        LunchFrom = o.LunchFrom, LunchTo = o.LunchTo, ReceptionFrom = o.ReceptionFrom, ReceptionTo = o.ReceptionTo,
        NotifyBySms = o.NotifyBySms, NotifyByEmail = o.NotifyByEmail, Bin = o.Bin, DigitalSignature = o.DigitalSignature,
        FullNameKk = o.FullNameKk, FullNameRu = o.FullNameRu, Email = o.Email, OutgoingNumberFormat = OutgoingNumbers.IsValid(o.OutgoingNumberFormat) ? o.OutgoingNumberFormat : OutgoingNumbers.DefaultFormat,
        HasEmblem = o.Emblem is { Length: > 0 },
    };

    public void ApplyTo(Office o)
    {
        o.Code = Code; o.NameKk = NameKk.Trim(); o.NameRu = NameRu.Trim();
        o.AddressKk = AddressKk.Trim(); o.AddressRu = AddressRu.Trim(); o.Phone = Phone.Trim();
        o.TimeZoneId = TimeZoneId; o.IsActive = IsActive;
        (o.OpensAt, o.ClosesAt, o.LunchFrom, o.LunchTo) = (OpensAt, ClosesAt, LunchFrom, LunchTo);
        (o.ReceptionFrom, o.ReceptionTo) = (ReceptionFrom, ReceptionTo);
        (o.NotifyBySms, o.NotifyByEmail) = (NotifyBySms, NotifyByEmail);
        (o.Bin, o.DigitalSignature) = (Bin.Trim(), DigitalSignature);
        (o.FullNameKk, o.FullNameRu, o.Email) = (FullNameKk.Trim(), FullNameRu.Trim(), Email.Trim());
        o.OutgoingNumberFormat = OutgoingNumberFormat.Trim();
        if (RemoveEmblem) (o.Emblem, o.EmblemContentType) = (null, "");
    }

    /// <summary>What the audit records of an office, before and after a change.</summary>
    public static string Describe(Office o) =>
        $"{o.Code}; {o.NameKk}; {o.NameRu}; {o.AddressKk}; {o.AddressRu}; {o.Phone}; {o.TimeZoneId}; {o.IsActive}; " +
        $"{o.OpensAt:HH:mm}–{o.ClosesAt:HH:mm}, {o.LunchFrom:HH:mm}–{o.LunchTo:HH:mm}, {o.ReceptionFrom:HH:mm}–{o.ReceptionTo:HH:mm}; " +
        $"notify: {(o.NotifyBySms ? "sms " : "")}{(o.NotifyByEmail ? "email" : "")}; BIN {o.Bin}; digital signature {o.DigitalSignature}; " +
        $"{o.FullNameKk}; {o.FullNameRu}; {o.Email}; outgoing {o.OutgoingNumberFormat}; emblem {(o.Emblem is { } e ? $"{o.EmblemContentType} {e.Length} B" : "none")}";
}

public sealed class OfficeFormValidator : AbstractValidator<OfficeForm>
{
    public OfficeFormValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Code).Matches("^[A-Z0-9-]{2,32}$").WithMessage(_ => l["Offices_CodeFormat"]);
        RuleFor(x => x.NameKk).NotEmpty().WithMessage(_ => l["Validation_Required", l["Offices_NameKk"]]).MaximumLength(300);
        RuleFor(x => x.NameRu).NotEmpty().WithMessage(_ => l["Validation_Required", l["Offices_NameRu"]]).MaximumLength(300);
        RuleFor(x => x.TimeZoneId).Must(z => TimeZoneInfo.TryFindSystemTimeZoneById(z, out _)).WithMessage(_ => l["Offices_TimeZone"]);
        RuleFor(x => x.Hours).Must(h => h.IsValid).WithMessage(_ => l["Offices_HoursInvalid"]);
        RuleFor(x => x.Bin).Must(b => string.IsNullOrWhiteSpace(b) || Domain.Persons.Bin.IsValid(b.Trim())).WithMessage(_ => l["Offices_BinInvalid"]);
        RuleFor(x => x.Bin).Must(b => !string.IsNullOrWhiteSpace(b)).When(x => x.DigitalSignature).WithMessage(_ => l["Offices_BinRequired"]);
        RuleFor(x => x.Email).Must(e => string.IsNullOrWhiteSpace(e) || OfficeEmblem.IsEmail(e.Trim())).WithMessage(_ => l["Offices_EmailInvalid"]);
        RuleFor(x => x.OutgoingNumberFormat).Must(f => OutgoingNumbers.IsValid(f?.Trim()))
            .WithMessage(_ => l["Offices_OutgoingFormatInvalid", "{n}", OutgoingNumbers.FormatLength]);
        RuleFor(x => x).Must(f => f.ReceptionFrom >= f.OpensAt && f.ReceptionFrom < f.ReceptionTo && f.ReceptionTo <= f.ClosesAt)
            .WithName("ReceptionFrom").WithMessage(_ => l["Offices_ReceptionInvalid"]);
    }
}

public sealed record CataloguePage(ServiceCode Service, IReadOnlyList<DocumentType> Documents, IReadOnlyList<RefusalGround> Grounds);

/// <summary>Checklists and refusal-ground catalogues of each service, and the offices of the region.</summary>
[Authorize(Roles = Roles.Admin)]
[Route("admin")]
public sealed class CataloguesController(
    PortalDbContext db, CurrentUser me, AuditLog audit, ServiceCatalog services, OfficeEmblem emblems, IStringLocalizer<SharedResource> l) : Controller
{
    /// <summary>One service's lists; the catalogue's first service when none is asked for.</summary>
    [HttpGet("catalogues")]
    public async Task<IActionResult> Index(ServiceCode? service, CancellationToken ct)
    {
        if (!ModelState.IsValid) return NotFound();
        return View("/Features/Admin/Catalogues.cshtml", await PageAsync(service ?? services.All[0].Code, ct));
    }

    [HttpPost("catalogues/{service}/{list}")]
    public async Task<IActionResult> Add(ServiceCode service, string list, CatalogueItemForm form, CancellationToken ct)
    {
        if (!services.IsDefined(service) || list is not ("documents" or "grounds")) return NotFound();
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("/Features/Admin/Catalogues.cshtml", await PageAsync(service, ct));
        }
        var code = "custom-" + Guid.NewGuid().ToString("N")[..8];
        if (list == "documents")
        {
            var order = await db.DocumentTypes.Where(d => d.Service == service).MaxAsync(d => (int?)d.Order, ct) ?? 0;
            db.DocumentTypes.Add(new DocumentType { Id = Guid.NewGuid(), Service = service, Code = code, NameKk = form.Kk.Trim(), NameRu = form.Ru.Trim(), Required = form.Required, Order = order + 1 });
        }
        else
        {
            var order = await db.RefusalGrounds.Where(g => g.Service == service).MaxAsync(g => (int?)g.Order, ct) ?? 0;
            db.RefusalGrounds.Add(new RefusalGround { Id = Guid.NewGuid(), Service = service, Code = code, TextKk = form.Kk.Trim(), TextRu = form.Ru.Trim(), Order = order + 1 });
        }
        audit.Change(AuditAction.EditCatalogue, $"{service} {list} +{code}", "", $"{form.Kk.Trim()} / {form.Ru.Trim()}");
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = l["Catalogue_Saved"].Value;
        return Redirect($"/admin/catalogues?service={service}");
    }

    /// <summary>Items are switched off, never deleted: old cases still refer to them.</summary>
    [HttpPost("catalogues/{service}/{list}/{id:guid}/active")]
    public async Task<IActionResult> SetActive(ServiceCode service, string list, Guid id, bool active, CancellationToken ct)
    {
        string text;
        if (list == "documents" && await db.DocumentTypes.FirstOrDefaultAsync(d => d.Id == id && d.Service == service, ct) is { } doc)
        {
            (doc.IsActive, text) = (active, doc.NameRu);
        }
        else if (list == "grounds" && await db.RefusalGrounds.FirstOrDefaultAsync(g => g.Id == id && g.Service == service, ct) is { } ground)
        {
            (ground.IsActive, text) = (active, ground.TextRu);
        }
        else return NotFound();
        audit.Change(AuditAction.EditCatalogue, $"{service} {list} {id}", (!active).ToString(), active.ToString() + ": " + text);
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = l["Catalogue_Saved"].Value;
        return Redirect($"/admin/catalogues?service={service}");
    }

    [HttpGet("offices")]
    public async Task<IActionResult> Offices(CancellationToken ct) =>
        View("/Features/Admin/Offices.cshtml", await db.Offices.AsNoTracking().Where(o => o.RegionId == me.RegionId).OrderBy(o => o.Code).ToListAsync(ct));

    [HttpGet("offices/edit")]
    [HttpGet("offices/{id:guid}/edit")]
    public async Task<IActionResult> EditOffice(Guid? id, CancellationToken ct)
    {
        if (id is null) return View("/Features/Admin/OfficeEdit.cshtml", (id, new OfficeForm { NotifyBySms = true, NotifyByEmail = true }));
        var o = await db.Offices.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id && x.RegionId == me.RegionId, ct);
        if (o is null) return NotFound();
        return View("/Features/Admin/OfficeEdit.cshtml", (id, OfficeForm.Of(o)));
    }

    [HttpPost("offices/edit")]
    [HttpPost("offices/{id:guid}/edit")]
    [RequestSizeLimit(OfficeEmblem.RequestLimit)]
    [RequestFormLimits(MultipartBodyLengthLimit = OfficeEmblem.RequestLimit)]
    public async Task<IActionResult> EditOffice(Guid? id, OfficeForm form, CancellationToken ct)
    {
        var office = id is null ? null : await db.Offices.FirstOrDefaultAsync(x => x.Id == id && x.RegionId == me.RegionId, ct);
        if (id is not null && office is null) return NotFound();
        form.HasEmblem = office?.Emblem is { Length: > 0 };
        if (ModelState.IsValid && await db.Offices.AnyAsync(o => o.Code == form.Code && o.Id != id, ct))
            ModelState.AddModelError("", l["Offices_CodeTaken"]);
        var emblem = await emblems.ReadAsync(form.Emblem, error => ModelState.AddModelError(nameof(OfficeForm.Emblem), error), ct);
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("/Features/Admin/OfficeEdit.cshtml", (id, form));
        }
        var before = office is null ? "" : OfficeForm.Describe(office);
        if (office is null)
            db.Offices.Add(office = new Office { Id = Guid.NewGuid(), RegionId = me.RegionId!.Value, Code = "", NameKk = "", NameRu = "" });
        form.ApplyTo(office);
        if (emblem is not null) (office.Emblem, office.EmblemContentType) = (emblem.Value.Bytes, emblem.Value.ContentType);
        audit.Change(AuditAction.EditOffice, office.Code, before, OfficeForm.Describe(office));
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = l["Offices_Saved"].Value;
        return Redirect("/admin/offices");
    }

    /// <summary>The office's emblem as the documents print it (for the form's preview).</summary>
    [HttpGet("offices/{id:guid}/emblem")]
    public async Task<IActionResult> Emblem(Guid id, CancellationToken ct)
    {
        var emblem = await db.Offices.AsNoTracking().Where(o => o.Id == id && o.RegionId == me.RegionId && o.Emblem != null)
            .Select(o => new { o.Emblem, o.EmblemContentType }).FirstOrDefaultAsync(ct);
        return emblem is null ? NotFound() : File(emblem.Emblem!, emblem.EmblemContentType);
    }

    private async Task<CataloguePage> PageAsync(ServiceCode service, CancellationToken ct) => new(service,
        await db.DocumentTypes.AsNoTracking().Where(d => d.Service == service).OrderBy(d => d.Order).ToListAsync(ct),
        await db.RefusalGrounds.AsNoTracking().Where(g => g.Service == service).OrderBy(g => g.Order).ToListAsync(ct));

}
