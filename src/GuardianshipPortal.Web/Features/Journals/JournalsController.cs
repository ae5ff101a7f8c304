using GuardianshipPortal.Data;
using GuardianshipPortal.Documents.Layout;
using GuardianshipPortal.Domain;
using GuardianshipPortal.Domain.Cases;
using GuardianshipPortal.Domain.Services;
using GuardianshipPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace GuardianshipPortal.Web.Features.Journals;

public sealed record JournalPage(
    JournalKind Kind, JournalQuery Query, Office Office, IReadOnlyList<Office> Offices, JournalTable Table, int Page, int Pages, string QueryString);

/// <summary>The office's registers: on screen with filters and paging, printable as PDF, exportable as XLSX and CSV.</summary>
[Authorize(Roles = Roles.Clerk + "," + Roles.Head + "," + Roles.Supervisor)]
public sealed class JournalsController(
    PortalDbContext db, Journals journals, IDocumentRenderer renderer, CurrentUser me, TimeProvider clock, AuditLog audit, ServiceCatalog services, IStringLocalizer<SharedResource> l) : Controller
{
    private const int PageSize = 50;
    private const int MaxDays = 366;
    /// <summary>The most rows a printable PDF journal holds (about 200 landscape pages); longer periods export as XLSX or CSV.</summary>
    public const int PdfMaxRows = 5000;

    [HttpGet("/journals/{kind}")]
    public async Task<IActionResult> Show(JournalKind kind, DateOnly? from, DateOnly? to, ServiceCode? service, Guid? office,
        string? format, int page = 1, CancellationToken ct = default)
    {
        if (!Enum.IsDefined(kind) || service is { } s && !services.IsDefined(s)) return NotFound();
        var (offices, selected) = await me.ChooseOfficeAsync(office, ct);
        if (selected is null) return NotFound();

        var today = selected.LocalDate(clock.GetUtcNow());
        var query = new JournalQuery(selected.Id, from ?? new DateOnly(today.Year, today.Month, 1), to ?? today, service);
        if (query.From > query.To) ModelState.AddModelError("", l["Journal_PeriodOrder"]);
        else if (query.To.DayNumber - query.From.DayNumber > MaxDays) ModelState.AddModelError("", l["Journal_PeriodTooLong", MaxDays]);

        var source = journals.Open(kind, query, selected);
        var title = l["Journal_" + kind].Value;
        if (ModelState.IsValid && format is "csv" or "xlsx" or "pdf")
        {
            var count = await source.CountAsync(ct);
            // A PDF is laid out whole in memory: a period that long goes to XLSX or CSV, which are streamed.
            if (format == "pdf" && count > PdfMaxRows) ModelState.AddModelError("", l["Journal_PdfTooLong", PdfMaxRows]);
            else
            {
                audit.Record(AuditAction.ExportJournal, detail: $"{kind} {format} {selected.Code} {query.From:yyyy-MM-dd}..{query.To:yyyy-MM-dd} ({count})");
                await db.SaveChangesAsync(ct);
                var name = $"{kind}-{selected.Code}-{query.From:yyyyMMdd}-{query.To:yyyyMMdd}";
                switch (format)
                {
                    case "csv":
                        // Streamed: rows go out as the database returns them, a chunk at a time.
                        Response.ContentType = "text/csv; charset=utf-8";
                        Response.Headers.ContentDisposition = new Microsoft.Net.Http.Headers.ContentDispositionHeaderValue("attachment")
                            { FileName = name + ".csv", FileNameStar = name + ".csv" }.ToString();
                        await JournalExports.WriteCsvAsync(Response.Body, source.Headers, source.RowsAsync(0, null, ct), ct);
                        return new EmptyResult();
                    case "xlsx":
                        return File(await JournalExports.XlsxFileAsync(source.Headers, source.RowsAsync(0, null, ct), title, ct),
                            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx");
                    default:
                        return File(renderer.Render(Printable(kind, query, selected, await source.ToTableAsync(ct))), "application/pdf", name + ".pdf");
                }
            }
        }
        if (!ModelState.IsValid) Response.StatusCode = StatusCodes.Status400BadRequest;

        // The screen reads its page of rows only (the period is at most a year of one office).
        var total = ModelState.IsValid ? await source.CountAsync(ct) : 0;
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pages);
        var shown = ModelState.IsValid ? await source.ToTableAsync(ct, (page - 1) * PageSize, PageSize) : new JournalTable(source.Headers, [], source.Widths);
        var qs = $"from={query.From:yyyy-MM-dd}&to={query.To:yyyy-MM-dd}&office={selected.Id}" + (service is null ? "" : $"&service={service}");
        return View(new JournalPage(kind, query, selected, offices, shown, page, pages, qs));
    }

    private DocumentModel Printable(JournalKind kind, JournalQuery query, Office office, JournalTable table)
    {
        var lang = LocalizationSetup.CurrentLanguage;
        return new DocumentModel
        {
            HeaderLines = [office.Name(lang).ToUpperInvariant()],
            HeaderNote = office.Address(lang),
            Number = query.Service is { } s ? l["Service_" + s] : "",
            Date = $"{Display.Date(query.From)} – {Display.Date(query.To)}",
            Title = l["Journal_" + kind].Value.ToUpperInvariant(),
            Body = [new Table(table.Headers, table.Rows, table.Widths)],
            PageLabel = l["Doc_Page"],
            Landscape = true,
        };
    }

}
