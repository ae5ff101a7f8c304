using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using GuardianshipPortal.Cases;
using GuardianshipPortal.Data;
using GuardianshipPortal.Domain;
using GuardianshipPortal.Domain.Cases;
using GuardianshipPortal.Domain.Workflow;
using GuardianshipPortal.Messaging;
using GuardianshipPortal.Partners;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace GuardianshipPortal.Web.Features.Api;

/// <summary>
/// Every event of an electronic request goes back to its partner's callback URL as JSON — registered, extended,
/// result_ready, refused, issued, returned (with the reasons) — through the outbox (same transaction as the change, in order per request, retried
/// until a 2xx, surviving restarts), signed with HMAC-SHA256 of the body under the partner's callback secret.
/// </summary>
public sealed class PartnerCallbacks(PortalDbContext db, TimeProvider clock, Microsoft.Extensions.Localization.IStringLocalizerFactory localizers,
    Domain.Services.ServiceCatalog services) : ICaseObserver
{
    public static string? EventOf(Case c, CaseAction action) => action switch
    {
        CaseAction.Register => "registered",
        CaseAction.Extend => "extended",
        CaseAction.Sign => c.Outcome == Outcome.Refused ? "refused" : "result_ready",
        CaseAction.IssueResult => "issued",
        CaseAction.ReturnToCenter => "returned",
        _ => null,
    };

    public async Task OnAsync(Case c, Office office, CaseAction action, CancellationToken ct)
    {
        if (EventOf(c, action) is not { } what) return;
        // A case being registered has no request attached yet: the intake sends its "registered" itself once it has.
        if (db.Entry(c).State == EntityState.Added) return;
        // Its partner and id only: the signed original stays in the database.
        var request = await db.ElectronicRequests.AsNoTracking().Where(r => r.CaseId == c.Id)
            .Select(r => new { r.PartnerId, r.ExternalRequestId }).FirstOrDefaultAsync(ct);
        if (request is not null) await AddAsync(c, request.PartnerId, request.ExternalRequestId, what, ct);
    }

    /// <summary>Writes the event to the outbox (used also by the intake for "registered", once the request is attached).</summary>
    public async Task AddAsync(Case c, Guid partnerId, string externalRequestId, string what, CancellationToken ct)
    {
        var partner = await db.Partners.AsNoTracking().FirstOrDefaultAsync(p => p.Id == partnerId, ct);
        if (partner is null || partner.CallbackUrl.Length == 0) return;
        var now = clock.GetUtcNow();
        var body = JsonSerializer.Serialize(new
        {
            @event = what, id = c.Id, externalRequestId, registrationNumber = c.Number,
            step = c.Step.ToString(), dueAt = c.DueAt, outcome = c.Outcome?.ToString(), at = now,
            returned = c.CenterReturn is { } r ? ApiReturn.Of(r, localizers) : null,
            resultDelivery = what is "result_ready" or "refused" && c.Outcome is { } outcome
                ? services[c.Service].ResultCollectedAtOffice(outcome, c.Channel) ? "office" : "partner" : null,
        }, JsonSerializerOptions.Web);
        db.OutboxMessages.Add(new OutboxMessage
        {
            Channel = OutboxChannel.PartnerCallback, Stream = $"request:{c.Id:N}", CaseId = c.Id, PartnerId = partner.Id, Event = "Partner_" + what,
            Recipient = partner.CallbackUrl, Body = body, IdempotencyKey = $"callback:{c.Id:N}:{c.Version}:{what}", RetryForever = true,
            CreatedAt = now, NextAttemptAt = now,
        });
    }

    public static string Sign(string secret, string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));
}

/// <summary>POSTs a callback with its HMAC (<c>X-Signature: sha256=…</c>) and idempotency key; anything but a 2xx is retried.</summary>
public sealed class PartnerCallbackSender(IHttpClientFactory http, PortalDbContext db, IDataProtectionProvider protection) : IMessageSender
{
    public const string Purpose = "partner-callback-secret";

    public OutboxChannel Channel => OutboxChannel.PartnerCallback;

    public async Task SendAsync(OutboxMessage message, CancellationToken ct)
    {
        var partner = await db.Partners.AsNoTracking().FirstOrDefaultAsync(p => p.Id == message.PartnerId, ct)
            ?? throw new DeliveryException("partner gone");
        var secret = partner.ProtectedCallbackSecret.Length == 0 ? "" : protection.CreateProtector(Purpose).Unprotect(partner.ProtectedCallbackSecret);
        using var request = new HttpRequestMessage(HttpMethod.Post, message.Recipient)
        {
            Content = new StringContent(message.Body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Signature", PartnerCallbacks.Sign(secret, message.Body));
        request.Headers.Add("Idempotency-Key", message.IdempotencyKey);
        try
        {
            using var response = await http.CreateClient("partner-callbacks").SendAsync(request, ct);
            if (!response.IsSuccessStatusCode) throw new DeliveryException($"callback: HTTP {(int)response.StatusCode}");
        }
        catch (HttpRequestException e)
        {
            throw new DeliveryException("callback: " + e.Message, e);
        }
        catch (TaskCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new DeliveryException("callback: timeout", e);
        }
    }
}

/// <summary>Why a Public Service Center's documents went back to it, as the partner reads it: stable codes, and the reasons in both languages.</summary>
public sealed record ApiReturn(IReadOnlyList<string> Reasons, string Text, string Kk, string Ru, DateTimeOffset At)
{
    public static ApiReturn Of(CenterReturn r, Microsoft.Extensions.Localization.IStringLocalizerFactory localizers)
    {
        string Words(string language)
        {
            var l = Infrastructure.CultureLocalizer.For(localizers, language);
            return string.Join("; ", r.ReasonList.Select(x => l["CenterReturnReason_" + x].Value));
        }
        return new([.. r.ReasonList.Select(x => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(x.ToString()))], r.Text, Words(Language.Kazakh), Words(Language.Russian), r.At);
    }
}
