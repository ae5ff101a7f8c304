using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace GuardianshipPortal.Web.Features.Errors;

/// <param name="Messages">What was wrong with the request, in the user's language (a refused query, for example).</param>
public sealed record ErrorModel(int StatusCode, IReadOnlyList<string>? Messages = null);

/// <summary>Error pages in the user's language. Re-executed for any method, so no verb and no antiforgery check.</summary>
[AllowAnonymous, IgnoreAntiforgeryToken]
public sealed class ErrorsController : Controller
{
    // No bound parameters: binding would read the request's form, which may be the unreadable one that failed.
    [Route("/error/{code:int?}")]
    public IActionResult Show()
    {
        var status = int.TryParse(RouteData.Values["code"]?.ToString(), out var code) ? code : StatusCodes.Status500InternalServerError;
        Response.StatusCode = status;
        return View(new ErrorModel(status));
    }
}
