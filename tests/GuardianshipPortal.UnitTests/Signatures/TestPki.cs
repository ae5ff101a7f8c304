using System.Formats.Asn1;
using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;

namespace GuardianshipPortal.UnitTests.Signatures;

/// <summary>
/// A certification authority made in the test, issuing certificates named as the national authority names them
/// (SERIALNUMBER=IIN…, OU=BIN…, CN surname and first name, G patronymic), and its revocation list.
/// </summary>
public sealed class TestPki : IDisposable
{
    private readonly List<X509Certificate2> _issued = [];
    private readonly CertificateRevocationListBuilder _crl = new();

    public TestPki(string name = "TEST NCA (RSA)")
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={name}, C=KZ", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        Root = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddYears(-5), DateTimeOffset.UtcNow.AddYears(10));
    }

    public X509Certificate2 Root { get; }

    /// <summary>A person's (or, with a BIN, an employee's) signing certificate valid from/to the given moments.</summary>
    public X509Certificate2 Issue(string iin, string? bin = null, string commonName = "ЖАҚСЫБЕКОВ ЕРЛАН", string givenName = "БОЛАТҰЛЫ",
        DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null)
    {
        var name = new X500DistinguishedNameBuilder();
        name.AddCommonName(commonName);
        name.Add("2.5.4.4", commonName.Split(' ')[0], UniversalTagNumber.UTF8String);
        name.Add("2.5.4.5", "IIN" + iin, UniversalTagNumber.PrintableString);
        name.AddCountryOrRegion("KZ");
        if (bin is not null) name.AddOrganizationalUnitName("BIN" + bin);
        name.Add("2.5.4.42", givenName, UniversalTagNumber.UTF8String);
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(name.Build(), key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
        var serial = RandomNumberGenerator.GetBytes(12);
        serial[0] &= 0x7F;
        using var issued = request.Create(Root, notBefore ?? DateTimeOffset.UtcNow.AddYears(-1), notAfter ?? DateTimeOffset.UtcNow.AddYears(1), serial);
        var withKey = issued.CopyWithPrivateKey(key);
        _issued.Add(withKey);
        return withKey;
    }

    public void Revoke(X509Certificate2 certificate, DateTimeOffset at) => _crl.AddEntry(certificate, at);

    public byte[] RevocationList(DateTimeOffset? thisUpdate = null) =>
        _crl.Build(Root, BigInteger.One, (thisUpdate ?? DateTimeOffset.UtcNow).AddDays(7), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1, thisUpdate ?? DateTimeOffset.UtcNow.AddMinutes(-1));

    /// <summary>A CMS signature as NCALayer makes it: the signer's certificate included, a signing time attribute.</summary>
    public static byte[] Sign(X509Certificate2 signer, byte[] content, bool detached, DateTimeOffset? signingTime = null)
    {
        var cms = new SignedCms(new ContentInfo(content), detached);
        var info = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, signer) { IncludeOption = X509IncludeOption.EndCertOnly, DigestAlgorithm = new Oid("2.16.840.1.101.3.4.2.1") };
        info.SignedAttributes.Add(new Pkcs9SigningTime((signingTime ?? DateTimeOffset.UtcNow).UtcDateTime));
        cms.ComputeSignature(info);
        return cms.Encode();
    }

    /// <summary>
    /// A SignedData that says it is signed in GOST 34.310 (digest 1.2.398.3.10.1.3.1, signature 1.2.398.3.10.1.1.1.1), written
    /// by hand: .NET cannot sign in GOST, but the verifier must route such signatures and refuse them without a GOST verifier.
    /// </summary>
    public static byte[] GostShaped(X509Certificate2 certificate, byte[] content)
    {
        const string gostHash = "1.2.398.3.10.1.3.1", gostSignature = "1.2.398.3.10.1.1.1.1", data = "1.2.840.113549.1.7.1";
        var w = new AsnWriter(AsnEncodingRules.DER);
        using (w.PushSequence())
        {
            w.WriteObjectIdentifier("1.2.840.113549.1.7.2");
            using (w.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 0, true)))
            using (w.PushSequence())
            {
                w.WriteInteger(1);
                using (w.PushSetOf()) using (w.PushSequence()) w.WriteObjectIdentifier(gostHash);
                using (w.PushSequence())
                {
                    w.WriteObjectIdentifier(data);
                    using (w.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 0, true))) w.WriteOctetString(content);
                }
                using (w.PushSetOf(new Asn1Tag(TagClass.ContextSpecific, 0, true))) w.WriteEncodedValue(certificate.RawData);
                using (w.PushSetOf())
                using (w.PushSequence())
                {
                    w.WriteInteger(1);
                    using (w.PushSequence())
                    {
                        w.WriteEncodedValue(certificate.IssuerName.RawData);
                        w.WriteIntegerUnsigned(Convert.FromHexString(certificate.SerialNumber));
                    }
                    using (w.PushSequence()) w.WriteObjectIdentifier(gostHash);
                    using (w.PushSequence()) w.WriteObjectIdentifier(gostSignature);
                    w.WriteOctetString(RandomNumberGenerator.GetBytes(64));
                }
            }
        }
        return w.Encode();
    }

    public void Dispose()
    {
        foreach (var c in _issued) c.Dispose();
        Root.Dispose();
    }
}
