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
    /// <summary>The office's outgoing register: every outgoing number taken, with the document it is printed on.</summary>
    Outgoing,
}

/// <summary>What a journal is asked for: office, period (office-local dates, inclusive), optionally one service.</summary>
public sealed record JournalQuery(Guid OfficeId, DateOnly From, DateOnly To, ServiceCode? Service);

/// <summary>A journal as a table of text: the same rows on screen, in CSV, XLSX and PDF.</summary>
public sealed record JournalTable(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlyList<double> Widths);

/// <summary>The incoming registration journal, the issue journal and the outgoing register, with the columns of their paper forms.</summary>
public sealed class Journals(PortalReadDbContext db, IStringLocalizer<SharedResource> l)
{
    public async Task<JournalTable> BuildAsync(JournalKind kind, JournalQuery q, Office office, CancellationToken ct)
    {
        var zone = office.Zone();
        var from = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(q.From.ToDateTime(TimeOnly.MinValue), zone), TimeSpan.Zero);
        var to = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(q.To.AddDays(1).ToDateTime(TimeOnly.MinValue), zone), TimeSpan.Zero);
        if (kind == JournalKind.Outgoing) return await OutgoingAsync(q, office, from, to, ct);
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
                // Wide enough for an unbroken number (KRG-01-FP-2026-00001, ~120 pt at 10 pt) and a date (dd.MM.yyyy, ~52 pt) on a landscape page.
                [3.5, 19, 9, 11, 14, 11.5, 10, 9, 9, 9, 9]);
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
            [3.5, 9, 21, 12, 13, 10, 11, 11, 6]);
    }
    /// <summary>
    /// The outgoing register of the period in the order of its numbers: each number with its date, the document, the case it
    /// answers, the addressee, who signed, and whether the document was issued, revoked, or never issued (a number freed by a
    /// replaced signing package that the case has not used again).
    /// </summary>
    private async Task<JournalTable> OutgoingAsync(JournalQuery q, Office office, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var entries = db.OutgoingEntries.AsNoTracking().Where(e => e.OfficeId == q.OfficeId && e.AssignedAt >= from && e.AssignedAt < to);
        var rows = await (
            from e in entries
            join c in db.Cases on e.CaseId equals c.Id
            where q.Service == null || c.Service == q.Service
            let d = db.IssuedDocuments.FirstOrDefault(x => x.Id == e.DocumentId)
            select new
            {
                e.Year, e.Sequence, e.Number, e.AssignedAt, e.Kind, CaseNumber = c.Number, c.Service,
                Applicant = c.Applicant!.LastName + " " + c.Applicant.FirstName + " " + c.Applicant.MiddleName,
                Signer = d == null ? null : d.SignerName, Issued = d != null, Revoked = d != null && d.RevokedAt != null,
            }).ToListAsync(ct);
        var n = 0;
        return new JournalTable(
            ["№", l["Outgoing_Number"], l["Outgoing_Date"], l["Outgoing_Document"], l["Case_Number"], l["Case_Service"], l["Outgoing_Addressee"],
                l["Outgoing_Signer"], l["Outgoing_State"]],
            [.. rows.OrderBy(r => r.Year).ThenBy(r => r.Sequence).Select(r => (IReadOnlyList<string>)
            [
                (++n).ToString(CultureInfo.InvariantCulture), r.Number, Display.Date(r.AssignedAt, office), l["DocKind_" + r.Kind],
                r.CaseNumber, l["Service_" + r.Service], r.Applicant.Trim(), r.Signer ?? "",
                r.Revoked ? l["Outgoing_Revoked"] : r.Issued ? l["Outgoing_Issued"] : l["Outgoing_NotIssued"],
            ])],
            [0.5, 1.3, 1.1, 2.4, 2, 2.6, 2.2, 2, 1.4]);
    }
}
