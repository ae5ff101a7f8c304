using System.Globalization;
using GuardianshipPortal.Data;
using GuardianshipPortal.Domain;
using GuardianshipPortal.Domain.Cases;
using GuardianshipPortal.Domain.Services;
using GuardianshipPortal.Domain.Workflow;
using GuardianshipPortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace GuardianshipPortal.Web.Features.Journals;

public enum JournalKind
{
    Registration,
    Issue,
}

/// <summary>What a journal is asked for: office, period (office-local dates, inclusive), optionally one service.</summary>
public sealed record JournalQuery(Guid OfficeId, DateOnly From, DateOnly To, ServiceCode? Service);

/// <summary>A journal as a table of text: the same rows on screen, in CSV, XLSX and PDF.</summary>
public sealed record JournalTable(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlyList<double> Widths);

/// <summary>The incoming registration journal and the issue journal, with the columns of their paper forms.</summary>
public sealed class Journals(PortalReadDbContext db, IStringLocalizer<SharedResource> l)
{
    public async Task<JournalTable> BuildAsync(JournalKind kind, JournalQuery q, Office office, CancellationToken ct)
    {
        var zone = office.Zone();
        var from = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(q.From.ToDateTime(TimeOnly.MinValue), zone), TimeSpan.Zero);
        var to = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(q.To.AddDays(1).ToDateTime(TimeOnly.MinValue), zone), TimeSpan.Zero);
        var cases = db.Cases.AsNoTracking().Where(c => c.OfficeId == q.OfficeId);
        if (q.Service is { } s) cases = cases.Where(c => c.Service == s);
        cases = kind == JournalKind.Registration
            ? cases.Where(c => c.RegisteredAt >= from && c.RegisteredAt < to)
            : cases.Where(c => c.IssueRecord != null && c.IssueRecord.IssuedAt >= from && c.IssueRecord.IssuedAt < to);

        var rows = await cases.Select(c => new
        {
            c.Number, c.Year, c.Sequence, c.RegisteredAt, c.Service, c.Channel, c.DueAt, c.Step, c.Outcome, c.ExtensionDays, c.SuspendedAt,
            Applicant = c.Applicant!.LastName + " " + c.Applicant.FirstName + " " + c.Applicant.MiddleName,
            Specialist = c.Assignee == null ? "" : c.Assignee.FullName,
            IssuedAt = c.IssueRecord == null ? (DateTimeOffset?)null : c.IssueRecord.IssuedAt,
            Recipient = c.IssueRecord == null ? "" : c.IssueRecord.RecipientName,
            RecipientDocument = c.IssueRecord == null ? "" : c.IssueRecord.RecipientDocument,
            Signed = c.IssueRecord != null && c.IssueRecord.SignedForReceipt,
        }).ToListAsync(ct);
        var ordered = kind == JournalKind.Registration
            ? rows.OrderBy(r => r.RegisteredAt).ThenBy(r => r.Number, StringComparer.Ordinal)
            : rows.OrderBy(r => r.IssuedAt).ThenBy(r => r.Number, StringComparer.Ordinal);

        string Result(Step step, Outcome? outcome, ServiceCode service) =>
            outcome is { } o && step is Step.Issue or Step.Closed ? l["Outcome_" + service + "_" + o] : l["Step_" + step];
        var n = 0;
        if (kind == JournalKind.Registration)
        {
            return new JournalTable(
                ["№", l["Case_Number"], l["Case_RegisteredAt"], l["Case_Applicant"], l["Case_Service"], l["Case_Channel"],
                    l["Case_Assignee"], l["Case_DueAt"], l["Journal_Result"], l["Journal_IssuedAt"], l["Issue_Recipient"]],
                [.. ordered.Select(r => (IReadOnlyList<string>)
                [
                    (++n).ToString(CultureInfo.InvariantCulture), r.Number, Display.DateTime(r.RegisteredAt, office), r.Applicant.Trim(),
                    l["Service_" + r.Service], l["Channel_" + r.Channel], r.Specialist,
                    Display.Date(r.DueAt, office)
                        + (r.ExtensionDays > 0 ? " " + l["Journal_Extended", r.ExtensionDays] : "")
                        + (r.SuspendedAt is not null ? " " + l["Journal_Suspended"] : ""),
                    Result(r.Step, r.Outcome, r.Service), Display.DateTime(r.IssuedAt, office), r.Recipient,
                ])],
                [0.5, 1.5, 1.3, 2, 3, 1.3, 1.8, 1, 2, 1.3, 1.8]);
        }
        return new JournalTable(
            ["№", l["Journal_IssuedAt"], l["Case_Number"], l["Case_Applicant"], l["Case_Service"], l["Journal_Result"],
                l["Issue_Recipient"], l["Issue_Document"], l["Journal_SignedForReceipt"]],
            [.. ordered.Select(r => (IReadOnlyList<string>)
            [
                (++n).ToString(CultureInfo.InvariantCulture), Display.DateTime(r.IssuedAt, office), r.Number, r.Applicant.Trim(),
                l["Service_" + r.Service], Result(r.Step, r.Outcome, r.Service), r.Recipient, r.RecipientDocument,
                r.Signed ? l["Doc_Yes"] : l["Doc_No"],
            ])],
            [0.5, 1.4, 1.5, 2.2, 3.2, 2.2, 2, 2, 1]);
    }
}
