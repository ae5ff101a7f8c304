using System.Net;
using GuardianshipPortal.Domain.Cases;
using GuardianshipPortal.Domain.Services;
using GuardianshipPortal.Domain.Workflow;
using GuardianshipPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GuardianshipPortal.IntegrationTests.Features.Workflow;

/// <summary>The desks' queues: filters and sorting in the address, each queue paging on its own, counts in the menu, scope kept.</summary>
public abstract class QueueTests(PortalFixture fixture) : PortalTest(fixture)
{
    private static IReadOnlyList<string> Numbers(Page page, string queue) =>
        [.. page.Document.QuerySelectorAll($"[data-testid={queue}] tbody tr[data-number]").Select(r => r.GetAttribute("data-number")!)];

    private static int Badge(Page page, string queue) => int.Parse(page.Text($"[data-testid=nav-queue-{queue}] [data-testid=nav-count]"));

    [Fact]
    public async Task The_heads_two_queues_page_filter_and_sort_each_on_their_own_and_the_menu_counts_them()
    {
        // A portal of its own: the counts below are exact.
        await using var app = new PortalApp(Fixture.Provider);
        var factory = new CaseFactory(app);
        var toResolve = new List<Guid>();
        for (var i = 0; i < 21; i++) toResolve.Add(await factory.AtAsync(ServiceCode.FosterMaintenance, Step.Resolution));
        var certificates = new List<Guid>();
        for (var i = 0; i < 2; i++) certificates.Add(await factory.AtAsync(ServiceCode.GuardianshipCertificate, Step.Resolution));
        var fromCenter = await factory.AtAsync(ServiceCode.GuardianshipCertificate, Step.Resolution, channel: Channel.PublicServiceCenter);
        for (var i = 0; i < 21; i++) await factory.AtAsync(ServiceCode.GuardianshipCertificate, Step.Signing);
        var numbers = await app.WithDbAsync(db => db.Cases.ToDictionaryAsync(c => c.Id, c => c.Number));
        var head = await new OfficeDesk(app).AsAsync("head");

        var home = await head.GetAsync("/");
        Assert.Equal(20, Numbers(home, "queue-assign").Count);
        Assert.Equal(20, Numbers(home, "queue-sign").Count);
        // The menu's counts are the queues' rows.
        Assert.Equal(24, Badge(home, "resolve"));
        Assert.Equal(21, Badge(home, "sign"));
        Assert.Equal("24", home.Text("[data-testid=queue-assign] [data-testid=queue-total]"));

        // Page 2 of "to sign" leaves "to resolve" on its first page, and the other way round.
        var signPage2 = await head.GetAsync("/?signPage=2");
        Assert.Single(Numbers(signPage2, "queue-sign"));
        Assert.Equal(Numbers(home, "queue-assign"), Numbers(signPage2, "queue-assign"));
        var resolvePage2 = await head.GetAsync(home.Document.QuerySelector("[data-testid=queue-assign] [data-testid=queue-pages] a[href*='resolvePage=2']")!.GetAttribute("href")!);
        Assert.Equal(4, Numbers(resolvePage2, "queue-assign").Count);
        Assert.Equal(Numbers(home, "queue-sign"), Numbers(resolvePage2, "queue-sign"));
        // A page past the end shows the last page, not an empty queue beside its count.
        Assert.Single(Numbers(await head.GetAsync("/?signPage=9"), "queue-sign"));
        // The page links keep the filter.
        var filteredPages = await head.GetAsync("/?service=GuardianshipCertificate");
        Assert.Contains("service=GuardianshipCertificate", filteredPages.Document.QuerySelector("[data-testid=queue-sign] [data-testid=queue-pages] a[href*='signPage=2']")!.GetAttribute("href"));

        // Service: only certificates in "to resolve"; the short name with the full one on hover.
        var byService = Numbers(filteredPages, "queue-assign");
        Assert.Equal([.. certificates.Append(fromCenter).Select(id => numbers[id])], byService.Order());
        var service = filteredPages.Document.QuerySelector("[data-testid=queue-assign] [data-testid=queue-service] abbr")!;
        Assert.Equal("Қорғаншылық анықтамасы", service.TextContent.Trim());
        Assert.StartsWith("Қорғаншылық және қамқоршылық", service.GetAttribute("title"));
        Assert.Contains("text-nowrap", filteredPages.Document.QuerySelector("[data-testid=queue-assign] [data-testid=queue-number]")!.ClassName);

        // Channel.
        Assert.Equal([numbers[fromCenter]], Numbers(await head.GetAsync("/queues/resolve?channel=PublicServiceCenter"), "queue-assign"));

        // Overdue: only the case whose step's time is up.
        var late = toResolve[5];
        await app.WithDbAsync(async db =>
        {
            var c = await db.Cases.SingleAsync(x => x.Id == late);
            c.StepDueAt = app.Clock.GetUtcNow().AddDays(-3);
            return await db.SaveChangesAsync();
        });
        var overdue = await head.GetAsync("/queues/resolve?urgency=Overdue");
        Assert.Equal([numbers[late]], Numbers(overdue, "queue-assign"));
        Assert.Contains("кешікті", overdue.Text("[data-testid=queue-assign] [data-testid=queue-left]"));
        Assert.Equal(1, Badge(overdue, "escalated"));

        // Sorting: newest first, then oldest first.
        var newest = Numbers(await head.GetAsync("/queues/resolve?sort=Newest"), "queue-assign");
        var oldest = Numbers(await head.GetAsync("/queues/resolve?sort=Oldest"), "queue-assign");
        Assert.Equal(numbers[fromCenter], newest[0]);
        Assert.Equal(numbers[toResolve[0]], oldest[0]);
        // The default: earliest step deadline first, so the late case leads.
        Assert.Equal(numbers[late], Numbers(await head.GetAsync("/queues/resolve"), "queue-assign")[0]);

        // Step and assignee narrow the head's list of open cases.
        var specialistId = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "specialist").Select(u => u.Id).SingleAsync());
        var signing = Numbers(await head.GetAsync($"/queues/open?step=Signing&assignee={specialistId}"), "queue-open");
        Assert.Equal(20, signing.Count);
        Assert.Empty(Numbers(await head.GetAsync($"/queues/open?assignee={Guid.NewGuid()}"), "queue-open"));
    }

    [Fact]
    public async Task Time_left_over_a_weekend_counts_working_days_as_the_markers_do()
    {
        // Friday 4 December 2026, 10:00 in Karaganda; the step ends on Monday at the close (18:30), after the weekend.
        var clock = new TestClock(TestClock.Almaty(2026, 12, 4, 10, 0));
        await using var app = new PortalApp(Fixture.Provider, clock: clock);
        var factory = new CaseFactory(app);
        var monday = await factory.AtAsync(ServiceCode.FosterMaintenance, Step.Resolution);
        var mondayNoon = await factory.AtAsync(ServiceCode.FosterMaintenance, Step.Resolution);
        var wednesday = await factory.AtAsync(ServiceCode.FosterMaintenance, Step.Resolution);
        var dues = new Dictionary<Guid, DateTimeOffset>
        {
            [monday] = TestClock.Almaty(2026, 12, 7, 18, 30),
            [mondayNoon] = TestClock.Almaty(2026, 12, 7, 12, 0),
            [wednesday] = TestClock.Almaty(2026, 12, 9, 12, 0),
        };
        await app.WithDbAsync(async db =>
        {
            foreach (var c in await db.Cases.ToListAsync())
            {
                c.StepDueAt = dues[c.Id];
                c.DueAt = TestClock.Almaty(2027, 1, 29, 18, 30);
            }
            return await db.SaveChangesAsync();
        });
        var numbers = await app.WithDbAsync(db => db.Cases.ToDictionaryAsync(c => c.Id, c => c.Number));
        var head = await new OfficeDesk(app).AsAsync("head");

        (string Left, string Urgency) Row(Page page, Guid id)
        {
            var row = page.Document.QuerySelector($"[data-testid=queue-assign] tr[data-number='{numbers[id]}']")!;
            return (row.QuerySelector("[data-testid=queue-left]")!.TextContent.Trim(), row.GetAttribute("data-urgency")!);
        }
        var friday = await head.GetAsync("/queues/resolve");
        // Calendar time would say 4 days (3 days 8½ hours): the office works the rest of Friday and Monday, so 2 — due soon.
        Assert.Equal(("2 күн", "DueSoon"), Row(friday, monday));
        Assert.Equal(("1 күн", "DueSoon"), Row(friday, mondayNoon));
        // Wednesday noon is past the third close (Friday, Monday, Tuesday): no longer "due soon".
        Assert.Equal(("3 күн", "None"), Row(friday, wednesday));
        await head.SwitchLanguageAsync(friday, "ru");
        Assert.Equal("2 дн.", Row(await head.GetAsync("/queues/resolve"), monday).Left);

        // Monday 17:00 (a new day, a new sign-in): the last working hours of the step (1½ of them, rounded up).
        clock.Now = TestClock.Almaty(2026, 12, 7, 17, 0);
        head = await new OfficeDesk(app).AsAsync("head");
        Assert.Equal(("2 сағ", "DueSoon"), Row(await head.GetAsync("/queues/resolve"), monday));
        // Tuesday 10:00: the step ended at Monday's close, one working hour ago — not the calendar's 16 hours.
        clock.Now = TestClock.Almaty(2026, 12, 8, 10, 0);
        head = await new OfficeDesk(app).AsAsync("head");
        var tuesday = await head.GetAsync("/queues/resolve");
        Assert.Equal(("1 сағ кешікті", "Overdue"), Row(tuesday, monday));
        // Monday noon: 12–13, 14:30–18:30 and 9–10 are 6 working hours (22 calendar ones).
        Assert.Equal(("6 сағ кешікті", "Overdue"), Row(tuesday, mondayNoon));
        // Friday 16:00, the step ending on Monday at 10:00: 2½ + 1 working hours, over the weekend.
        clock.Now = TestClock.Almaty(2026, 12, 11, 16, 0);
        head = await new OfficeDesk(app).AsAsync("head");
        await app.WithDbAsync(async db =>
        {
            (await db.Cases.SingleAsync(c => c.Id == wednesday)).StepDueAt = TestClock.Almaty(2026, 12, 14, 10, 0);
            return await db.SaveChangesAsync();
        });
        Assert.Equal(("4 сағ", "DueSoon"), Row(await head.GetAsync("/queues/resolve"), wednesday));
    }

    [Fact]
    public async Task A_filter_cannot_widen_the_office_and_the_supervisor_sees_each_rows_office()
    {
        await using var app = new PortalApp(Fixture.Provider);
        var mine = await new CaseFactory(app).AtAsync(ServiceCode.FosterMaintenance, Step.Resolution);
        var theirs = await new CaseFactory(app, "KRG-02").AtAsync(ServiceCode.FosterMaintenance, Step.Resolution);
        var (numbers, otherOffice) = await app.WithDbAsync(async db => (
            await db.Cases.ToDictionaryAsync(c => c.Id, c => c.Number),
            await db.Offices.Where(o => o.Code == "KRG-02").Select(o => o.Id).SingleAsync()));

        var clerk = await new OfficeDesk(app).AsAsync("clerk");
        Assert.Equal([numbers[mine]], Numbers(await clerk.GetAsync("/"), "queue-registered"));
        Assert.Empty(Numbers(await clerk.GetAsync($"/?office={otherOffice}"), "queue-registered"));
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.GetAsync("/queues/open")).Status);

        var supervisor = new PortalClient(app);
        await supervisor.SignInAsync("supervisor");
        var region = await supervisor.GetAsync("/queues/open");
        Assert.Equal([numbers[mine], numbers[theirs]], Numbers(region, "queue-open").Order());
        Assert.Equal(["KRG-01", "KRG-02"], region.Texts("[data-testid=queue-open] [data-testid=queue-office]").Order());
        Assert.Equal([numbers[theirs]], Numbers(await supervisor.GetAsync($"/queues/open?office={otherOffice}"), "queue-open"));
        Assert.Equal(2, Badge(region, "open"));

        // A value that is not in the list is refused in words, and lists nothing.
        var bad = await clerk.GetAsync("/?service=Nonsense");
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.Contains("Сүзгінің мәні жарамсыз", bad.Text("[data-testid=filter-invalid]"));
        Assert.Empty(Numbers(bad, "queue-registered"));
    }

    [Fact]
    public async Task The_head_resolves_and_the_next_case_of_the_queue_opens()
    {
        await using var app = new PortalApp(Fixture.Provider);
        var factory = new CaseFactory(app);
        var first = await factory.AtAsync(ServiceCode.FosterMaintenance, Step.Resolution);
        var second = await factory.AtAsync(ServiceCode.GuardianshipCertificate, Step.Resolution);
        var numbers = await app.WithDbAsync(db => db.Cases.ToDictionaryAsync(c => c.Id, c => c.Number));
        var head = await new OfficeDesk(app).AsAsync("head");

        var page = await head.GetAsync($"/cases/{first}");
        page.Select("#Resolution_SpecialistId", OfficeDesk.SpecialistName);
        var next = await head.SubmitAsync(page, "[data-testid=resolution-form]", new Dictionary<string, string> { ["Resolution.Text"] = "Қарап, шешім дайындалсын." },
            submitName: "then", submitValue: "next");

        // The first is resolved and the next of the queue is open, ready for its resolution.
        Assert.Equal(second, next.CaseId);
        Assert.Contains(numbers[first], next.Text("[data-testid=flash]"));
        Assert.NotNull(next.Document.QuerySelector("[data-testid=resolve-and-next]"));
        Assert.Equal(Step.Drafting, await app.WithDbAsync(db => db.Cases.Where(c => c.Id == first).Select(c => c.Step).SingleAsync()));

        // The last one leads back to the (now empty) queue.
        next.Select("#Resolution_SpecialistId", OfficeDesk.SpecialistName);
        var home = await head.SubmitAsync(next, "[data-testid=resolution-form]", new Dictionary<string, string> { ["Resolution.Text"] = "Қарап, шешім дайындалсын." },
            submitName: "then", submitValue: "next");
        Assert.Equal("/", home.Location!.AbsolutePath);
        Assert.Contains(numbers[second], home.Text("[data-testid=flash]"));
        Assert.Empty(Numbers(home, "queue-assign"));
        Assert.Equal(0, Badge(home, "resolve"));
    }

    [Fact]
    public async Task The_resolution_offers_the_offices_own_standard_phrases_which_its_head_edits()
    {
        await using var app = new PortalApp(Fixture.Provider);
        var mine = await new CaseFactory(app).AtAsync(ServiceCode.FosterMaintenance, Step.Resolution);
        var theirs = await new CaseFactory(app, "KRG-02").AtAsync(ServiceCode.FosterMaintenance, Step.Resolution);
        var head = await new OfficeDesk(app).AsAsync("head");
        var head2 = await new OfficeDesk(app, "2").AsAsync("head");
        IReadOnlyList<string> Phrases(Page p) => [.. p.Document.QuerySelectorAll("[data-testid=resolution-phrases] button[data-phrase]").Select(b => b.GetAttribute("data-phrase")!)];

        // Until the office has its own, the portal's set in the user's language.
        var defaults = Phrases(await head.GetAsync($"/cases/{mine}"));
        Assert.Equal(4, defaults.Count);
        Assert.Equal("Қарап, заңнамаға сәйкес шешім дайындалсын.", defaults[0]);

        var form = await head.GetAsync("/resolution/phrases");
        var saved = await head.SubmitAsync(form, "[data-testid=phrases-form]", new Dictionary<string, string>
        {
            ["Phrases[0]"] = "Келісемін. Мерзімінде орындалсын.", ["Phrases[1]"] = "", ["Phrases[2]"] = "Тұрғын үй жағдайын тексеру қажет.", ["Phrases[3]"] = "",
        });
        Assert.Equal(HttpStatusCode.OK, saved.Status);
        Assert.Equal(["Келісемін. Мерзімінде орындалсын.", "Тұрғын үй жағдайын тексеру қажет."], Phrases(await head.GetAsync($"/cases/{mine}")));
        // Another office keeps its own (here: the defaults); its head cannot open this office's list.
        Assert.Equal(defaults, Phrases(await head2.GetAsync($"/cases/{theirs}")));
        var office1 = await app.WithDbAsync(db => db.Offices.Where(o => o.Code == "KRG-01").Select(o => o.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await head2.GetAsync($"/resolution/phrases?office={office1}")).Status);

        // A phrase longer than its column is refused in words; a form opened before someone else's save is a conflict.
        var tooLong = await head.SubmitAsync(await head.GetAsync("/resolution/phrases"), "[data-testid=phrases-form]",
            new Dictionary<string, string> { ["Phrases[0]"] = new string('ж', 501) });
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.Status);
        Assert.NotEmpty(tooLong.Errors);
        var stale = await head.GetAsync("/resolution/phrases");
        await head.SubmitAsync(await head.GetAsync("/resolution/phrases"), "[data-testid=phrases-form]", new Dictionary<string, string> { ["Phrases[0]"] = "Бірінші нұсқа." });
        var conflict = await head.SubmitAsync(stale, "[data-testid=phrases-form]", new Dictionary<string, string> { ["Phrases[0]"] = "Екінші нұсқа." });
        Assert.Equal(HttpStatusCode.Conflict, conflict.Status);
        Assert.Equal(["Бірінші нұсқа.", "Тұрғын үй жағдайын тексеру қажет."], Phrases(await head.GetAsync($"/cases/{mine}")));
        // The administrator edits any office's list.
        var admin = new PortalClient(app);
        await admin.SignInAsync("admin");
        var office2 = await app.WithDbAsync(db => db.Offices.Where(o => o.Code == "KRG-02").Select(o => o.Id).SingleAsync());
        await admin.SubmitAsync(await admin.GetAsync($"/resolution/phrases?office={office2}"), "[data-testid=phrases-form]",
            new Dictionary<string, string> { ["Phrases[0]"] = "Облыс бойынша үлгі." });
        Assert.Equal([.. defaults.Skip(1).Prepend("Облыс бойынша үлгі.")], Phrases(await head2.GetAsync($"/cases/{theirs}")));
    }
}

public sealed class QueueTestsSqlite(SqlitePortal f) : QueueTests(f), IClassFixture<SqlitePortal>;
public sealed class QueueTestsPostgres(PostgresPortal f) : QueueTests(f), IClassFixture<PostgresPortal>;
