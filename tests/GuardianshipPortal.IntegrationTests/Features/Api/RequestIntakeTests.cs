using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using GuardianshipPortal.Domain.Cases;
using GuardianshipPortal.Domain.Persons;
using GuardianshipPortal.IntegrationTests.Infrastructure;
using GuardianshipPortal.Partners;
using GuardianshipPortal.Signatures;
using GuardianshipPortal.UnitTests.Signatures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static GuardianshipPortal.IntegrationTests.Features.Api.PartnerRig;

namespace GuardianshipPortal.IntegrationTests.Features.Api;

/// <summary>
/// POST /api/v1/requests: a signed request from the e-government gateway or a Public Service Center becomes a case in
/// the clerk's queue, or is refused whole with a stable code; retries find the same case.
/// </summary>
public abstract class RequestIntakeTests(PortalFixture fixture) : PortalTest(fixture), IDisposable
{
    /// <summary>The portal the helpers talk to: the class's, or a test's own (with its clock).</summary>
    private PortalApp? _own;
    private PartnerRig? _partners;
    private PartnerRig Rig => _partners ??= new PartnerRig(() => _own ?? App);

    public void Dispose() => _partners?.Dispose();

    [Fact]
    public async Task A_signed_egov_request_becomes_a_case_in_the_clerks_queue_and_a_retry_finds_the_same_case()
    {
        var key = await Rig.PartnerAsync(Channel.EGov);
        var iin = OfficeDesk.NewIin(new DateOnly(1985, 3, 14), Sex.Female);
        var cms = TestPki.Sign(Rig.Citizen(iin), Content(Payload("egov-0001", iin)), detached: false);

        var first = await Rig.PostAsync(key, cms);
        var retry = await Rig.PostAsync(key, cms);

        Assert.Equal(HttpStatusCode.Created, first.Status);
        Assert.Equal($"/api/v1/requests/{first.Body.GetProperty("id").GetString()}", first.Response.Headers.Location!.OriginalString);
        Assert.StartsWith("KRG-01-GC-", first.Body.GetProperty("registrationNumber").GetString());
        Assert.Equal(HttpStatusCode.OK, retry.Status);
        Assert.Equal(first.Body.GetProperty("id").GetString(), retry.Body.GetProperty("id").GetString());
        var id = Guid.Parse(first.Body.GetProperty("id").GetString()!);
        var (channel, language, stored, events) = await App.WithDbAsync(async db => (
            await db.Cases.Where(c => c.Id == id).Select(c => c.Channel).SingleAsync(),
            await db.Cases.Where(c => c.Id == id).Select(c => c.Language).SingleAsync(),
            await db.ElectronicRequests.SingleAsync(r => r.CaseId == id),
            await db.CaseEvents.Where(e => e.CaseId == id).Select(e => e.UserName).ToListAsync()));
        Assert.Equal((Channel.EGov, "ru"), (channel, language));
        Assert.Equal(iin, stored.SignerIin);
        Assert.Equal(cms, stored.SignedRequest);
        Assert.Single(events, n => n.StartsWith("EGov "));
        Assert.Equal(1, await App.WithDbAsync(db => db.ElectronicRequests.CountAsync(r => r.ExternalRequestId == "egov-0001")));

        var head = await new OfficeDesk(App).AsAsync("head");
        var casePage = await head.GetAsync($"/cases/{id}");
        Assert.Contains("egov-0001", casePage.Text("[data-testid=electronic-request]"));
        Assert.Contains(iin, casePage.Text("[data-testid=electronic-signer]"));
        var original = await head.Http.GetByteArrayAsync(casePage.Document.QuerySelector("[data-testid=electronic-original]")!.GetAttribute("href"), TestContext.Current.CancellationToken);
        Assert.Equal(cms, original);
        var queue = await head.GetAsync("/");
        Assert.NotNull(queue.Document.QuerySelector($"[data-testid=queue-assign] tr[data-number='{first.Body.GetProperty("registrationNumber").GetString()}']"));

        using var status = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/requests/{id}");
        status.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        Assert.Equal(HttpStatusCode.OK, (await App.CreateClient().SendAsync(status, TestContext.Current.CancellationToken)).StatusCode);
        var otherPartner = await Rig.PartnerAsync(Channel.EGov);
        using var foreign = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/requests/{id}");
        foreign.Headers.Authorization = new AuthenticationHeaderValue("Bearer", otherPartner);
        Assert.Equal(HttpStatusCode.NotFound, (await App.CreateClient().SendAsync(foreign, TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task The_partner_hears_of_each_event_at_its_callback_signed_in_order_through_failures()
    {
        using var receiver = new HttpReceiver((_, n) => n <= 2 ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.OK);
        const string secret = "callback-secret-for-the-test";
        var key = await Rig.PartnerAsync(Channel.EGov, "", receiver.Url + "hook", secret);
        var iin = OfficeDesk.NewIin(new DateOnly(1985, 3, 14), Sex.Female);
        var created = await Rig.PostAsync(key, TestPki.Sign(Rig.Citizen(iin), Content(Payload("egov-cb-1", iin)), detached: false));
        var id = Guid.Parse(created.Body.GetProperty("id").GetString()!);
        var office = new OfficeDesk(App);
        await office.ResolveAsync(id);
        var head = await office.AsAsync("head");
        await head.SubmitAsync(await head.GetAsync($"/cases/{id}"), "[data-testid=extend-form]", new Dictionary<string, string>
        {
            ["Extend.Days"] = "2", ["Extend.Reason"] = "InterAgencyRequest", ["Extend.Comment"] = "сұрау салынды",
        });

        await DispatchAsync(App, rounds: 10);

        var calls = receiver.Requests.Where(r => r.Body.Contains(id.ToString())).ToList();
        var delivered = calls.Where(c => c.Answered == HttpStatusCode.OK).Select(c => JsonDocument.Parse(c.Body).RootElement.GetProperty("event").GetString()).ToList();
        Assert.Equal(["registered", "extended"], delivered);
        Assert.Equal(3, calls.Count(c => c.Body.Contains("\"registered\"")));
        Assert.Equal(calls.FindIndex(c => c.Body.Contains("\"extended\"")), calls.FindLastIndex(c => c.Body.Contains("\"registered\"")) + 1);
        Assert.All(calls, c => Assert.Equal(Web.Features.Api.PartnerCallbacks.Sign(secret, c.Body), c.Headers["X-Signature"]));
    }

    [Fact]
    public async Task The_partners_report_of_handing_the_result_over_closes_the_case_once_it_is_signed()
    {
        var key = await Rig.PartnerAsync(Channel.EGov);
        var iin = OfficeDesk.NewIin(new DateOnly(1985, 3, 14), Sex.Female);
        var created = await Rig.PostAsync(key, TestPki.Sign(Rig.Citizen(iin), Content(Payload("egov-issue-1", iin)), detached: false));
        var id = Guid.Parse(created.Body.GetProperty("id").GetString()!);
        async Task<(HttpStatusCode Status, string Body)> ReportAsync(object body)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/requests/{id}/issued") { Content = JsonContent(body) };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
            var response = await App.CreateClient().SendAsync(request, TestContext.Current.CancellationToken);
            return (response.StatusCode, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }

        var early = await ReportAsync(new { receivedBy = "Серікова Айжан Болатқызы", recipientDocument = "eGov кабинеті" });
        Assert.Equal(HttpStatusCode.Conflict, early.Status);
        Assert.Contains("not_ready", early.Body);
        var office = new OfficeDesk(App);
        await office.ResolveAsync(id);
        await office.DraftAsync(id, Domain.Services.ServiceCode.GuardianshipCertificate);
        await office.SignAsync(id);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await ReportAsync(new { receivedBy = "" })).Status);

        var done = await ReportAsync(new { receivedBy = "Серікова Айжан Болатқызы", recipientDocument = "eGov кабинеті" });
        var again = await ReportAsync(new { receivedBy = "Серікова Айжан Болатқызы", recipientDocument = "eGov кабинеті" });

        Assert.Equal(HttpStatusCode.OK, done.Status);
        Assert.Contains("\"closed\"", done.Body);
        using (var state = JsonDocument.Parse(done.Body))
        {
            var result = state.RootElement.GetProperty("documents").EnumerateArray().Single(d => d.GetProperty("kind").GetString() == "GuardianshipCertificate");
            using var fetch = new HttpRequestMessage(HttpMethod.Get, result.GetProperty("url").GetString());
            fetch.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
            var pdf = await (await App.CreateClient().SendAsync(fetch, TestContext.Current.CancellationToken)).Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
            Assert.Equal(result.GetProperty("sha256").GetString(), Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf)));
            var stranger = await Rig.PartnerAsync(Channel.EGov);
            using var foreign = new HttpRequestMessage(HttpMethod.Get, result.GetProperty("url").GetString());
            foreign.Headers.Authorization = new AuthenticationHeaderValue("Bearer", stranger);
            Assert.Equal(HttpStatusCode.NotFound, (await App.CreateClient().SendAsync(foreign, TestContext.Current.CancellationToken)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Conflict, again.Status);
        var (step, recipient) = await App.WithDbAsync(async db => (
            await db.Cases.Where(c => c.Id == id).Select(c => c.Step).SingleAsync(),
            await db.Set<IssueRecord>().Where(r => r.CaseId == id).Select(r => r.RecipientName).SingleAsync()));
        Assert.Equal((Domain.Workflow.Step.Closed, "Серікова Айжан Болатқызы"), (step, recipient));
    }

    private static StringContent JsonContent(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    [Fact]
    public async Task A_request_arriving_on_saturday_night_counts_from_monday_morning_like_a_visit_at_opening()
    {
        // Saturday 28 November 2026, 23:00 in Karaganda: the office is closed until Monday 30 November, 9:00.
        var clock = new TestClock(TestClock.Almaty(2026, 11, 28, 23, 0));
        await using var app = new PortalApp(Fixture.Provider, clock: clock);
        _own = app;
        try
        {
            var key = await Rig.PartnerAsync(Channel.EGov);
            var iin = OfficeDesk.NewIin(new DateOnly(1985, 3, 14), Sex.Female);
            var arrived = await Rig.PostAsync(key, TestPki.Sign(Rig.Citizen(iin), Content(Payload("egov-night", iin)), detached: false));
            Assert.Equal(HttpStatusCode.Created, arrived.Status);
            clock.Now = TestClock.Almaty(2026, 11, 30, 9, 0);
            var counter = (await new OfficeDesk(app).RegisterAsync(Domain.Services.ServiceCode.GuardianshipCertificate)).CaseId;

            var (night, monday) = await app.WithDbAsync(async db => (
                await db.Cases.Where(c => c.Id == Guid.Parse(arrived.Body.GetProperty("id").GetString()!)).Select(c => c.DueAt).SingleAsync(),
                await db.Cases.Where(c => c.Id == counter).Select(c => c.DueAt).SingleAsync()));
            Assert.Equal(monday, night);
            Assert.True(night > TestClock.Almaty(2026, 12, 4, 18, 30), $"due {night:u}: the weekend was counted");
        }
        finally
        {
            _own = null;
        }
    }

    [Fact]
    public async Task A_request_whose_receipt_could_not_be_frozen_at_registration_is_answered_with_its_receipt()
    {
        var failures = new FlakyDocuments.Failures(1);
        await using var app = new PortalApp(Fixture.Provider, services: failures.Register);
        _own = app;
        try
        {
            var key = await Rig.PartnerAsync(Channel.EGov);
            var iin = OfficeDesk.NewIin(new DateOnly(1985, 3, 14), Sex.Female);

            var arrived = await Rig.PostAsync(key, TestPki.Sign(Rig.Citizen(iin), Content(Payload("egov-receipt", iin)), detached: false));

            Assert.Equal(HttpStatusCode.Created, arrived.Status);
            Assert.Equal(1, failures.Failed);
            var id = Guid.Parse(arrived.Body.GetProperty("id").GetString()!);
            var receipt = await app.WithDbAsync(db => db.IssuedDocuments.AsNoTracking().SingleAsync(d => d.CaseId == id));
            var listed = arrived.Body.GetProperty("documents").EnumerateArray().Single();
            Assert.Equal(("Receipt", $"/api/v1/requests/{id}/documents/{receipt.Id}"), (listed.GetProperty("kind").GetString(), listed.GetProperty("url").GetString()));
            // Signed as the registration names an electronic request's receipt: by the partner that brought it.
            var partner = await app.WithDbAsync(db => db.ElectronicRequests.Where(r => r.CaseId == id).Select(r => db.Partners.Single(p => p.Id == r.PartnerId).Name).SingleAsync());
            Assert.Equal(partner, receipt.SignerName);
            var fetched = await Rig.CallAsync(key, HttpMethod.Get, listed.GetProperty("url").GetString()!);
            Assert.Equal(HttpStatusCode.OK, fetched.Status);
            Assert.Equal(receipt.Sha256, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(fetched.Bytes)));
        }
        finally
        {
            _own = null;
        }
    }

    [Fact]
    public async Task Concurrent_retries_of_one_request_make_one_case()
    {
        var key = await Rig.PartnerAsync(Channel.EGov);
        var iin = OfficeDesk.NewIin(new DateOnly(1985, 3, 14), Sex.Female);
        var cms = TestPki.Sign(Rig.Citizen(iin), Content(Payload("egov-burst", iin)), detached: false);

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Rig.PostAsync(key, cms)));

        Assert.All(answers, a => Assert.True(a.Status is HttpStatusCode.Created or HttpStatusCode.OK, a.Status.ToString()));
        Assert.Single(answers.Select(a => a.Body.GetProperty("id").GetString()).Distinct());
        Assert.Equal(1, await App.WithDbAsync(db => db.Cases.CountAsync(c => c.SubmissionKey!.EndsWith(":egov-burst"))));
    }

    [Fact]
    public async Task Every_refusal_has_its_code_and_saves_nothing()
    {
        var iin = OfficeDesk.NewIin(new DateOnly(1985, 3, 14), Sex.Female);
        var citizen = Rig.Citizen(iin);
        var expired = Rig.Pki.Issue(iin, notBefore: DateTimeOffset.UtcNow.AddYears(-3), notAfter: DateTimeOffset.UtcNow.AddYears(-1));
        var revoked = Rig.Pki.Issue(iin);
        Rig.Pki.Revoke(revoked, DateTimeOffset.UtcNow.AddDays(-1));
        var key = await Rig.PartnerAsync(Channel.EGov);
        var psc = await Rig.PartnerAsync(Channel.PublicServiceCenter, "150440012345");
        using var stranger = new TestPki("UNKNOWN CA");
        var before = await App.WithDbAsync(db => db.Cases.CountAsync());
        var tampered = TestPki.Sign(citizen, Content(Payload("t-1", iin)), detached: false);
        tampered[^40] ^= 0x5A;

        var cases = new (string Key, byte[] Cms, HttpStatusCode Status, string Code)[]
        {
            (key, Encoding.UTF8.GetBytes("not a cms"), HttpStatusCode.UnprocessableEntity, "malformed"),
            (key, tampered, HttpStatusCode.UnprocessableEntity, "signature_invalid"),
            (key, TestPki.Sign(expired, Content(Payload("e-1", iin)), false), HttpStatusCode.UnprocessableEntity, "certificate_expired"),
            (key, TestPki.Sign(revoked, Content(Payload("r-1", iin)), false), HttpStatusCode.UnprocessableEntity, "certificate_revoked"),
            (key, TestPki.Sign(stranger.Issue(iin), Content(Payload("u-1", iin)), false), HttpStatusCode.UnprocessableEntity, "certificate_untrusted"),
            (key, TestPki.GostShaped(citizen, Content(Payload("g-1", iin))), HttpStatusCode.UnprocessableEntity, "unsupported_algorithm"),
            (key, TestPki.Sign(citizen, Content(Payload("m-1", OfficeDesk.NewIin(new DateOnly(1990, 1, 1), Sex.Male))), false), HttpStatusCode.UnprocessableEntity, "signer_iin_mismatch"),
            (psc, TestPki.Sign(citizen, Content(Payload("b-1", iin)), false), HttpStatusCode.UnprocessableEntity, "signer_bin_mismatch"),
            (key, TestPki.Sign(citizen, Content(Payload("s-1", iin, service: "NO_SUCH")), false), HttpStatusCode.UnprocessableEntity, "unknown_service"),
            (key, TestPki.Sign(citizen, Content(Payload("o-1", iin, office: "XYZ-99")), false), HttpStatusCode.UnprocessableEntity, "unknown_office"),
            (key, TestPki.Sign(citizen, Content(Payload("o-2", iin, office: "KRG-02")), false), HttpStatusCode.Forbidden, "office_not_allowed"),
            (key, TestPki.Sign(citizen, Content(Payload("i-1", iin, childIin: "123456789012")), false), HttpStatusCode.UnprocessableEntity, "invalid_iin"),
            (key, TestPki.Sign(citizen, Content(Payload("d-1", iin, checklistItem: "passport_of_mars")), false), HttpStatusCode.UnprocessableEntity, "document_type"),
            (key, TestPki.Sign(citizen, Content(Payload("d-2", iin, document: "MZ not a pdf"u8.ToArray())), false), HttpStatusCode.UnprocessableEntity, "document_type"),
            (key, TestPki.Sign(citizen, Content(Payload("d-3", iin, document: [])), false), HttpStatusCode.UnprocessableEntity, "document_missing"),
            (key, TestPki.Sign(citizen, Content(Payload("d-4", iin, document: new byte[11 * 1024 * 1024])), false), HttpStatusCode.UnprocessableEntity, "too_large"),
            (key, TestPki.Sign(citizen, "{\"externalRequestId\": 12"u8.ToArray(), false), HttpStatusCode.UnprocessableEntity, "malformed"),
        };
        foreach (var (partnerKey, cms, status, code) in cases)
        {
            var answer = await Rig.PostAsync(partnerKey, cms);
            Assert.True(answer.Status == status && answer.Body.GetProperty("code").GetString() == code,
                $"expected {status} {code}, got {answer.Status} {answer.Body}");
            Assert.False(string.IsNullOrEmpty(answer.Body.GetProperty("messageKk").GetString()));
        }

        Assert.Equal(before, await App.WithDbAsync(db => db.Cases.CountAsync()));
        var first = await Rig.PostAsync(key, TestPki.Sign(citizen, Content(Payload("c-1", iin)), false));
        var other = await Rig.PostAsync(key, TestPki.Sign(citizen, Content(Payload("c-1", iin, service: "GuardianshipCertificate")), false));
        Assert.Equal(HttpStatusCode.Created, first.Status);
        Assert.Equal(HttpStatusCode.Conflict, other.Status);
        Assert.Equal("conflict", other.Body.GetProperty("code").GetString());
    }
}

public sealed class RequestIntakeTestsSqlite(SqlitePortal f) : RequestIntakeTests(f), IClassFixture<SqlitePortal>;
public sealed class RequestIntakeTestsPostgres(PostgresPortal f) : RequestIntakeTests(f), IClassFixture<PostgresPortal>;
