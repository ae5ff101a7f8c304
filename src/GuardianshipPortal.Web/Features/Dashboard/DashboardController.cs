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
public sealed class DashboardController(Dashboards dashboards, CurrentUser me) : Controller
{
    [HttpGet("/dashboard")]
    public async Task<IActionResult> Index(Guid? office, CancellationToken ct)
    {
        var (offices, selected) = await me.ChooseOfficeAsync(office, ct);
        if (selected is null) return NotFound();

        var all = new List<OfficeDashboard>();
        foreach (var o in offices) all.Add(await dashboards.ForOfficeAsync(o, ct));
        return View(new DashboardPage(all.Single(d => d.Office.Id == selected.Id), offices.Count > 1 ? all : []));
    }
}
