using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using GuardianshipPortal.Data;
using GuardianshipPortal.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;

namespace GuardianshipPortal.Web.Infrastructure;

/// <summary>
/// The desks (the home page and each queue's page) kept for the user who asked, as long as nothing they show has changed:
/// a kept page is found by the user, the request's cookies (sign-in, antiforgery, language, a message after a redirect),
/// the culture, the query, the database's change stamp (<see cref="ChangeStamps"/>; every instance reads the same row, so
/// a change saved on another instance is seen at once) and the minute (the deadlines' "overdue" and "due soon" move with
/// the clock). A head who opens the queue again and again between two signatures costs the stamp, not the queue's
/// queries. Only a plain 200 without a cookie to set is kept; each instance keeps its own, within
/// <see cref="SizeLimit"/>.
/// </summary>
public sealed class DeskCache : IOutputCachePolicy
{
    public const string Name = "desk";
    public const long SizeLimit = 16 * 1024 * 1024;
    private const string StampKey = "GuardianshipPortal.ChangeStamp";

    /// <summary>
    /// What a desk's address may say: its filter and sort, and each queue's page. An address with anything else is answered
    /// but not kept, so made-up addresses cannot fill the store and push out the desks.
    /// </summary>
    private static readonly HashSet<string> QueryKeys = new(
        typeof(Features.Home.QueueFilter).GetProperties().Where(p => p.CanWrite).Select(p => p.Name)
            .Concat(Roles.All.SelectMany(Features.Home.Desks.For).Select(q => q.PageParameter)),
        StringComparer.OrdinalIgnoreCase);

    /// <summary>The stamp the request's session check read (by the same statement as the user's security stamp).</summary>
    public static void KnowStamp(HttpContext http, long stamp) => http.Items[StampKey] = stamp;

    async ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken ct)
    {
        var http = context.HttpContext;
        var services = http.RequestServices;
        var user = http.User.FindFirst(services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.UserIdClaimType)?.Value;
        if (user is null || !HttpMethods.IsGet(http.Request.Method) || http.Request.Query.Keys.Any(k => !QueryKeys.Contains(k)))
        {
            context.EnableOutputCaching = false;
            return;
        }
        var stamp = http.Items[StampKey] as long? ?? await ChangeStamps.ReadAsync(services.GetRequiredService<PortalDbContext>(), ct);
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        context.EnableOutputCaching = true;
        context.AllowCacheLookup = true;
        context.AllowCacheStorage = true;
        context.AllowLocking = true;
        context.ResponseExpirationTimeSpan = TimeSpan.FromMinutes(1);
        var vary = context.CacheVaryByRules;
        vary.QueryKeys = "*";
        vary.VaryByValues["user"] = user;
        vary.VaryByValues["culture"] = CultureInfo.CurrentUICulture.Name;
        vary.VaryByValues["cookies"] = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(http.Request.Headers.Cookie.ToString())));
        vary.VaryByValues["stamp"] = stamp.ToString(CultureInfo.InvariantCulture);
        vary.VaryByValues["minute"] = (now.ToUnixTimeSeconds() / 60).ToString(CultureInfo.InvariantCulture);
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken ct) => ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken ct)
    {
        var response = context.HttpContext.Response;
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Any(GivesValue)) context.AllowCacheStorage = false;
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Whether a Set-Cookie gives a cookie a value. Every page that reads the flash message deletes the message's cookie
    /// ("name=; expires=1970…"): a deletion may be kept, a sign-in renewed or an antiforgery cookie made may not.
    /// </summary>
    private static bool GivesValue(string? setCookie) =>
        setCookie is null || setCookie.IndexOf('=') is var eq && (eq < 0 || eq + 1 < setCookie.Length && setCookie[eq + 1] != ';');
}

public static class DeskCacheSetup
{
    public static IServiceCollection AddDeskCache(this IServiceCollection services) =>
        services.AddOutputCache(o =>
        {
            o.SizeLimit = DeskCache.SizeLimit;
            o.UseCaseSensitivePaths = true;
            o.AddPolicy(DeskCache.Name, new DeskCache());
        });
}
