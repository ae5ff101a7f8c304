using Microsoft.AspNetCore.DataProtection;
using FluentValidation;
using GuardianshipPortal.Data;
using GuardianshipPortal.Domain;
using GuardianshipPortal.Domain.Cases;
using GuardianshipPortal.Partners;
using GuardianshipPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace GuardianshipPortal.Web.Features.Admin;

public sealed class PartnerForm
{
    [WritesTo(typeof(Partner), nameof(Partner.Name), "Partners_Name")]
    public string Name { get; set; } = "";
    [Label("Case_Channel")]
    public Channel Channel { get; set; } = Channel.EGov;
    [WritesTo(typeof(Partner), nameof(Partner.Bin), "Partners_Bin")]
    public string Bin { get; set; } = "";
    [WritesTo(typeof(Partner), nameof(Partner.CallbackUrl), "Partners_Callback")]
    public string CallbackUrl { get; set; } = "";
    [Label("Partners_Offices")]
    public List<Guid> OfficeIds { get; set; } = [];
}

public sealed class PartnerFormValidator : AbstractValidator<PartnerForm>
{
    public PartnerFormValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage(_ => l["Validation_Required", l["Partners_Name"]]).MaximumLength(Partner.NameLength);
        RuleFor(x => x.Channel).Must(c => c is Channel.EGov or Channel.PublicServiceCenter).WithMessage(_ => l["Validation_Required", l["Case_Channel"]]);
        RuleFor(x => x.Bin).Must(b => b.Length == 12 && b.All(char.IsAsciiDigit)).When(x => x.Channel == Channel.PublicServiceCenter || x.Bin.Length > 0)
            .WithMessage(_ => l["Partners_BinFormat"]);
        RuleFor(x => x.CallbackUrl).MaximumLength(Partner.CallbackLength)
            .Must(u => u.Length == 0 || (Uri.TryCreate(u, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"))
            .WithMessage(_ => l["Partners_CallbackFormat"]);
        RuleFor(x => x.OfficeIds).NotEmpty().WithMessage(_ => l["Partners_OfficeRequired"]);
    }
}

public sealed record PartnersPage(IReadOnlyList<Partner> Partners, IReadOnlyList<Office> Offices, PartnerForm Form);

/// <summary>
/// The systems that send requests electronically. A key is shown once, when it is made; the portal keeps only its hash.
/// A rotation makes a new key and keeps the old one valid for <see cref="PartnerKeys.RotationGrace"/>; a revocation ends both.
/// </summary>
[Authorize(Roles = Roles.Admin)]
[Route("admin/partners")]
public sealed class PartnersController(PortalDbContext db, CurrentUser me, TimeProvider clock, AuditLog audit, IStringLocalizer<SharedResource> l,
    Microsoft.AspNetCore.DataProtection.IDataProtectionProvider protection) : Controller
{
    private Guid Region => me.RegionId ?? Guid.Empty;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View("/Features/Admin/Partners.cshtml", await PageAsync(new PartnerForm(), ct));

    [HttpPost("")]
    public async Task<IActionResult> Create(PartnerForm form, CancellationToken ct)
    {
        var offices = await db.Offices.Where(o => o.RegionId == Region && form.OfficeIds.Contains(o.Id)).Select(o => o.Id).ToListAsync(ct);
        if (ModelState.IsValid && offices.Count != form.OfficeIds.Distinct().Count()) ModelState.AddModelError("", l["Partners_OfficeRequired"]);
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("/Features/Admin/Partners.cshtml", await PageAsync(form, ct));
        }
        var (keyId, secret, key) = PartnerKeys.New();
        var callbackSecret = PartnerKeys.New().Secret;
        var partner = new Partner
        {
            Id = Guid.NewGuid(), RegionId = Region, Name = form.Name.Trim(), Channel = form.Channel, Bin = form.Bin.Trim(),
            CallbackUrl = form.CallbackUrl.Trim(), KeyId = keyId, KeyHash = PartnerKeys.Hash(secret), CreatedAt = clock.GetUtcNow(),
            Offices = [.. offices.Select(o => new PartnerOffice { OfficeId = o })],
            ProtectedCallbackSecret = protection.CreateProtector(Api.PartnerCallbackSender.Purpose).Protect(callbackSecret),
        };
        db.Partners.Add(partner);
        audit.Change(AuditAction.EditPartner, partner.Name, "", $"{partner.Channel}; {partner.Bin}; {partner.CallbackUrl}; key {keyId}");
        await db.SaveChangesAsync(ct);
        TempData["PartnerKey"] = key;
        TempData["PartnerCallbackSecret"] = callbackSecret;
        TempData["Flash"] = l["Partners_Created", partner.Name].Value;
        return Redirect("/admin/partners");
    }

    [HttpPost("{id:guid}/rotate")]
    public async Task<IActionResult> Rotate(Guid id, CancellationToken ct)
    {
        var partner = await db.Partners.FirstOrDefaultAsync(p => p.Id == id && p.RegionId == Region && p.RevokedAt == null, ct);
        if (partner is null) return NotFound();
        var now = clock.GetUtcNow();
        var (_, secret, key) = PartnerKeys.New(partner.KeyId);
        (partner.PreviousKeyHash, partner.PreviousKeyUntil) = (partner.KeyHash, now + PartnerKeys.RotationGrace);
        (partner.KeyHash, partner.RotatedAt) = (PartnerKeys.Hash(secret), now);
        audit.Change(AuditAction.EditPartner, partner.Name, "key rotated", $"previous key valid until {partner.PreviousKeyUntil:yyyy-MM-dd HH:mm}Z");
        await db.SaveChangesAsync(ct);
        TempData["PartnerKey"] = key;
        TempData["Flash"] = l["Partners_Rotated", partner.Name, Display.DateTime(partner.PreviousKeyUntil, null)].Value;
        return Redirect("/admin/partners");
    }

    [HttpPost("{id:guid}/revoke")]
    public async Task<IActionResult> Revoke(Guid id, CancellationToken ct)
    {
        var partner = await db.Partners.FirstOrDefaultAsync(p => p.Id == id && p.RegionId == Region, ct);
        if (partner is null) return NotFound();
        partner.RevokedAt ??= clock.GetUtcNow();
        audit.Change(AuditAction.EditPartner, partner.Name, "active", "revoked");
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = l["Partners_Revoked", partner.Name].Value;
        return Redirect("/admin/partners");
    }

    private async Task<PartnersPage> PageAsync(PartnerForm form, CancellationToken ct) => new(
        await db.Partners.AsNoTracking().Where(p => p.RegionId == Region).Include(p => p.Offices).ThenInclude(o => o.Office).OrderBy(p => p.Name).ToListAsync(ct),
        await db.Offices.AsNoTracking().Where(o => o.RegionId == Region && o.IsActive).OrderBy(o => o.Code).ToListAsync(ct),
        form);
}
