using FluentValidation;
using GuardianshipPortal.Data;
using GuardianshipPortal.Domain;
using GuardianshipPortal.Messaging;
using GuardianshipPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace GuardianshipPortal.Web.Features.Admin;

public sealed class MessageTemplateForm
{
    [WritesTo(typeof(MessageTemplate), nameof(MessageTemplate.Subject), "Messages_Subject")]
    public string Subject { get; set; } = "";
    [WritesTo(typeof(MessageTemplate), nameof(MessageTemplate.Body), "Templates_Body")]
    public string Body { get; set; } = "";
    /// <summary>The version the administrator edited: saving over a newer one is refused.</summary>
    public int Version { get; set; }
}

public sealed class MessageTemplateFormValidator : AbstractValidator<MessageTemplateForm>
{
    public MessageTemplateFormValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Subject).MaximumLength(MessageTemplate.SubjectLength)
            .Must(s => MessageTemplates.Unknown(s).Count == 0).WithMessage(x => l["Templates_UnknownPlaceholder", string.Join(", ", MessageTemplates.Unknown(x.Subject))]);
        RuleFor(x => x.Body).NotEmpty().WithMessage(_ => l["Validation_Required", l["Templates_Body"]]).MaximumLength(MessageTemplate.BodyLength)
            .Must(b => MessageTemplates.Unknown(b).Count == 0).WithMessage(x => l["Templates_UnknownPlaceholder", string.Join(", ", MessageTemplates.Unknown(x.Body))]);
        RuleFor(x => x.Body).Must(b => b.Contains("{number}", StringComparison.Ordinal)).WithMessage(_ => l["Messages_NumberRequired"]);
    }
}

public sealed record MessageTemplateEditPage(string Event, string Language, MessageTemplateForm Form, IReadOnlyList<MessageTemplate> History);

/// <summary>The wording of the messages applicants receive, per event and language: each save is a new version.</summary>
[Authorize(Roles = Roles.Admin)]
[Route("admin/messages")]
public sealed class MessagesController(PortalDbContext db, CurrentUser me, TimeProvider clock, AuditLog audit, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var all = await db.MessageTemplates.AsNoTracking().ToListAsync(ct);
        var latest = all.GroupBy(t => (t.Event, t.Language)).Select(g => g.MaxBy(t => t.Version)!).OrderBy(t => t.Event).ThenBy(t => t.Language).ToList();
        return View("/Features/Admin/Messages.cshtml", latest);
    }

    [HttpGet("{what}/{language}")]
    public async Task<IActionResult> Edit(string what, string language, CancellationToken ct) =>
        await PageAsync(what, language, null, ct) is { } page ? View("/Features/Admin/MessageEdit.cshtml", page) : NotFound();

    [HttpPost("{what}/{language}")]
    public async Task<IActionResult> Edit(string what, string language, MessageTemplateForm form, CancellationToken ct)
    {
        var current = await db.MessageTemplates.AsNoTracking().Where(t => t.Event == what && t.Language == language)
            .OrderByDescending(t => t.Version).FirstOrDefaultAsync(ct);
        if (current is null) return NotFound();
        if (ModelState.IsValid && form.Version != current.Version)
        {
            ModelState.AddModelError("", l["Templates_Stale"]);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View("/Features/Admin/MessageEdit.cshtml", await PageAsync(what, language, form, ct));
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("/Features/Admin/MessageEdit.cshtml", await PageAsync(what, language, form, ct));
        }
        var next = new MessageTemplate
        {
            Id = Guid.NewGuid(), Event = what, Language = language, Version = current.Version + 1, Subject = form.Subject.Trim(),
            Body = form.Body.Replace("\r\n", "\n").Trim(), CreatedAt = clock.GetUtcNow(), CreatedById = me.Id,
        };
        db.MessageTemplates.Add(next);
        audit.Change(AuditAction.EditTemplate, $"message {what}/{language} v{next.Version}", current.Subject + "\n\n" + current.Body, next.Subject + "\n\n" + next.Body);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another administrator saved the same version at the same moment: theirs stands. Any other failure is not a
            // conflict and is not reported as one.
            db.ChangeTracker.Clear();
            if (!await db.MessageTemplates.AnyAsync(t => t.Event == what && t.Language == language && t.Version == next.Version, ct)) throw;
            ModelState.AddModelError("", l["Templates_Stale"]);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View("/Features/Admin/MessageEdit.cshtml", await PageAsync(what, language, form, ct));
        }
        TempData["Flash"] = l["Templates_Saved", next.Version].Value;
        return Redirect($"/admin/messages/{what}/{language}");
    }

    private async Task<MessageTemplateEditPage?> PageAsync(string what, string language, MessageTemplateForm? posted, CancellationToken ct)
    {
        var history = await db.MessageTemplates.AsNoTracking().Where(t => t.Event == what && t.Language == language)
            .OrderByDescending(t => t.Version).ToListAsync(ct);
        if (history.Count == 0) return null;
        var form = posted ?? new MessageTemplateForm { Subject = history[0].Subject, Body = history[0].Body, Version = history[0].Version };
        return new MessageTemplateEditPage(what, language, form, history);
    }
}
