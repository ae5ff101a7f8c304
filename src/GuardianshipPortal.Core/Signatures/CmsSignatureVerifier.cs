using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;

namespace GuardianshipPortal.Signatures;

/// <summary>
/// The portal's one signature verifier (SPEC §4; INTEGRATION.md). RSA and ECDSA signatures are checked here with
/// <see cref="SignedCms"/>: the signature over the content, the certificate's validity at the signing time, its chain
/// to a trusted root and every certificate of the chain against its issuer's revocation list. Signatures in GOST 34.310
/// go to the pluggable <see cref="IGostSignatureVerifier"/> (NCANode), and are refused as unsupported without one.
/// </summary>
public sealed class CmsSignatureVerifier(ITrustMaterialSource trust, IGostSignatureVerifier? gost = null) : ISignatureVerifier
{
    /// <summary>The Kazakh national algorithms' arc (GOST 34.310 / 34.311, 2004 and 2015).</summary>
    public const string GostArc = "1.2.398.3.10.";

    /// <summary>A signing time this far ahead of the server's clock is taken as clock skew, not as a lie.</summary>
    private static readonly TimeSpan AllowedSkew = TimeSpan.FromMinutes(5);

    public async Task<SignatureCheck> VerifyAsync(byte[] cms, byte[]? detachedContent, DateTimeOffset now, CancellationToken ct = default)
    {
        var signed = detachedContent is null ? new SignedCms() : new SignedCms(new ContentInfo(detachedContent), detached: true);
        try
        {
            signed.Decode(cms);
        }
        catch (CryptographicException)
        {
            return SignatureCheck.Refused(SignatureProblem.Malformed);
        }
        if (signed.SignerInfos.Count != 1) return SignatureCheck.Refused(SignatureProblem.Malformed);
        var info = signed.SignerInfos[0];
        if (IsGost(info.DigestAlgorithm.Value) || IsGost(info.SignatureAlgorithm.Value) || IsGost(info.Certificate?.PublicKey.Oid.Value))
            return gost is null
                ? SignatureCheck.Refused(SignatureProblem.UnsupportedAlgorithm)
                : await gost.VerifyAsync(cms, detachedContent, now, ct);
        if (info.Certificate is not { } certificate) return SignatureCheck.Refused(SignatureProblem.Malformed);
        var content = detachedContent ?? signed.ContentInfo.Content;
        if (content.Length == 0) return SignatureCheck.Refused(SignatureProblem.Malformed);

        var signer = SignerCertificate.From(certificate);
        var signedAt = SigningTime(info) is { } claimed && claimed <= now + AllowedSkew ? claimed : now;
        try
        {
            info.CheckSignature(verifySignatureOnly: true);
        }
        catch (CryptographicException)
        {
            return SignatureCheck.Refused(SignatureProblem.SignatureInvalid, signer, signedAt);
        }
        if (signedAt < signer.NotBefore || signedAt > signer.NotAfter)
            return SignatureCheck.Refused(SignatureProblem.CertificateExpired, signer, signedAt);

        var material = await trust.GetAsync(ct);
        var problem = CheckChain(certificate, signed.Certificates, material, signedAt, now);
        return problem == SignatureProblem.None
            ? new SignatureCheck(SignatureProblem.None, signer, signedAt, content)
            : SignatureCheck.Refused(problem, signer, signedAt);
    }

    private static SignatureProblem CheckChain(
        X509Certificate2 certificate, X509Certificate2Collection included, TrustMaterial material, DateTimeOffset signedAt, DateTimeOffset now)
    {
        if (material.Roots.Count == 0) return SignatureProblem.CertificateUntrusted;
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(material.Roots.ToArray());
        chain.ChainPolicy.ExtraStore.AddRange(material.Intermediates.ToArray());
        chain.ChainPolicy.ExtraStore.AddRange(included);
        // Revocation is checked below against the administrator's lists, never fetched from the network here.
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = signedAt.UtcDateTime;
        chain.ChainPolicy.VerificationTimeIgnored = false;
        if (!chain.Build(certificate))
        {
            var statuses = chain.ChainStatus.Select(s => s.Status).Aggregate(X509ChainStatusFlags.NoError, (a, s) => a | s);
            return statuses == X509ChainStatusFlags.NotTimeValid ? SignatureProblem.CertificateExpired : SignatureProblem.CertificateUntrusted;
        }

        var elements = chain.ChainElements.Select(e => e.Certificate).ToList();
        for (var i = 0; i < elements.Count - 1; i++)
        {
            var (subject, issuer) = (elements[i], elements[i + 1]);
            var lists = material.RevocationLists.Where(l => l.IsSignedBy(issuer)).ToList();
            if (lists.Count == 0)
            {
                if (material.RequireRevocationList) return SignatureProblem.CertificateUntrusted;
                continue;
            }
            if (lists.Any(l => l.RevokedAt(subject.SerialNumber) is { } at && at <= now)) return SignatureProblem.CertificateRevoked;
        }
        return SignatureProblem.None;
    }

    private static DateTimeOffset? SigningTime(SignerInfo info)
    {
        foreach (var attribute in info.SignedAttributes)
            foreach (var value in attribute.Values)
                if (value is Pkcs9SigningTime time)
                    return new DateTimeOffset(time.SigningTime.ToUniversalTime(), TimeSpan.Zero);
        return null;
    }

    private static bool IsGost(string? oid) => oid is not null && oid.StartsWith(GostArc, StringComparison.Ordinal);
}
