using System.Net;
using System.Text;
using GuardianshipPortal.IntegrationTests.Infrastructure;
using GuardianshipPortal.Signatures;
using GuardianshipPortal.UnitTests.Signatures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GuardianshipPortal.IntegrationTests.Features.Signatures;

/// <summary>The administrator's trust material: what the portal's one verifier checks signatures against.</summary>
public abstract class TrustAdminTests(PortalFixture fixture) : PortalTest(fixture)
{
    private static readonly byte[] Pdf = Encoding.UTF8.GetBytes("%PDF-1.7 decision");

    private async Task<PortalClient> AdminAsync()
    {
        var admin = NewClient();
        await admin.SignInAsync("admin");
        return admin;
    }

    private static Task<Page> UploadAsync(PortalClient admin, Page page, string kind, string name, byte[] bytes) =>
        admin.SubmitAsync(page, "[data-testid=trust-upload]", new Dictionary<string, string> { ["kind"] = kind },
            files: [new FileUpload("file", name, "application/octet-stream", bytes)]);

    private async Task<SignatureCheck> VerifyAsync(byte[] cms)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISignatureVerifier>().VerifyAsync(cms, Pdf, DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task Roots_and_lists_uploaded_by_the_admin_decide_what_signatures_stand()
    {
        using var pki = new TestPki("TEST NCA UPLOADED");
        var head = pki.Issue("860417400123", "990240001234");
        var revoked = pki.Issue("900101300015");
        pki.Revoke(revoked, DateTimeOffset.UtcNow.AddHours(-1));
        var admin = await AdminAsync();
        var page = await admin.GetAsync("/admin/trust");

        Assert.Equal(SignatureProblem.CertificateUntrusted, (await VerifyAsync(TestPki.Sign(head, Pdf, true))).Problem);
        var garbage = await UploadAsync(admin, page, "Root", "root.cer", Encoding.ASCII.GetBytes("not a certificate"));
        var root = await UploadAsync(admin, page, "Root", "root.cer", pki.Root.RawData);
        var again = await UploadAsync(admin, page, "Root", "root.cer", pki.Root.RawData);
        var pem = Encoding.ASCII.GetBytes(new string(System.Security.Cryptography.PemEncoding.Write("X509 CRL", pki.RevocationList())));
        var list = await UploadAsync(admin, page, "RevocationList", "nca.crl", pem);

        Assert.Equal(HttpStatusCode.BadRequest, garbage.Status);
        Assert.Equal(["Бұл файл сертификат емес (DER немесе PEM күтіледі)."], garbage.Errors);
        Assert.Equal(HttpStatusCode.OK, root.Status);
        Assert.Equal(HttpStatusCode.BadRequest, again.Status);
        Assert.Equal(["Бұл файл бұрын қосылған."], again.Errors);
        Assert.Equal(HttpStatusCode.OK, list.Status);
        Assert.Equal(2, list.Texts("[data-testid=trust] tr[data-item]").Count(t => t.Contains("TEST NCA UPLOADED")));
        Assert.Equal(SignatureProblem.None, (await VerifyAsync(TestPki.Sign(head, Pdf, true))).Problem);
        Assert.Equal(SignatureProblem.CertificateRevoked, (await VerifyAsync(TestPki.Sign(revoked, Pdf, true))).Problem);
        var audits = await App.WithDbAsync(db => db.AuditEvents.Where(a => a.Action == "EditTrust").Select(a => a.After).ToListAsync());
        Assert.Equal(2, audits.Count(a => a!.Contains("TEST NCA UPLOADED")));

        // Switching the root off withdraws trust at once.
        var id = await App.WithDbAsync(db => db.TrustItems.Where(i => i.Kind == TrustItemKind.Root).Select(i => i.Id).SingleAsync());
        await admin.PostAsync($"/admin/trust/{id}/active", new Dictionary<string, string> { ["active"] = "false" });
        Assert.Equal(SignatureProblem.CertificateUntrusted, (await VerifyAsync(TestPki.Sign(head, Pdf, true))).Problem);
        await admin.PostAsync($"/admin/trust/{id}/active", new Dictionary<string, string> { ["active"] = "true" });
    }

    [Fact]
    public async Task A_list_is_fetched_from_its_url_and_refreshed_when_a_newer_one_is_published()
    {
        using var pki = new TestPki("TEST NCA FETCHED");
        var holder = pki.Issue("850505300017");
        var published = pki.RevocationList(DateTimeOffset.UtcNow.AddDays(-1));
        using var server = new LoopbackFile(() => published);
        var admin = await AdminAsync();
        var page = await admin.GetAsync("/admin/trust");

        var bad = await admin.SubmitAsync(page, "[data-testid=trust-url]", new Dictionary<string, string> { ["Url"] = "ftp://example/nca.crl" });
        var added = await admin.SubmitAsync(page, "[data-testid=trust-url]", new Dictionary<string, string> { ["Url"] = server.Url });

        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.Equal(HttpStatusCode.OK, added.Status);
        Assert.Contains(server.Url, added.Text("[data-testid=trust]"));

        pki.Revoke(holder, DateTimeOffset.UtcNow.AddMinutes(-5));
        published = pki.RevocationList();
        await using (var scope = App.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<RevocationListFetcher>().RefreshAllAsync(CancellationToken.None);

        var stored = await App.WithDbAsync(db => db.TrustItems.SingleAsync(i => i.SourceUrl == server.Url));
        Assert.Equal(1, RevocationList.TryParse(stored.Bytes)!.Count);
        Assert.NotNull(stored.RefreshedAt);
        Assert.Equal("", stored.RefreshError);
    }

    [Fact]
    public async Task Trust_material_is_for_the_admin_only()
    {
        var head = NewClient();
        await head.SignInAsync("head");
        Assert.Equal(HttpStatusCode.Forbidden, (await head.GetAsync("/admin/trust")).Status);
    }

    /// <summary>Serves one file over HTTP on loopback, as the authority's CRL distribution point would.</summary>
    private sealed class LoopbackFile : IDisposable
    {
        private readonly HttpListener _listener = new();

        public LoopbackFile(Func<byte[]> content)
        {
            var port = FreePort();
            Url = $"http://127.0.0.1:{port}/nca_rsa.crl";
            _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            _listener.Start();
            _ = Task.Run(async () =>
            {
                while (_listener.IsListening)
                {
                    HttpListenerContext context;
                    try { context = await _listener.GetContextAsync(); } catch (Exception) { return; }
                    var bytes = content();
                    context.Response.ContentType = "application/pkix-crl";
                    await context.Response.OutputStream.WriteAsync(bytes, CancellationToken.None);
                    context.Response.Close();
                }
            });
        }

        public string Url { get; }

        private static int FreePort()
        {
            using var socket = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
            socket.Start();
            return ((IPEndPoint)socket.LocalEndpoint).Port;
        }

        public void Dispose() => _listener.Close();
    }
}

public sealed class TrustAdminTestsSqlite(SqlitePortal f) : TrustAdminTests(f), IClassFixture<SqlitePortal>;
public sealed class TrustAdminTestsPostgres(PostgresPortal f) : TrustAdminTests(f), IClassFixture<PostgresPortal>;
