using GuardianshipPortal.Signatures;

namespace GuardianshipPortal.Web.Infrastructure;

/// <summary>
/// The signature verifier and its trust material. GOST 34.310 signatures are verified by an NCANode server when
/// <c>Signatures:NcaNodeUrl</c> is set (refused as unsupported otherwise); revocation lists with a URL are fetched again
/// every <c>Signatures:CrlRefreshMinutes</c> (default 60).
/// </summary>
public static class SignatureSetup
{
    public static IServiceCollection AddPortalSignatures(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHttpClient(RevocationListFetcher.ClientName, c => c.Timeout = TimeSpan.FromSeconds(30));
        services.AddScoped<RevocationListFetcher>();
        services.AddScoped<ITrustMaterialSource, DatabaseTrustMaterial>();
        if (configuration["Signatures:NcaNodeUrl"] is { Length: > 0 } ncaNode)
        {
            services.AddHttpClient<IGostSignatureVerifier, NcaNodeGostVerifier>(c =>
            {
                c.BaseAddress = new Uri(ncaNode.EndsWith('/') ? ncaNode : ncaNode + "/");
                c.Timeout = TimeSpan.FromSeconds(20);
            });
        }
        services.AddScoped<ISignatureVerifier>(sp => new CmsSignatureVerifier(
            sp.GetRequiredService<ITrustMaterialSource>(), sp.GetService<IGostSignatureVerifier>()));
        var minutes = configuration.GetValue("Signatures:CrlRefreshMinutes", 60);
        services.AddHostedService(sp => new RevocationListRefresher(
            sp.GetRequiredService<IServiceScopeFactory>(), sp.GetRequiredService<TimeProvider>(), TimeSpan.FromMinutes(Math.Max(1, minutes)),
            sp.GetRequiredService<ILogger<RevocationListRefresher>>()));
        return services;
    }
}
