using GuardianshipPortal.Data;
using GuardianshipPortal.Domain;
using GuardianshipPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GuardianshipPortal.Web.Features.Dashboard;

public sealed record DashboardPage(OfficeDashboard Selected, IReadOnlyList<OfficeFigures> Region);

/// <summary>The head's view of the office; the supervisor's comparison of the region's offices.</summary>
[Authorize(Roles = Roles.Head + "," + Roles.Supervisor)]
public sealed class DashboardController(Dashboards dashboards, CurrentUser me) : Controller
{
    [HttpGet("/dashboard")]
    public async Task<IActionResult> Index(Guid? office, CancellationToken ct)
    {
        var (offices, selected) = await me.ChooseOfficeAsync(office, ct);
        if (selected is null) return NotFound();

        var dashboard = await dashboards.ForOfficeAsync(selected, ct);
        return View(new DashboardPage(dashboard, offices.Count > 1 ? await dashboards.ForRegionAsync(offices, ct) : []));
    }
}
