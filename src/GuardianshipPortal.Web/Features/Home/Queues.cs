using System.Linq.Expressions;
using GuardianshipPortal.Cases;
using GuardianshipPortal.Domain;
using GuardianshipPortal.Domain.Cases;
using GuardianshipPortal.Domain.Services;
using GuardianshipPortal.Domain.Workflow;
using GuardianshipPortal.Web.Features.Home;
using GuardianshipPortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GuardianshipPortal.Web.Features;

/// <summary>One line of a work queue or a search result.</summary>
public sealed record QueueRow(
    Guid Id, string Number, ServiceCode Service, Step Step, DateTimeOffset RegisteredAt, DateTimeOffset? StepDueAt,
    DateTimeOffset DueAt, string Applicant, string? Assignee, Office Office, bool Returned, Urgency Urgency, Escalation Escalation = Escalation.None,
    Dashboard.CaseRisk? Risk = null, Channel Channel = Channel.Office, string? Partner = null, DateTimeOffset? CenterReturnBy = null, int Version = 0,
    TimeLeft? Left = null);

/// <param name="Selectable">Rows can be ticked to act on several at once (the head's batch digital signature).</param>
/// <param name="PageParameter">The query-string parameter of this queue's page (each queue of a page pages on its own).</param>
/// <param name="Href">The queue's own page (its count links there), when it has one.</param>
/// <param name="ShowTotal">False for a list that is not counted (search results: a page of them, newest first).</param>
public sealed record Queue(string TitleKey, string TestId, IReadOnlyList<QueueRow> Rows, int Page, int Total, int PageSize = Queues.PageSize, bool Selectable = false,
    string PageParameter = "page", string? Href = null, bool ShowTotal = true)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>The cases a user may see, and the queries of each role's queues: due first, overdue at the top.</summary>
public sealed class Queues(Deadlines deadlines, TimeProvider clock, GuardianshipPortal.Data.PortalDbContext db, Dashboard.RiskForecasts forecasts, CurrentUser me)
{
    public const int PageSize = 20;
    private readonly Dictionary<Guid, Office> _offices = [];
    /// <summary>The head's "to sign" queue where the office signs digitally: fifty results a day signed from one page in one call.</summary>
    public const int SigningPageSize = 50;

    /// <summary>Office staff see their office; the supervisor the whole region; nobody else any case.</summary>
    /// <param name="offices">The offices of the same context. The region's cases are those whose office «exists» in the region:
    /// a correlated test both databases make after the index that suits the rest of the query (the open-cases index in the
    /// queues' order, an office's closing dates, a person's cases). SQLite 3.53 reads «office in (the region's offices)» office
    /// by office through the registration-time index instead, every case of the region for a queue of twenty.</param>
    public static IQueryable<Case> Scope(IQueryable<Case> cases, IQueryable<Office> offices, CurrentUser me)
    {
        if (me.OfficeId is { } office && me.Roles.Any(Roles.IsOfficeBound)) return cases.Where(c => c.OfficeId == office);
        if (me.IsInRole(Roles.Supervisor) && me.RegionId is { } region)
            return cases.Where(c => offices.Any(o => o.Id == c.OfficeId && o.RegionId == region));
        return cases.Where(_ => false);
    }

    /// <summary>The offices a user's cases come from (one for office staff, the region's for the supervisor).</summary>
    public static IQueryable<Office> ScopeOffices(IQueryable<Office> offices, CurrentUser me)
    {
        if (me.OfficeId is { } office && me.Roles.Any(Roles.IsOfficeBound)) return offices.Where(o => o.Id == office);
        if (me.IsInRole(Roles.Supervisor) && me.RegionId is { } region) return offices.Where(o => o.RegionId == region);
        return offices.Where(_ => false);
    }

    public async Task<Queue> PageAsync(string titleKey, string testId, IQueryable<Case> cases, int page, CancellationToken ct, int pageSize = PageSize,
        QueueSort sort = QueueSort.Due, string pageParameter = "page", string? href = null)
    {
        page = Math.Max(1, page);
        var total = await cases.CountAsync(ct);
        // A page past the end shows the last one, never an empty list beside its count.
        page = Math.Min(page, Math.Max(1, (total + pageSize - 1) / pageSize));
        var rows = await RowsAsync(Sorted(cases, sort).Skip((page - 1) * pageSize).Take(pageSize), ct);
        return new Queue(titleKey, testId, rows, page, total, pageSize, PageParameter: pageParameter, Href: href);
    }

    /// <summary>One queue of a desk, filtered and sorted, at the page its own parameter asks for.</summary>
    public Task<Queue> PageAsync(DeskQueue queue, IQueryable<Case> filtered, DeskContext context, QueueSort sort, int page, CancellationToken ct, int pageSize = PageSize) =>
        PageAsync(queue.TitleKey, queue.TestId, queue.Apply(filtered, context), page, ct, pageSize, sort, queue.PageParameter, queue.Href);

    // SQLite stores times as sortable numbers; the number last keeps pages stable.
    private static IQueryable<Case> Sorted(IQueryable<Case> cases, QueueSort sort) => sort switch
    {
        QueueSort.Oldest => cases.OrderBy(c => c.RegisteredAt).ThenBy(c => c.Number),
        QueueSort.Newest => cases.OrderByDescending(c => c.RegisteredAt).ThenBy(c => c.Number),
        QueueSort.Service => cases.OrderBy(c => c.Service).ThenBy(c => c.StepDueAt == null).ThenBy(c => c.StepDueAt).ThenBy(c => c.DueAt).ThenBy(c => c.Number),
        QueueSort.Step => cases.OrderBy(c => c.Step).ThenBy(c => c.StepDueAt == null).ThenBy(c => c.StepDueAt).ThenBy(c => c.DueAt).ThenBy(c => c.Number),
        // Earliest step deadline first: overdue cases come out on top.
        _ => cases.OrderBy(c => c.StepDueAt == null).ThenBy(c => c.StepDueAt).ThenBy(c => c.DueAt).ThenBy(c => c.Number),
    };

    /// <summary>
    /// The filter applied within the user's scope (it only narrows: an office or assignee outside the scope finds nothing).
    /// "Due soon" is the urgency rule's, in each office's working time.
    /// </summary>
    public async Task<IQueryable<Case>> FilterAsync(IQueryable<Case> cases, IQueryable<Office> offices, QueueFilter f, CancellationToken ct)
    {
        if (f.Service is { } service) cases = cases.Where(c => c.Service == service);
        if (f.Step is { } step) cases = cases.Where(c => c.Step == step);
        if (f.Assignee is { } assignee) cases = cases.Where(c => c.AssigneeId == assignee);
        if (f.Channel is { } channel) cases = cases.Where(c => c.Channel == channel);
        if (f.Office is { } office) { cases = cases.Where(c => c.OfficeId == office); offices = offices.Where(o => o.Id == office); }
        var now = clock.GetUtcNow();
        if (f.Urgency is Urgency.Overdue or Urgency.DueSoon)
            cases = cases.Where(c => c.Step != Step.Closed && c.SuspendedAt == null);
        if (f.Urgency == Urgency.Overdue) cases = cases.Where(c => c.StepDueAt < now || c.DueAt < now);
        if (f.Urgency == Urgency.DueSoon)
        {
            cases = cases.Where(c => (c.StepDueAt == null || c.StepDueAt >= now) && c.DueAt >= now);
            var calendar = await deadlines.CalendarAsync(ct);
            Expression<Func<Case, bool>>? soon = null;
            foreach (var o in await offices.AsNoTracking().Select(Office.WithoutEmblem).ToListAsync(ct))
            {
                var (id, limit) = (o.Id, UrgencyRule.At(now, o.WorkingTime(calendar)).SoonLimit);
                Expression<Func<Case, bool>> one = c => c.OfficeId == id && (c.StepDueAt < limit || c.DueAt < limit);
                soon = soon is null ? one : Expression.Lambda<Func<Case, bool>>(Expression.OrElse(soon.Body, new Rename(one.Parameters[0], soon.Parameters[0]).Visit(one.Body)), soon.Parameters);
            }
            cases = cases.Where(soon ?? (c => false));
        }
        if (f.From is not null || f.To is not null)
        {
            // The office's days (the region's default zone when several offices are listed).
            var zone = await offices.CountAsync(ct) == 1 ? (await offices.AsNoTracking().Select(Office.WithoutEmblem).FirstAsync(ct)).Zone() : Office.ZoneOf(null);
            DateTimeOffset Midnight(DateOnly day) => new(TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue), zone), TimeSpan.Zero);
            if (f.From is { } from) { var start = Midnight(from); cases = cases.Where(c => c.ClosedAt >= start); }
            if (f.To is { } to) { var end = Midnight(to.AddDays(1)); cases = cases.Where(c => c.ClosedAt < end); }
        }
        if (f.OnTime == true) cases = cases.Where(c => c.ClosedAt <= c.DueAt);
        if (f.OnTime == false) cases = cases.Where(c => c.ClosedAt > c.DueAt);
        return cases;
    }

    private sealed class Rename(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }

    /// <summary>The rows, each marked overdue or due soon by the one rule, in its office's working time.</summary>
    /// <param name="source">The context <paramref name="cases"/> comes from when it is not the primary (search reads a replica).</param>
    public async Task<IReadOnlyList<QueueRow>> RowsAsync(IQueryable<Case> cases, CancellationToken ct, GuardianshipPortal.Data.PortalDbContext? source = null)
    {
        var data = source ?? db;
        var calendar = await deadlines.CalendarAsync(ct);
        var now = clock.GetUtcNow();
        var rules = new Dictionary<Guid, UrgencyRule>();
        UrgencyRule Rule(Office office) => rules.TryGetValue(office.Id, out var r) ? r : rules[office.Id] = UrgencyRule.At(now, office.WorkingTime(calendar));
        var found = await cases.Select(c => new
            {
                c.RegulationId, c.OfficeId, c.AssigneeId, c.Id, c.Number, c.Service, c.Step, c.RegisteredAt, c.StepDueAt, c.DueAt, c.StepStartedAt, Suspended = c.SuspendedAt != null,
                Applicant = c.Applicant!.LastName + " " + c.Applicant.FirstName + " " + c.Applicant.MiddleName,
                Assignee = c.Assignee == null ? null : c.Assignee.FullName,
                // The step first: the history is read only for cases in drafting.
                Returned = c.Step == Step.Drafting && c.Events.Any(e => e.Action == CaseAction.Return),
                c.Channel,
                c.Version,
                Partner = data.ElectronicRequests.Where(r => r.CaseId == c.Id)
                    .Join(data.Partners, r => r.PartnerId, p => p.Id, (r, p) => p.Name).FirstOrDefault(),
            })
            .ToListAsync(ct);
        // The offices (without their emblems: never a blob per row) read once per request for all its queues (office staff's
        // one office is the one the page's header reads), the regulations' reminder shares from those pages show.
        var offices = _offices;
        if (offices.Count == 0 && await me.GetOfficeAsync() is { } own) offices[own.Id] = own;
        var officeIds = found.Select(r => r.OfficeId).Distinct().Where(id => !offices.ContainsKey(id)).ToList();
        if (officeIds.Count > 0)
            foreach (var o in await data.Offices.AsNoTracking().Where(o => officeIds.Contains(o.Id)).Select(Office.WithoutEmblem).ToListAsync(ct)) offices[o.Id] = o;
        var regulations = await deadlines.RegulationsAsync(found.Select(r => r.RegulationId), ct);
        var risks = await forecasts.ForAsync([.. found.Where(r => r.Step != Step.Closed && !r.Suspended)
            .Select(r => new Dashboard.OpenCase(r.Id, r.OfficeId, r.Service, r.Step, r.AssigneeId, r.StepStartedAt, r.StepDueAt, r.RegisteredAt, r.DueAt))], ct);
        return found
            .Select(r => new QueueRow(r.Id, r.Number, r.Service, r.Step, r.RegisteredAt, r.StepDueAt, r.DueAt, r.Applicant.Trim(), r.Assignee, offices[r.OfficeId],
                r.Returned, Rule(offices[r.OfficeId]).Of(r.Step, r.StepDueAt, r.DueAt, r.Suspended),
                EscalationLadder.Of(r.Step, r.StepStartedAt, r.StepDueAt, r.DueAt, now, offices[r.OfficeId].WorkingTime(calendar),
                    regulations.TryGetValue(r.RegulationId, out var regulation) ? regulation.ReminderSharePercent : EscalationLadder.DefaultSharePercent, r.Suspended),
                risks.GetValueOrDefault(r.Id), r.Channel, r.Partner,
                // A Center's documents may go back to it for three working days while they wait for the head's resolution.
                r.Channel == Channel.PublicServiceCenter && r.Step == Step.Resolution
                    ? CenterReturn.Deadline(r.RegisteredAt, offices[r.OfficeId].WorkingTime(calendar)) is var by && by >= now ? by : null
                    : null,
                r.Version,
                // Time left to the step's deadline (the service's when the step has none), in the markers' working time.
                r.Step == Step.Closed ? null : Rule(offices[r.OfficeId]).Left(r.StepDueAt ?? r.DueAt)))
            .ToList();
    }
}
