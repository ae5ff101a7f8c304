using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using GuardianshipPortal.Signatures;

namespace GuardianshipPortal.UnitTests.Signatures;

public sealed class SignatureVerifierTests : IDisposable
{
    private const string HeadIin = "860417400123";
    private const string OfficeBin = "990240001234";
    private static readonly byte[] Pdf = Encoding.UTF8.GetBytes("%PDF-1.7 the frozen decision");

    private readonly TestPki _pki = new();
    private readonly DateTimeOffset _now = DateTimeOffset.UtcNow;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private CmsSignatureVerifier Verifier(bool withCrl = false, bool requireCrl = false, IGostSignatureVerifier? gost = null, TestPki? trusted = null) =>
        new(new FixedTrustMaterial(new TrustMaterial([(trusted ?? _pki).Root], [],
            withCrl ? [RevocationList.TryParse(_pki.RevocationList())!] : []) { RequireRevocationList = requireCrl }), gost);

    [Fact]
    public async Task A_detached_signature_over_the_exact_bytes_stands_and_names_the_signer()
    {
        var head = _pki.Issue(HeadIin, OfficeBin);

        var check = await Verifier(withCrl: true).VerifyAsync(TestPki.Sign(head, Pdf, detached: true), Pdf, _now, Ct);

        Assert.Equal(SignatureProblem.None, check.Problem);
        Assert.Equal(HeadIin, check.Signer!.Iin);
        Assert.Equal(OfficeBin, check.Signer.Bin);
        Assert.Equal("ЖАҚСЫБЕКОВ ЕРЛАН БОЛАТҰЛЫ", check.Signer.FullName);
        Assert.Equal(head.SerialNumber, check.Signer.SerialNumber);
        Assert.Equal(Pdf, check.Content);
    }

    [Fact]
    public async Task An_attached_signature_gives_its_content()
    {
        var applicant = _pki.Issue("900101300015");
        var json = Encoding.UTF8.GetBytes("{\"externalRequestId\":\"egov-1\"}");

        var check = await Verifier().VerifyAsync(TestPki.Sign(applicant, json, detached: false), null, _now, Ct);

        Assert.Equal(SignatureProblem.None, check.Problem);
        Assert.Equal("900101300015", check.Signer!.Iin);
        Assert.Null(check.Signer.Bin);
        Assert.Equal(json, check.Content);
    }

    [Fact]
    public async Task A_signature_over_other_bytes_is_invalid()
    {
        var cms = TestPki.Sign(_pki.Issue(HeadIin), Pdf, detached: true);
        var other = Encoding.UTF8.GetBytes("%PDF-1.7 another decision");

        Assert.Equal(SignatureProblem.SignatureInvalid, (await Verifier().VerifyAsync(cms, other, _now, Ct)).Problem);
    }

    [Fact]
    public async Task A_tampered_attached_content_is_invalid()
    {
        var json = Encoding.UTF8.GetBytes("{\"amount\":\"95000\"}");
        var cms = TestPki.Sign(_pki.Issue(HeadIin), json, detached: false);
        var at = cms.AsSpan().IndexOf("95000"u8);
        cms[at] = (byte)'9';
        cms[at + 1] = (byte)'9';

        Assert.Equal(SignatureProblem.SignatureInvalid, (await Verifier().VerifyAsync(cms, null, _now, Ct)).Problem);
    }

    [Fact]
    public async Task An_expired_certificate_is_refused()
    {
        var expired = _pki.Issue(HeadIin, notBefore: _now.AddYears(-2), notAfter: _now.AddDays(-1));

        var check = await Verifier().VerifyAsync(TestPki.Sign(expired, Pdf, detached: true), Pdf, _now, Ct);

        Assert.Equal(SignatureProblem.CertificateExpired, check.Problem);
        Assert.Equal(HeadIin, check.Signer!.Iin);
    }

    [Fact]
    public async Task A_certificate_of_another_authority_is_untrusted()
    {
        using var stranger = new TestPki("STRANGER CA");
        var cms = TestPki.Sign(stranger.Issue(HeadIin), Pdf, detached: true);

        Assert.Equal(SignatureProblem.CertificateUntrusted, (await Verifier().VerifyAsync(cms, Pdf, _now, Ct)).Problem);
        Assert.Equal(SignatureProblem.CertificateUntrusted,
            (await new CmsSignatureVerifier(new FixedTrustMaterial(TrustMaterial.None)).VerifyAsync(cms, Pdf, _now, Ct)).Problem);
    }

    [Fact]
    public async Task A_revoked_certificate_is_refused_and_a_list_signed_by_someone_else_is_not_believed()
    {
        var revoked = _pki.Issue(HeadIin);
        var fine = _pki.Issue("900101300015");
        _pki.Revoke(revoked, _now.AddHours(-1));
        using var stranger = new TestPki("STRANGER CA");
        stranger.Revoke(fine, _now.AddHours(-1));
        var material = new TrustMaterial([_pki.Root], [],
            [RevocationList.TryParse(_pki.RevocationList())!, RevocationList.TryParse(stranger.RevocationList())!]);
        var verifier = new CmsSignatureVerifier(new FixedTrustMaterial(material));

        Assert.Equal(SignatureProblem.CertificateRevoked, (await verifier.VerifyAsync(TestPki.Sign(revoked, Pdf, true), Pdf, _now, Ct)).Problem);
        Assert.Equal(SignatureProblem.None, (await verifier.VerifyAsync(TestPki.Sign(fine, Pdf, true), Pdf, _now, Ct)).Problem);
    }

    [Fact]
    public async Task Without_a_revocation_list_a_deployment_may_refuse_to_trust()
    {
        var cms = TestPki.Sign(_pki.Issue(HeadIin), Pdf, detached: true);

        Assert.Equal(SignatureProblem.CertificateUntrusted, (await Verifier(requireCrl: true).VerifyAsync(cms, Pdf, _now, Ct)).Problem);
        Assert.Equal(SignatureProblem.None, (await Verifier(withCrl: true, requireCrl: true).VerifyAsync(cms, Pdf, _now, Ct)).Problem);
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 0x30, 0x03, 0x02, 0x01, 0x01 })]
    [InlineData(new byte[] { 0xFF, 0x00, 0x12 })]
    public async Task Garbage_is_malformed(byte[] cms) =>
        Assert.Equal(SignatureProblem.Malformed, (await Verifier().VerifyAsync(cms, null, _now, Ct)).Problem);

    [Fact]
    public void A_revocation_list_is_read_in_der_and_pem_and_garbage_is_not_one()
    {
        var cert = _pki.Issue(HeadIin);
        _pki.Revoke(cert, _now.AddHours(-2));
        var der = _pki.RevocationList();
        var pem = Encoding.ASCII.GetBytes(new string(System.Security.Cryptography.PemEncoding.Write("X509 CRL", der)));

        foreach (var list in new[] { RevocationList.TryParse(der)!, RevocationList.TryParse(pem)! })
        {
            Assert.Equal(1, list.Count);
            Assert.NotNull(list.RevokedAt(cert.SerialNumber));
            Assert.True(list.IsSignedBy(_pki.Root));
        }
        Assert.Null(RevocationList.TryParse(Encoding.ASCII.GetBytes("not a list")));
    }

    [Fact]
    public async Task A_gost_signature_is_unsupported_without_a_gost_verifier_and_routed_to_it_with_one()
    {
        var cms = TestPki.GostShaped(_pki.Issue(HeadIin), Pdf);
        Assert.Equal(SignatureProblem.UnsupportedAlgorithm, (await Verifier().VerifyAsync(cms, null, _now, Ct)).Problem);

        // A stand-in NCANode on loopback answers as its v3 API does.
        await using var ncaNode = await FakeNcaNode.StartAsync(valid: true, iin: HeadIin);
        var gost = new NcaNodeGostVerifier(new HttpClient { BaseAddress = ncaNode.Url });
        var check = await Verifier(gost: gost).VerifyAsync(cms, null, _now, Ct);

        Assert.Equal(SignatureProblem.None, check.Problem);
        Assert.Equal(HeadIin, check.Signer!.Iin);
        Assert.Equal(Pdf, check.Content);
        using var sent = JsonDocument.Parse(ncaNode.LastRequest!);
        Assert.Equal(Convert.ToBase64String(cms), sent.RootElement.GetProperty("cms").GetString());
        Assert.Equal("OCSP", sent.RootElement.GetProperty("revocationCheck")[0].GetString());
    }

    [Fact]
    public async Task Ncanode_saying_revoked_or_being_down_is_reported_as_such()
    {
        var cms = TestPki.GostShaped(_pki.Issue(HeadIin), Pdf);
        await using (var revoked = await FakeNcaNode.StartAsync(valid: false, iin: HeadIin, revokedBy: "OCSP"))
        {
            var gost = new NcaNodeGostVerifier(new HttpClient { BaseAddress = revoked.Url });
            Assert.Equal(SignatureProblem.CertificateRevoked, (await gost.VerifyAsync(cms, null, _now, Ct)).Problem);
        }
        var down = new NcaNodeGostVerifier(new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{FreePort()}/"), Timeout = TimeSpan.FromSeconds(5) });
        await Assert.ThrowsAsync<SignatureServiceUnavailableException>(() => down.VerifyAsync(cms, null, _now, Ct));
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    public void Dispose() => _pki.Dispose();

    /// <summary>An HTTP listener on loopback that answers POST /cms/verify in NCANode v3's shape.</summary>
    private sealed class FakeNcaNode : IAsyncDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly Task _loop;

        private FakeNcaNode(int port, string answer)
        {
            Url = new Uri($"http://127.0.0.1:{port}/");
            _listener.Prefixes.Add(Url.ToString());
            _listener.Start();
            _loop = Task.Run(async () =>
            {
                while (_listener.IsListening)
                {
                    HttpListenerContext context;
                    try { context = await _listener.GetContextAsync(); } catch (Exception) { return; }
                    using (var reader = new StreamReader(context.Request.InputStream)) LastRequest = await reader.ReadToEndAsync(CancellationToken.None);
                    var ok = context.Request.Url!.AbsolutePath == "/cms/verify";
                    context.Response.StatusCode = ok ? 200 : 404;
                    context.Response.ContentType = "application/json";
                    await context.Response.OutputStream.WriteAsync(Encoding.UTF8.GetBytes(answer), CancellationToken.None);
                    context.Response.Close();
                }
            });
        }

        public Uri Url { get; }
        public string? LastRequest { get; private set; }

        public static Task<FakeNcaNode> StartAsync(bool valid, string iin, string? revokedBy = null)
        {
            var revocations = revokedBy is null ? "" : $", \"revokedBy\": [\"{revokedBy}\"]";
            var answer = $$"""
                {"status": 200, "message": "OK", "valid": {{(valid ? "true" : "false")}}, "signers": [{"certificates": [
                  {"valid": {{(valid ? "true" : "false")}}, "notBefore": "2025-01-01T00:00:00Z", "notAfter": "2030-01-01T00:00:00Z",
                   "serialNumber": "1a2b", "subject": {"commonName": "ЖАҚСЫБЕКОВ ЕРЛАН", "iin": "{{iin}}", "dn": "CN=ЖАҚСЫБЕКОВ ЕРЛАН,SERIALNUMBER=IIN{{iin}}"},
                   "issuer": {"commonName": "ҰЛТТЫҚ КУӘЛАНДЫРУШЫ ОРТАЛЫҚ (GOST)", "dn": "CN=ҰЛТТЫҚ КУӘЛАНДЫРУШЫ ОРТАЛЫҚ (GOST),C=KZ"}{{revocations}}}]}]}
                """;
            return Task.FromResult(new FakeNcaNode(FreePort(), answer));
        }

        public async ValueTask DisposeAsync()
        {
            _listener.Stop();
            _listener.Close();
            await _loop;
        }
    }
}
