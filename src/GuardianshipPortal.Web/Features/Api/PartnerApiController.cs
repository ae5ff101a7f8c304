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
public sealed class PartnerApiController(PortalDbContext db, AuditLog audit) : ControllerBase
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
}

public static class PartnerApi
{
    public const string RatePolicy = "partner";
}
