using GuardianshipPortal.Data;
using GuardianshipPortal.Domain;
using GuardianshipPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace GuardianshipPortal.Web.Features.Api;

/// <summary>The partner API (e-government gateway, Public Service Centers): authenticated by key, rate-limited per partner, audited.</summary>
[ApiController, Route("api/v1"), IgnoreAntiforgeryToken]
[Authorize(AuthenticationSchemes = PartnerAuthenticationHandler.SchemeName)]
[EnableRateLimiting(PartnerApi.RatePolicy)]
public sealed class PartnerApiController(
    PortalDbContext db, AuditLog audit, RequestIntake intake, Microsoft.Extensions.Localization.IStringLocalizerFactory localizers,
    Cases.CasePages pages, GuardianshipPortal.Cases.CaseSteps steps, GuardianshipPortal.Cases.CaseTransitions transitions, TimeProvider clock) : ControllerBase
{
    private Guid PartnerId => Guid.Parse(User.FindFirst(PartnerAuthenticationHandler.PartnerClaim)!.Value);

    /// <summary>Who the key belongs to and where it may send: an integrator's first call.</summary>
    [HttpGet("partner")]
    public async Task<IActionResult> Me(CancellationToken ct)
    {
        var partner = await db.Partners.AsNoTracking().Include(p => p.Offices).ThenInclude(o => o.Office).SingleAsync(p => p.Id == PartnerId, ct);
        audit.Record(AuditAction.PartnerCall, detail: $"{partner.Name}: GET /api/v1/partner");
        await db.SaveChangesAsync(ct);
        return Ok(new { name = partner.Name, channel = partner.Channel.ToString(), bin = partner.Bin, offices = partner.Offices.Select(o => o.Office!.Code).Order() });
    }

    /// <summary>
    /// A signed request: <c>{ "cms": "&lt;base64 CMS SignedData, attached&gt;" }</c>. 201 with the case (Location to
    /// follow it), 200 with the same body for the same request again, 409 for the same id with other content, 422/403
    /// problem+json with a stable code otherwise — and nothing saved.
    /// </summary>
    [HttpPost("requests"), RequestSizeLimit(RequestBodyLimit)]
    public async Task<IActionResult> Receive(CancellationToken ct)
    {
        var partner = await db.Partners.AsNoTracking().SingleAsync(p => p.Id == PartnerId, ct);
        RequestEnvelope? envelope;
        try
        {
            envelope = await System.Text.Json.JsonSerializer.DeserializeAsync<RequestEnvelope>(Request.Body,
                new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web), ct);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or IOException)
        {
            envelope = null;
        }
        var (state, created, problem) = await intake.ReceiveAsync(partner, envelope, ct);
        audit.Record(AuditAction.PartnerCall, state?.Id, $"{partner.Name}: POST /api/v1/requests → {problem?.Code ?? (created ? "created" : "repeated")}");
        await db.SaveChangesAsync(ct);
        if (problem is not null) return Problem(problem.Status, problem.Code, problem.Field);
        return created ? Created($"/api/v1/requests/{state!.Id}", state) : Ok(state);
    }

    /// <summary>The partner's own request: its step, due date and outcome.</summary>
    [HttpGet("requests/{id:guid}")]
    public async Task<IActionResult> Status(Guid id, CancellationToken ct)
    {
        if (!await OwnsAsync(id, ct) || await intake.StateAsync(id, ct) is not { } state) return Problem(StatusCodes.Status404NotFound, "not_found");
        return Ok(state);
    }

    /// <summary>
    /// The partner handed the result over (a Public Service Center to the applicant at its desk, the e-government portal
    /// to the applicant's cabinet): who received it closes the case, as the clerk's issue does at the counter.
    /// </summary>
    [HttpPost("requests/{id:guid}/issued")]
    public async Task<IActionResult> Issued(Guid id, [FromBody] IssuedReport? report, CancellationToken ct)
    {
        if (!await OwnsAsync(id, ct)) return Problem(StatusCodes.Status404NotFound, "not_found");
        var name = report?.ReceivedBy?.Trim() ?? "";
        var document = report?.RecipientDocument?.Trim() ?? "";
        if (name.Length is 0 or > 300 || document.Length > 200 || name.Any(char.IsControl) || document.Any(char.IsControl))
            return Problem(StatusCodes.Status422UnprocessableEntity, "malformed");
        if (await intake.ResultAtOfficeAsync(id, ct)) return Problem(StatusCodes.Status409Conflict, "issued_at_office");
        var c = await pages.LoadAsync(id, tracking: true, ct);
        if (c is null) return Problem(StatusCodes.Status404NotFound, "not_found");
        var partner = await db.Partners.AsNoTracking().SingleAsync(p => p.Id == PartnerId, ct);
        var actor = new GuardianshipPortal.Cases.Actor(partner.Id, partner.Name, [Roles.Clerk], c.OfficeId, c.Office!.RegionId);
        if (GuardianshipPortal.Cases.CaseTransitions.Check(c, Domain.Workflow.CaseAction.IssueResult, actor) != GuardianshipPortal.Cases.TransitionRefusal.None
            || await steps.IssueAsync(c, new GuardianshipPortal.Cases.Recipient(name, document), actor, clock.GetUtcNow(), ct) is not null)
            return Problem(StatusCodes.Status409Conflict, "not_ready");
        await transitions.ApplyAsync(c, c.Office!, Domain.Workflow.CaseAction.IssueResult, actor, ct: ct);
        audit.Record(AuditAction.PartnerCall, id, $"{partner.Name}: POST /api/v1/requests/{{id}}/issued");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Problem(StatusCodes.Status409Conflict, "conflict");
        }
        return Ok(await intake.StateAsync(id, ct));
    }

    /// <summary>A document of the partner's own request (the signed PDF, byte for byte as frozen).</summary>
    [HttpGet("requests/{id:guid}/documents/{documentId:guid}")]
    public async Task<IActionResult> Document(Guid id, Guid documentId, CancellationToken ct)
    {
        if (!await OwnsAsync(id, ct)) return Problem(StatusCodes.Status404NotFound, "not_found");
        var document = await intake.PartnerDocuments(id, await intake.ResultAtOfficeAsync(id, ct)).Include(d => d.Content)
            .FirstOrDefaultAsync(d => d.Id == documentId, ct);
        if (document?.Content is null) return Problem(StatusCodes.Status404NotFound, "not_found");
        audit.Record(AuditAction.PartnerCall, id, $"document {document.Kind} {document.Number}");
        await db.SaveChangesAsync(ct);
        return File(document.Content.Pdf, "application/pdf", $"{document.Number}-{document.Kind}.pdf");
    }

    /// <summary>Whether the case came from this partner's request: a partner sees and acts on its own requests only.</summary>
    private Task<bool> OwnsAsync(Guid caseId, CancellationToken ct) =>
        db.ElectronicRequests.AsNoTracking().AnyAsync(r => r.CaseId == caseId && r.PartnerId == PartnerId, ct);

    private ObjectResult Problem(int status, string code, string? field = null) =>
        new(ApiProblems.Body(localizers, status, code, field)) { StatusCode = status, ContentTypes = { "application/problem+json" } };

    public const long RequestBodyLimit = 90L * 1024 * 1024;
}

public static class PartnerApi
{
    public const string RatePolicy = "partner";
}

/// <summary>The partner's report that the result was handed over: who received it (and by what document).</summary>
public sealed record IssuedReport(string? ReceivedBy, string? RecipientDocument);
