using System.Net;
using GuardianshipPortal.Domain.Calendar;
using GuardianshipPortal.Domain.Services;
using GuardianshipPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GuardianshipPortal.IntegrationTests.Features.Admin;

public abstract class SettingsTests(PortalFixture fixture) : PortalTest(fixture)
{
    private static readonly TimeZoneInfo Almaty = TimeZoneInfo.FindSystemTimeZoneById("Asia/Almaty");
    private DateOnly LocalToday => App.Today;
    /// <summary>The day a term started now counts from: today, or the next working day after hours (SPEC §8).</summary>
    private DateOnly CountingDay(WorkingCalendar calendar) =>
        new WorkingTime(calendar, OfficeHours.Standard, Almaty).CountingDay(App.Clock.GetUtcNow());
    private static DateOnly Local(DateTimeOffset t) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(t, Almaty).DateTime);

    private async Task<PortalClient> AdminAsync()
    {
        var admin = NewClient();
        await admin.SignInAsync("admin");
        return admin;
    }

    private Task<DateTimeOffset> DueAsync(Guid id) => App.WithDbAsync(db => db.Cases.Where(c => c.Id == id).Select(c => c.DueAt).SingleAsync());

    [Fact]
    public async Task A_regulation_change_moves_the_deadlines_of_new_cases_only()
    {
        var office = new OfficeDesk(App);
        var before = (await office.RegisterAsync(ServiceCode.GuardianshipCertificate)).CaseId;
        var dueBefore = await DueAsync(before);
        var admin = await AdminAsync();
        var form = await admin.GetAsync("/admin/regulations/GuardianshipCertificate");

        var saved = await admin.SubmitAsync(form, "[data-testid=regulation-form]", new Dictionary<string, string>
        {
            ["EffectiveFrom"] = LocalToday.ToString("yyyy-MM-dd"), ["Total.Amount"] = "40", ["Total.Unit"] = "CalendarDays",
        });
        var after = (await office.RegisterAsync(ServiceCode.GuardianshipCertificate)).CaseId;

        Assert.Equal(HttpStatusCode.OK, saved.Status);
        Assert.Equal(dueBefore, await DueAsync(before));
        var days = await App.WithDbAsync(db => db.CalendarDays.ToListAsync());
        var calendar = new WorkingCalendar(days);
        var expected = calendar.NextWorkingDayFrom(CountingDay(calendar).AddDays(40));
        Assert.Equal(expected, Local(await DueAsync(after)));
        var audit = await App.WithDbAsync(db => db.AuditEvents.SingleAsync(a => a.Action == "EditRegulation" && a.Detail.StartsWith("GuardianshipCertificate")));
        Assert.Contains("total: 5 WorkingDays", audit.Before);
        Assert.Contains("total: 40 CalendarDays", audit.After);
    }

    [Fact]
    public async Task A_regulation_saved_for_today_is_shown_at_once_by_pages_that_keep_the_regulations()
    {
        var head = NewClient();
        await head.SignInAsync("head");
        static string DraftingNorm(Page page) => page.Document.QuerySelectorAll("[data-testid=step-times] tr[data-service=FosterMaintenance] td")[2].TextContent;
        Assert.DoesNotContain("17", DraftingNorm(await head.GetAsync("/dashboard")));

        var admin = await AdminAsync();
        var form = await admin.GetAsync("/admin/regulations/FosterMaintenance");
        var saved = await admin.SubmitAsync(form, "[data-testid=regulation-form]", new Dictionary<string, string>
        {
            ["EffectiveFrom"] = LocalToday.ToString("yyyy-MM-dd"), ["Drafting.Amount"] = "17", ["Drafting.Unit"] = "WorkingDays",
        });

        Assert.Equal(HttpStatusCode.OK, saved.Status);
        Assert.Contains("17", DraftingNorm(await head.GetAsync("/dashboard")));
    }

    [Fact]
    public async Task A_case_under_a_regulation_another_instance_saved_shows_its_planned_steps_at_once()
    {
        // A database of its own: the regulation is added beside the office's.
        await using var app = new PortalApp(Fixture.Provider);
        var office = new OfficeDesk(app);
        var head = await office.AsAsync("head");
        await head.GetAsync("/dashboard"); // this instance keeps the regulations it read
        // Another instance sharing the database saves the region's regulation for today: this one is not told.
        await app.WithDbAsync(async db =>
        {
            var region = await db.Offices.Where(o => o.Code == "KRG-01").Select(o => o.RegionId).SingleAsync();
            var current = (await db.Regulations.AsNoTracking().Where(r => r.Service == ServiceCode.FosterMaintenance).ToListAsync())
                .Where(r => r.RegionId == region || r.RegionId == null).OrderByDescending(r => r.RegionId.HasValue).ThenByDescending(r => r.EffectiveFrom).First();
            db.Regulations.Add(current.CopyFor(region, app.Today));
            return await db.SaveChangesAsync();
        });

        // The registration reads the database, so the case is under the new regulation; the page plans its steps by it.
        var registered = await office.RegisterAsync(ServiceCode.FosterMaintenance);

        Assert.NotEmpty(registered.Document.QuerySelectorAll("[data-testid=steps] li[data-step=Drafting] [data-testid=step-when]"));
    }

    [Fact]
    public async Task A_regions_adopted_regulation_is_applied_with_its_source_and_a_misfit_is_flagged()
    {
        var admin = await AdminAsync();
        var page = await admin.GetAsync("/admin/regulations");
        Assert.Contains("Қарағанды облысы әкімдігінің", page.Text("[data-testid=regulations] tr[data-service=FosterPlacement] [data-testid=source]"));

        var applied = await admin.SubmitAsync(page, "[data-testid=preset-form]", new Dictionary<string, string>
        {
            ["Preset"] = "AKM", ["EffectiveFrom"] = LocalToday.ToString("yyyy-MM-dd"),
        });

        Assert.Contains("№ А-7/298", applied.Text("[data-testid=regulations] tr[data-service=AdoptionLumpSum] [data-testid=source]"));
        Assert.Contains("9", applied.Text("[data-testid=regulations] tr[data-service=AdoptionLumpSum]"));
        Assert.Contains("Біржолғы", applied.Text("[data-testid=regulation-misfit]"), StringComparison.OrdinalIgnoreCase);
        Assert.True(await App.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.Action == "EditRegulation" && a.Detail.Contains("(AKM)"))));
    }

    [Fact]
    public async Task The_longest_extension_and_the_reminder_share_are_part_of_a_regulation()
    {
        var admin = await AdminAsync();
        var form = await admin.GetAsync("/admin/regulations/FosterMaintenance");
        Assert.Equal("10", form.Document.QuerySelector("#MaxExtensionDays")!.GetAttribute("value"));
        Assert.Equal("75", form.Document.QuerySelector("#ReminderSharePercent")!.GetAttribute("value"));

        var refused = await admin.SubmitAsync(form, "[data-testid=regulation-form]", new Dictionary<string, string>
        {
            ["EffectiveFrom"] = LocalToday.AddDays(1).ToString("yyyy-MM-dd"), ["MaxExtensionDays"] = "90", ["ReminderSharePercent"] = "100",
        });
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal(["Ұзарту 0-ден 60 жұмыс күнге дейін болады.", "Еске салу үлесі 10-нан 99 пайызға дейін болады."], refused.Errors);

        var saved = await admin.SubmitAsync(form, "[data-testid=regulation-form]", new Dictionary<string, string>
        {
            ["EffectiveFrom"] = LocalToday.AddDays(1).ToString("yyyy-MM-dd"), ["MaxExtensionDays"] = "5", ["ReminderSharePercent"] = "60",
        });
        Assert.Equal(HttpStatusCode.OK, saved.Status);
        var stored = await App.WithDbAsync(db => db.Regulations.SingleAsync(r => r.Service == ServiceCode.FosterMaintenance && r.EffectiveFrom == LocalToday.AddDays(1)));
        Assert.Equal((5, 60), (stored.MaxExtensionDays, stored.ReminderSharePercent));
    }

    [Fact]
    public async Task A_regulation_cannot_start_in_the_past()
    {
        var admin = await AdminAsync();
        var form = await admin.GetAsync("/admin/regulations/FosterMaintenance");

        var refused = await admin.SubmitAsync(form, "[data-testid=regulation-form]", new Dictionary<string, string>
        {
            ["EffectiveFrom"] = LocalToday.AddDays(-30).ToString("yyyy-MM-dd"), ["Drafting.Amount"] = "0",
        });

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("Өзгеріс өткен күннен басталмайды: ашық өтініштер өз мерзімдерін сақтайды.", refused.Errors);
        Assert.Contains("«3. Жоба дайындау»: 1-ден 10000-ға дейінгі сан енгізіңіз.", refused.Errors);
    }

    [Fact]
    public async Task A_day_off_added_to_the_calendar_moves_working_day_deadlines_computed_after_it()
    {
        var office = new OfficeDesk(App);
        var before = (await office.RegisterAsync(ServiceCode.AdoptionLumpSum)).CaseId;
        var dueBefore = await DueAsync(before);
        var days = await App.WithDbAsync(db => db.CalendarDays.ToListAsync());
        var calendar = new WorkingCalendar(days);
        var start = CountingDay(calendar);
        var dayOff = calendar.AddWorkingDays(start, 1); // the next working day becomes a day off
        var admin = await AdminAsync();
        var page = await admin.GetAsync("/admin/calendar");

        await admin.SubmitAsync(page, "[data-testid=calendar-form]", new Dictionary<string, string>
        {
            ["Date"] = dayOff.ToString("yyyy-MM-dd"), ["Kind"] = "DayOff", ["NoteKk"] = "Үкімет қаулысы бойынша", ["NoteRu"] = "По постановлению Правительства",
        });
        var after = (await office.RegisterAsync(ServiceCode.AdoptionLumpSum)).CaseId;

        Assert.Equal(dueBefore, await DueAsync(before));
        var expected = new WorkingCalendar([.. days, new CalendarDay { Date = dayOff, Kind = CalendarDayKind.DayOff }]).AddWorkingDays(start, 5);
        Assert.Equal(expected, Local(await DueAsync(after)));
        Assert.Equal(calendar.AddWorkingDays(start, 6), expected);
        Assert.True(await App.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.Action == "EditCalendar" && a.Detail == dayOff.ToString("yyyy-MM-dd"))));
    }

    [Fact]
    public async Task A_day_moved_by_order_is_entered_with_its_order_and_a_year_without_kurban_ait_is_flagged()
    {
        var admin = await AdminAsync();
        var year = LocalToday.Year;
        var page = await admin.GetAsync($"/admin/calendar?year={year}");
        Assert.DoesNotContain(page.Texts("[data-testid=kurban-ait-missing]"), t => t.Contains(year.ToString()));
        var kurban = await App.WithDbAsync(db => db.CalendarDays.SingleAsync(d => d.KurbanAit && d.Date.Year == year));

        var refused = await admin.SubmitAsync(page, "[data-testid=calendar-form]", new Dictionary<string, string>
        {
            ["Date"] = $"{year}-12-05", ["Kind"] = "WorkingDay", ["NoteKk"] = "Жұмыс сенбісі", ["NoteRu"] = "Рабочая суббота", ["KurbanAit"] = "true",
        });
        var saved = await admin.SubmitAsync(page, "[data-testid=calendar-form]", new Dictionary<string, string>
        {
            ["Date"] = $"{year}-12-05", ["Kind"] = "WorkingDay", ["NoteKk"] = "Жұмыс сенбісі", ["NoteRu"] = "Рабочая суббота",
            ["Order"] = "Еңбек министрінің бұйрығы № 436",
        });
        await admin.SubmitAsync(page, $"[data-testid=calendar] tr[data-date='{kurban.Date:yyyy-MM-dd}'] form");
        var warned = await admin.GetAsync($"/admin/calendar?year={year}");
        await admin.SubmitAsync(page, "[data-testid=calendar-form]", new Dictionary<string, string>
        {
            ["Date"] = kurban.Date.ToString("yyyy-MM-dd"), ["Kind"] = "Holiday", ["NoteKk"] = kurban.NoteKk, ["NoteRu"] = kurban.NoteRu, ["KurbanAit"] = "true",
        });

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal(["Құрбан айт мереке күні ретінде енгізіледі."], refused.Errors);
        Assert.Contains("Еңбек министрінің бұйрығы № 436", saved.Text($"[data-testid=calendar] tr[data-date='{year}-12-05']"));
        Assert.Contains($"{year} жылғы күнтізбеде Құрбан айттың бірінші күні енгізілмеген", warned.Text("[data-testid=kurban-ait-missing]"));
        Assert.True(await App.WithDbAsync(db => db.CalendarDays.AnyAsync(d => d.Date == kurban.Date && d.KurbanAit)));
        Assert.True(await App.WithDbAsync(db => db.AuditEvents.AnyAsync(a => a.Action == "EditCalendar" && a.After!.Contains("№ 436"))));
    }

    [Fact]
    public async Task The_mrp_of_a_year_is_set_and_used_by_the_next_lump_sum()
    {
        var admin = await AdminAsync();
        var page = await admin.GetAsync("/admin/mrp");
        var year = LocalToday.Year;

        await admin.SubmitAsync(page, "[data-testid=mrp-form]", new Dictionary<string, string>
        {
            ["Year"] = year.ToString(), ["Amount"] = "5000", ["LumpSumMrpCount"] = "80",
        });
        var office = new OfficeDesk(App);
        var id = (await office.RegisterAsync(ServiceCode.AdoptionLumpSum)).CaseId;
        await office.ResolveAsync(id);
        await office.DraftAsync(id, ServiceCode.AdoptionLumpSum);

        var draft = await App.WithDbAsync(db => db.Drafts.SingleAsync(d => d.CaseId == id));
        Assert.Equal((80, 5000m, 400000m), (draft.MrpCount!.Value, draft.MrpValue!.Value, draft.Amount!.Value));
    }

    [Fact]
    public async Task Settings_pages_refuse_every_role_but_the_admin()
    {
        var urls = new[] { "/admin/regulations", "/admin/regulations/FosterPlacement", "/admin/calendar", "/admin/mrp", "/admin/templates" };
        foreach (var user in new[] { "clerk", "head", "specialist", "commission", "supervisor" })
        {
            var client = NewClient();
            await client.SignInAsync(user);
            foreach (var url in urls) Assert.True(HttpStatusCode.Forbidden == (await client.GetAsync(url)).Status, $"{user} {url}");
            var post = await client.PostAsync("/admin/mrp", new Dictionary<string, string> { ["Year"] = "2026", ["Amount"] = "1" });
            Assert.Equal(HttpStatusCode.Forbidden, post.Status);
        }
        var admin = await AdminAsync();
        foreach (var url in urls) Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(url)).Status);
    }
}

public sealed class SettingsTestsSqlite(SqlitePortal f) : SettingsTests(f), IClassFixture<SqlitePortal>;
public sealed class SettingsTestsPostgres(PostgresPortal f) : SettingsTests(f), IClassFixture<PostgresPortal>;
