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

namespace GuardianshipPortal.IntegrationTests.Features.Api;

/// <summary>
/// A partner of the portal as a test plays it: a certification authority of its own (trusted by the portal, with its
/// revocation list), a partner registered with a key, signed requests and calls of the partner API.
/// </summary>
public sealed class PartnerRig(Func<PortalApp> target) : IDisposable
{
    // A root of its own per rig (roots of one name but other keys would be confused by the chain builder).
    public TestPki Pki { get; } = new($"TEST NCA FOR PARTNERS {Guid.NewGuid():N}");

    public void Dispose() => Pki.Dispose();

    private PortalApp Target => target();

    public Task<string> PartnerAsync(Channel channel, string bin = "", params string[] offices) => PartnerAsync(channel, bin, "", "", offices);

    /// <summary>Trusts the rig's authority and registers a partner; returns its key.</summary>
    public async Task<string> PartnerAsync(Channel channel, string bin, string callbackUrl, string callbackSecret, params string[] offices)
    {
        await TrustAsync();
        var (keyId, secret, key) = PartnerKeys.New();
        await Target.WithDbAsync(async db =>
        {
            var region = await db.Regions.Select(r => r.Id).FirstAsync();
            var ids = await db.Offices.Where(o => (offices.Length == 0 ? new[] { "KRG-01" } : offices).Contains(o.Code)).Select(o => o.Id).ToListAsync();
            db.Partners.Add(new Partner
            {
                Id = Guid.NewGuid(), RegionId = region, Name = $"{channel} {keyId}", Channel = channel, Bin = bin, KeyId = keyId, KeyHash = PartnerKeys.Hash(secret),
                CallbackUrl = callbackUrl,
                ProtectedCallbackSecret = callbackSecret.Length == 0 ? "" : Microsoft.AspNetCore.DataProtection.DataProtectionCommonExtensions.Protect(
                    Target.Services.GetRequiredService<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>().CreateProtector(Web.Features.Api.PartnerCallbackSender.Purpose), callbackSecret),
                CreatedAt = DateTimeOffset.UtcNow, Offices = [.. ids.Select(i => new PartnerOffice { OfficeId = i })],
            });
            return await db.SaveChangesAsync();
        });
        return key;
    }

    /// <summary>The portal trusts the rig's authority: its root, and its revocation list as it stands now (revoke first, then trust).</summary>
    public async Task TrustAsync()
    {
        await Target.WithDbAsync(async db =>
        {
            var sha = Convert.ToHexStringLower(Pki.Root.GetCertHash(System.Security.Cryptography.HashAlgorithmName.SHA256));
            if (!await db.TrustItems.AnyAsync(t => t.Sha256 == sha))
                db.TrustItems.Add(new TrustItem
                {
                    Id = Guid.NewGuid(), Kind = TrustItemKind.Root, Name = Pki.Root.Subject, Sha256 = sha,
                    Bytes = Pki.Root.RawData, ValidFrom = Pki.Root.NotBefore.ToUniversalTime(), ValidTo = Pki.Root.NotAfter.ToUniversalTime(), AddedAt = DateTimeOffset.UtcNow,
                });
            // The authority's revocation list as it stands (a certificate whose revocation cannot be checked is not trusted).
            var crl = Pki.RevocationList();
            var crlSha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(crl));
            var crlName = Pki.Root.Subject + " " + sha[..8];
            if (!await db.TrustItems.AnyAsync(t => t.Kind == TrustItemKind.RevocationList && t.Name == crlName))
                db.TrustItems.Add(new TrustItem
                {
                    Id = Guid.NewGuid(), Kind = TrustItemKind.RevocationList, Name = crlName, Sha256 = crlSha,
                    Bytes = crl, ValidFrom = DateTimeOffset.UtcNow.AddMinutes(-1), ValidTo = DateTimeOffset.UtcNow.AddDays(7), AddedAt = DateTimeOffset.UtcNow,
                });
            return await db.SaveChangesAsync();
        });
        DatabaseTrustMaterial.Forget(); // as the administrator's upload does
    }

    /// <summary>A request's content: an applicant, one child, and one scan per checklist item named (the application by default).</summary>
    public static object Payload(string externalId, string applicantIin, string office = "KRG-01", string service = "GUARDIANSHIP_CERTIFICATE",
        string checklistItem = "application", byte[]? document = null, string? childIin = null, string[]? items = null, object? representative = null,
        string? email = null, object? spouse = null) => new
    {
        externalRequestId = externalId, service, officeCode = office, submittedAt = DateTimeOffset.UtcNow, language = "ru",
        applicant = new { iin = applicantIin, lastName = "Серікова", firstName = "Айжан", middleName = "Болатқызы", address = "Қарағанды қ.", phone = "+77011112233", email },
        children = new[] { new { iin = childIin ?? OfficeDesk.NewIin(new DateOnly(2016, 9, 1), Sex.Male), lastName = "Ахметов", firstName = "Нұр", middleName = "" } },
        documents = (items ?? [checklistItem]).Select(item => new
        {
            checklistItem = item, fileName = item + ".pdf", contentType = "application/pdf", contentBase64 = Convert.ToBase64String(document ?? OfficeDesk.Pdf),
        }).ToArray(),
        representative,
        spouse,
    };

    public static byte[] Content(object payload) => JsonSerializer.SerializeToUtf8Bytes(payload);

    public async Task<(HttpStatusCode Status, JsonElement Body, HttpResponseMessage Response)> PostAsync(string key, byte[] cms)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/requests")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { cms = Convert.ToBase64String(cms) }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        var response = await Target.CreateClient().SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone(), response);
    }

    /// <summary>Any call of the partner API with the partner's key; the body as text.</summary>
    /// <param name="raw">The body is a string sent as it is (to send what is not JSON).</param>
    public async Task<(HttpStatusCode Status, string Body, byte[] Bytes)> CallAsync(string key, HttpMethod method, string url, object? body = null, bool raw = false)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null) request.Content = new StringContent(raw ? (string)body : JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await Target.CreateClient().SendAsync(request, TestContext.Current.CancellationToken);
        var bytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        return (response.StatusCode, Encoding.UTF8.GetString(bytes), bytes);
    }

    /// <summary>Runs the outbox's dispatcher as the portal's background service would, <paramref name="rounds"/> times, retrying at once.</summary>
    public static async Task DispatchAsync(PortalApp app, int rounds)
    {
        for (var round = 0; round < rounds; round++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<Data.PortalDbContext>();
            await new Messaging.OutboxDispatcher(db, scope.ServiceProvider.GetServices<Messaging.IMessageSender>(),
                new Messaging.OutboxOptions { FirstRetry = TimeSpan.Zero }, TimeProvider.System,
                Microsoft.Extensions.Logging.Abstractions.NullLogger<Messaging.OutboxDispatcher>.Instance).DispatchDueAsync(CancellationToken.None);
        }
    }

    public X509Certificate2 Citizen(string iin) => Pki.Issue(iin, commonName: "СЕРІКОВА АЙЖАН", givenName: "БОЛАТҚЫЗЫ");

    /// <summary>An employee of a Public Service Center: the Center's BIN in the certificate's OU.</summary>
    public X509Certificate2 CenterOfficer(string bin) =>
        Pki.Issue(OfficeDesk.NewIin(new DateOnly(1990, 5, 5), Sex.Female), bin, commonName: "ОПЕРАТОР ЦОН", givenName: "АСАНҚЫЗЫ");
}
