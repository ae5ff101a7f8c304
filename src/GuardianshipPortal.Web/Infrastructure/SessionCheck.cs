using GuardianshipPortal.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GuardianshipPortal.Web.Infrastructure;

/// <summary>
/// Checks a sign-in cookie on every request against the user's security stamp, as Identity's validator set to check
/// always would, but by one small query: the stamp and whether the user is active. Signing out, a deactivation,
/// a new role, office or password (each changes the stamp) end every session of that user at once, a replayed cookie
/// included. Unlike Identity's validator, a cookie that passes is neither rebuilt (user, claims, roles: five queries) nor
/// issued again on every request — its claims change only with the stamp, and a changed stamp signs the user out.
/// </summary>
public static class SessionCheck
{
    /// <param name="Changes">The database's change stamp, read by the same statement for the kept pages (<see cref="DeskCache"/>).</param>
    private sealed record Stamp(string? Value, bool IsActive, long Changes);

    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var claims = context.HttpContext.RequestServices.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        var principal = context.Principal;
        var stamp = principal?.FindFirst(claims.SecurityStampClaimType)?.Value;
        if (principal?.FindFirst(claims.UserIdClaimType)?.Value is { } idText && Guid.TryParse(idText, out var id) && stamp is not null)
        {
            var db = context.HttpContext.RequestServices.GetRequiredService<PortalDbContext>();
            // Not a compiled query: one process may serve both providers' models (the tests do).
            var current = await db.Users.AsNoTracking().Where(u => u.Id == id)
                .Select(u => new Stamp(u.SecurityStamp, u.IsActive,
                    db.Set<ChangeStamp>().Where(s => s.Id == ChangeStamp.TheRow).Select(s => s.Value).FirstOrDefault()))
                .FirstOrDefaultAsync(context.HttpContext.RequestAborted);
            if (current is { IsActive: true } && string.Equals(current.Value, stamp, StringComparison.Ordinal))
            {
                DeskCache.KnowStamp(context.HttpContext, current.Changes);
                return;
            }
        }
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
    }
}
