using System.Globalization;
using GuardianshipPortal.Cases;
using GuardianshipPortal.Data;
using GuardianshipPortal.Domain;
using GuardianshipPortal.Domain.Cases;
using GuardianshipPortal.Domain.Persons;
using GuardianshipPortal.Domain.Workflow;
using GuardianshipPortal.Messaging;
using GuardianshipPortal.Web.Infrastructure;
using Microsoft.Extensions.Localization;

namespace GuardianshipPortal.Web.Features.Notifications;

/// <summary>What the applicant is told of (seed 003 appendix 3, p6(9)): each is one message per channel.</summary>
public enum ApplicantEvent
{
    Accepted = 1,
    Ready = 2,
    Refused = 3,
    Extended = 4,
    Suspended = 5,
    Resumed = 6,
    Issued = 7,
}

/// <summary>
/// Tells the applicant of every change of their case that concerns them — accepted (with the date the result will be
/// ready), result ready to collect (where and when), refused, term extended (new date, reason), clock stopped and
/// started again, issued — by SMS and e-mail as they agreed at registration, in the case's language, addressed by the
/// sex the IIN records. Messages go to the outbox in the same unit of work as the change: an action that fails sends nothing.
/// </summary>
public sealed class ApplicantNotifications(PortalDbContext db, TimeProvider clock, IStringLocalizerFactory localizers, PublicAddress address) : ICaseObserver
{
    public static ApplicantEvent? EventOf(Case c, CaseAction action) => action switch
    {
        CaseAction.Register => ApplicantEvent.Accepted,
        CaseAction.Sign => c.Outcome == Outcome.Refused ? ApplicantEvent.Refused : ApplicantEvent.Ready,
        CaseAction.Extend => ApplicantEvent.Extended,
        CaseAction.Suspend => ApplicantEvent.Suspended,
        CaseAction.Resume => ApplicantEvent.Resumed,
        CaseAction.IssueResult => ApplicantEvent.Issued,
        _ => null,
    };

    public async Task OnAsync(Case c, Office office, CaseAction action, CancellationToken ct)
    {
        if (!c.NotifyConsent || EventOf(c, action) is not { } what) return;
        var applicant = c.Applicant ?? await db.Persons.FindAsync([c.ApplicantId], ct);
        if (applicant is null) return;
        var l = CultureLocalizer.For(localizers, Language.Normalize(c.Language));
        var survey = what == ApplicantEvent.Issued
            ? $"{address.BaseUrl}/survey?number={Uri.EscapeDataString(c.Number)}&code={await Status.ReceiptLookup.ReceiptCodeAsync(db, c.Id, ct)}" : "";
        var text = Text(l, what, c, office, survey);
        var now = clock.GetUtcNow();
        void Add(OutboxChannel channel, string recipient, string subject, string body) => db.OutboxMessages.Add(new OutboxMessage
        {
            Channel = channel, Stream = $"case:{c.Id:N}", CaseId = c.Id, Event = "Applicant" + what, Recipient = recipient,
            Subject = subject, Body = body, Language = Language.Normalize(c.Language),
            IdempotencyKey = $"applicant:{c.Id:N}:{c.Version}:{(int)channel}", CreatedAt = now, NextAttemptAt = now,
        });
        if (c.NotifyPhone.Length > 0 && office.NotifyBySms) Add(OutboxChannel.Sms, c.NotifyPhone, "", text);
        if (c.NotifyEmail.Length > 0 && office.NotifyByEmail)
            Add(OutboxChannel.Email, c.NotifyEmail, l["Notify_Subject", c.Number, l["NotifyEvent_" + what]],
                $"{Greeting(l, applicant)}\n\n{text}\n\n{office.Name(c.Language)}\n{office.Address(c.Language)}\n{office.Phone}");
    }

    private string Text(IStringLocalizer l, ApplicantEvent what, Case c, Office office, string survey)
    {
        var culture = CultureInfo.GetCultureInfo(Language.Normalize(c.Language));
        string Date(DateTimeOffset moment) => TimeZoneInfo.ConvertTime(moment, office.Zone()).ToString("dd.MM.yyyy", culture);
        var service = l["Service_" + c.Service];
        var hours = $"{office.ReceptionFrom:HH\\:mm}–{office.ReceptionTo:HH\\:mm}";
        var status = $"{address.BaseUrl}/status";
        return what switch
        {
            ApplicantEvent.Accepted => l["Notify_Accepted", c.Number, service, Date(c.DueAt), status],
            ApplicantEvent.Ready => l["Notify_Ready", c.Number, service, office.Address(c.Language), hours],
            ApplicantEvent.Refused => l["Notify_Refused", c.Number, service, office.Address(c.Language), hours],
            ApplicantEvent.Extended => l["Notify_Extended", c.Number, Date(c.DueAt), c.ExtensionReason is { } r ? l["ExtensionReason_" + r] : ""],
            ApplicantEvent.Suspended => l["Notify_Suspended", c.Number],
            ApplicantEvent.Resumed => l["Notify_Resumed", c.Number, Date(c.DueAt)],
            _ => l["Notify_Issued", c.Number, service, survey],
        };
    }

    private static string Greeting(IStringLocalizer l, Person p) =>
        l[p.Sex == Sex.Female ? "Notify_GreetingFemale" : "Notify_GreetingMale", $"{p.FirstName} {p.MiddleName}".Trim()];
}
