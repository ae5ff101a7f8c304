using System.Globalization;
using GuardianshipPortal.Cases;
using GuardianshipPortal.Data;
using GuardianshipPortal.Domain;
using GuardianshipPortal.Domain.Cases;
using GuardianshipPortal.Domain.Persons;
using GuardianshipPortal.Domain.Workflow;
using GuardianshipPortal.Messaging;
using GuardianshipPortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
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
    /// <summary>The Public Service Center's documents had errors and went back to it (seed 003 table 2, act 7).</summary>
    Returned = 8,
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
        CaseAction.ReturnToCenter => ApplicantEvent.Returned,
        _ => null,
    };

    public async Task OnAsync(Case c, Office office, CaseAction action, CancellationToken ct)
    {
        if (!c.NotifyConsent || EventOf(c, action) is not { } what) return;
        var applicant = c.Applicant ?? await db.Persons.FindAsync([c.ApplicantId], ct);
        if (applicant is null) return;
        var l = CultureLocalizer.For(localizers, Language.Normalize(c.Language));
        var survey = what == ApplicantEvent.Issued
            ? Status.ReceiptLookup.Link($"{address.BaseUrl}/survey", c.Number, await Status.ReceiptLookup.ReceiptCodeAsync(db, c.Id, ct) ?? "") : "";
        var language = Language.Normalize(c.Language);
        var template = await db.MessageTemplates.AsNoTracking().Where(t => t.Event == what.ToString() && t.Language == language)
            .OrderByDescending(t => t.Version).FirstOrDefaultAsync(ct);
        if (template is null) return; // the seeder gives every event its wording; none means an office that chose silence
        var values = Values(l, c, office, applicant, survey);
        var text = MessageTemplates.Fill(template.Body, values);
        var now = clock.GetUtcNow();
        void Add(OutboxChannel channel, string recipient, string subject, string body) => db.OutboxMessages.Add(new OutboxMessage
        {
            Channel = channel, Stream = $"case:{c.Id:N}", CaseId = c.Id, Event = "Applicant" + what, Recipient = recipient,
            Subject = subject, Body = body, Language = language,
            IdempotencyKey = $"applicant:{c.Id:N}:{c.Version}:{(int)channel}", CreatedAt = now, NextAttemptAt = now,
        });
        if (c.NotifyPhone.Length > 0 && office.NotifyBySms) Add(OutboxChannel.Sms, c.NotifyPhone, "", text);
        if (c.NotifyEmail.Length > 0 && office.NotifyByEmail)
            Add(OutboxChannel.Email, c.NotifyEmail, MessageTemplates.Fill(template.Subject, values),
                $"{values["greeting"]}\n\n{text}\n\n{office.Name(language)}\n{office.Address(language)}\n{office.Phone}");
    }

    /// <summary>What the placeholders of <see cref="MessageTemplates.Placeholders"/> stand for in this case.</summary>
    private Dictionary<string, string> Values(IStringLocalizer l, Case c, Office office, Person applicant, string survey)
    {
        var culture = CultureInfo.GetCultureInfo(Language.Normalize(c.Language));
        return new Dictionary<string, string>
        {
            ["number"] = c.Number,
            ["service"] = l["Service_" + c.Service],
            ["date"] = TimeZoneInfo.ConvertTime(c.DueAt, office.Zone()).ToString("dd.MM.yyyy", culture),
            ["address"] = office.Address(c.Language),
            ["hours"] = $"{office.ReceptionFrom:HH\\:mm}–{office.ReceptionTo:HH\\:mm}",
            ["reason"] = c.CenterReturn is { } returned
                ? string.Join("; ", returned.ReasonList.Select(r => l["CenterReturnReason_" + r].Value)) + ". " + returned.Text
                : c.ExtensionReason is { } r ? l["ExtensionReason_" + r] : "",
            ["status"] = $"{address.BaseUrl}/status",
            ["survey"] = survey,
            ["office"] = office.Name(c.Language),
            ["greeting"] = Greeting(l, applicant),
        };
    }

    private static string Greeting(IStringLocalizer l, Person p) =>
        l[p.Sex == Sex.Female ? "Notify_GreetingFemale" : "Notify_GreetingMale", $"{p.FirstName} {p.MiddleName}".Trim()];
}
