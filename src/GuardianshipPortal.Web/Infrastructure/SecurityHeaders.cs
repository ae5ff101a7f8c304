using Microsoft.AspNetCore.HttpOverrides;

namespace GuardianshipPortal.Web.Infrastructure;

/// <summary>
/// Headers every response carries: a Content-Security-Policy without inline script (and no framing), nosniff, a strict
/// referrer policy, and no caching of anything but the static files — pages, PDFs, scans and exports carry personal data.
/// Downloads (documents, scans) are sandboxed besides. Behind a reverse proxy the forwarded scheme and address are taken
/// only from the proxies configured in <c>ForwardedHeaders:KnownProxies</c> / <c>KnownNetworks</c>.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>The page may connect to the portal and to the local NCALayer (the head's signing application) only.</summary>
    public static string PolicyFor(string ncaLayerUrl) =>
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; " +
        $"connect-src 'self' {ncaLayerUrl}; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Where NCALayer listens on the head's computer (configurable: <c>Signing:NcaLayerUrl</c>).</summary>
    public const string DefaultNcaLayerUrl = "wss://127.0.0.1:13579";

    public static string NcaLayerUrl(IConfiguration configuration) =>
        Uri.TryCreate(configuration["Signing:NcaLayerUrl"], UriKind.Absolute, out var uri) && uri.Scheme is "wss" or "ws"
            ? uri.GetLeftPart(UriPartial.Authority) : DefaultNcaLayerUrl;

    /// <summary>For a served file: shown, never run, never framed.</summary>
    public const string DownloadPolicy = "sandbox; default-src 'none'; frame-ancestors 'none'";

    private static readonly string[] StaticPrefixes = ["/lib/", "/css/", "/js/", "/favicon"];

    public static IServiceCollection AddPortalForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [])
                o.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            foreach (var network in configuration.GetSection("ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [])
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            // Nothing configured: trust only the loopback proxy (the default of ASP.NET Core).
            if (o.KnownProxies.Count == 0 && o.KnownIPNetworks.Count == 0) o.KnownProxies.Add(System.Net.IPAddress.Loopback);
        });
        return services;
    }

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        var policy = PolicyFor(NcaLayerUrl(app.ApplicationServices.GetRequiredService<IConfiguration>()));
        return app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            var download = headers.ContentDisposition.Count > 0 || context.Response.ContentType?.StartsWith("application/pdf", StringComparison.Ordinal) == true;
            headers.ContentSecurityPolicy = download ? DownloadPolicy : policy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            if (!StaticPrefixes.Any(p => context.Request.Path.StartsWithSegments(p.TrimEnd('/'), StringComparison.OrdinalIgnoreCase)))
            {
                headers.CacheControl = "no-store";
                headers.Pragma = "no-cache";
            }
            headers.Remove("Server");
            return Task.CompletedTask;
        });
        await next();
    });
    }
}
