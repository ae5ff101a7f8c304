using System.Globalization;
using FluentValidation;
using GuardianshipPortal.Data;
using GuardianshipPortal.Domain;
using GuardianshipPortal.Domain.Calendar;
using GuardianshipPortal.Domain.Cases;
using GuardianshipPortal.Domain.Services;
using GuardianshipPortal.Domain.Workflow;
using GuardianshipPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace GuardianshipPortal.Web.Features.Admin;

public sealed class DurationInput
{
    public int Amount { get; set; }
    public DurationUnit Unit { get; set; }

    public Duration ToDuration() => new(Amount, Unit);
}

public sealed class RegulationForm
{
    [Label("Regulation_EffectiveFrom")]
    public DateOnly? EffectiveFrom { get; set; }
    [Label("Regulation_Registration")]
    public DurationInput Registration { get; set; } = new();
    [Label("Regulation_Resolution")]
    public DurationInput Resolution { get; set; } = new();
    [Label("Regulation_Drafting")]
    public DurationInput Drafting { get; set; } = new();
    [Label("Regulation_Signing")]
    public DurationInput Signing { get; set; } = new();
    [Label("Regulation_Issue")]
    public DurationInput Issue { get; set; } = new();
    [Label("Regulation_Total")]
    public DurationInput Total { get; set; } = new();
    [Label("Regulation_MaxExtensionDays")]
    public int MaxExtensionDays { get; set; } = 10;
    [Label("Regulation_ReminderSharePercent")]
    public int ReminderSharePercent { get; set; } = EscalationLadder.DefaultSharePercent;

    /// <summary>The form's field of a term: named as its step (Registration…Issue), or Total.</summary>
    public static string NameOf(Step? step) => step?.ToString() ?? nameof(Total);

    /// <summary>The input of a term (the properties above are named after the steps, so that forms post "Drafting.Amount").</summary>
    public DurationInput this[Step? step] => (DurationInput)typeof(RegulationForm).GetProperty(NameOf(step))!.GetValue(this)!;

    public IEnumerable<(string Name, DurationInput Value)> All => Regulation.Terms.Select(t => (NameOf(t), this[t]));

    public static RegulationForm From(Regulation regulation, DateOnly effectiveFrom)
    {
        var form = new RegulationForm
        {
            EffectiveFrom = effectiveFrom, MaxExtensionDays = regulation.MaxExtensionDays, ReminderSharePercent = regulation.ReminderSharePercent,
        };
        foreach (var term in Regulation.Terms) (form[term].Amount, form[term].Unit) = (regulation.Of(term).Amount, regulation.Of(term).Unit);
        return form;
    }

    public void ApplyTo(Regulation regulation)
    {
        foreach (var term in Regulation.Terms) regulation.Set(term, this[term].ToDuration());
        regulation.MaxExtensionDays = MaxExtensionDays;
        regulation.ReminderSharePercent = ReminderSharePercent;
    }
}

public sealed class RegulationFormValidator : AbstractValidator<RegulationForm>
{
    public RegulationFormValidator(IStringLocalizer<SharedResource> l, TimeProvider clock)
    {
        RuleFor(x => x.EffectiveFrom).NotNull().WithMessage(_ => l["Validation_Required", l["Regulation_EffectiveFrom"]])
            .Must(d => d is null || d >= Office.LocalToday(clock, null))
            .WithMessage(_ => l["Regulation_NotInPast"]);
        RuleFor(x => x.MaxExtensionDays).InclusiveBetween(0, 60).WithMessage(_ => l["Regulation_MaxExtensionRange"]);
        RuleFor(x => x.ReminderSharePercent).InclusiveBetween(10, 99).WithMessage(_ => l["Regulation_ReminderShareRange"]);
        foreach (var term in Regulation.Terms)
        {
            var name = RegulationForm.NameOf(term);
            RuleFor(x => x[term].Amount).InclusiveBetween(1, 10000).OverridePropertyName(name + ".Amount")
                .WithMessage(_ => l["Regulation_AmountRange", l["Regulation_" + name]]);
            RuleFor(x => x[term].Unit).IsInEnum().OverridePropertyName(name + ".Unit")
                .WithMessage(_ => l["Validation_Required", l["Regulation_" + name]]);
        }
    }
}

public sealed class CalendarDayForm
{
    [Label("Calendar_Date")]
    public DateOnly? Date { get; set; }
    [Label("Calendar_Kind")]
    public CalendarDayKind Kind { get; set; } = CalendarDayKind.DayOff;
    [WritesTo(typeof(CalendarDay), nameof(CalendarDay.NoteKk), "Calendar_NoteKk")]
    public string NoteKk { get; set; } = "";
    [WritesTo(typeof(CalendarDay), nameof(CalendarDay.NoteRu), "Calendar_NoteRu")]
    public string NoteRu { get; set; } = "";
    [WritesTo(typeof(CalendarDay), nameof(CalendarDay.Order), "Calendar_Order")]
    public string Order { get; set; } = "";
    public bool KurbanAit { get; set; }
}

public sealed class CalendarDayFormValidator : AbstractValidator<CalendarDayForm>
{
    public CalendarDayFormValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Date).NotNull().WithMessage(_ => l["Validation_Required", l["Calendar_Date"]]);
        RuleFor(x => x.Kind).IsInEnum().WithMessage(_ => l["Validation_Required", l["Calendar_Kind"]]);
        RuleFor(x => x.NoteKk).NotEmpty().WithMessage(_ => l["Validation_Required", l["Calendar_NoteKk"]]).MaximumLength(300);
        RuleFor(x => x.NoteRu).NotEmpty().WithMessage(_ => l["Validation_Required", l["Calendar_NoteRu"]]).MaximumLength(300);
        RuleFor(x => x.Order).MaximumLength(200).WithMessage(_ => l["Validation_MaxLength", l["Calendar_Order"], 200]);
        RuleFor(x => x.KurbanAit).Equal(false).When(x => x.Kind != CalendarDayKind.Holiday).WithMessage(_ => l["Calendar_KurbanAitIsHoliday"]);
    }
}

public sealed class MrpForm
{
    [Label("Mrp_Year")]
    public int Year { get; set; }
    [Label("Mrp_Amount")]
    public decimal? Amount { get; set; }
    [Label("Mrp_LumpSumCount")]
    public int? LumpSumMrpCount { get; set; }
}

public sealed class MrpFormValidator : AbstractValidator<MrpForm>
{
    public MrpFormValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.Year).InclusiveBetween(2000, 2100).WithMessage(_ => l["Mrp_YearRange"]);
        RuleFor(x => x.Amount).NotNull().GreaterThan(0).LessThan(1_000_000).WithMessage(_ => l["Mrp_AmountRange"]);
        RuleFor(x => x.LumpSumMrpCount).InclusiveBetween(1, 1000).When(x => x.LumpSumMrpCount is not null).WithMessage(_ => l["Mrp_CountRange"]);
    }
}

public sealed record RegulationsPage(IReadOnlyList<Regulation> Current, IReadOnlyList<Regulation> Scheduled);
public sealed record RegulationEditPage(ServiceCode Service, RegulationForm Form, IReadOnlyList<Regulation> History);
public sealed record CalendarPage(int Year, IReadOnlyList<CalendarDay> Days, CalendarDayForm Form, IReadOnlyList<int> YearsMissingKurbanAit);
public sealed record MrpPage(IReadOnlyList<MrpRate> Rates, int LumpSumMrpCount, MrpForm Form);

/// <summary>
/// Regulation settings of the region: step durations and terms (from a date on; open cases keep their deadlines),
/// the working calendar, the MRP per year and the lump-sum MRP count. Every change is audited with before and after.
/// </summary>
[Authorize(Roles = Roles.Admin)]
[Route("admin")]
public sealed class SettingsController(
    PortalDbContext db, GuardianshipPortal.Cases.Deadlines deadlines, CurrentUser me, TimeProvider clock, AuditLog audit, ServiceCatalog services,
    IStringLocalizer<SharedResource> l, GuardianshipPortal.Cases.CalendarCache calendars, GuardianshipPortal.Cases.RegulationCache regulations) : Controller
{
    private Guid Region => me.RegionId ?? Guid.Empty;

    [HttpGet("regulations")]
    public async Task<IActionResult> Regulations(CancellationToken ct)
    {
        var today = Office.LocalToday(clock, null);
        var current = new List<Regulation>();
        foreach (var s in services.Codes) current.Add(await deadlines.RegulationInForceAsync(s, Region, today, ct));
        var scheduled = await db.Regulations.AsNoTracking().Where(r => r.RegionId == Region && r.EffectiveFrom > today).OrderBy(r => r.EffectiveFrom).ToListAsync(ct);
        return View("/Features/Admin/Regulations.cshtml", new RegulationsPage(current, scheduled));
    }

    /// <summary>Applies a region's adopted regulation (a preset with its source) to the administrator's region, from a date on.</summary>
    [HttpPost("regulations/preset")]
    public async Task<IActionResult> ApplyPreset(string? preset, DateOnly? effectiveFrom, CancellationToken ct)
    {
        var chosen = RegulationPresets.Find(preset ?? "");
        var today = Office.LocalToday(clock, null);
        if (chosen is null) return NotFound();
        if (effectiveFrom is not { } from || from < today)
        {
            TempData["Flash"] = l["Regulation_NotInPast"].Value;
            return Redirect("/admin/regulations");
        }
        foreach (var regulation in RegulationPresets.Regulations(chosen, Region, from))
        {
            var before = await deadlines.RegulationInForceAsync(regulation.Service, Region, from, ct);
            var existing = await db.Regulations.FirstOrDefaultAsync(r => r.Service == regulation.Service && r.RegionId == Region && r.EffectiveFrom == from, ct);
            if (existing is not null)
            {
                if (await db.Cases.AnyAsync(c => c.RegulationId == existing.Id, ct)) continue; // in use: kept as it is
                db.Regulations.Remove(existing);
            }
            db.Regulations.Add(regulation);
            audit.Change(AuditAction.EditRegulation, $"{regulation.Service} from {from:yyyy-MM-dd} ({chosen.Code})", Describe(before), Describe(regulation));
        }
        await db.SaveChangesAsync(ct);
        regulations.Forget();
        TempData["Flash"] = l["Regulation_PresetApplied", chosen.Name(LocalizationSetup.CurrentLanguage), Display.Date(from)].Value;
        return Redirect("/admin/regulations");
    }

    [HttpGet("regulations/{service}")]
    public async Task<IActionResult> Regulation(ServiceCode service, CancellationToken ct)
    {
        if (!services.IsDefined(service)) return NotFound();
        var now = await deadlines.RegulationInForceAsync(service, Region, Office.LocalToday(clock, null), ct);
        var form = RegulationForm.From(now, Office.LocalToday(clock, null).AddDays(1));
        return View("/Features/Admin/RegulationEdit.cshtml", await RegulationPageAsync(service, form, ct));
    }

    [HttpPost("regulations/{service}")]
    public async Task<IActionResult> Regulation(ServiceCode service, RegulationForm form, CancellationToken ct)
    {
        if (!services.IsDefined(service)) return NotFound();
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("/Features/Admin/RegulationEdit.cshtml", await RegulationPageAsync(service, form, ct));
        }
        var from = form.EffectiveFrom!.Value;
        var before = await deadlines.RegulationInForceAsync(service, Region, from, ct);
        var existing = await db.Regulations.FirstOrDefaultAsync(r => r.Service == service && r.RegionId == Region && r.EffectiveFrom == from, ct);
        // The administrator's own terms quote no act.
        var regulation = existing ?? before.CopyFor(Region, from);
        if (existing is null) regulation.Source = "";
        if (existing is not null)
        {
            // A regulation already referenced by cases keeps its values; a same-day correction before that is allowed.
            if (await db.Cases.AnyAsync(c => c.RegulationId == existing.Id, ct))
            {
                ModelState.AddModelError("", l["Regulation_InUse"]);
                Response.StatusCode = StatusCodes.Status409Conflict;
                return View("/Features/Admin/RegulationEdit.cshtml", await RegulationPageAsync(service, form, ct));
            }
        }
        else
        {
            db.Regulations.Add(regulation);
        }
        form.ApplyTo(regulation);
        audit.Change(AuditAction.EditRegulation, $"{service} from {from:yyyy-MM-dd}", Describe(before), Describe(regulation));
        await db.SaveChangesAsync(ct);
        regulations.Forget();
        TempData["Flash"] = l["Regulation_Saved", Display.Date(from)].Value;
        return Redirect("/admin/regulations");
    }

    [HttpGet("calendar")]
    public async Task<IActionResult> Calendar(int? year, CancellationToken ct) =>
        View("/Features/Admin/Calendar.cshtml", await CalendarPageAsync(year ?? Office.LocalToday(clock, null).Year, new CalendarDayForm(), ct));

    [HttpPost("calendar")]
    public async Task<IActionResult> AddDay(CalendarDayForm form, CancellationToken ct)
    {
        var year = form.Date?.Year ?? Office.LocalToday(clock, null).Year;
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("/Features/Admin/Calendar.cshtml", await CalendarPageAsync(year, form, ct));
        }
        var day = await db.CalendarDays.FirstOrDefaultAsync(d => d.Date == form.Date, ct);
        var before = day is null ? "" : Describe(day);
        if (day is null) db.CalendarDays.Add(day = new CalendarDay { Date = form.Date!.Value });
        day.Kind = form.Kind;
        day.NoteKk = form.NoteKk.Trim();
        day.NoteRu = form.NoteRu.Trim();
        day.Order = form.Order.Trim();
        day.KurbanAit = form.KurbanAit;
        audit.Change(AuditAction.EditCalendar, $"{day.Date:yyyy-MM-dd}", before, Describe(day));
        await db.SaveChangesAsync(ct);
        calendars.Forget();
        TempData["Flash"] = l["Calendar_Saved"].Value;
        return Redirect($"/admin/calendar?year={year}");
    }

    [HttpPost("calendar/remove")]
    public async Task<IActionResult> RemoveDay(DateOnly date, CancellationToken ct)
    {
        var day = await db.CalendarDays.FirstOrDefaultAsync(d => d.Date == date, ct);
        if (day is null) return NotFound();
        db.CalendarDays.Remove(day);
        audit.Change(AuditAction.EditCalendar, $"{date:yyyy-MM-dd}", Describe(day), "");
        await db.SaveChangesAsync(ct);
        calendars.Forget();
        TempData["Flash"] = l["Calendar_Saved"].Value;
        return Redirect($"/admin/calendar?year={date.Year}");
    }

    /// <summary>Fills a year that has no days yet by the law's rule (fixed holidays, weekend shifts).</summary>
    [HttpPost("calendar/fill")]
    public async Task<IActionResult> FillYear(int year, CancellationToken ct)
    {
        if (year is < 2000 or > 2100) return BadRequest();
        if (await db.CalendarDays.AnyAsync(d => d.Date >= new DateOnly(year, 1, 1) && d.Date <= new DateOnly(year, 12, 31), ct))
        {
            TempData["Flash"] = l["Calendar_AlreadyFilled", year].Value;
            return Redirect($"/admin/calendar?year={year}");
        }
        var days = HolidayRules.ForYear(year);
        db.CalendarDays.AddRange(days);
        audit.Change(AuditAction.EditCalendar, $"fill {year}", "", string.Join("; ", days.Select(d => $"{d.Date:yyyy-MM-dd} {d.Kind}")));
        await db.SaveChangesAsync(ct);
        calendars.Forget();
        TempData["Flash"] = l["Calendar_Filled", year, days.Count].Value;
        return Redirect($"/admin/calendar?year={year}");
    }

    [HttpGet("mrp")]
    public async Task<IActionResult> Mrp(CancellationToken ct) => View("/Features/Admin/Mrp.cshtml", await MrpPageAsync(new MrpForm { Year = Office.LocalToday(clock, null).Year }, ct));

    [HttpPost("mrp")]
    public async Task<IActionResult> Mrp(MrpForm form, CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("/Features/Admin/Mrp.cshtml", await MrpPageAsync(form, ct));
        }
        var rate = await db.MrpRates.FirstOrDefaultAsync(r => r.Year == form.Year, ct);
        var before = rate?.Amount.ToString(CultureInfo.InvariantCulture) ?? "";
        if (rate is null) db.MrpRates.Add(rate = new MrpRate { Year = form.Year });
        rate.Amount = form.Amount!.Value;
        audit.Change(AuditAction.EditMrp, form.Year.ToString(CultureInfo.InvariantCulture), before, rate.Amount.ToString(CultureInfo.InvariantCulture));
        if (form.LumpSumMrpCount is { } count)
        {
            var setting = await db.Settings.FirstAsync(s => s.Key == PortalSetting.LumpSumMrpCount, ct);
            if (setting.Value != count.ToString(CultureInfo.InvariantCulture))
            {
                audit.Change(AuditAction.EditSetting, PortalSetting.LumpSumMrpCount, setting.Value, count.ToString(CultureInfo.InvariantCulture));
                setting.Value = count.ToString(CultureInfo.InvariantCulture);
            }
        }
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = l["Mrp_Saved"].Value;
        return Redirect("/admin/mrp");
    }


    private static string Describe(Regulation r) => string.Join("; ",
        Domain.Services.Regulation.Terms.Select(t => $"{(t is { } step ? ((int)step).ToString(CultureInfo.InvariantCulture) : "total")}: {r.Of(t).Amount} {r.Of(t).Unit}"))
        + $"; extension ≤ {r.MaxExtensionDays} working days; reminder at {r.ReminderSharePercent} %; from {r.EffectiveFrom:yyyy-MM-dd}";

    private async Task<RegulationEditPage> RegulationPageAsync(ServiceCode service, RegulationForm form, CancellationToken ct) => new(service, form,
        await db.Regulations.AsNoTracking().Where(r => r.Service == service && (r.RegionId == Region || r.RegionId == null))
            .OrderByDescending(r => r.EffectiveFrom).ToListAsync(ct));

    private async Task<CalendarPage> CalendarPageAsync(int year, CalendarDayForm form, CancellationToken ct)
    {
        year = Math.Clamp(year, 2000, 2100);
        var days = await db.CalendarDays.AsNoTracking()
            .Where(d => d.Date >= new DateOnly(year, 1, 1) && d.Date <= new DateOnly(year, 12, 31)).OrderBy(d => d.Date).ToListAsync(ct);
        var kurbanAit = await db.CalendarDays.AsNoTracking().Where(d => d.KurbanAit).ToListAsync(ct);
        var today = Office.LocalToday(clock, null);
        return new CalendarPage(year, days, form, WorkingCalendar.YearsMissingKurbanAit(kurbanAit, today));
    }

    private static string Describe(CalendarDay d) =>
        $"{d.Date:yyyy-MM-dd} {d.Kind}{(d.KurbanAit ? " KurbanAit" : "")} {d.NoteKk} / {d.NoteRu}{(d.Order == "" ? "" : " — " + d.Order)}";

    private async Task<MrpPage> MrpPageAsync(MrpForm form, CancellationToken ct) =>
        new(await db.MrpRates.AsNoTracking().OrderByDescending(r => r.Year).ToListAsync(ct), await db.LumpSumMrpCountAsync(ct), form);
}
