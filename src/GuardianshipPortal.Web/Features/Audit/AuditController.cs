using GuardianshipPortal.Data;
using GuardianshipPortal.Domain;
using GuardianshipPortal.Web.Features.Journals;
using GuardianshipPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace GuardianshipPortal.Web.Features.Audit;

/// <param name="User">The person by name; <paramref name="Login"/> is their user name (the filter's value).</param>
public sealed record AuditRow(DateTimeOffset At, string User, string Action, string ActionLabel, string? CaseNumber, Guid? CaseId, string Detail, string Login = "");

/// <param name="Reads">Views of cases are listed too (folded away by default: they would bury the changes).</param>
public sealed record AuditPage(string? User, string? Case, string? Action, DateOnly? From, DateOnly? To, IReadOnlyList<AuditRow> Rows, bool More, bool Reads = false);

/// <summary>
/// Who did what and when: every state change of a case (its history) and every read of personal data, search,
/// print, export and settings change, for the users of the region.
/// </summary>
[Authorize(Roles = Roles.Admin + "," + Roles.Supervisor)]
public sealed class AuditController(PortalDbContext db, CurrentUser me, AuditLog audit, IStringLocalizer<SharedResource> l) : Controller
{
    private const int Limit = 200;

    [HttpGet("/audit")]
    public async Task<IActionResult> Index(string? user, string? @case,
        [FromQuery(Name = "action")] string? actionName, // "action" alone would bind MVC's route value, the action's own name
        DateOnly? from, DateOnly? to, string? format, string? views, CancellationToken ct)
    {
        var region = me.RegionId;
        var users = db.Users.Where(u => u.RegionId == region);
        if (!string.IsNullOrWhiteSpace(user)) users = users.Where(u => u.UserName == user.Trim());
        var userNames = await users.Select(u => new { u.Id, u.UserName, u.FullName }).ToDictionaryAsync(u => u.Id, u => (Login: u.UserName ?? "", Name: u.FullName), ct);
        // Public verification downloads have no user: they are recorded under the empty id and shown as anonymous.
        if (string.IsNullOrWhiteSpace(user)) userNames[Guid.Empty] = ("", l["Audit_Anonymous"]);
        var ids = userNames.Keys.ToList();

        Guid? caseId = null;
        if (!string.IsNullOrWhiteSpace(@case))
        {
            // Numbers are unique in the deployment; one typed without its office or zeros still finds its case in the region.
            var number = @case.Trim().ToUpperInvariant();
            var inRegion = db.Cases.Where(c => c.Office!.RegionId == region);
            var found = await inRegion.Where(c => c.Number == number).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);
            if (found is null && GuardianshipPortal.Cases.CaseNumbers.Parse(number) is { } n)
                found = await inRegion.Where(c => c.Year == n.Year && c.Sequence == n.Sequence && c.Number.Contains("-" + n.Prefix + "-")
                        && (n.OfficeCode == null || c.Office!.Code == n.OfficeCode))
                    .OrderBy(c => c.Number).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);
            caseId = found ?? Guid.Empty;
        }
        // Days are the region's days (admins and supervisors have no office of their own: the default zone).
        var zone = Display.Zone(null);
        DateTimeOffset LocalMidnight(DateOnly day) => new(TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue), zone), TimeSpan.Zero);
        var start = from is { } f ? LocalMidnight(f) : DateTimeOffset.MinValue;
        var end = to is { } t ? LocalMidnight(t.AddDays(1)) : DateTimeOffset.MaxValue;

        var reads = db.AuditEvents.Where(a => ids.Contains(a.UserId));
        var changes = db.CaseEvents.Where(e => ids.Contains(e.UserId));
        if (caseId is { } cid) { reads = reads.Where(a => a.CaseId == cid); changes = changes.Where(e => e.CaseId == cid); }
        if (from is not null) { reads = reads.Where(a => a.At >= start); changes = changes.Where(e => e.At >= start); }
        if (to is not null) { reads = reads.Where(a => a.At < end); changes = changes.Where(e => e.At < end); }
        var wanted = actionName?.Trim();
        // Views of a case are folded away unless asked for (the toggle, or the action filter naming them).
        var showViews = views == "all" || wanted == nameof(AuditAction.ViewCase);
        if (!showViews) reads = reads.Where(a => a.Action != nameof(AuditAction.ViewCase));
        if (!string.IsNullOrEmpty(wanted))
        {
            // The filter is part of both queries, so that an older action is found behind any number of newer other ones.
            reads = reads.Where(a => a.Action == wanted);
            changes = WorkflowAction(wanted) is { } step ? changes.Where(e => e.Action == step) : changes.Where(e => false);
        }
        var readRows = await reads.OrderByDescending(a => a.At).Take(Limit + 1)
            .Select(a => new { a.At, a.UserId, a.Action, a.CaseId, a.Detail }).ToListAsync(ct);
        // Reads are worded by their audit action, changes by their workflow action and the steps they moved between.
        var changeRows = (await changes.OrderByDescending(e => e.At).Take(Limit + 1)
            .Select(e => new { e.At, e.UserId, e.Action, CaseId = (Guid?)e.CaseId, e.FromStep, e.ToStep, e.Comment })
            .ToListAsync(ct))
            .Select(e => new
            {
                e.At, e.UserId, Action = e.Action.ToString(), e.CaseId,
                Detail = (e.FromStep == e.ToStep ? l["Step_" + e.FromStep].Value : $"{l["Step_" + e.FromStep]} → {l["Step_" + e.ToStep]}")
                    + (e.Comment == "" ? "" : ": " + e.Comment),
            });
        var merged = readRows.Concat(changeRows)
            .OrderByDescending(r => r.At).Take(Limit + 1).ToList();
        var caseIds = merged.Where(r => r.CaseId != null).Select(r => r.CaseId!.Value).Distinct().ToList();
        var numbers = await db.Cases.Where(c => caseIds.Contains(c.Id)).Select(c => new { c.Id, c.Number }).ToDictionaryAsync(c => c.Id, c => c.Number, ct);
        var subjects = await SubjectsAsync(merged.Take(Limit).Select(r => (r.Action, r.Detail)), ct);
        var rows = merged.Take(Limit).Select(r => new AuditRow(r.At, userNames.TryGetValue(r.UserId, out var u) ? u.Name : "?", r.Action, ActionLabel(r.Action),
            r.CaseId is { } id ? numbers.GetValueOrDefault(id) : null, r.CaseId, Worded(r.Action, r.Detail, subjects), userNames.TryGetValue(r.UserId, out var who) ? who.Login : "")).ToList();

        if (format == "csv")
        {
            // An export of the audit is itself audited (who took which part of it).
            audit.Record(AuditAction.ExportAudit, caseId is { } exported && exported != Guid.Empty ? exported : null,
                $"user={user}; case={@case}; action={actionName}; from={from:yyyy-MM-dd}; to={to:yyyy-MM-dd}");
            await db.SaveChangesAsync(ct);
            var table = new JournalTable(
                [l["Audit_At"], l["Audit_User"], l["Audit_Action"], l["Case_Number"], l["Audit_Detail"]],
                [.. rows.Select(r => (IReadOnlyList<string>)[r.At.ToString("yyyy-MM-dd HH:mm:ss'Z'"), r.User, r.ActionLabel, r.CaseNumber ?? "", r.Detail])],
                [1, 1, 1, 1, 3]);
            return File(JournalExports.Csv(table), "text/csv; charset=utf-8", "audit.csv");
        }
        return View(new AuditPage(user, @case, actionName, from, to, rows, merged.Count > Limit, showViews));
    }

    /// <summary>Actions whose detail starts with the id of a document, a scan or a person, which the page names instead.</summary>
    private static readonly HashSet<string> ById =
    [
        nameof(AuditAction.PrintDocument), nameof(AuditAction.PublicDownload), nameof(AuditAction.RevokeDocument),
        nameof(AuditAction.DownloadAttachment), nameof(AuditAction.PersonLookup),
    ];

    private static Guid? LeadingId(string action, string detail) =>
        ById.Contains(action) && detail.Length >= 36 && Guid.TryParse(detail.AsSpan(0, 36), out var id) ? id : null;

    /// <summary>What the ids in the details stand for, in words: a document by its title and number, a scan by its file name, a person by name.</summary>
    private async Task<Dictionary<Guid, string>> SubjectsAsync(IEnumerable<(string Action, string Detail)> rows, CancellationToken ct)
    {
        var ids = rows.Select(r => LeadingId(r.Action, r.Detail)).OfType<Guid>().Distinct().ToList();
        var words = new Dictionary<Guid, string>();
        if (ids.Count == 0) return words;
        foreach (var d in await db.IssuedDocuments.AsNoTracking().Where(d => ids.Contains(d.Id)).Select(d => new { d.Id, d.Kind, d.Number }).ToListAsync(ct))
            words[d.Id] = $"{l["DocKind_" + d.Kind]} № {d.Number}";
        foreach (var a in await db.Attachments.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => new { a.Id, a.FileName }).ToListAsync(ct))
            words[a.Id] = a.FileName;
        foreach (var p in await db.Persons.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.LastName, p.FirstName, p.MiddleName }).ToListAsync(ct))
            words[p.Id] = $"{p.LastName} {p.FirstName} {p.MiddleName}".Trim();
        return words;
    }

    /// <summary>The detail with its leading id replaced by what it stands for (the rest, e.g. a revocation's reason, kept).</summary>
    private string Worded(string action, string detail, Dictionary<Guid, string> subjects)
    {
        if (LeadingId(action, detail) is not { } id || !subjects.TryGetValue(id, out var words)) return detail;
        var rest = detail[36..].Trim();
        return rest switch
        {
            "" => words,
            "signed copy" => $"{words} ({l["Audit_SignedCopy"]})",
            "signature" => $"{words} ({l["Audit_SignatureFile"]})",
            _ => $"{words} {rest}",
        };
    }

    /// <summary>The workflow action of that name (not a number: the filter takes the names the page shows).</summary>
    private static Domain.Workflow.CaseAction? WorkflowAction(string name) =>
        Enum.TryParse<Domain.Workflow.CaseAction>(name, out var action) && action.ToString() == name ? action : null;

    /// <summary>An action in the user's language: an audited read or change of settings, or a step of the workflow.</summary>
    private string ActionLabel(string action) =>
        Enum.TryParse<AuditAction>(action, out var read) ? l["AuditAction_" + read]
        : Enum.TryParse<Domain.Workflow.CaseAction>(action, out var step) ? l["Action_" + step]
        : action;
}
