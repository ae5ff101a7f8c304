using GuardianshipPortal.Data;
using GuardianshipPortal.Domain;
using GuardianshipPortal.Messaging;
using GuardianshipPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace GuardianshipPortal.Web.Features.Admin;

public sealed record OutboxRow(long Id, OutboxChannel Channel, string Event, string Recipient, OutboxStatus Status, int Attempts,
    DateTimeOffset CreatedAt, DateTimeOffset NextAttemptAt, string LastError, Guid? CaseId);

/// <summary>
/// Deliveries that have not gone out: pending ones with their next attempt, and the ones given up, each with a retry
/// button. Recipients are shown masked (a phone's or an address's middle hidden).
/// </summary>
[Authorize(Roles = Roles.Admin)]
[Route("admin/outbox")]
public sealed class OutboxController(PortalDbContext db, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var rows = await db.OutboxMessages.AsNoTracking().Where(m => m.Status != OutboxStatus.Sent)
            .OrderBy(m => m.Status == OutboxStatus.Failed ? 0 : 1).ThenByDescending(m => m.Id).Take(200)
            .Select(m => new OutboxRow(m.Id, m.Channel, m.Event, m.Recipient, m.Status, m.Attempts, m.CreatedAt, m.NextAttemptAt, m.LastError, m.CaseId))
            .ToListAsync(ct);
        return View("/Features/Admin/Outbox.cshtml", rows.Select(r => r with { Recipient = Mask(r.Recipient) }).ToList());
    }

    [HttpPost("{id:long}/retry")]
    public async Task<IActionResult> Retry(long id, CancellationToken ct)
    {
        if (!await OutboxDispatcher.RetryAsync(db, id, clock.GetUtcNow(), ct)) return NotFound();
        audit.Record(AuditAction.RetryDelivery, detail: id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = l["Outbox_Retried"].Value;
        return Redirect("/admin/outbox");
    }

    /// <summary>"+7701****567", "ai****@example.kz": enough to recognise, not to copy.</summary>
    public static string Mask(string recipient)
    {
        if (recipient.StartsWith("http", StringComparison.OrdinalIgnoreCase)) return recipient;
        var at = recipient.IndexOf('@');
        if (at > 0) return recipient[..Math.Min(2, at)] + "****" + recipient[at..];
        return recipient.Length <= 7 ? "****" : recipient[..5] + "****" + recipient[^3..];
    }
}
