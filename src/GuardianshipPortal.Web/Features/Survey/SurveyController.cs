using GuardianshipPortal.Data;
using GuardianshipPortal.Domain;
using GuardianshipPortal.Domain.Cases;
using GuardianshipPortal.Domain.Workflow;
using GuardianshipPortal.Web.Features.Status;
using GuardianshipPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace GuardianshipPortal.Web.Features.Survey;

public sealed class SurveyForm
{
    public string? Number { get; set; }
    public string? Code { get; set; }
    public Satisfaction? Quality { get; set; }
    public Satisfaction? Accessibility { get; set; }
}

/// <param name="Action">Where the form posts: the public address with the receipt's number and code, or the counter's.</param>
public sealed record SurveyPage(string Action, SurveyForm Form, string? Message, bool Open, IReadOnlyList<string> Errors);

/// <summary>
/// The survey of quality and accessibility after the service (seed 003 p15, appendix 4): two questions, three answers
/// each, once per case — by the link in the "issued" message (the receipt's number and code), or at the counter on the
/// office's tablet that the clerk hands over. Staff never see who answered what.
/// </summary>
public sealed class SurveyController(PortalDbContext db, CurrentUser me, TimeProvider clock, IStringLocalizer<SharedResource> l) : Controller
{
    [AllowAnonymous, EnableRateLimiting(WorkflowSetup.VerifyPolicy), HttpGet("/survey")]
    public async Task<IActionResult> Public(string? number, string? code, CancellationToken ct)
    {
        var found = await ReceiptLookup.FindAsync(db, number, code, ct);
        return await ShowAsync(found, "/survey", new SurveyForm { Number = found?.Number ?? number, Code = code }, SurveyPlace.Online, ct);
    }

    [AllowAnonymous, EnableRateLimiting(WorkflowSetup.VerifyPolicy), HttpPost("/survey")]
    public async Task<IActionResult> Public(SurveyForm form, CancellationToken ct) =>
        await AnswerAsync(await ReceiptLookup.FindAsync(db, form.Number, form.Code, ct), "/survey", form, SurveyPlace.Online, ct);

    [Authorize(Roles = Roles.Clerk), HttpGet("/cases/{id:guid}/survey")]
    public async Task<IActionResult> Counter(Guid id, CancellationToken ct) =>
        await ShowAsync(await CounterCaseAsync(id, ct), $"/cases/{id}/survey", new SurveyForm(), SurveyPlace.Counter, ct);

    [Authorize(Roles = Roles.Clerk), HttpPost("/cases/{id:guid}/survey")]
    public async Task<IActionResult> Counter(Guid id, SurveyForm form, CancellationToken ct) =>
        await AnswerAsync(await CounterCaseAsync(id, ct), $"/cases/{id}/survey", form, SurveyPlace.Counter, ct);

    private async Task<Case?> CounterCaseAsync(Guid id, CancellationToken ct) =>
        await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id && c.OfficeId == me.OfficeId, ct);

    private async Task<IActionResult> ShowAsync(Case? c, string action, SurveyForm form, SurveyPlace place, CancellationToken ct)
    {
        if (c is null)
        {
            if (place == SurveyPlace.Counter) return NotFound();
            Response.StatusCode = form.Number is null && form.Code is null ? 200 : StatusCodes.Status404NotFound;
            return Page(action, form, form.Number is null && form.Code is null ? l["Survey_NeedReceipt"] : l["Status_NotFound"], false);
        }
        if (c.Step != Step.Closed || await ReturnedAsync(c, ct)) return Page(action, form, l["Survey_NotYet"], false);
        if (await db.SurveyAnswers.AnyAsync(a => a.CaseId == c.Id, ct)) return Page(action, form, l["Survey_Thanks"], false);
        return Page(action, form, null, true);
    }

    private async Task<IActionResult> AnswerAsync(Case? c, string action, SurveyForm form, SurveyPlace place, CancellationToken ct)
    {
        if (c is null)
        {
            if (place == SurveyPlace.Counter) return NotFound();
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page(action, form, l["Status_NotFound"], false);
        }
        if (c.Step != Step.Closed || await ReturnedAsync(c, ct))
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page(action, form, l["Survey_NotYet"], false);
        }
        var errors = new List<string>();
        if (form.Quality is not { } quality || !Enum.IsDefined(quality)) errors.Add(l["Validation_Required", l["Survey_Quality"]]);
        if (form.Accessibility is not { } accessibility || !Enum.IsDefined(accessibility)) errors.Add(l["Validation_Required", l["Survey_Accessibility"]]);
        if (errors.Count > 0 || !ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page(action, form, null, true, errors.Count > 0 ? errors : [l["Survey_Invalid"]]);
        }
        if (await db.SurveyAnswers.AnyAsync(a => a.CaseId == c.Id, ct))
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page(action, form, l["Survey_Thanks"], false);
        }
        db.SurveyAnswers.Add(new SurveyAnswer
        {
            CaseId = c.Id, OfficeId = c.OfficeId, Service = c.Service, AnsweredAt = clock.GetUtcNow(),
            Quality = form.Quality!.Value, Accessibility = form.Accessibility!.Value, Place = place,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Answered a moment ago from another device: the first answer stands. Any other failure is not that.
            db.ChangeTracker.Clear();
            if (!await db.SurveyAnswers.AnyAsync(a => a.CaseId == c.Id, ct)) throw;
            Response.StatusCode = StatusCodes.Status409Conflict;
        }
        return Page(action, form, l["Survey_Thanks"], false);
    }

    private ViewResult Page(string action, SurveyForm form, string? message, bool open, IReadOnlyList<string>? errors = null) =>
        View("/Features/Survey/Index.cshtml", new SurveyPage(action, form, message, open, errors ?? []));

    /// <summary>Documents that went back to a Public Service Center: no service was rendered to ask about.</summary>
    private Task<bool> ReturnedAsync(Case c, CancellationToken ct) => db.CenterReturns.AnyAsync(r => r.CaseId == c.Id, ct);
}
