using GuardianshipPortal.Cases;
using GuardianshipPortal.Data;
using GuardianshipPortal.Domain;
using GuardianshipPortal.Domain.Cases;
using GuardianshipPortal.Domain.Persons;
using GuardianshipPortal.Domain.Services;
using GuardianshipPortal.Domain.Workflow;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GuardianshipPortal.IntegrationTests.Infrastructure;

/// <summary>
/// "A case of service X at step Y", made through the domain (registration, the step work, the transitions) the way the
/// forms make it, for tests whose subject is what comes after: no HTTP round trips for the precondition.
/// </summary>
public sealed class CaseFactory(PortalApp app, string officeCode = "KRG-01")
{
    public async Task<Guid> AtAsync(ServiceCode service, Step step, Outcome outcome = Outcome.Approved, string language = Language.Kazakh,
        Channel channel = Channel.Office)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<PortalDbContext>();
        var definition = sp.GetRequiredService<ServiceCatalog>()[service];
        var office = await db.Offices.SingleAsync(o => o.Code == officeCode);
        var clerk = await ActorAsync(db, sp, office, Roles.Clerk);

        var children = definition.ConcernsChildren
            ? new[] { new PersonData(OfficeDesk.NewIin(new DateOnly(2016, 9, 1), Sex.Male), "Ахметов", "Нұрсұлтан", "Ерланұлы") }
            : [];
        var request = new RegistrationRequest(service, channel, language,
            new PersonData(OfficeDesk.NewIin(new DateOnly(1985, 3, 14), Sex.Female), "Серікова", "Айжан", "Болатқызы", "Қарағанды қ., Ерубаев к-сі, 12-5"),
            children, [], [], "", "factory:" + Guid.NewGuid().ToString("N"));
        var registered = await sp.GetRequiredService<CaseRegistration>().RegisterAsync(request, office, clerk.Actor, new DocumentSigner(clerk.User.FullName, clerk.User.PositionKk));
        var id = registered.Case.Id;
        if (step == Step.Resolution) return id;

        var head = await ActorAsync(db, sp, office, Roles.Head);
        var specialist = await ActorAsync(db, sp, office, Roles.Specialist);
        var clock = sp.GetRequiredService<TimeProvider>();
        await ActAsync(CaseAction.Resolve, head.Actor, (c, steps) => Task.FromResult(steps.Resolve(c, "Қарап, шешім дайындалсын.", specialist.User.Id, [specialist.User.Id], head.Actor, clock.GetUtcNow())));
        if (step == Step.Drafting) return id;

        if (definition.NeedsCommission)
        {
            var member = await ActorAsync(db, sp, office, Roles.Commission);
            await ActAsync(CaseAction.RecordCommissionOpinion, member.Actor, (c, steps) => Task.FromResult(steps.RecordCommissionOpinion(c, true, "Оң қорытынды.", member.Actor, clock.GetUtcNow())));
        }
        if (definition.NeedsHousingInspection)
            await ActAsync(CaseAction.RecordInspection, specialist.Actor, (c, steps) => Task.FromResult(steps.RecordInspection(c,
                new InspectionData(DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), "Қарағанды қ., Ерубаев к-сі, 12-5", "Жағдайы жақсы.", true)
                {
                    Family = "Өтініш беруші, жұбайы", Rooms = 2, Area = 54.5m, Condition = "Пәтер таза, жөндеуі жақсы.", Income = "Жалақы",
                }, specialist.Actor)));
        var fields = new DraftValues();
        foreach (var (name, value) in outcome == Outcome.Approved ? OfficeDesk.ApprovedFields(service, app.Today) : [])
            fields.Set(name["Draft.".Length..], value);
        var grounds = outcome == Outcome.Refused
            ? await db.RefusalGrounds.Where(g => g.Service == service && g.IsActive).Select(g => g.Id).Take(1).ToListAsync()
            : [];
        await ActAsync(CaseAction.SubmitDraft, specialist.Actor, async (c, steps) =>
            (await steps.DraftAsync(c, office, outcome, fields, grounds, outcome == Outcome.Refused ? "Құжаттар толық емес." : "", true,
                specialist.Actor, clock.GetUtcNow(), default)).FirstOrDefault());
        if (step == Step.Signing) return id;

        var headUser = head.User;
        await ActAsync(CaseAction.Sign, head.Actor, (c, steps) => steps.SignAsync(c, headUser, clock.GetUtcNow(), default));
        if (step == Step.Issue) return id;
        throw new ArgumentOutOfRangeException(nameof(step), "The factory makes cases up to the issue step.");

        // Each step in a unit of work of its own, as each request is.
        async Task ActAsync(CaseAction action, Actor actor, Func<Case, CaseSteps, Task<StepProblem?>> work)
        {
            await using var inner = app.Services.CreateAsyncScope();
            var context = inner.ServiceProvider.GetRequiredService<PortalDbContext>();
            var c = await inner.ServiceProvider.GetRequiredService<Web.Features.Cases.CasePages>().LoadAsync(id, tracking: true);
            await using var tx = await context.Database.BeginTransactionAsync();
            if (await work(c!, inner.ServiceProvider.GetRequiredService<CaseSteps>()) is { } problem) throw new InvalidOperationException($"{action} refused: {problem.Key}");
            await inner.ServiceProvider.GetRequiredService<CaseTransitions>().ApplyAsync(c!, c!.Office!, action, actor);
            await context.SaveChangesAsync();
            await tx.CommitAsync();
        }
    }

    private static async Task<(PortalUser User, Actor Actor)> ActorAsync(PortalDbContext db, IServiceProvider sp, Office office, string role)
    {
        // The demo account of the role ("specialist" before any "specialist1b" a test adds).
        var user = await db.StaffInRole(office.Id, role).AsNoTracking().OrderBy(u => u.UserName).FirstAsync();
        return (user, new Actor(user.Id, user.FullName, [role], office.Id, office.RegionId));
    }

    /// <summary>Draft fields filled from the same values the forms post.</summary>
    private sealed class DraftValues : IDraftFields
    {
        public DateOnly? PeriodFrom { get; set; }
        public DateOnly? PeriodTo { get; set; }
        public string PlacementAddress { get; set; } = "";
        public string CourtName { get; set; } = "";
        public string CourtDecisionNumber { get; set; } = "";
        public DateOnly? CourtDecisionDate { get; set; }
        public string BankName { get; set; } = "";
        public string Iban { get; set; } = "";
        public decimal? Amount { get; set; }
        public string GuardianshipDecisionNumber { get; set; } = "";
        public DateOnly? GuardianshipDecisionDate { get; set; }
        public string GuardianshipDecisionIssuer { get; set; } = "";
        public string ConclusionText { get; set; } = "";

        public void Set(string name, string value)
        {
            var property = typeof(DraftValues).GetProperty(name) ?? throw new ArgumentException(name);
            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            property.SetValue(this, type == typeof(string) ? value
                : type == typeof(DateOnly) ? DateOnly.Parse(value, System.Globalization.CultureInfo.InvariantCulture)
                : decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
