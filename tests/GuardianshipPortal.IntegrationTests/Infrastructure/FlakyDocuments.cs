using GuardianshipPortal.Cases;
using GuardianshipPortal.Domain.Cases;
using GuardianshipPortal.Domain.Documents;
using GuardianshipPortal.Web.Features.Documents;
using Microsoft.Extensions.DependencyInjection;

namespace GuardianshipPortal.IntegrationTests.Infrastructure;

/// <summary>
/// The portal's documents, except that the first freezings fail, as a renderer or a database that goes away for a moment
/// would; the rest are the real ones. <see cref="Failures"/> counts across the app's requests.
/// </summary>
public sealed class FlakyDocuments(DocumentIssuer issuer, FlakyDocuments.Failures failures) : IResultDocuments
{
    /// <summary>How many freezings are still to fail, and how many did.</summary>
    public sealed class Failures(int count)
    {
        private int _left = count;
        private int _failed;

        public int Failed => _failed;

        /// <summary>Puts the flaky documents in place of the portal's (for <see cref="PortalApp"/>'s services).</summary>
        public void Register(IServiceCollection services)
        {
            services.AddSingleton(this);
            services.AddScoped<IResultDocuments, FlakyDocuments>();
        }

        internal bool Fail()
        {
            if (Interlocked.Decrement(ref _left) < 0) return false;
            Interlocked.Increment(ref _failed);
            return true;
        }
    }

    public Task FreezeAsync(Case c, IReadOnlyList<DocumentKind> kinds, DocumentSigner signer, Guid issuedBy, DateTimeOffset now, CancellationToken ct) =>
        failures.Fail() ? throw new IOException("The document store went away.") : issuer.FreezeAsync(c, kinds, signer, issuedBy, now, ct);

    public Task<IReadOnlyList<SigningPackageDocument>> RenderAsync(Case c, IReadOnlyList<DocumentKind> kinds, DocumentSigner signer, DateTimeOffset now, CancellationToken ct) =>
        issuer.RenderAsync(c, kinds, signer, now, ct);
}
