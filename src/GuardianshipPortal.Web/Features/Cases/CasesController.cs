using GuardianshipPortal.Cases;
using GuardianshipPortal.Data;
using GuardianshipPortal.Domain.Services;
using GuardianshipPortal.Domain;
using GuardianshipPortal.Domain.Cases;
using GuardianshipPortal.Domain.Persons;
using GuardianshipPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GuardianshipPortal.Web.Features.Cases;

/// <param name="Page">The page of results, newest first (<see cref="PageSize"/> each).</param>
/// <param name="Older">Older results follow on the next page.</param>
public sealed record SearchPage(string Query, IReadOnlyList<QueueRow> Rows, bool Searched, bool TooShort = false, int Page = 1, bool Older = false)
{
    public const int PageSize = 50;
    /// <summary>Past this, a search is narrowed rather than paged through (and a page number is never an offset the database walks to).</summary>
    public const int MaxPage = 200;

    /// <summary>The first row's place among all results (1-based).</summary>
    public int From => (Page - 1) * PageSize + 1;

    /// <summary>The address of a page of the results of <paramref name="query"/> (the first without a page number).</summary>
    public static string Href(string query, int page = 1) => "/cases" + (page > 1
        ? QueryString.Create([new KeyValuePair<string, string?>("q", query), new("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture))])
        : QueryString.Create("q", query)).ToUriComponent();
}

/// <summary>The case page, search, and scans. Reads of personal data are audited.</summary>
public sealed class CasesController(PortalDbContext db, PortalReadDbContext reads, CasePages pages, CurrentUser me, AuditLog audit, Queues queues, ServiceCatalog services) : Controller
{
    [HttpGet("/cases/{id:guid}")]
    public async Task<IActionResult> Show(Guid id, [FromServices] Documents.Receipts receipts, CancellationToken ct)
    {
        var page = await pages.BuildAsync(id, ct: ct);
        if (page is null) return NotFound();
        // The page the clerk is sent to after registering offers the receipt to print: one the registration could not
        // freeze is frozen now, once, whoever opens the case first.
        if (!page.Documents.Any(d => d.Kind == Domain.Documents.DocumentKind.Receipt))
        {
            await receipts.FreezeMissingAsync(id, ct);
            page = await pages.BuildAsync(id, ct: ct) ?? page;
        }
        await AuditAsync(AuditAction.ViewCase, id, "", ct);
        return View(page);
    }

    [HttpGet("/cases")]
    public async Task<IActionResult> Search(string? q, int page, CancellationToken ct)
    {
        var query = (q ?? "").Trim();
        if (query.Length == 0) return View(new SearchPage("", [], false));
        if (query.Length > 200) query = query[..200];
        if (CaseSearch.TooShort(query)) return View(new SearchPage(query, [], false, TooShort: true));

        // The newest first, a page at a time, and no count: a common surname matches thousands of an office's cases, and
        // counting them would read them all. One row more than the page tells whether there are older ones.
        page = Math.Clamp(page, 1, SearchPage.MaxPage);
        var cases = CaseSearch.Matching(reads, Queues.Scope(reads.Cases, reads.Offices, me), query, services);
        var rows = await queues.RowsAsync(cases.OrderByDescending(c => c.RegisteredAt).ThenBy(c => c.Number)
            .Skip((page - 1) * SearchPage.PageSize).Take(SearchPage.PageSize + 1), ct, reads);
        // A page past the last one (typed, or kept from a search that since found fewer): its first page.
        if (rows.Count == 0 && page > 1) return Redirect(SearchPage.Href(query));
        await AuditAsync(AuditAction.Search, null, query, ct);
        return View(new SearchPage(query, [.. rows.Take(SearchPage.PageSize)], true, Page: page, Older: rows.Count > SearchPage.PageSize));
    }

    [HttpGet("/cases/{id:guid}/attachments/{attachmentId:guid}")]
    public async Task<IActionResult> Attachment(Guid id, Guid attachmentId, CancellationToken ct)
    {
        var officeId = await db.Cases.Where(c => c.Id == id).Select(c => (Guid?)c.OfficeId).FirstOrDefaultAsync(ct);
        if (officeId is null || !await me.CanViewCaseOfAsync(officeId.Value)) return NotFound();
        var file = await db.Attachments.AsNoTracking().Include(a => a.Content)
            .FirstOrDefaultAsync(a => a.Id == attachmentId && a.CaseId == id, ct);
        if (file?.Content is null) return NotFound();
        await AuditAsync(AuditAction.DownloadAttachment, id, file.Id.ToString(), ct);
        return File(file.Content.Bytes, file.ContentType, CaseRegistration.StoredFileName(file.FileName, file.ContentType));
    }

    /// <summary>The signed original of an electronic request, as the partner sent it (CMS, with the applicant's signature).</summary>
    [HttpGet("/cases/{id:guid}/electronic-request")]
    public async Task<IActionResult> ElectronicRequest(Guid id, CancellationToken ct)
    {
        var officeId = await db.Cases.Where(c => c.Id == id).Select(c => (Guid?)c.OfficeId).FirstOrDefaultAsync(ct);
        if (officeId is null || !await me.CanViewCaseOfAsync(officeId.Value)) return NotFound();
        var request = await db.ElectronicRequests.AsNoTracking().FirstOrDefaultAsync(r => r.CaseId == id, ct);
        if (request is null) return NotFound();
        await AuditAsync(AuditAction.DownloadAttachment, id, "electronic request", ct);
        return File(request.SignedRequest, "application/pkcs7-mime", $"{request.ExternalRequestId}.p7s");
    }

    private async Task AuditAsync(AuditAction action, Guid? caseId, string detail, CancellationToken ct)
    {
        audit.Record(action, caseId, detail);
        await db.SaveChangesAsync(ct);
    }
}
