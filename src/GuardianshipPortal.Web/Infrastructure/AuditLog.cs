using GuardianshipPortal.Data;
using GuardianshipPortal.Domain;
using GuardianshipPortal.Domain.Cases;

namespace GuardianshipPortal.Web.Infrastructure;

/// <summary>
/// Records reads of personal data, prints, exports and settings changes (with before and after) for the signed-in
/// user, now. The entry is added to the request's unit of work: it is saved with the change it describes.
/// </summary>
public sealed class AuditLog(PortalDbContext db, CurrentUser me, TimeProvider clock)
{
    public void Record(AuditAction action, Guid? caseId = null, string detail = "", string? before = null, string? after = null) =>
        db.AuditEvents.Add(new AuditEvent
        {
            At = clock.GetUtcNow(), UserId = me.Id, Action = action.ToString(), CaseId = caseId, Detail = Cut(detail, 1000), Before = before, After = after,
        });

    /// <summary>A change of settings: what was changed, and its value before and after.</summary>
    public void Change(AuditAction action, string what, string before, string after) => Record(action, null, what, before, after);

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..length];
}
