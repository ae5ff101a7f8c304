using GuardianshipPortal.Data;
using GuardianshipPortal.Domain;
using GuardianshipPortal.Domain.Services;
using GuardianshipPortal.Domain.Workflow;
using GuardianshipPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace GuardianshipPortal.Web.Features.Home;

/// <summary>A person a queue may be filtered by.</summary>
public sealed record AssigneeChoice(Guid Id, string Name);

/// <param name="Single">The queue page shows one queue (its own address); the home page all of the role's desk.</param>
public sealed record HomeModel(string? Role, IReadOnlyList<Queue> Queues, QueueFilter Filter, IReadOnlyList<Office> Offices,
    IReadOnlyList<AssigneeChoice> Assignees, DeskQueue? Single = null, bool FilterInvalid = false);

/// <summary>Each role's home page is its work queue; each queue also has a page of its own (the menu's and the dashboard's links).</summary>
public sealed class HomeController(PortalDbContext db, CurrentUser me, Queues queueQueries, QueueCounts menu, ServiceCatalog services, TimeProvider clock) : Controller
{
    [HttpGet("/")]
    [OutputCache(PolicyName = DeskCache.Name)]
    public Task<IActionResult> Index([FromQuery] QueueFilter filter, CancellationToken ct) =>
        ShowAsync([.. Desks.For(me.PrimaryRole).Where(q => q.OnDesk)], filter, null, ct);

    [HttpGet("/queues/{name}")]
    [OutputCache(PolicyName = DeskCache.Name)]
    public async Task<IActionResult> Queue(string name, [FromQuery] QueueFilter filter, CancellationToken ct) =>
        Desks.Find(me.PrimaryRole, name) is { } queue ? await ShowAsync([queue], filter, queue, ct) : NotFound();

    private async Task<IActionResult> ShowAsync(IReadOnlyList<DeskQueue> desk, QueueFilter filter, DeskQueue? single, CancellationToken ct)
    {
        // A filter value that does not exist is a 400 with the page's message, never a wider list.
        var invalid = !ModelState.IsValid;
        if (invalid) Response.StatusCode = StatusCodes.Status400BadRequest;
        var offices = Queues.ScopeOffices(db.Offices, me);
        var cases = invalid ? db.Cases.Where(_ => false) : await queueQueries.FilterAsync(Queues.Scope(db.Cases, db.Offices, me), offices, filter, ct);
        var context = new DeskContext(me.Id, clock.GetUtcNow(), [.. services.All.Where(s => s.NeedsCommission).Select(s => s.Code)]);
        // A head whose office signs digitally signs from the queue, many at once.
        var digital = me.PrimaryRole == Roles.Head && (await me.GetOfficeAsync())?.DigitalSignature == true;
        var queues = new List<Queue>();
        foreach (var q in desk)
        {
            var page = int.TryParse(Request.Query[q.PageParameter], out var p) ? p : 1;
            var signing = q == Desks.ToSign && digital;
            var queue = await queueQueries.PageAsync(q, cases, context, filter.Sort, page, ct, signing ? Queues.SigningPageSize : Queues.PageSize);
            queues.Add(queue with { Selectable = signing });
        }
        // The unfiltered desk counted its queues already: the menu shows those counts instead of counting again.
        if (single is null && !invalid && !filter.Any) menu.Know([.. desk.Zip(queues, (q, page) => (q, page.Total))]);
        // Office staff's one office is the one the page's header reads already.
        var officeList = me.Roles.Any(Roles.IsOfficeBound) && await me.GetOfficeAsync() is { } own ? [own]
            : await offices.AsNoTracking().OrderBy(o => o.Code).Select(Office.WithoutEmblem).ToListAsync(ct);
        var assigneeOffice = filter.Office ?? me.OfficeId;
        var assignees = me.PrimaryRole != Roles.Specialist && assigneeOffice is { } ao && officeList.Any(o => o.Id == ao)
            ? await db.StaffInRole(ao, Roles.Specialist).OrderBy(u => u.FullName).Select(u => new AssigneeChoice(u.Id, u.FullName)).ToListAsync(ct)
            : [];
        return View("/Features/Home/Index.cshtml", new HomeModel(me.PrimaryRole, queues, filter, officeList, assignees, single, invalid));
    }
}

/// <summary>
/// The menu's counts: one COUNT per queue of the signed-in user's desk, on indexed columns (office, step, due times,
/// assignee). They render on every page, so nothing else is read.
/// </summary>
public sealed class QueueCounts(PortalDbContext db, CurrentUser me, TimeProvider clock, ServiceCatalog services)
{
    private IReadOnlyList<(DeskQueue Queue, int Count)>? _counts;

    /// <summary>The counts of the signed-in user's unfiltered desk, already counted by the page that shows it.</summary>
    public void Know(IReadOnlyList<(DeskQueue Queue, int Count)> counts) => _counts = counts;

    public async Task<IReadOnlyList<(DeskQueue Queue, int Count)>> ForMenuAsync(CancellationToken ct = default)
    {
        if (_counts is not null) return _counts;
        var desk = Desks.For(me.PrimaryRole).Where(q => q.OnDesk).ToList();
        if (desk.Count == 0) return _counts = [];
        var context = new DeskContext(me.Id, clock.GetUtcNow(), [.. services.All.Where(s => s.NeedsCommission).Select(s => s.Code)]);
        // One COUNT per queue, each read from its own index range (a single grouped statement over all the open cases reads
        // their rows and costs more than the three), three to a statement — «select (count …), (count …), (count …)», the
        // head's whole desk — padded with queues that hold nothing.
        var cases = Queues.Scope(db.Cases.AsNoTracking(), db.Offices, me);
        var none = cases.Where(_ => false);
        var counts = new List<(DeskQueue, int)>();
        foreach (var group in desk.Chunk(3))
        {
            var q = group.Select(d => d.Apply(cases, context)).Concat(Enumerable.Repeat(none, 3)).Take(3).ToArray();
            var (q0, q1, q2) = (q[0], q[1], q[2]);
            var n = await db.Offices.AsNoTracking().Select(_ => new { A = q0.Count(), B = q1.Count(), C = q2.Count() }).FirstAsync(ct);
            counts.AddRange(group.Zip([n.A, n.B, n.C], (d, count) => (d, count)));
        }
        return _counts = counts;
    }
}
