using GuardianshipPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace GuardianshipPortal.Web.Features.Home;

public sealed record HomeModel(string? Role);

/// <summary>Each role's home page is its work queue.</summary>
public sealed class HomeController(CurrentUser me) : Controller
{
    [HttpGet("/")]
    public IActionResult Index() => View(new HomeModel(me.PrimaryRole));
}
