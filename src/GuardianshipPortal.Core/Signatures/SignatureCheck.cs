using System.Security.Cryptography.X509Certificates;

namespace GuardianshipPortal.Signatures;

/// <summary>Why a signature was not accepted. Stable: the partner API reports these as its problem codes.</summary>
public enum SignatureProblem
{
    None = 0,
    /// <summary>Not a CMS SignedData, no signer, or no content to check.</summary>
    Malformed,
    /// <summary>The signature does not match the content (tampered, or signed over other bytes).</summary>
    SignatureInvalid,
    /// <summary>An algorithm this deployment cannot verify (GOST 34.310 without a configured verifier).</summary>
    UnsupportedAlgorithm,
    /// <summary>The certificate was not valid at the signing time.</summary>
    CertificateExpired,
    /// <summary>The certificate does not chain to a root the administrator trusts.</summary>
    CertificateUntrusted,
    /// <summary>The certificate is on its issuer's revocation list.</summary>
    CertificateRevoked,
}

/// <summary>
/// The signer's certificate as the national certification authority writes it: SERIALNUMBER "IIN" + 12 digits,
/// an employee's OU "BIN" + 12 digits, CN surname and first name, G patronymic (INTEGRATION.md).
/// </summary>
public sealed record SignerCertificate(
    string Subject, string Issuer, string SerialNumber, DateTimeOffset NotBefore, DateTimeOffset NotAfter,
    string? Iin, string? Bin, string CommonName, string GivenName, byte[] Raw)
{
    private const string SerialNumberOid = "2.5.4.5";
    private const string OrganizationalUnitOid = "2.5.4.11";
    private const string CommonNameOid = "2.5.4.3";
    private const string GivenNameOid = "2.5.4.42";

    /// <summary>"Surname Firstname Patronymic" as far as the certificate says it.</summary>
    public string FullName => string.IsNullOrEmpty(GivenName) ? CommonName : $"{CommonName} {GivenName}";

    public static SignerCertificate From(X509Certificate2 certificate)
    {
        var names = certificate.SubjectName.EnumerateRelativeDistinguishedNames()
            .Where(n => !n.HasMultipleElements && n.GetSingleElementType().Value is not null)
            .Select(n => (Oid: n.GetSingleElementType().Value!, Value: n.GetSingleElementValue() ?? ""))
            .ToList();
        string? Tagged(string oid, string prefix) => names
            .Where(n => n.Oid == oid && n.Value.StartsWith(prefix, StringComparison.Ordinal))
            .Select(n => n.Value[prefix.Length..])
            .FirstOrDefault(v => v.Length == 12 && v.All(char.IsAsciiDigit));
        string First(string oid) => names.FirstOrDefault(n => n.Oid == oid).Value ?? "";
        return new SignerCertificate(
            certificate.Subject, certificate.Issuer, certificate.SerialNumber,
            new DateTimeOffset(certificate.NotBefore.ToUniversalTime(), TimeSpan.Zero),
            new DateTimeOffset(certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero),
            Tagged(SerialNumberOid, "IIN"), Tagged(OrganizationalUnitOid, "BIN"), First(CommonNameOid), First(GivenNameOid),
            certificate.RawData);
    }
}

/// <summary>The outcome of checking one CMS signature.</summary>
public sealed record SignatureCheck(SignatureProblem Problem, SignerCertificate? Signer, DateTimeOffset? SignedAt, byte[]? Content)
{
    public bool IsValid => Problem == SignatureProblem.None;

    public static SignatureCheck Refused(SignatureProblem problem, SignerCertificate? signer = null, DateTimeOffset? signedAt = null) =>
        new(problem, signer, signedAt, null);
}

/// <summary>
/// Verifies a CMS SignedData: attached (the content is inside) or detached (the caller gives the exact bytes that were
/// signed). One component for both the applicant's signature on electronic requests and the head's signature on results.
/// Identity rules (whose IIN, which BIN) are the caller's: this says who signed and whether the signature stands.
/// </summary>
public interface ISignatureVerifier
{
    Task<SignatureCheck> VerifyAsync(byte[] cms, byte[]? detachedContent, DateTimeOffset now, CancellationToken ct = default);
}

/// <summary>
/// Verifies signatures in GOST 34.310 (OIDs 1.2.398.3.10.*), which .NET cannot: a deployment plugs in a verifier
/// (NCANode over HTTP). Without one, such signatures are refused as <see cref="SignatureProblem.UnsupportedAlgorithm"/>.
/// </summary>
public interface IGostSignatureVerifier
{
    Task<SignatureCheck> VerifyAsync(byte[] cms, byte[]? detachedContent, DateTimeOffset now, CancellationToken ct = default);
}
