using FluentValidation;
using GuardianshipPortal.Data;
using GuardianshipPortal.Domain;
using GuardianshipPortal.Domain.Cases;
using GuardianshipPortal.Domain.Documents;
using GuardianshipPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace GuardianshipPortal.Web.Features.Admin;

public sealed class TemplateForm
{
    [WritesTo(typeof(Domain.Documents.DocumentTemplate), nameof(Domain.Documents.DocumentTemplate.Title), "Templates_TitleField")]
    public string Title { get; set; } = "";
    [WritesTo(typeof(Domain.Documents.DocumentTemplate), nameof(Domain.Documents.DocumentTemplate.Body), "Templates_Body")]
    public string Body { get; set; } = "";
    /// <summary>The version the administrator edited: saving over a newer one is refused.</summary>
    public int Version { get; set; }
}

public sealed class TemplateFormValidator : AbstractValidator<TemplateForm>
{
    /// <summary>Every {placeholder} the composer fills; anything else would print as typed.</summary>
    public static IReadOnlySet<string> Placeholders => Documents.DocumentComposer.Placeholders;

    public TemplateFormValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Title).NotEmpty().WithMessage(_ => l["Validation_Required", l["Templates_TitleField"]]).MaximumLength(500);
        RuleFor(x => x.Body).NotEmpty().WithMessage(_ => l["Validation_Required", l["Templates_Body"]]).MaximumLength(20000);
        RuleFor(x => x.Body)
            .Must(body => Unknown(body).Count == 0)
            .WithMessage(x => l["Templates_UnknownPlaceholder", string.Join(", ", Unknown(x.Body))]);
    }

    public static IReadOnlyList<string> Unknown(string body) => TemplatePlaceholders.Unknown(body, Placeholders);
}

public sealed record TemplateRow(DocumentKind Kind, string Language, int Version, DateTimeOffset CreatedAt);
public sealed record TemplateEditPage(DocumentKind Kind, string Language, TemplateForm Form, IReadOnlyList<DocumentTemplate> History);

/// <summary>Administration of document wording: each save is a new version; signed documents keep theirs.</summary>
[Authorize(Roles = Roles.Admin)]
[Route("admin/templates")]
public sealed class TemplatesController(PortalDbContext db, CurrentUser me, TimeProvider clock, AuditLog audit, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var all = await db.DocumentTemplates.AsNoTracking().Select(t => new { t.Kind, t.Language, t.Version, t.CreatedAt }).ToListAsync(ct);
        var rows = all.GroupBy(t => (t.Kind, t.Language)).Select(g => g.OrderByDescending(t => t.Version).First())
            .OrderBy(t => t.Kind).ThenBy(t => t.Language).Select(t => new TemplateRow(t.Kind, t.Language, t.Version, t.CreatedAt)).ToList();
        return View("/Features/Admin/Templates.cshtml", rows);
    }

    [HttpGet("{kind}/{language}")]
    public async Task<IActionResult> Edit(DocumentKind kind, string language, CancellationToken ct)
    {
        var page = await PageAsync(kind, language, null, ct);
        return page is null ? NotFound() : View("/Features/Admin/TemplateEdit.cshtml", page);
    }

    [HttpPost("{kind}/{language}")]
    public async Task<IActionResult> Edit(DocumentKind kind, string language, TemplateForm form, CancellationToken ct)
    {
        var current = await db.DocumentTemplates.AsNoTracking().Where(t => t.Kind == kind && t.Language == language)
            .OrderByDescending(t => t.Version).FirstOrDefaultAsync(ct);
        if (current is null) return NotFound();
        if (ModelState.IsValid && form.Version != current.Version)
        {
            ModelState.AddModelError("", l["Templates_Stale"]);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View("/Features/Admin/TemplateEdit.cshtml", await PageAsync(kind, language, form, ct));
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("/Features/Admin/TemplateEdit.cshtml", await PageAsync(kind, language, form, ct));
        }
        var next = new DocumentTemplate
        {
            Id = Guid.NewGuid(), Kind = kind, Language = language, Version = current.Version + 1,
            Title = form.Title.Trim(), Body = form.Body.Replace("\r\n", "\n").Trim(), CreatedAt = clock.GetUtcNow(), CreatedById = me.Id,
        };
        db.DocumentTemplates.Add(next);
        audit.Change(AuditAction.EditTemplate, $"{kind}/{language} v{next.Version}", current.Title + "\n\n" + current.Body, next.Title + "\n\n" + next.Body);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another administrator saved the same version at the same moment: theirs stands. Any other failure is not a
            // conflict and is not reported as one.
            db.ChangeTracker.Clear();
            if (!await db.DocumentTemplates.AnyAsync(t => t.Kind == kind && t.Language == language && t.Version == next.Version, ct)) throw;
            ModelState.AddModelError("", l["Templates_Stale"]);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View("/Features/Admin/TemplateEdit.cshtml", await PageAsync(kind, language, form, ct));
        }
        TempData["Flash"] = l["Templates_Saved", next.Version].Value;
        return Redirect($"/admin/templates/{kind}/{language}");
    }

    private async Task<TemplateEditPage?> PageAsync(DocumentKind kind, string language, TemplateForm? posted, CancellationToken ct)
    {
        if (!Enum.IsDefined(kind) || !Language.IsSupported(language)) return null;
        var history = await db.DocumentTemplates.AsNoTracking().Where(t => t.Kind == kind && t.Language == language)
            .OrderByDescending(t => t.Version).ToListAsync(ct);
        if (history.Count == 0) return null;
        var form = posted ?? new TemplateForm { Title = history[0].Title, Body = history[0].Body, Version = history[0].Version };
        return new TemplateEditPage(kind, language, form, history);
    }
}
