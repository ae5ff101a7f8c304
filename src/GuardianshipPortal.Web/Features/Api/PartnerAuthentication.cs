using System.Security.Claims;
using System.Text.Encodings.Web;
using GuardianshipPortal.Data;
using GuardianshipPortal.Partners;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GuardianshipPortal.Web.Features.Api;

/// <summary>
/// Partners call the API with <c>Authorization: Bearer gp_{keyId}.{secret}</c>. The key id finds the partner; the
/// secret is compared, in fixed time, with the stored hash of its key (or of the previous key, within the grace period
/// of a rotation). A revoked partner, an unknown key or a wrong secret get 401 alike.
/// </summary>
public sealed class PartnerAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, PortalDbContext db, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Partner";
    public const string PartnerClaim = "gp:partner";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        if (!PartnerKeys.TryParse(header["Bearer ".Length..].Trim(), out var keyId, out var secret)) return AuthenticateResult.Fail("malformed key");
        var partner = await db.Partners.AsNoTracking().FirstOrDefaultAsync(p => p.KeyId == keyId, Context.RequestAborted);
        if (partner is null || !PartnerKeys.Opens(partner, secret, clock.GetUtcNow())) return AuthenticateResult.Fail("key refused");
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.NameIdentifier, partner.Id.ToString()), new Claim(ClaimTypes.Name, partner.Name),
            new Claim(PartnerClaim, partner.Id.ToString()), new Claim(Infrastructure.IdentitySetup.RegionClaim, partner.RegionId.ToString()),
        ], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        ApiProblems.WriteAsync(Context, StatusCodes.Status401Unauthorized, "unauthorized");

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ApiProblems.WriteAsync(Context, StatusCodes.Status403Forbidden, "forbidden");
}

/// <summary>RFC 9457 problem details with a stable machine-readable code and the message in Kazakh and Russian.</summary>
public static class ApiProblems
{
    public static object Body(Microsoft.Extensions.Localization.IStringLocalizerFactory localizers, int status, string code, string? field = null) => new
    {
        type = $"https://guardianship.portal/problems/{code}",
        title = code,
        status,
        code,
        // The JSON path of the field at fault, where there is one ("applicant.iin", "children[1].lastName").
        field,
        messageKk = Infrastructure.CultureLocalizer.For(localizers, "kk")["Api_" + code].Value,
        messageRu = Infrastructure.CultureLocalizer.For(localizers, "ru")["Api_" + code].Value,
    };

    public static Task WriteAsync(HttpContext context, int status, string code)
    {
        var localizers = context.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizerFactory>();
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(Body(localizers, status, code), (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");
    }
}
