using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace GuardianshipPortal.Signatures;

/// <summary>
/// A certificate revocation list (RFC 5280 §5) read with the ASN.1 reader: its issuer, dates and revoked serial numbers.
/// Its signature is checked against the issuer's certificate before it is believed (RSA and ECDSA; a list signed in
/// GOST is the GOST verifier's business).
/// </summary>
public sealed class RevocationList
{
    private readonly byte[] _signedPart;
    private readonly string _signatureAlgorithm;
    private readonly byte[] _signature;
    private readonly Dictionary<string, DateTimeOffset> _revoked;

    private RevocationList(X500DistinguishedName issuer, DateTimeOffset thisUpdate, DateTimeOffset? nextUpdate,
        Dictionary<string, DateTimeOffset> revoked, byte[] signedPart, string signatureAlgorithm, byte[] signature)
    {
        Issuer = issuer;
        ThisUpdate = thisUpdate;
        NextUpdate = nextUpdate;
        _revoked = revoked;
        _signedPart = signedPart;
        _signatureAlgorithm = signatureAlgorithm;
        _signature = signature;
    }

    public X500DistinguishedName Issuer { get; }
    public DateTimeOffset ThisUpdate { get; }
    public DateTimeOffset? NextUpdate { get; }
    public int Count => _revoked.Count;

    /// <summary>When the certificate with this serial number (hex, as <see cref="X509Certificate2.SerialNumber"/>) was revoked.</summary>
    public DateTimeOffset? RevokedAt(string serialNumberHex) =>
        _revoked.TryGetValue(serialNumberHex.ToUpperInvariant(), out var at) ? at : null;

    /// <summary>Reads a DER or PEM ("-----BEGIN X509 CRL-----") list; null when it is not one.</summary>
    public static RevocationList? TryParse(byte[] data)
    {
        try
        {
            return Parse(Der(data));
        }
        catch (Exception e) when (e is AsnContentException or CryptographicException or FormatException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>
    /// Whether <paramref name="issuer"/> signed this list (and is the issuer it names). Checked once per issuer: a national
    /// authority's list runs to megabytes, and hashing it again for every signature verified would cost milliseconds each.
    /// </summary>
    public bool IsSignedBy(X509Certificate2 issuer) =>
        _signedBy.GetOrAdd(Convert.ToHexString(issuer.GetCertHash(HashAlgorithmName.SHA256)), _ => CheckSignedBy(issuer));

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _signedBy = new();

    private bool CheckSignedBy(X509Certificate2 issuer)
    {
        if (!issuer.SubjectName.RawData.AsSpan().SequenceEqual(Issuer.RawData)) return false;
        var hash = _signatureAlgorithm switch
        {
            "1.2.840.113549.1.1.11" or "1.2.840.10045.4.3.2" => HashAlgorithmName.SHA256,
            "1.2.840.113549.1.1.12" or "1.2.840.10045.4.3.3" => HashAlgorithmName.SHA384,
            "1.2.840.113549.1.1.13" or "1.2.840.10045.4.3.4" => HashAlgorithmName.SHA512,
            "1.2.840.113549.1.1.5" or "1.2.840.10045.4.1" => HashAlgorithmName.SHA1,
            _ => default,
        };
        if (hash == default) return false;
        using var rsa = issuer.GetRSAPublicKey();
        if (rsa is not null) return rsa.VerifyData(_signedPart, _signature, hash, RSASignaturePadding.Pkcs1);
        using var ecdsa = issuer.GetECDsaPublicKey();
        return ecdsa is not null && ecdsa.VerifyData(_signedPart, _signature, hash, DSASignatureFormat.Rfc3279DerSequence);
    }

    private static byte[] Der(byte[] data)
    {
        const string pemLabel = "X509 CRL";
        var text = data.Length > 0 && data[0] == (byte)'-' ? System.Text.Encoding.ASCII.GetString(data) : null;
        if (text is null) return data;
        var pem = PemEncoding.Find(text);
        if (text[pem.Label] != pemLabel) throw new FormatException("Not a CRL.");
        return Convert.FromBase64String(text[pem.Base64Data]);
    }

    private static RevocationList Parse(byte[] der)
    {
        var outer = new AsnReader(der, AsnEncodingRules.DER).ReadSequence();
        var signedPart = outer.PeekEncodedValue().ToArray();
        var tbs = outer.ReadSequence();
        if (tbs.PeekTag().HasSameClassAndValue(Asn1Tag.Integer)) tbs.ReadInteger(); // version
        tbs.ReadSequence(); // signature algorithm, repeated below
        var issuer = new X500DistinguishedName(tbs.ReadEncodedValue().Span);
        var thisUpdate = ReadTime(tbs);
        DateTimeOffset? nextUpdate = tbs.HasData && IsTime(tbs.PeekTag()) ? ReadTime(tbs) : null;
        var revoked = new Dictionary<string, DateTimeOffset>();
        if (tbs.HasData && tbs.PeekTag().HasSameClassAndValue(Asn1Tag.Sequence))
        {
            var entries = tbs.ReadSequence();
            while (entries.HasData)
            {
                var entry = entries.ReadSequence();
                var serial = Convert.ToHexString(entry.ReadIntegerBytes().Span);
                revoked[serial] = ReadTime(entry);
            }
        }
        var algorithm = outer.ReadSequence().ReadObjectIdentifier();
        var signature = outer.ReadBitString(out _);
        return new RevocationList(issuer, thisUpdate, nextUpdate, revoked, signedPart, algorithm, signature);
    }

    private static bool IsTime(Asn1Tag tag) =>
        tag.HasSameClassAndValue(Asn1Tag.UtcTime) || tag.HasSameClassAndValue(Asn1Tag.GeneralizedTime);

    private static DateTimeOffset ReadTime(AsnReader reader) =>
        reader.PeekTag().HasSameClassAndValue(Asn1Tag.UtcTime) ? reader.ReadUtcTime() : reader.ReadGeneralizedTime();
}

/// <summary>What a signature is checked against: the roots the administrator trusts, known intermediate certificates,
/// and the revocation lists in force.</summary>
public sealed record TrustMaterial(
    IReadOnlyList<X509Certificate2> Roots, IReadOnlyList<X509Certificate2> Intermediates, IReadOnlyList<RevocationList> RevocationLists)
{
    public static TrustMaterial None { get; } = new([], [], []);

    /// <summary>When set, a certificate whose issuer has no revocation list in force is not trusted.</summary>
    public bool RequireRevocationList { get; init; }
}

/// <summary>Where the verifier gets its trust material (the database in the portal; fixed material in tests).</summary>
public interface ITrustMaterialSource
{
    Task<TrustMaterial> GetAsync(CancellationToken ct = default);
}

public sealed class FixedTrustMaterial(TrustMaterial material) : ITrustMaterialSource
{
    public Task<TrustMaterial> GetAsync(CancellationToken ct = default) => Task.FromResult(material);
}
