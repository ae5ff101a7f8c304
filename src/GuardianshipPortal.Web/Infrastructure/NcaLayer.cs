namespace GuardianshipPortal.Web.Infrastructure;

/// <summary>Where the pages' script finds NCALayer on the head's computer (<c>Signing:NcaLayerUrl</c>, wss://127.0.0.1:13579 by default).</summary>
public sealed class NcaLayer(IConfiguration configuration)
{
    public string Url { get; } = SecurityHeaders.NcaLayerUrl(configuration);
}
