using System.Diagnostics;
using System.Security.Claims;
using System.Text.RegularExpressions;

namespace GuardianshipPortal.Web.Infrastructure;

/// <summary>
/// One log line per request: method, path, status, elapsed, user id. Never the query string (searches
/// carry names and IINs there), never a user name; any 12-digit run in the path is masked as well, and so is a document's
/// verification code (a code alone downloads the document).
/// </summary>
public sealed partial class RequestLoggingMiddleware(RequestDelegate next, ILogger<RequestLoggingMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        var failed = false;
        try
        {
            await next(context);
        }
        catch
        {
            failed = true;
            throw;
        }
        finally
        {
            var status = failed ? StatusCodes.Status500InternalServerError : context.Response.StatusCode;
            var userId = context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "-";
            logger.LogInformation("HTTP {Method} {Path} responded {StatusCode} in {Elapsed:0.0} ms (user {UserId})",
                context.Request.Method, MaskDigits(context.Request.Path.Value), status,
                Stopwatch.GetElapsedTime(started).TotalMilliseconds, userId);
        }
    }

    internal static string MaskDigits(string? path) =>
        string.IsNullOrEmpty(path) ? "/" : TwelveDigits().Replace(VerificationCode().Replace(path, "$1****"), "************");

    [GeneratedRegex(@"^(/verify/)[^/]+", RegexOptions.IgnoreCase)]
    private static partial Regex VerificationCode();

    // Standing alone: a 12-digit group inside a GUID or a longer number is not an IIN.
    [GeneratedRegex(@"(?<![\w-])\d{12}(?!\w)")]
    private static partial Regex TwelveDigits();
}
