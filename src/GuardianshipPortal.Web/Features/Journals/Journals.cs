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

/// <summary>
/// A journal's columns and its rows as the database gives them, in the journal's order: counted, read a page at a time
/// (the screen) or streamed from the first to the last (exports), so that no export holds a year of rows in memory.
/// </summary>
public sealed class JournalSource(
    IReadOnlyList<string> headers, IReadOnlyList<double> widths, Func<CancellationToken, Task<int>> count,
    Func<int, int?, CancellationToken, IAsyncEnumerable<IReadOnlyList<string>>> rows)
{
    public IReadOnlyList<string> Headers => headers;
    public IReadOnlyList<double> Widths => widths;

    public Task<int> CountAsync(CancellationToken ct) => count(ct);

    /// <summary>The rows from <paramref name="skip"/> on (at most <paramref name="take"/>), numbered from skip + 1.</summary>
    public IAsyncEnumerable<IReadOnlyList<string>> RowsAsync(int skip, int? take, CancellationToken ct) => rows(skip, take, ct);

    public async Task<JournalTable> ToTableAsync(CancellationToken ct, int skip = 0, int? take = null)
    {
        var list = new List<IReadOnlyList<string>>();
        await foreach (var row in RowsAsync(skip, take, ct)) list.Add(row);
        return new JournalTable(headers, list, widths);
    }
}

/// <summary>
/// The incoming registration journal, the issue journal and the outgoing register, with the columns of their paper forms.
/// Each reads one index by office and time — cases by (OfficeId, RegisteredAt), issue records by (OfficeId, IssuedAt),
/// outgoing entries by office and time — and sorts in the database, so a page or a stream costs its own rows only.
/// </summary>
public sealed class Journals(PortalReadDbContext db, IStringLocalizer<SharedResource> l)
{
    private sealed record CaseLine(
        string Number, DateTimeOffset RegisteredAt, ServiceCode Service, Channel Channel, DateTimeOffset DueAt, Step Step, Outcome? Outcome,
        int ExtensionDays, DateTimeOffset? SuspendedAt, string Applicant, string Specialist, DateTimeOffset? IssuedAt, string Recipient,
        string RecipientDocument, bool Signed);

    private sealed record OutgoingLine(
        string Number, DateTimeOffset AssignedAt, Domain.Documents.DocumentKind Kind, string CaseNumber, ServiceCode Service, string Applicant,
        string? Signer, bool Issued, bool Revoked);

    public Task<JournalTable> BuildAsync(JournalKind kind, JournalQuery q, Office office, CancellationToken ct) => Open(kind, q, office).ToTableAsync(ct);

    public JournalSource Open(JournalKind kind, JournalQuery q, Office office)
    {
        var zone = office.Zone();
        var from = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(q.From.ToDateTime(TimeOnly.MinValue), zone), TimeSpan.Zero);
        var to = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(q.To.AddDays(1).ToDateTime(TimeOnly.MinValue), zone), TimeSpan.Zero);
        if (kind == JournalKind.Outgoing) return Outgoing(q, office, from, to);

        IQueryable<Case> cases;
        if (kind == JournalKind.Registration)
        {
            var registered = db.Cases.AsNoTracking().Where(c => c.OfficeId == q.OfficeId && c.RegisteredAt >= from && c.RegisteredAt < to);
            if (q.Service is { } s) registered = registered.Where(c => c.Service == s);
            cases = registered.OrderBy(c => c.RegisteredAt).ThenBy(c => c.Number);
        }
        else
        {
            // The office is on the issue record: the month's issues of the office, not the region's filtered by office.
            var issues = db.IssueRecords.AsNoTracking().Where(i => i.OfficeId == q.OfficeId && i.IssuedAt >= from && i.IssuedAt < to);
            var issued = issues.Join(db.Cases.AsNoTracking(), i => i.CaseId, c => c.Id, (i, c) => new { i.IssuedAt, Case = c });
            if (q.Service is { } s) issued = issued.Where(x => x.Case.Service == s);
            cases = issued.OrderBy(x => x.IssuedAt).ThenBy(x => x.Case.Number).Select(x => x.Case);
        }
        var lines = cases.Select(c => new CaseLine(
            c.Number, c.RegisteredAt, c.Service, c.Channel, c.DueAt, c.Step, c.Outcome, c.ExtensionDays, c.SuspendedAt,
            c.Applicant!.LastName + " " + c.Applicant.FirstName + " " + c.Applicant.MiddleName,
            c.Assignee == null ? "" : c.Assignee.FullName,
            c.IssueRecord == null ? null : c.IssueRecord.IssuedAt,
            c.IssueRecord == null ? "" : c.IssueRecord.RecipientName,
            c.IssueRecord == null ? "" : c.IssueRecord.RecipientDocument,
            c.IssueRecord != null && c.IssueRecord.SignedForReceipt));

        string Result(Step step, Outcome? outcome, ServiceCode service) =>
            outcome is { } o && step is Step.Issue or Step.Closed ? l["Outcome_" + service + "_" + o] : l["Step_" + step];
        if (kind == JournalKind.Registration)
            return new JournalSource(
                ["№", l["Case_Number"], l["Case_RegisteredAt"], l["Case_Applicant"], l["Case_Service"], l["Case_Channel"],
                    l["Case_Assignee"], l["Case_DueAt"], l["Journal_Result"], l["Journal_IssuedAt"], l["Issue_Recipient"]],
                // Wide enough for an unbroken number (KRG-01-FP-2026-00001, ~120 pt at 10 pt) and a date (dd.MM.yyyy, ~52 pt) on a landscape page.
                [3.5, 19, 9, 11, 14, 11.5, 10, 9, 9, 9, 9],
                ct => cases.CountAsync(ct),
                (skip, take, ct) => Stream(lines, skip, take, (r, n) =>
                [
                    n.ToString(CultureInfo.InvariantCulture), r.Number, Display.DateTime(r.RegisteredAt, office), r.Applicant.Trim(),
                    l["Service_" + r.Service], l["Channel_" + r.Channel], r.Specialist,
                    Display.Date(r.DueAt, office)
                        + (r.ExtensionDays > 0 ? " " + l["Journal_Extended", r.ExtensionDays] : "")
                        + (r.SuspendedAt is not null ? " " + l["Journal_Suspended"] : ""),
                    Result(r.Step, r.Outcome, r.Service), Display.DateTime(r.IssuedAt, office), r.Recipient,
                ], ct));
        return new JournalSource(
            ["№", l["Journal_IssuedAt"], l["Case_Number"], l["Case_Applicant"], l["Case_Service"], l["Journal_Result"],
                l["Issue_Recipient"], l["Issue_Document"], l["Journal_SignedForReceipt"]],
            [3.5, 9, 21, 12, 13, 10, 11, 11, 6],
            ct => cases.CountAsync(ct),
            (skip, take, ct) => Stream(lines, skip, take, (r, n) =>
            [
                n.ToString(CultureInfo.InvariantCulture), Display.DateTime(r.IssuedAt, office), r.Number, r.Applicant.Trim(),
                l["Service_" + r.Service], Result(r.Step, r.Outcome, r.Service), r.Recipient, r.RecipientDocument,
                r.Signed ? l["Doc_Yes"] : l["Doc_No"],
            ], ct));
    }

    /// <summary>The rows of an ordered query from <paramref name="skip"/> on, each formatted with its number in the journal, as they arrive.</summary>
    private static async IAsyncEnumerable<IReadOnlyList<string>> Stream<T>(IQueryable<T> ordered, int skip, int? take,
        Func<T, int, IReadOnlyList<string>> format, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        if (skip > 0) ordered = ordered.Skip(skip);
        if (take is { } t) ordered = ordered.Take(t);
        var n = skip;
        await foreach (var row in ordered.AsAsyncEnumerable().WithCancellation(ct)) yield return format(row, ++n);
    }

    /// <summary>
    /// The outgoing register of the period in the order of its numbers: each number with its date, the document, the case it
    /// answers, the addressee, who signed, and whether the document was issued, revoked, or never issued (a number freed by a
    /// replaced signing package that the case has not used again).
    /// </summary>
    private JournalSource Outgoing(JournalQuery q, Office office, DateTimeOffset from, DateTimeOffset to)
    {
        var entries = db.OutgoingEntries.AsNoTracking().Where(e => e.OfficeId == q.OfficeId && e.AssignedAt >= from && e.AssignedAt < to);
        var joined =
            from e in entries
            join c in db.Cases on e.CaseId equals c.Id
            where q.Service == null || c.Service == q.Service
            orderby e.Year, e.Sequence
            select new { e, c };
        var lines = joined.Select(x => new OutgoingLine(
            x.e.Number, x.e.AssignedAt, x.e.Kind, x.c.Number, x.c.Service,
            x.c.Applicant!.LastName + " " + x.c.Applicant.FirstName + " " + x.c.Applicant.MiddleName,
            db.IssuedDocuments.Where(d => d.Id == x.e.DocumentId).Select(d => d.SignerName).FirstOrDefault(),
            db.IssuedDocuments.Any(d => d.Id == x.e.DocumentId),
            db.IssuedDocuments.Any(d => d.Id == x.e.DocumentId && d.RevokedAt != null)));
        return new JournalSource(
            ["№", l["Outgoing_Number"], l["Outgoing_Date"], l["Outgoing_Document"], l["Case_Number"], l["Case_Service"], l["Outgoing_Addressee"],
                l["Outgoing_Signer"], l["Outgoing_State"]],
            [0.5, 1.3, 1.1, 2.4, 2, 2.6, 2.2, 2, 1.4],
            ct => joined.CountAsync(ct),
            (skip, take, ct) => Stream(lines, skip, take, (r, n) =>
            [
                n.ToString(CultureInfo.InvariantCulture), r.Number, Display.Date(r.AssignedAt, office), l["DocKind_" + r.Kind],
                r.CaseNumber, l["Service_" + r.Service], r.Applicant.Trim(), r.Signer ?? "",
                r.Revoked ? l["Outgoing_Revoked"] : r.Issued ? l["Outgoing_Issued"] : l["Outgoing_NotIssued"],
            ], ct));
    }
}
