using GuardianshipPortal.Data;
using GuardianshipPortal.Domain;
using GuardianshipPortal.Domain.Cases;
using GuardianshipPortal.Domain.Documents;
using GuardianshipPortal.Domain.Workflow;
using GuardianshipPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace GuardianshipPortal.Web.Features.Status;

public sealed record StatusStep(Step Step, bool Done, bool Current);

public sealed record StatusPage(
    string? Number, string? Code, bool Searched, Case? Case, Office? Office, string? Initials, IReadOnlyList<StatusStep> Steps, bool ResultReady);

/// <summary>
/// Public: the applicant follows the case with the registration number and the code printed on the receipt (the IIN
/// alone opens nothing). The steps done and the current one, the date the result will be ready; of the person only
/// the initials. Rate-limited like /verify; a wrong pair is told as such without saying which half is wrong.
/// </summary>
[AllowAnonymous]
public sealed class StatusController(PortalDbContext db) : Controller
{
    [EnableRateLimiting(WorkflowSetup.VerifyPolicy)]
    [HttpGet("/status")]
    public async Task<IActionResult> Index(string? number, string? code, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(number) && string.IsNullOrWhiteSpace(code))
            return View("/Features/Status/Index.cshtml", new StatusPage(null, null, false, null, null, null, [], false));
        var found = await ReceiptLookup.FindAsync(db, number, code, ct);
        if (found is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return View("/Features/Status/Index.cshtml", new StatusPage(number, code, true, null, null, null, [], false));
        }
        // Documents returned to a Public Service Center: only the registration was done.
        var served = found.CenterReturn is null;
        var steps = Workflow.Steps.Select(s => new StatusStep(s, served ? found.Step == Step.Closed || s < found.Step : s == Step.Registration,
            served && s == found.Step && found.Step != Step.Closed)).ToList();
        return View("/Features/Status/Index.cshtml", new StatusPage(found.Number, VerificationCodes.Normalize(code), true, found, found.Office, found.Applicant?.Initials, steps,
            served && found.Step is Step.Issue or Step.Closed));
    }
}
