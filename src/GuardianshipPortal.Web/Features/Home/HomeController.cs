using GuardianshipPortal.Data;
using GuardianshipPortal.Domain;
using GuardianshipPortal.Domain.Services;
using GuardianshipPortal.Domain.Workflow;
using GuardianshipPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GuardianshipPortal.Web.Features.Home;

public sealed record HomeModel(string? Role, IReadOnlyList<Queue> Queues);

/// <summary>Each role's home page is its work queue.</summary>
public sealed class HomeController(PortalDbContext db, CurrentUser me, Queues queueQueries, ServiceCatalog services, TimeProvider clock) : Controller
{
    [HttpGet("/")]
    public async Task<IActionResult> Index(int page = 1, CancellationToken ct = default)
    {
        var cases = Queues.Scope(db.Cases, me);
        var now = clock.GetUtcNow();
        var withCommission = services.All.Where(s => s.NeedsCommission).Select(s => s.Code).ToList();
        // A head whose office signs digitally signs from the queue, many at once.
        var digital = me.PrimaryRole == Roles.Head && await db.Offices.AnyAsync(o => o.Id == me.OfficeId && o.DigitalSignature, ct);
        IReadOnlyList<Queue> queues = me.PrimaryRole switch
        {
            Roles.Clerk =>
            [
                await queueQueries.PageAsync("Queue_ToIssue", "queue-issue", cases.Where(c => c.Step == Step.Issue), page, ct),
                await queueQueries.PageAsync("Queue_Registered", "queue-registered", cases.Where(c => c.Step == Step.Resolution), 1, ct),
            ],
            Roles.Head =>
            [
                await queueQueries.PageAsync("Queue_ToAssign", "queue-assign", cases.Where(c => c.Step == Step.Resolution), page, ct),
                await queueQueries.PageAsync("Queue_ToSign", "queue-sign", cases.Where(c => c.Step == Step.Signing), page, ct,
                    digital ? Queues.SigningPageSize : Queues.PageSize) with { Selectable = digital },
                // The ladder's second rung: a step whose time is up comes to the head.
                await queueQueries.PageAsync("Queue_Escalated", "queue-escalated", cases.Where(c => c.Step != Step.Closed && c.SuspendedAt == null && c.StepDueAt < now), 1, ct),
            ],
            Roles.Specialist =>
            [
                await queueQueries.PageAsync("Queue_MyDrafts", "queue-drafts", cases.Where(c => c.Step == Step.Drafting && c.AssigneeId == me.Id), page, ct),
            ],
            Roles.Commission =>
            [
                await queueQueries.PageAsync("Queue_AwaitingOpinion", "queue-commission",
                    cases.Where(c => c.Step == Step.Drafting && withCommission.Contains(c.Service) && c.CommissionOpinion == null), page, ct),
            ],
            Roles.Supervisor =>
            [
                // The third rung: a service whose total term is up comes to the region's supervisor.
                await queueQueries.PageAsync("Queue_Escalated", "queue-escalated", cases.Where(c => c.Step != Step.Closed && c.SuspendedAt == null && c.DueAt < now), 1, ct),
                await queueQueries.PageAsync("Queue_Open", "queue-open", cases.Where(c => c.Step != Step.Closed), page, ct),
            ],
            _ => [],
        };
        return View(new HomeModel(me.PrimaryRole, queues));
    }
}
