using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GuardianshipPortal.Signatures;

/// <summary>The signature service could not be asked (network, timeout, an answer it should not give).</summary>
public sealed class SignatureServiceUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Verifies GOST 34.310 signatures through an NCANode server (v3 API: POST /cms/verify with the CMS, the detached data
/// and the revocation check; it answers whether the signature is valid and the signer's certificate with its subject's
/// IIN). Configured by its URL (<c>Signatures:NcaNodeUrl</c>); the portal never sends it anything but the signature and
/// the signed bytes.
/// </summary>
public sealed class NcaNodeGostVerifier(HttpClient http) : IGostSignatureVerifier
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<SignatureCheck> VerifyAsync(byte[] cms, byte[]? detachedContent, DateTimeOffset now, CancellationToken ct = default)
    {
        var request = new VerifyRequest(Convert.ToBase64String(cms), detachedContent is null ? null : Convert.ToBase64String(detachedContent), ["OCSP"]);
        VerifyResponse? answer;
        try
        {
            using var response = await http.PostAsJsonAsync("cms/verify", request, Json, ct);
            if ((int)response.StatusCode >= 500) throw new SignatureServiceUnavailableException($"NCANode answered {(int)response.StatusCode}.");
            answer = await response.Content.ReadFromJsonAsync<VerifyResponse>(Json, ct);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException or NotSupportedException)
        {
            throw new SignatureServiceUnavailableException("NCANode could not be asked.", e);
        }
        var certificate = answer?.Signers?.FirstOrDefault()?.Certificates?.FirstOrDefault();
        if (answer is null || certificate is null) return SignatureCheck.Refused(SignatureProblem.Malformed);

        var signer = Signer(cms, certificate);
        var signedAt = now;
        if (answer.Valid && certificate.Valid)
            return new SignatureCheck(SignatureProblem.None, signer, signedAt, detachedContent ?? AttachedContent(cms));
        var problem = certificate.RevokedBy is { Count: > 0 } ? SignatureProblem.CertificateRevoked
            : signer is not null && (now < signer.NotBefore || now > signer.NotAfter) ? SignatureProblem.CertificateExpired
            : certificate.Valid ? SignatureProblem.SignatureInvalid
            : SignatureProblem.CertificateUntrusted;
        return SignatureCheck.Refused(problem, signer, signedAt);
    }

    /// <summary>The signer as NCANode describes it, completed from the certificate in the CMS when it can be read.</summary>
    private static SignerCertificate? Signer(byte[] cms, CertificateInfo info)
    {
        try
        {
            var signed = new SignedCms();
            signed.Decode(cms);
            if (signed.SignerInfos.Count > 0 && signed.SignerInfos[0].Certificate is { } certificate)
                return SignerCertificate.From(certificate);
        }
        catch (CryptographicException)
        {
        }
        return new SignerCertificate(info.Subject?.Dn ?? "", info.Issuer?.Dn ?? "", info.SerialNumber ?? "",
            info.NotBefore ?? DateTimeOffset.MinValue, info.NotAfter ?? DateTimeOffset.MaxValue, info.Subject?.Iin, null,
            info.Subject?.CommonName ?? "", "", []);
    }

    private static byte[]? AttachedContent(byte[] cms)
    {
        var signed = new SignedCms();
        signed.Decode(cms);
        return signed.ContentInfo.Content;
    }

    private sealed record VerifyRequest(string Cms, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Data, string[] RevocationCheck);

    private sealed record VerifyResponse(bool Valid, List<SignerEntry>? Signers);

    private sealed record SignerEntry(List<CertificateInfo>? Certificates);

    private sealed record CertificateInfo(
        bool Valid, DateTimeOffset? NotBefore, DateTimeOffset? NotAfter, string? SerialNumber, Subject? Subject, Subject? Issuer,
        List<string>? RevokedBy);

    private sealed record Subject(string? CommonName, string? Iin, string? Dn);
}
