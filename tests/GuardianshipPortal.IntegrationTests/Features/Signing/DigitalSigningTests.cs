using System.Net;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using GuardianshipPortal.Domain.Cases;
using GuardianshipPortal.Domain.Persons;
using GuardianshipPortal.Domain.Services;
using GuardianshipPortal.Domain.Workflow;
using GuardianshipPortal.IntegrationTests.Features.Api;
using GuardianshipPortal.IntegrationTests.Infrastructure;
using GuardianshipPortal.UnitTests.Signatures;
using Microsoft.EntityFrameworkCore;

namespace GuardianshipPortal.IntegrationTests.Features.Signing;

/// <summary>
/// The head signs results with a digital signature: the documents are frozen first, each detached CMS is verified against
/// those bytes and the head's identity, and only then does the case move to issue. Every refusal leaves the case as it was.
/// </summary>
public abstract class DigitalSigningTests(PortalFixture fixture) : PortalTest(fixture), IDisposable
{
    private const string OfficeBin = "160140000123";
    private readonly PartnerRig _ca = new(() => fixture.App);
    private readonly string _headIin = OfficeDesk.NewIin(new DateOnly(1975, 4, 17), Sex.Male);

    public void Dispose() => _ca.Dispose();

    /// <summary>The office signs digitally, the head has an IIN, the portal trusts the test authority.</summary>
    private async Task SetUpAsync()
    {
        await App.WithDbAsync(async db =>
        {
            var office = await db.Offices.SingleAsync(o => o.Code == "KRG-01");
            (office.DigitalSignature, office.Bin) = (true, OfficeBin);
            var head = await db.Users.SingleAsync(u => u.UserName == "head");
            head.Iin = _headIin;
            return await db.SaveChangesAsync();
        });
        await _ca.TrustAsync();
    }

    private X509Certificate2 HeadCertificate(string? bin = OfficeBin) => _ca.Pki.Issue(_headIin, bin, commonName: "ДҮЙСЕНБАЕВ ҚАНАТ", givenName: "СЕРІКҰЛЫ");

    private sealed record Prepared(Guid Package, int Version, IReadOnlyList<(Guid Id, byte[] Pdf, string Url)> Documents);

    private static async Task<Prepared> PrepareAsync(PortalClient head, Guid id)
    {
        var page = await head.GetAsync($"/cases/{id}");
        var version = page.Document.QuerySelector("[data-testid=digital-sign-form] input[name='Prepare.Version']")!.GetAttribute("value")!;
        var answer = await head.PostAsync($"/cases/{id}/sign/prepare", new Dictionary<string, string> { ["Prepare.Version"] = version });
        Assert.True(answer.Status == HttpStatusCode.OK, answer.Html);
        using var json = JsonDocument.Parse(answer.Html);
        var root = json.RootElement;
        return new Prepared(root.GetProperty("package").GetGuid(), root.GetProperty("version").GetInt32(),
            [.. root.GetProperty("documents").EnumerateArray().Select(d => (d.GetProperty("id").GetGuid(), Convert.FromBase64String(d.GetProperty("data").GetString()!), d.GetProperty("url").GetString()!))]);
    }

    private static Task<Page> CompleteAsync(PortalClient head, Guid id, Prepared prepared, Func<(Guid Id, byte[] Pdf, string Url), byte[]?> sign)
    {
        var fields = new Dictionary<string, string> { ["Digital.Version"] = prepared.Version.ToString(), ["Digital.Package"] = prepared.Package.ToString() };
        for (var i = 0; i < prepared.Documents.Count; i++)
        {
            fields[$"Digital.Signatures[{i}].DocumentId"] = prepared.Documents[i].Id.ToString();
            fields[$"Digital.Signatures[{i}].Cms"] = sign(prepared.Documents[i]) is { } cms ? Convert.ToBase64String(cms) : "";
        }
        return head.PostAsync($"/cases/{id}/sign/digital", fields);
    }

    private async Task<(Step Step, int Signatures, int Results)> StateAsync(Guid id) => await App.WithDbAsync(async db => (
        await db.Cases.Where(c => c.Id == id).Select(c => c.Step).SingleAsync(),
        await db.DocumentSignatures.CountAsync(s => s.CaseId == id),
        await db.IssuedDocuments.CountAsync(d => d.CaseId == id && d.Kind != Domain.Documents.DocumentKind.Receipt)));

    [Fact]
    public async Task The_head_signs_the_frozen_documents_and_the_case_goes_to_issue_with_each_signature_kept()
    {
        await SetUpAsync();
        var id = await new CaseFactory(App).AtAsync(ServiceCode.FosterPlacement, Step.Signing);
        var head = await new OfficeDesk(App).AsAsync("head");
        var prepared = await PrepareAsync(head, id);
        Assert.Equal(2, prepared.Documents.Count); // the contract and the housing inspection act
        // The preview is byte for byte what NCALayer is given.
        foreach (var d in prepared.Documents) Assert.Equal(d.Pdf, await head.Http.GetByteArrayAsync(d.Url, TestContext.Current.CancellationToken));
        var certificate = HeadCertificate();

        var done = await CompleteAsync(head, id, prepared, d => TestPki.Sign(certificate, d.Pdf, detached: true));

        Assert.True(done.Status == HttpStatusCode.OK, done.Html);
        Assert.Equal((Step.Issue, 2, 2), await StateAsync(id));
        var (issued, signatures, history) = await App.WithDbAsync(async db => (
            await db.IssuedDocuments.Include(d => d.Content).Where(d => d.CaseId == id && d.Kind != Domain.Documents.DocumentKind.Receipt).ToListAsync(),
            await db.DocumentSignatures.Where(s => s.CaseId == id).ToListAsync(),
            await db.CaseEvents.Where(e => e.CaseId == id && e.Action == CaseAction.Sign).SingleAsync()));
        foreach (var document in issued)
        {
            Assert.Equal(prepared.Documents.Single(d => d.Id == document.Id).Pdf, document.Content!.Pdf);
            var signature = signatures.Single(s => s.DocumentId == document.Id);
            // Anyone can check it: the stored CMS verifies over the issued bytes.
            var cms = new SignedCms(new ContentInfo(document.Content.Pdf), detached: true);
            cms.Decode(signature.Cms);
            cms.CheckSignature(verifySignatureOnly: true);
            Assert.Equal((_headIin, OfficeBin, certificate.SerialNumber), (signature.SignerIin, signature.SignerBin, signature.CertificateSerial));
        }
        Assert.Equal(0, await App.WithDbAsync(db => db.SigningPackages.CountAsync(p => p.CaseId == id)));
        Assert.False(string.IsNullOrEmpty(history.Comment));

        // The clerk hands the signed result over.
        await new OfficeDesk(App).IssueAsync(id);
        Assert.Equal(Step.Closed, (await StateAsync(id)).Step);

        // Anyone holding the paper sees the signature checked now, and takes the CMS to check it themselves.
        var contract = issued.Single(d => d.Kind == Domain.Documents.DocumentKind.FosterPlacementContract);
        var visitor = NewClient();
        var verify = await visitor.GetAsync($"/verify/{contract.VerificationCode}");
        var shown = verify.Text("[data-testid=verify-signature]");
        Assert.Contains("ДҮЙСЕНБАЕВ ҚАНАТ", shown);
        Assert.Contains(certificate.SerialNumber, shown);
        Assert.Contains("alert-success", verify.Document.QuerySelector("[data-testid=verify-signature]")!.ClassName);
        var cmsFile = await visitor.Http.GetByteArrayAsync($"/verify/{contract.VerificationCode}/signature", TestContext.Current.CancellationToken);
        Assert.Equal(signatures.Single(x => x.DocumentId == contract.Id).Cms, cmsFile);

        // The printed copy says it is digitally signed, by whom and with which certificate, in both languages.
        var casePage = await head.GetAsync($"/cases/{id}");
        Assert.Equal(2, casePage.Document.QuerySelectorAll("[data-testid=digitally-signed]").Length);
        if (PdfText.SkipReason is { } skip) Assert.Skip(skip);
        var copy = await head.Http.GetByteArrayAsync($"/documents/{contract.Id}/signed-copy", TestContext.Current.CancellationToken);
        var text = PdfText.Flat(await PdfText.ExtractAsync(copy));
        Assert.Contains("Сведения об электронной цифровой подписи", text);
        Assert.Contains("Электрондық цифрлық қолтаңба туралы мәліметтер", text);
        Assert.Contains(certificate.SerialNumber, text);
        Assert.Equal(await PdfText.PagesAsync(contract.Content!.Pdf) + 1, await PdfText.PagesAsync(copy));
    }

    [Fact]
    public async Task Frozen_documents_carry_their_outgoing_numbers_and_a_package_made_again_takes_the_same_ones()
    {
        await SetUpAsync();
        var id = await new CaseFactory(App).AtAsync(ServiceCode.FosterPlacement, Step.Signing);
        var head = await new OfficeDesk(App).AsAsync("head");

        var abandoned = await PrepareAsync(head, id);
        var numbersOfAbandoned = await App.WithDbAsync(db => db.OutgoingEntries.Where(e => e.CaseId == id).OrderBy(e => e.Sequence).Select(e => e.Number).ToListAsync());
        var prepared = await PrepareAsync(head, id);
        var certificate = HeadCertificate();
        var done = await CompleteAsync(head, id, prepared, d => TestPki.Sign(certificate, d.Pdf, detached: true));

        Assert.True(done.Status == HttpStatusCode.OK, done.Html);
        Assert.Single(numbersOfAbandoned); // the contract; the housing inspection act is an internal act without one
        var (entries, issued) = await App.WithDbAsync(async db => (
            await db.OutgoingEntries.Where(e => e.CaseId == id).OrderBy(e => e.Sequence).ToListAsync(),
            await db.IssuedDocuments.Where(d => d.CaseId == id && d.OutgoingNumber != null).ToListAsync()));
        Assert.Equal(numbersOfAbandoned, entries.Select(e => e.Number)); // no number lost to the first package
        Assert.Equal(entries.Select(e => e.DocumentId).Order(), issued.Select(d => d.Id).Order());
        Assert.Equal(entries.Select(e => e.Number).Order(), issued.Select(d => d.OutgoingNumber!).Order());
        if (PdfText.SkipReason is null)
        {
            foreach (var (documentId, pdf, _) in prepared.Documents.Where(d => issued.Any(i => i.Id == d.Id)))
                Assert.Contains($"Шығыс № {issued.Single(d => d.Id == documentId).OutgoingNumber},", PdfText.Flat(await PdfText.ExtractAsync(pdf)));
        }
    }

    [Fact]
    public async Task Every_refused_signature_leaves_the_case_unsigned_with_a_reason()
    {
        await SetUpAsync();
        var revoked = HeadCertificate();
        _ca.Pki.Revoke(revoked, DateTimeOffset.UtcNow.AddDays(-1));
        await App.WithDbAsync(db => db.TrustItems.Where(t => t.Kind == GuardianshipPortal.Signatures.TrustItemKind.RevocationList && t.Name.StartsWith(_ca.Pki.Root.Subject))
            .ExecuteDeleteAsync());
        await _ca.TrustAsync(); // the list with the revocation
        using var stranger = new TestPki($"UNTRUSTED CA {Guid.NewGuid():N}");
        var id = await new CaseFactory(App).AtAsync(ServiceCode.GuardianshipCertificate, Step.Signing);
        var head = await new OfficeDesk(App).AsAsync("head");
        var other = _ca.Pki.Issue(OfficeDesk.NewIin(new DateOnly(1988, 8, 8), Sex.Female), OfficeBin, commonName: "БАСҚА АДАМ", givenName: "ҚЫЗЫ");
        var expired = _ca.Pki.Issue(_headIin, OfficeBin, notBefore: DateTimeOffset.UtcNow.AddYears(-3), notAfter: DateTimeOffset.UtcNow.AddDays(-1));
        var otherOrganisation = HeadCertificate("990340000555");
        var refusals = new (string What, Func<(Guid Id, byte[] Pdf, string Url), byte[]?> Sign, string Expected)[]
        {
            ("another person", d => TestPki.Sign(other, d.Pdf, true), "БАСҚА АДАМ"),
            ("expired", d => TestPki.Sign(expired, d.Pdf, true), "«"),
            ("revoked", d => TestPki.Sign(revoked, d.Pdf, true), "«"),
            ("untrusted", d => TestPki.Sign(stranger.Issue(_headIin, OfficeBin), d.Pdf, true), "«"),
            ("other bytes", d => TestPki.Sign(HeadCertificate(), [.. d.Pdf, 0x0A], true), "«"),
            ("another organisation", d => TestPki.Sign(otherOrganisation, d.Pdf, true), "990340000555"),
            ("nothing", _ => null, "«"),
            ("not a CMS", _ => "not a signature"u8.ToArray(), "«"),
            ("dated back", d => TestPki.Sign(HeadCertificate(), d.Pdf, true, DateTimeOffset.UtcNow.AddDays(-1)), "«"),
        };
        var messages = new HashSet<string>();
        foreach (var (what, sign, expected) in refusals)
        {
            var prepared = await PrepareAsync(head, id);
            var refused = await CompleteAsync(head, id, prepared, sign);
            Assert.True(refused.Status == HttpStatusCode.UnprocessableEntity, $"{what}: {refused.Status} {refused.Html}");
            var text = string.Join(" ", JsonDocument.Parse(refused.Html).RootElement.GetProperty("messages").EnumerateArray().Select(m => m.GetString()));
            Assert.True(text.Contains(expected), $"{what}: {text}");
            messages.Add(text);
            Assert.Equal((Step.Signing, 0, 0), await StateAsync(id));
        }
        Assert.True(messages.Count >= 7, string.Join("\n", messages)); // each reason in its own words

        // A package made before the case changed is not applied.
        var stale = await PrepareAsync(head, id);
        await App.WithDbAsync(db => db.Cases.Where(c => c.Id == id).ExecuteUpdateAsync(u => u.SetProperty(c => c.Version, c => c.Version + 1)));
        var conflict = await CompleteAsync(head, id, stale, d => TestPki.Sign(HeadCertificate(), d.Pdf, true));
        Assert.Equal(HttpStatusCode.Conflict, conflict.Status);
        Assert.Equal((Step.Signing, 0, 0), await StateAsync(id));
    }

    [Fact]
    public async Task An_electronic_requests_result_cannot_be_signed_on_paper_where_the_office_signs_digitally()
    {
        await SetUpAsync();
        var id = await new CaseFactory(App).AtAsync(ServiceCode.GuardianshipCertificate, Step.Signing);
        await App.WithDbAsync(db => db.Cases.Where(c => c.Id == id).ExecuteUpdateAsync(u => u.SetProperty(c => c.Channel, Channel.EGov)));
        var head = await new OfficeDesk(App).AsAsync("head");
        var page = await head.GetAsync($"/cases/{id}");
        Assert.Null(page.Document.QuerySelector("[data-testid=sign-form]"));
        Assert.NotNull(page.Document.QuerySelector("[data-testid=digital-sign-form]"));
        var version = await App.WithDbAsync(db => db.Cases.Where(c => c.Id == id).Select(c => c.Version).SingleAsync());

        var paper = await head.PostAsync($"/cases/{id}/sign", new Dictionary<string, string> { ["Sign.Version"] = version.ToString() });

        Assert.Equal(HttpStatusCode.BadRequest, paper.Status);
        Assert.Equal((Step.Signing, 0, 0), await StateAsync(id));
    }

    [Fact]
    public async Task The_administrator_gives_the_head_an_iin_and_the_office_its_bin_and_digital_signing()
    {
        var admin = NewClient();
        await admin.SignInAsync("admin");
        var (headId, officeId) = await App.WithDbAsync(async db => (
            await db.Users.Where(u => u.UserName == "head2").Select(u => u.Id).SingleAsync(),
            await db.Offices.Where(o => o.Code == "KRG-02").Select(o => o.Id).SingleAsync()));
        var iin = OfficeDesk.NewIin(new DateOnly(1970, 12, 1), Sex.Female);
        var prefix = "16024000045";
        var bin = prefix + Iin.CheckDigit([.. prefix.Select(c => c - '0')]);

        var badIin = await admin.SubmitAsync(await admin.GetAsync($"/admin/users/{headId}"), "[data-testid=user-form]", new Dictionary<string, string> { ["Iin"] = "123456789012" });
        var goodIin = await admin.SubmitAsync(await admin.GetAsync($"/admin/users/{headId}"), "[data-testid=user-form]", new Dictionary<string, string> { ["Iin"] = iin });
        var office = await admin.GetAsync($"/admin/offices/{officeId}/edit");
        office.Check("#DigitalSignature");
        var noBin = await admin.SubmitAsync(office, "[data-testid=office-form]", new Dictionary<string, string> { ["Bin"] = "" });
        office = await admin.GetAsync($"/admin/offices/{officeId}/edit");
        office.Check("#DigitalSignature");
        var badBin = await admin.SubmitAsync(office, "[data-testid=office-form]", new Dictionary<string, string> { ["Bin"] = prefix + ((bin[^1] - '0' + 1) % 10) });
        office = await admin.GetAsync($"/admin/offices/{officeId}/edit");
        office.Check("#DigitalSignature");
        var goodBin = await admin.SubmitAsync(office, "[data-testid=office-form]", new Dictionary<string, string> { ["Bin"] = bin });

        Assert.Equal(HttpStatusCode.BadRequest, badIin.Status);
        Assert.Equal(HttpStatusCode.OK, goodIin.Status);
        Assert.Equal(HttpStatusCode.BadRequest, noBin.Status);
        Assert.Equal(HttpStatusCode.BadRequest, badBin.Status);
        Assert.Equal(HttpStatusCode.OK, goodBin.Status);
        var (storedIin, storedBin, digital) = await App.WithDbAsync(async db => (
            await db.Users.Where(u => u.Id == headId).Select(u => u.Iin).SingleAsync(),
            await db.Offices.Where(o => o.Id == officeId).Select(o => o.Bin).SingleAsync(),
            await db.Offices.Where(o => o.Id == officeId).Select(o => o.DigitalSignature).SingleAsync()));
        Assert.Equal((iin, bin, true), (storedIin, storedBin, digital));
        // The audit keeps that the IIN changed, not the IIN.
        Assert.DoesNotContain(await App.WithDbAsync(db => db.AuditEvents.Select(a => a.After ?? "").ToListAsync()), a => a.Contains(iin));
    }

    [Fact]
    public async Task Two_heads_signing_one_case_at_once_leave_one_signature()
    {
        await SetUpAsync();
        await App.AddUserAsync("head1b", Domain.Roles.Head, "KRG-01", "Ермек Болатұлы Сапаров");
        var secondIin = OfficeDesk.NewIin(new DateOnly(1979, 1, 9), Sex.Male);
        await App.WithDbAsync(async db =>
        {
            (await db.Users.SingleAsync(u => u.UserName == "head1b")).Iin = secondIin;
            return await db.SaveChangesAsync();
        });
        var id = await new CaseFactory(App).AtAsync(ServiceCode.GuardianshipCertificate, Step.Signing);
        var first = await new OfficeDesk(App).AsAsync("head");
        var second = NewClient();
        await second.SignInAsync("head1b");
        var secondCertificate = _ca.Pki.Issue(secondIin, OfficeBin, commonName: "САПАРОВ ЕРМЕК", givenName: "БОЛАТҰЛЫ");
        var a = await PrepareAsync(first, id);
        var b = await PrepareAsync(second, id);

        var answers = await Task.WhenAll(
            CompleteAsync(first, id, a, d => TestPki.Sign(HeadCertificate(), d.Pdf, true)),
            CompleteAsync(second, id, b, d => TestPki.Sign(secondCertificate, d.Pdf, true)));

        Assert.Single(answers, x => x.Status == HttpStatusCode.OK);
        var (step, signatures, results) = await StateAsync(id);
        Assert.Equal((Step.Issue, 1, 1), (step, signatures, results));
    }
}

public sealed class DigitalSigningTestsSqlite(SqlitePortal f) : DigitalSigningTests(f), IClassFixture<SqlitePortal>;
public sealed class DigitalSigningTestsPostgres(PostgresPortal f) : DigitalSigningTests(f), IClassFixture<PostgresPortal>;
