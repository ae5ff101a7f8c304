using GuardianshipPortal.Data;
using GuardianshipPortal.Domain;
using GuardianshipPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GuardianshipPortal.Web.Features.Dashboard;

public sealed record DashboardPage(OfficeDashboard Selected, IReadOnlyList<OfficeDashboard> Region);

/// <summary>The head's view of the office; the supervisor's comparison of the region's offices.</summary>
[Authorize(Roles = Roles.Head + "," + Roles.Supervisor)]
public sealed class DashboardController(PortalDbContext db, Dashboards dashboards, CurrentUser me) : Controller
{
    [HttpGet("/dashboard")]
    public async Task<IActionResult> Index(Guid? office, CancellationToken ct)
    {
        var offices = me.IsInRole(Roles.Supervisor) && me.RegionId is { } region
            ? await db.Offices.AsNoTracking().Where(o => o.RegionId == region && o.IsActive).OrderBy(o => o.Code).ToListAsync(ct)
            : await db.Offices.AsNoTracking().Where(o => o.Id == me.OfficeId).ToListAsync(ct);
        var selected = offices.FirstOrDefault(o => o.Id == (office ?? me.OfficeId)) ?? offices.FirstOrDefault();
        if (selected is null || office is { } asked && offices.All(o => o.Id != asked)) return NotFound();

        var all = new List<OfficeDashboard>();
        foreach (var o in offices) all.Add(await dashboards.ForOfficeAsync(o, ct));
        return View(new DashboardPage(all.Single(d => d.Office.Id == selected.Id), offices.Count > 1 ? all : []));
    }
}
