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

        var table = ModelState.IsValid ? await journals.BuildAsync(kind, query, selected, ct) : new JournalTable([], [], []);
        var title = l["Journal_" + kind].Value;
        if (ModelState.IsValid && format is "csv" or "xlsx" or "pdf")
        {
            audit.Record(AuditAction.ExportJournal, detail: $"{kind} {format} {selected.Code} {query.From:yyyy-MM-dd}..{query.To:yyyy-MM-dd} ({table.Rows.Count})");
            await db.SaveChangesAsync(ct);
            var name = $"{kind}-{selected.Code}-{query.From:yyyyMMdd}-{query.To:yyyyMMdd}";
            return format switch
            {
                "csv" => File(JournalExports.Csv(table), "text/csv; charset=utf-8", name + ".csv"),
                "xlsx" => File(JournalExports.Xlsx(table, title), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx"),
                _ => File(renderer.Render(Printable(kind, query, selected, table)), "application/pdf", name + ".pdf"),
            };
        }
        if (!ModelState.IsValid) Response.StatusCode = StatusCodes.Status400BadRequest;

        var pages = Math.Max(1, (table.Rows.Count + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pages);
        var shown = new JournalTable(table.Headers, [.. table.Rows.Skip((page - 1) * PageSize).Take(PageSize)], table.Widths);
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
