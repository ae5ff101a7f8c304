using GuardianshipPortal.Data;
using GuardianshipPortal.Domain;
using GuardianshipPortal.Signatures;
using GuardianshipPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace GuardianshipPortal.Web.Features.Admin;

public sealed record TrustPage(IReadOnlyList<TrustItem> Items, string Url);

public sealed class TrustUrlForm
{
    [WritesTo(typeof(TrustItem), nameof(TrustItem.SourceUrl), "Trust_Url")]
    public string Url { get; set; } = "";
}

/// <summary>
/// What digital signatures are checked against (SPEC §4, INTEGRATION.md): the national certification authority's roots
/// (RSA and GOST), intermediate certificates and revocation lists — uploaded as files, or lists fetched from their URL
/// and refreshed. Items are switched off, never deleted; every change is audited.
/// </summary>
[Authorize(Roles = Roles.Admin)]
[Route("admin/trust")]
public sealed class TrustController(
    PortalDbContext db, CurrentUser me, AuditLog audit, RevocationListFetcher fetcher, TimeProvider clock, IStringLocalizer<SharedResource> l) : Controller
{
    private const string TrustView = "/Features/Admin/Trust.cshtml";
    /// <summary>Roots and lists of the national authority are a few kilobytes to a few megabytes.</summary>
    private const long MaxFile = 20 * 1024 * 1024;

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(TrustView, await PageAsync("", ct));

    [HttpPost("upload")]
    [RequestSizeLimit(MaxFile + 64 * 1024)]
    public async Task<IActionResult> Upload(TrustItemKind kind, IFormFile? file, CancellationToken ct)
    {
        if (!Enum.IsDefined(kind)) return NotFound();
        if (file is null || file.Length == 0) return await RefuseAsync(l["Trust_FileRequired"], "", ct);
        if (file.Length > MaxFile) return await RefuseAsync(l["Trust_FileTooLarge"], "", ct);
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var item = TrustItem.Read(kind, buffer.ToArray());
        if (item is null) return await RefuseAsync(l[kind == TrustItemKind.RevocationList ? "Trust_NotAList" : "Trust_NotACertificate"], "", ct);
        return await AddAsync(item, "", ct);
    }

    [HttpPost("url")]
    public async Task<IActionResult> FromUrl(TrustUrlForm form, CancellationToken ct)
    {
        var url = form.Url.Trim();
        if (!ModelState.IsValid) return await RefuseAsync(null, "", ct);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            return await RefuseAsync(l["Trust_UrlInvalid"], url, ct);
        var (item, error) = await fetcher.DownloadAsync(url, ct);
        if (item is null) return await RefuseAsync(l["Trust_UrlFailed", error], url, ct);
        item.SourceUrl = url;
        item.RefreshedAt = clock.GetUtcNow();
        return await AddAsync(item, url, ct);
    }

    [HttpPost("{id:guid}/active")]
    public async Task<IActionResult> SetActive(Guid id, bool active, CancellationToken ct)
    {
        var item = await db.TrustItems.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (item is null) return NotFound();
        audit.Change(AuditAction.EditTrust, $"{item.Kind} {item.Sha256[..16]}", item.IsActive.ToString(), active.ToString());
        item.IsActive = active;
        await db.SaveChangesAsync(ct);
        DatabaseTrustMaterial.Forget();
        TempData["Flash"] = l["Trust_Saved"].Value;
        return Redirect("/admin/trust");
    }

    private async Task<IActionResult> AddAsync(TrustItem item, string url, CancellationToken ct)
    {
        if (await db.TrustItems.AnyAsync(i => i.Sha256 == item.Sha256, ct)) return await RefuseAsync(l["Trust_Duplicate"], url, ct);
        item.Id = Guid.NewGuid();
        item.AddedAt = clock.GetUtcNow();
        item.AddedById = me.Id;
        db.TrustItems.Add(item);
        audit.Change(AuditAction.EditTrust, $"{item.Kind} {item.Sha256[..16]}", "", $"{item.Name}; {item.ValidFrom:yyyy-MM-dd}–{item.ValidTo:yyyy-MM-dd}; {item.SourceUrl}");
        await db.SaveChangesAsync(ct);
        DatabaseTrustMaterial.Forget();
        TempData["Flash"] = l["Trust_Saved"].Value;
        return Redirect("/admin/trust");
    }

    private async Task<IActionResult> RefuseAsync(string? message, string url, CancellationToken ct)
    {
        if (message is not null) ModelState.AddModelError("", message);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(TrustView, await PageAsync(url, ct));
    }

    private async Task<TrustPage> PageAsync(string url, CancellationToken ct) => new(
        await db.TrustItems.AsNoTracking().OrderBy(i => i.Kind).ThenByDescending(i => i.AddedAt)
            .Select(i => new TrustItem
            {
                Id = i.Id, Kind = i.Kind, Name = i.Name, Sha256 = i.Sha256, Bytes = Array.Empty<byte>(), ValidFrom = i.ValidFrom, ValidTo = i.ValidTo,
                SourceUrl = i.SourceUrl, AddedAt = i.AddedAt, RefreshedAt = i.RefreshedAt, RefreshError = i.RefreshError, IsActive = i.IsActive,
            })
            .ToListAsync(ct),
        url);
}
