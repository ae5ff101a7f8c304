using System.Net;
using GuardianshipPortal.Domain.Cases;
using GuardianshipPortal.Domain.Services;
using GuardianshipPortal.Domain.Workflow;
using GuardianshipPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GuardianshipPortal.IntegrationTests.Features.Workflow;

public abstract class WorkflowTests(PortalFixture fixture) : PortalTest(fixture)
{
    public static TheoryData<ServiceCode> Services => new(TestServices.All);

    [Theory]
    [MemberData(nameof(Services))]
    public async Task A_case_of_every_service_goes_from_registration_to_issue(ServiceCode service)
    {
        var office = new OfficeDesk(App);

        var registered = await office.RegisterAsync(service);
        Assert.Equal(HttpStatusCode.OK, registered.Status);
        var id = registered.CaseId;
        Assert.Matches($"^KRG-01-{service.Definition().Prefix}-20\\d\\d-\\d{{5}}$", registered.Text("[data-testid=case-number]"));
        Assert.Equal("Бұрыштама", registered.Text("[data-testid=case-step]"));
        Assert.Equal("Серікова Айжан Болатқызы", registered.Text("[data-testid=applicant]"));
        Assert.Contains("тіркелді", registered.Text("[data-testid=flash]"));

        var resolved = await office.ResolveAsync(id);
        Assert.Equal("Нәтиже жобасын дайындау", resolved.Text("[data-testid=case-step]"));
        Assert.Equal(OfficeDesk.SpecialistName, resolved.Text("[data-testid=assignee]"));

        if (service.Definition().NeedsCommission) Assert.Equal(HttpStatusCode.OK, (await office.CommissionAsync(id)).Status);
        if (service.Definition().NeedsHousingInspection) Assert.Equal(HttpStatusCode.OK, (await office.InspectAsync(id)).Status);

        var drafted = await office.DraftAsync(id, service);
        Assert.Equal(HttpStatusCode.OK, drafted.Status);
        Assert.Empty(drafted.Errors);
        Assert.Equal("Қол қою", drafted.Text("[data-testid=case-step]"));

        var signed = await office.SignAsync(id);
        Assert.Equal("Нәтижені беру", signed.Text("[data-testid=case-step]"));

        var issued = await office.IssueAsync(id);
        Assert.Equal("Аяқталды", issued.Text("[data-testid=case-step]"));

        var (saved, events) = await App.WithDbAsync(async db => (
            await db.Cases.Include(c => c.IssueRecord).Include(c => c.Signature).Include(c => c.Draft).Include(c => c.Documents).SingleAsync(c => c.Id == id),
            await db.CaseEvents.Where(e => e.CaseId == id).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync()));
        Assert.Equal(Step.Closed, saved.Step);
        Assert.Equal(Outcome.Approved, saved.Outcome);
        Assert.NotNull(saved.ClosedAt);
        Assert.Equal("Серікова Айжан Болатқызы", saved.IssueRecord!.RecipientName);
        Assert.Equal("Ерлан Болатұлы Жақсыбеков", saved.Signature!.SignerName);
        Assert.All(saved.Documents, d => Assert.True(d.Received));
        var expected = new List<CaseAction> { CaseAction.Register, CaseAction.Resolve };
        if (service.Definition().NeedsCommission) expected.Add(CaseAction.RecordCommissionOpinion);
        if (service.Definition().NeedsHousingInspection) expected.Add(CaseAction.RecordInspection);
        expected.AddRange([CaseAction.SubmitDraft, CaseAction.Sign, CaseAction.IssueResult]);
        Assert.Equal(expected, events);
        Assert.Equal(expected.Count, issued.Document.QuerySelectorAll("[data-testid=history] li").Length);
    }

    [Fact]
    public async Task The_lump_sum_is_75_mrp_of_the_decision_year()
    {
        await App.SetCurrentMrpAsync(4325m);
        var office = new OfficeDesk(App);
        var id = (await office.RegisterAsync(ServiceCode.AdoptionLumpSum)).CaseId;
        await office.ResolveAsync(id);

        var drafted = await office.DraftAsync(id, ServiceCode.AdoptionLumpSum);

        var draft = await App.WithDbAsync(db => db.Drafts.SingleAsync(d => d.CaseId == id));
        var mrp = await App.WithDbAsync(db => db.MrpRates.Where(m => m.Year == App.CurrentYear).Select(m => m.Amount).SingleAsync());
        Assert.Equal(75, draft.MrpCount);
        Assert.Equal(mrp, draft.MrpValue);
        Assert.Equal(75 * mrp, draft.Amount);
        Assert.Equal("KZ16601A871001234567", draft.Iban);
        Assert.Contains((75 * mrp).ToString("N2", new System.Globalization.CultureInfo("kk-KZ")), drafted.Text("[data-testid=amount]"));
    }

    [Fact]
    public async Task A_refusal_cites_a_ground_and_is_issued_as_a_refusal()
    {
        var office = new OfficeDesk(App);
        var id = (await office.RegisterAsync(ServiceCode.GuardianshipCertificate)).CaseId;
        await office.ResolveAsync(id);

        var specialist = await office.AsAsync("specialist");
        var page = await specialist.GetAsync($"/cases/{id}");
        page.Check("#Draft_Outcome_Refused");
        var noGround = await specialist.SubmitAsync(page, "[data-testid=draft-form]",
            new Dictionary<string, string> { ["Draft.RefusalText"] = "" }, submitName: "Draft.Submit", submitValue: "true");
        Assert.Equal(HttpStatusCode.BadRequest, noGround.Status);
        Assert.Equal(["Осы қызметтің тізбесінен бас тартудың кемінде бір негізін таңдаңыз.", "«Бас тартудың дәлелдемесі» өрісін толтырыңыз."], noGround.Errors);

        var refused = await office.DraftAsync(id, ServiceCode.GuardianshipCertificate, refuse: true);
        Assert.Equal("Дәлелді бас тарту", refused.Text("[data-testid=case-outcome]"));
        await office.SignAsync(id);
        await office.IssueAsync(id);

        var saved = await App.WithDbAsync(db => db.Cases.Include(c => c.Draft!.RefusalGrounds).SingleAsync(c => c.Id == id));
        Assert.Equal(Outcome.Refused, saved.Outcome);
        Assert.Equal(Step.Closed, saved.Step);
        Assert.Equal(3, saved.Draft!.RefusalGrounds.Count);
        Assert.Equal("Құжаттар толық ұсынылмады.", saved.Draft.RefusalText);
    }

    [Fact]
    public async Task The_head_returns_a_draft_twice_and_every_comment_is_kept()
    {
        var office = new OfficeDesk(App);
        var id = (await office.RegisterAsync(ServiceCode.FosterMaintenance)).CaseId;
        await office.ResolveAsync(id);

        await office.DraftAsync(id, ServiceCode.FosterMaintenance);
        var returned = await office.ReturnAsync(id, "Кезеңді шарттың мерзіміне сәйкестендіріңіз.");
        Assert.Equal("Нәтиже жобасын дайындау", returned.Text("[data-testid=case-step]"));
        var specialistView = await (await office.AsAsync("specialist")).GetAsync($"/cases/{id}");
        Assert.NotNull(specialistView.Document.QuerySelector("[data-testid=returned]"));
        var amount = specialistView.Document.QuerySelector("#Draft_Amount")!.GetAttribute("value")!;
        Assert.Equal(44580m, decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture));

        await office.DraftAsync(id, ServiceCode.FosterMaintenance);
        await office.ReturnAsync(id, "Соманы тексеріңіз.");
        await office.DraftAsync(id, ServiceCode.FosterMaintenance);
        var signed = await office.SignAsync(id);

        Assert.Equal("Нәтижені беру", signed.Text("[data-testid=case-step]"));
        var comments = await App.WithDbAsync(db => db.CaseEvents.Where(e => e.CaseId == id && e.Action == CaseAction.Return).OrderBy(e => e.Id).Select(e => e.Comment).ToListAsync());
        Assert.Equal(["Кезеңді шарттың мерзіміне сәйкестендіріңіз.", "Соманы тексеріңіз."], comments);
        Assert.Equal(2, await App.WithDbAsync(db => db.Drafts.Where(d => d.CaseId == id).Select(d => d.Round).SingleAsync()));
    }

    [Fact]
    public async Task Adopter_registration_cannot_go_for_signature_before_the_commission_and_the_inspection()
    {
        var office = new OfficeDesk(App);
        var id = (await office.RegisterAsync(ServiceCode.AdopterRegistration)).CaseId;
        await office.ResolveAsync(id);

        var early = await office.DraftAsync(id, ServiceCode.AdopterRegistration);

        Assert.Equal(HttpStatusCode.BadRequest, early.Status);
        Assert.Equal(["Комиссия пікірі әлі енгізілмеген.", "Алдымен тұрғын үй-тұрмыстық жағдайларын тексеру актісін енгізіңіз."], early.Errors);
        Assert.Equal(Step.Drafting, await App.WithDbAsync(db => db.Cases.Where(c => c.Id == id).Select(c => c.Step).SingleAsync()));
        var commissionQueue = await (await office.AsAsync("commission")).GetAsync("/");
        Assert.Contains(commissionQueue.Document.QuerySelectorAll("[data-testid=queue-commission] tr[data-number]"),
            row => row.GetAttribute("data-number") == early.Text("[data-testid=case-number]"));
    }

    [Fact]
    public async Task Deadlines_follow_the_regulation_of_the_service_in_working_time()
    {
        // Registered on Monday 16 November 2026 at 10:00 in Almaty, with the clock held there.
        var clock = new TestClock(TestClock.Almaty(2026, 11, 16, 10, 0));
        await using var app = new PortalApp(Fixture.Provider, clock: clock);
        var office = new OfficeDesk(app);
        var registered = await office.RegisterAsync(ServiceCode.FosterPlacement);

        var c = await app.WithDbAsync(db => db.Cases.SingleAsync(x => x.Id == registered.CaseId));

        Assert.Equal(Step.Resolution, c.Step);
        Assert.Equal(clock.Now, c.RegisteredAt);
        // The demo region works under Karaganda's regulation (seed 000): resolution 20 minutes of working time → 10:20.
        Assert.Equal(TestClock.Almaty(2026, 11, 16, 10, 20), c.StepDueAt);
        // Total: 30 calendar days → 16 December, Independence Day, a day off → Thursday 17 December at 18:30.
        Assert.Equal(TestClock.Almaty(2026, 12, 17, 18, 30), c.DueAt);
        Assert.Equal("16.11.2026 10:20", registered.Text("[data-testid=step-due]"));
        Assert.Equal("17.12.2026", registered.Text("[data-testid=due]"));

        // One rule for "due soon": the step ends before the close of the second working day — marked alike on the case
        // page and in the head's queue; two days later, with the clock moved on, it is overdue in both.
        var head = await office.AsAsync("head");
        Assert.Equal("due-soon", (await head.GetAsync($"/cases/{c.Id}")).Document.QuerySelector("[data-testid=step-due]")!.ClassList.Single(x => x.StartsWith("due", StringComparison.Ordinal)));
        Assert.Equal("DueSoon", QueueUrgency(await head.GetAsync("/"), c.Number));
        clock.Now = TestClock.Almaty(2026, 11, 16, 11, 0);
        Assert.Equal("overdue", (await head.GetAsync($"/cases/{c.Id}")).Document.QuerySelector("[data-testid=step-due]")!.ClassList.Single(x => x is "overdue" or "due-soon"));
        Assert.Equal("Overdue", QueueUrgency(await head.GetAsync("/"), c.Number));
    }

    [Fact]
    public async Task A_return_for_rework_gets_one_working_day_and_never_pushes_the_total_term()
    {
        // Guardianship certificate: drafting 2 working days, total 5 working days. Registered Monday 16 November 10:00.
        var clock = new TestClock(TestClock.Almaty(2026, 11, 16, 10, 0));
        await using var app = new PortalApp(Fixture.Provider, clock: clock);
        var cases = new CaseFactory(app);
        var early = await cases.AtAsync(ServiceCode.GuardianshipCertificate, Step.Signing);
        var late = await cases.AtAsync(ServiceCode.GuardianshipCertificate, Step.Signing);
        var office = new OfficeDesk(app);

        // Returned on Tuesday at 11:00: the rework is due Wednesday at closing (a full drafting period would end on Thursday).
        clock.Now = TestClock.Almaty(2026, 11, 17, 11, 0);
        Assert.Equal(HttpStatusCode.OK, (await office.ReturnAsync(early, "Шешімнің күнін түзетіңіз.")).Status);
        // Returned on Monday 23 November, the last day of the term: the rework ends with the term, at 18:30 that day.
        clock.Now = TestClock.Almaty(2026, 11, 23, 10, 0);
        office = new OfficeDesk(app); // a new day, a new sign-in
        Assert.Equal(HttpStatusCode.OK, (await office.ReturnAsync(late, "Қайта қараңыз.")).Status);

        var (a, b) = await app.WithDbAsync(async db => (await db.Cases.SingleAsync(c => c.Id == early), await db.Cases.SingleAsync(c => c.Id == late)));
        Assert.Equal((Step.Drafting, TestClock.Almaty(2026, 11, 18, 18, 30)), (a.Step, a.StepDueAt));
        Assert.Equal(TestClock.Almaty(2026, 11, 23, 18, 30), b.DueAt);
        Assert.Equal(b.DueAt, b.StepDueAt);
    }

    [Fact]
    public async Task The_head_extends_a_term_once_and_a_suspension_adds_its_pause_to_the_deadlines()
    {
        // Guardianship certificate (5 working days in all), registered Monday 16 November 2026 at 10:00: due Monday 23rd, 18:30.
        var clock = new TestClock(TestClock.Almaty(2026, 11, 16, 10, 0));
        await using var app = new PortalApp(Fixture.Provider, clock: clock);
        var id = await new CaseFactory(app).AtAsync(ServiceCode.GuardianshipCertificate, Step.Drafting);
        var office = new OfficeDesk(app);
        Task<Domain.Cases.Case> CaseAsync() => app.WithDbAsync(db => db.Cases.AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Equal(TestClock.Almaty(2026, 11, 23, 18, 30), (await CaseAsync()).DueAt);

        // The specialist stops the clock on Tuesday at 10:00 and starts it again on Thursday at 10:00: two working days.
        clock.Now = TestClock.Almaty(2026, 11, 17, 10, 0);
        var specialist = await office.AsAsync("specialist"); // signed in that morning
        var page = await specialist.GetAsync($"/cases/{id}");
        await specialist.SubmitAsync(page, "[data-testid=suspend-form]", new Dictionary<string, string> { ["Suspend.Reason"] = "Соттың шешімінің көшірмесі күтілуде" });
        clock.Now = TestClock.Almaty(2026, 11, 19, 10, 0);
        specialist = await new OfficeDesk(app).AsAsync("specialist");
        var resumed = await specialist.SubmitAsync(await specialist.GetAsync($"/cases/{id}"), "[data-testid=resume-form]");
        Assert.Equal(HttpStatusCode.OK, resumed.Status);
        var afterPause = await CaseAsync();
        Assert.Equal(TestClock.Almaty(2026, 11, 25, 18, 30), afterPause.DueAt);
        Assert.Equal(2 * 480, afterPause.SuspendedMinutes);

        // The head extends it by 3 working days with a reason; a second extension is refused.
        var head = await new OfficeDesk(app).AsAsync("head");
        var caseView = await head.GetAsync($"/cases/{id}");
        var tooLong = await head.SubmitAsync(caseView, "[data-testid=extend-form]", new Dictionary<string, string>
        {
            ["Extend.Days"] = "30", ["Extend.Reason"] = "InterAgencyRequest", ["Extend.Comment"] = "ХҚКО-дан мәлімет сұратылды",
        });
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.Status);
        Assert.Contains("Ұзарту 1-ден 10 жұмыс күнге дейін болады.", tooLong.Errors);
        var extended = await head.SubmitAsync(tooLong, "[data-testid=extend-form]", new Dictionary<string, string>
        {
            ["Extend.Days"] = "3", ["Extend.Reason"] = "InterAgencyRequest", ["Extend.Comment"] = "ХҚКО-дан мәлімет сұратылды",
        });
        Assert.Equal(HttpStatusCode.OK, extended.Status);
        Assert.Contains("3 жұмыс күнге ұзартылды", extended.Text("[data-testid=extension]"));
        Assert.Null(extended.Document.QuerySelector("[data-testid=extend-form]"));
        var final = await CaseAsync();
        // 25 November + 3 working days = 30 November (28–29 are a weekend).
        Assert.Equal(TestClock.Almaty(2026, 11, 30, 18, 30), final.DueAt);
        var again = await head.PostAsync($"/cases/{id}/extend", new Dictionary<string, string>
        {
            ["Extend.Version"] = final.Version.ToString(), ["Extend.Days"] = "2", ["Extend.Reason"] = "ApplicantRequest", ["Extend.Comment"] = "тағы",
        });
        Assert.Equal(HttpStatusCode.BadRequest, again.Status);
        var journal = await head.GetAsync("/journals/Registration?from=2026-11-16&to=2026-11-16");
        Assert.Contains("30.11.2026 (+3 жұмыс күні)", journal.Texts("table tbody td"));
        var history = await app.WithDbAsync(db => db.CaseEvents.Where(e => e.CaseId == id).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
        Assert.Equal([CaseAction.Suspend, CaseAction.Resume, CaseAction.Extend], history.Where(a => a is CaseAction.Suspend or CaseAction.Resume or CaseAction.Extend));
    }

    [Fact]
    public async Task A_late_case_climbs_the_escalation_ladder_specialist_head_supervisor()
    {
        // Guardianship certificate at drafting from Monday 16 November 10:00: drafting (2 working days) is due Wednesday 18:30,
        // 1,380 working minutes; 75 % of them have passed on Wednesday at 11:15. The total term ends Monday 23rd at 18:30.
        var clock = new TestClock(TestClock.Almaty(2026, 11, 16, 10, 0));
        await using var app = new PortalApp(Fixture.Provider, clock: clock);
        var id = await new CaseFactory(app).AtAsync(ServiceCode.GuardianshipCertificate, Step.Drafting);
        var number = await app.WithDbAsync(db => db.Cases.Where(c => c.Id == id).Select(c => c.Number).SingleAsync());
        async Task<Page> HomeAsync(string role) => await (await new OfficeDesk(app).AsAsync(role)).GetAsync("/");
        bool Lists(Page home, string queue) => home.Document.QuerySelector($"[data-testid={queue}] tr[data-number='{number}']") is not null;

        clock.Now = TestClock.Almaty(2026, 11, 18, 11, 0);
        Assert.Null((await HomeAsync("specialist")).Document.QuerySelector($"[data-testid=queue-drafts] tr[data-number='{number}'] [data-testid=reminder]"));
        clock.Now = TestClock.Almaty(2026, 11, 18, 11, 30);
        Assert.NotNull((await HomeAsync("specialist")).Document.QuerySelector($"[data-testid=queue-drafts] tr[data-number='{number}'] [data-testid=reminder]"));
        Assert.False(Lists(await HomeAsync("head"), "queue-escalated"));

        clock.Now = TestClock.Almaty(2026, 11, 19, 10, 0);
        Assert.True(Lists(await HomeAsync("head"), "queue-escalated"));
        Assert.False(Lists(await HomeAsync("supervisor"), "queue-escalated"));

        clock.Now = TestClock.Almaty(2026, 11, 24, 10, 0);
        Assert.True(Lists(await HomeAsync("supervisor"), "queue-escalated"));
    }

    [Fact]
    public async Task Each_rung_of_the_ladder_sends_its_reminder_once_at_the_regulations_share_and_none_while_suspended()
    {
        // As above: drafting from Monday 16 November 10:00 due Wednesday 18:30 (1,380 working minutes). The region's
        // regulation reminds at 50 %: 690 working minutes after the start (10:00–18:30 less lunch is 420
        // minutes on Monday, 270 more on Tuesday: 9:00–13:00 is 240, 14:30–15:00 is 30), so Tuesday 15:00.
        var clock = new TestClock(TestClock.Almaty(2026, 11, 16, 10, 0));
        await using var app = new PortalApp(Fixture.Provider, clock: clock);
        await app.WithDbAsync(db => db.Regulations.Where(r => r.Service == ServiceCode.GuardianshipCertificate)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.ReminderSharePercent, 50)));
        var id = await new CaseFactory(app).AtAsync(ServiceCode.GuardianshipCertificate, Step.Drafting);
        var suspended = await new CaseFactory(app).AtAsync(ServiceCode.GuardianshipCertificate, Step.Drafting);
        await app.WithDbAsync(db => db.Cases.Where(c => c.Id == suspended).ExecuteUpdateAsync(u => u.SetProperty(c => c.SuspendedAt, clock.GetUtcNow())));
        async Task<List<(string Event, string Recipient, string Subject)>> RemindAsync()
        {
            await using (var scope = app.Services.CreateAsyncScope())
                await scope.ServiceProvider.GetRequiredService<Web.Features.Terms.EscalationReminders>().RunAsync(default);
            return (await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.CaseId == id || m.CaseId == suspended).OrderBy(m => m.Id)
                .Select(m => new { m.Event, m.Recipient, m.Subject, m.CaseId }).ToListAsync()))
                .Select(m => (m.CaseId == suspended ? "suspended!" : m.Event, m.Recipient, m.Subject)).ToList();
        }

        clock.Now = TestClock.Almaty(2026, 11, 17, 14, 55);
        Assert.Empty(await RemindAsync());
        clock.Now = TestClock.Almaty(2026, 11, 17, 15, 0);
        var first = await RemindAsync();
        Assert.Equal([("EscalationAssignee", "specialist@demo.example")], first.Select(m => (m.Event, m.Recipient)));
        Assert.StartsWith("Еске салу:", first[0].Subject);
        Assert.Contains("/ Напоминание:", first[0].Subject);
        Assert.Single(await RemindAsync()); // once

        clock.Now = TestClock.Almaty(2026, 11, 19, 10, 0);
        Assert.Equal(["EscalationAssignee", "EscalationHead"], (await RemindAsync()).Select(m => m.Event));
        clock.Now = TestClock.Almaty(2026, 11, 24, 10, 0);
        var all = await RemindAsync();
        // Every supervisor of the region hears of it; the suspended case, whose clock stands still, never climbed.
        Assert.Equal(["EscalationAssignee", "EscalationHead", "EscalationSupervisor", "EscalationSupervisor"], all.Select(m => m.Event));
        Assert.Equal(["supervisor2@demo.example", "supervisor@demo.example"], all.Skip(2).Select(m => m.Recipient).Order(StringComparer.Ordinal));
        Assert.Equal(4, (await RemindAsync()).Count);

        // On the head's dashboard and queues the suspended case is not late either: one overdue case, not two.
        var head = await new OfficeDesk(app).AsAsync("head");
        Assert.Equal("1", (await head.GetAsync("/dashboard")).Text("[data-testid=kpi-overdue]"));
        var suspendedNumber = await app.WithDbAsync(db => db.Cases.Where(c => c.Id == suspended).Select(c => c.Number).SingleAsync());
        Assert.Null((await head.GetAsync("/")).Document.QuerySelector($"[data-testid=queue-escalated] tr[data-number='{suspendedNumber}']"));
    }

    private static string? QueueUrgency(Page home, string number) =>
        home.Document.QuerySelector($"[data-testid=queue-assign] tr[data-number='{number}']")?.GetAttribute("data-urgency");
}

public sealed class WorkflowTestsSqlite(SqlitePortal f) : WorkflowTests(f), IClassFixture<SqlitePortal>;
public sealed class WorkflowTestsPostgres(PostgresPortal f) : WorkflowTests(f), IClassFixture<PostgresPortal>;
