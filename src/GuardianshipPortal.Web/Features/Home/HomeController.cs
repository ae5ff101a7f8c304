using GuardianshipPortal.Data;
using GuardianshipPortal.Domain;
using GuardianshipPortal.Domain.Services;
using GuardianshipPortal.Domain.Workflow;
using GuardianshipPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace GuardianshipPortal.Web.Features.Home;

public sealed record HomeModel(string? Role, IReadOnlyList<Queue> Queues);

/// <summary>Each role's home page is its work queue.</summary>
public sealed class HomeController(PortalDbContext db, CurrentUser me) : Controller
{
    [HttpGet("/")]
    public async Task<IActionResult> Index(int page = 1, CancellationToken ct = default)
    {
        var cases = Queues.Scope(db.Cases, me);
        IReadOnlyList<Queue> queues = me.PrimaryRole switch
        {
            Roles.Clerk =>
            [
                await Queues.PageAsync("Queue_ToIssue", "queue-issue", cases.Where(c => c.Step == Step.Issue), page, ct),
                await Queues.PageAsync("Queue_Registered", "queue-registered", cases.Where(c => c.Step == Step.Resolution), 1, ct),
            ],
            Roles.Head =>
            [
                await Queues.PageAsync("Queue_ToAssign", "queue-assign", cases.Where(c => c.Step == Step.Resolution), page, ct),
                await Queues.PageAsync("Queue_ToSign", "queue-sign", cases.Where(c => c.Step == Step.Signing), page, ct),
            ],
            Roles.Specialist =>
            [
                await Queues.PageAsync("Queue_MyDrafts", "queue-drafts", cases.Where(c => c.Step == Step.Drafting && c.AssigneeId == me.Id), page, ct),
            ],
            Roles.Commission =>
            [
                await Queues.PageAsync("Queue_AwaitingOpinion", "queue-commission",
                    cases.Where(c => c.Step == Step.Drafting && c.Service == ServiceCode.AdopterRegistration && c.CommissionOpinion == null), page, ct),
            ],
            Roles.Supervisor =>
            [
                await Queues.PageAsync("Queue_Open", "queue-open", cases.Where(c => c.Step != Step.Closed), page, ct),
            ],
            _ => [],
        };
        return View(new HomeModel(me.PrimaryRole, queues));
    }
}
