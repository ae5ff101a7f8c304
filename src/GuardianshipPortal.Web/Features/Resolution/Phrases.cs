using GuardianshipPortal.Data;
using GuardianshipPortal.Domain;
using GuardianshipPortal.Domain.Cases;
using GuardianshipPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace GuardianshipPortal.Web.Features.Resolution;

/// <summary>The standard phrases a resolution form offers: the office's own, or the portal's default set in the user's language.</summary>
public sealed class ResolutionPhrases(PortalDbContext db, IStringLocalizer<SharedResource> l)
{
    public static readonly IReadOnlyList<string> DefaultKeys = ["Resolution_Phrase1", "Resolution_Phrase2", "Resolution_Phrase3", "Resolution_Phrase4"];

    public IReadOnlyList<string> Defaults => [.. DefaultKeys.Select(k => l[k].Value)];

    public async Task<IReadOnlyList<string>> ForAsync(Guid officeId, CancellationToken ct = default)
    {
        var own = await db.ResolutionPhrases.AsNoTracking().Where(p => p.OfficeId == officeId).OrderBy(p => p.Order).Select(p => p.Text).ToListAsync(ct);
        return own.Count > 0 ? own : Defaults;
    }
}

public sealed class PhrasesForm
{
    /// <summary>The office whose list this is (an administrator's choice; a head's is always their own).</summary>
    public Guid? Office { get; set; }
    /// <summary>The id of the list's first phrase when the form was opened (none: empty): a save since then is a conflict.</summary>
    public Guid Stamp { get; set; }
    [WritesTo(typeof(ResolutionPhrase), nameof(ResolutionPhrase.Text), "Resolution_Phrase")]
    public List<string> Phrases { get; set; } = [];
}

public sealed record PhrasesPage(Office Office, IReadOnlyList<Office> Offices, IReadOnlyList<string> Phrases, Guid Stamp, bool Own, string? Problem = null);

/// <summary>The head (of their office) or an administrator (of any office of the region) edits the standard resolution phrases.</summary>
[Authorize(Roles = Roles.Head + "," + Roles.Admin)]
public sealed class PhrasesController(PortalDbContext db, CurrentUser me, ResolutionPhrases phrases, AuditLog audit, IStringLocalizer<SharedResource> l) : Controller
{
    private const string PageView = "/Features/Resolution/Phrases.cshtml";

    [HttpGet("/resolution/phrases")]
    public async Task<IActionResult> Edit(Guid? office, CancellationToken ct)
    {
        var (offices, chosen) = await OfficesAsync(office, ct);
        return chosen is null ? NotFound() : View(PageView, await PageAsync(chosen, offices, ct));
    }

    [HttpPost("/resolution/phrases")]
    public async Task<IActionResult> Save(PhrasesForm form, CancellationToken ct)
    {
        var (offices, chosen) = await OfficesAsync(form.Office, ct);
        if (chosen is null) return NotFound();
        var texts = form.Phrases.Select(p => p.Trim()).Where(p => p.Length > 0).Distinct().ToList();
        if (texts.Count > ResolutionPhrase.MaxCount) ModelState.AddModelError("", l["Phrases_TooMany", ResolutionPhrase.MaxCount]);
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View(PageView, await PageAsync(chosen, offices, ct) with { Phrases = form.Phrases, Stamp = form.Stamp });
        }
        var current = await db.ResolutionPhrases.Where(p => p.OfficeId == chosen.Id).OrderBy(p => p.Order).ToListAsync(ct);
        if ((current.FirstOrDefault()?.Id ?? Guid.Empty) != form.Stamp)
        {
            // Someone saved the list since this form was opened: their list is shown, this one's texts kept for a second try.
            Response.StatusCode = StatusCodes.Status409Conflict;
            var page = await PageAsync(chosen, offices, ct);
            return View(PageView, page with { Phrases = form.Phrases, Problem = l["Phrases_Conflict"] });
        }
        db.ResolutionPhrases.RemoveRange(current);
        db.ResolutionPhrases.AddRange(texts.Select((t, i) => new ResolutionPhrase { Id = Guid.NewGuid(), OfficeId = chosen.Id, Order = i + 1, Text = t }));
        audit.Change(AuditAction.EditSetting, $"resolution phrases {chosen.Code}", string.Join(" | ", current.Select(p => p.Text)), string.Join(" | ", texts));
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = l["Phrases_Saved"].Value;
        return Redirect(me.IsInRole(Roles.Admin) ? $"/resolution/phrases?office={chosen.Id}" : "/resolution/phrases");
    }

    /// <summary>A head edits their own office; an administrator any office of the region.</summary>
    private async Task<(IReadOnlyList<Office> Offices, Office? Chosen)> OfficesAsync(Guid? asked, CancellationToken ct)
    {
        if (me.IsInRole(Roles.Head) && me.OfficeId is { } own)
        {
            var office = await db.Offices.AsNoTracking().FirstOrDefaultAsync(o => o.Id == own, ct);
            return ([], asked is null || asked == own ? office : null);
        }
        var offices = await db.Offices.AsNoTracking().Where(o => o.RegionId == me.RegionId).OrderBy(o => o.Code).ToListAsync(ct);
        return (offices, asked is { } id ? offices.FirstOrDefault(o => o.Id == id) : offices.FirstOrDefault());
    }

    private async Task<PhrasesPage> PageAsync(Office office, IReadOnlyList<Office> offices, CancellationToken ct)
    {
        var own = await db.ResolutionPhrases.AsNoTracking().Where(p => p.OfficeId == office.Id).OrderBy(p => p.Order).Select(p => new { p.Id, p.Text }).ToListAsync(ct);
        return new PhrasesPage(office, offices, own.Count > 0 ? [.. own.Select(p => p.Text)] : phrases.Defaults, own.FirstOrDefault()?.Id ?? Guid.Empty, own.Count > 0);
    }
}
