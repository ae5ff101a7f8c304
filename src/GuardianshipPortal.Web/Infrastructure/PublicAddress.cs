namespace GuardianshipPortal.Web.Infrastructure;

/// <summary>
/// The portal's public address, printed in the QR codes and links of documents. It comes from <c>Portal:PublicUrl</c>
/// only — never from a request's Host header, which anyone can forge. Production refuses to start without it; elsewhere
/// it defaults to the development address.
/// </summary>
public sealed class PublicAddress
{
    public const string DevelopmentDefault = "http://localhost:5080";

    public PublicAddress(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration["Portal:PublicUrl"];
        if (string.IsNullOrWhiteSpace(configured))
        {
            if (environment.IsProduction())
                throw new InvalidOperationException("Portal:PublicUrl must be set in Production: documents print it in their QR codes.");
            configured = DevelopmentDefault;
        }
        if (!Uri.TryCreate(configured, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new InvalidOperationException($"Portal:PublicUrl is not an absolute http(s) address: '{configured}'.");
        BaseUrl = configured.TrimEnd('/');
        Host = uri.Host;
    }

    public string BaseUrl { get; }
    public string Host { get; }
}
