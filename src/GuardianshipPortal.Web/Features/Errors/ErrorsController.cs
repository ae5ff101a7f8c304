using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace GuardianshipPortal.Web.Features.Errors;

public sealed record ErrorModel(int StatusCode);

/// <summary>Error pages in the user's language. Re-executed for any method, so no verb and no antiforgery check.</summary>
[AllowAnonymous, IgnoreAntiforgeryToken]
public sealed class ErrorsController : Controller
{
    [Route("/error/{code:int?}")]
    public IActionResult Show(int? code)
    {
        var status = code ?? StatusCodes.Status500InternalServerError;
        Response.StatusCode = status;
        return View(new ErrorModel(status));
    }
}
