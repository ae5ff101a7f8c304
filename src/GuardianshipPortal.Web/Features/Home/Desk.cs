using System.Linq.Expressions;
using GuardianshipPortal.Domain;
using GuardianshipPortal.Domain.Cases;
using GuardianshipPortal.Domain.Services;
using GuardianshipPortal.Domain.Workflow;

namespace GuardianshipPortal.Web.Features.Home;

/// <summary>What a queue's predicate may depend on besides the case: who looks, and when.</summary>
public sealed record DeskContext(Guid UserId, DateTimeOffset Now, IReadOnlyCollection<ServiceCode> WithCommission);

/// <summary>
/// One queue of a role's desk: its name in addresses (<c>/queues/sign</c>, <c>?signPage=2</c>), its title, its short menu
/// label and the cases it holds. Queues not <see cref="OnDesk"/> are lists the dashboard's figures open (all open, all closed).
/// </summary>
public sealed record DeskQueue(string Name, string TitleKey, string TestId, Expression<Func<Case, DeskContext, bool>> Holds, bool OnDesk = true)
{
    /// <summary>The query-string parameter of this queue's page, so that each queue of a page pages on its own.</summary>
    public string PageParameter => Name + "Page";

    public string MenuKey => "QueueNav_" + Name;

    public string Href => "/queues/" + Name;

    /// <summary>The predicate with the context bound (a closure EF sends as parameters).</summary>
    public IQueryable<Case> Apply(IQueryable<Case> cases, DeskContext context)
    {
        var c = Holds.Parameters[0];
        var body = new Bind(Holds.Parameters[1], Expression.Constant(context)).Visit(Holds.Body);
        return cases.Where(Expression.Lambda<Func<Case, bool>>(body, c));
    }

    private sealed class Bind(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}

/// <summary>Each role's queues, in the order its home page shows them, and the lists behind the dashboard's figures.</summary>
public static class Desks
{
    // The predicates use the indexed columns (office, step, due times, assignee): the menu counts them on every page.
    public static readonly DeskQueue ToIssue = new("issue", "Queue_ToIssue", "queue-issue", (c, x) => c.Step == Step.Issue);
    public static readonly DeskQueue Registered = new("registered", "Queue_Registered", "queue-registered", (c, x) => c.Step == Step.Resolution);
    public static readonly DeskQueue ToResolve = new("resolve", "Queue_ToAssign", "queue-assign", (c, x) => c.Step == Step.Resolution);
    public static readonly DeskQueue ToSign = new("sign", "Queue_ToSign", "queue-sign", (c, x) => c.Step == Step.Signing);
    /// <summary>The ladder's second rung: a step whose time is up comes to the head.</summary>
    public static readonly DeskQueue StepOverdue = new("escalated", "Queue_Escalated", "queue-escalated",
        (c, x) => c.Step != Step.Closed && c.SuspendedAt == null && c.StepDueAt < x.Now);
    public static readonly DeskQueue MyDrafts = new("drafts", "Queue_MyDrafts", "queue-drafts", (c, x) => c.Step == Step.Drafting && c.AssigneeId == x.UserId);
    public static readonly DeskQueue AwaitingOpinion = new("opinion", "Queue_AwaitingOpinion", "queue-commission",
        (c, x) => c.Step == Step.Drafting && x.WithCommission.Contains(c.Service) && c.CommissionOpinion == null);
    /// <summary>The third rung: a service whose total term is up comes to the region's supervisor.</summary>
    public static readonly DeskQueue TermOverdue = new("overdue", "Queue_Escalated", "queue-escalated",
        (c, x) => c.Step != Step.Closed && c.SuspendedAt == null && c.DueAt < x.Now);
    /// <summary>Every open case (the dashboard's "open" and its cells).</summary>
    public static readonly DeskQueue Open = new("open", "Queue_Open", "queue-open", (c, x) => c.Step != Step.Closed, OnDesk: false);
    /// <summary>Cases closed with a result (documents returned to a Public Service Center were never served: the dashboard counts them nowhere).</summary>
    public static readonly DeskQueue Closed = new("closed", "Queue_Closed", "queue-closed", (c, x) => c.Step == Step.Closed && c.CenterReturn == null, OnDesk: false);

    /// <summary>The queues of a role: those of its desk first, then the lists it may open.</summary>
    public static IReadOnlyList<DeskQueue> For(string? role) => role switch
    {
        Roles.Clerk => [ToIssue, Registered],
        Roles.Head => [ToResolve, ToSign, StepOverdue, Open, Closed],
        Roles.Specialist => [MyDrafts],
        Roles.Commission => [AwaitingOpinion],
        // The supervisor's open cases are the region's desk itself.
        Roles.Supervisor => [TermOverdue, Open with { OnDesk = true }, Closed],
        _ => [],
    };

    public static DeskQueue? Find(string? role, string name) => For(role).FirstOrDefault(q => q.Name == name);
}

/// <summary>Which cases of a queue to show first.</summary>
public enum QueueSort
{
    /// <summary>Earliest step deadline first: overdue cases on top.</summary>
    Due = 0,
    /// <summary>Registered longest ago first.</summary>
    Oldest = 1,
    Newest = 2,
    Service = 3,
    Step = 4,
}

/// <summary>The filters and sort order of a queue page, all in the address (a GET form), so a filtered list can be bookmarked and linked.</summary>
public sealed class QueueFilter
{
    public ServiceCode? Service { get; set; }
    public Step? Step { get; set; }
    public Guid? Assignee { get; set; }
    public Channel? Channel { get; set; }
    /// <summary>Narrows the supervisor's region to one office; for office staff it can only name their own.</summary>
    public Guid? Office { get; set; }
    /// <summary>Overdue or due soon, by the one rule of <see cref="UrgencyRule"/>.</summary>
    public Urgency? Urgency { get; set; }
    /// <summary>Closed cases closed on or after this day (the office's days).</summary>
    public DateOnly? From { get; set; }
    /// <summary>Closed cases closed on or before this day.</summary>
    public DateOnly? To { get; set; }
    /// <summary>Closed cases closed within their term (true) or after it (false).</summary>
    public bool? OnTime { get; set; }
    public QueueSort Sort { get; set; }

    public bool Any => Service is not null || Step is not null || Assignee is not null || Channel is not null || Office is not null
        || Urgency is not null || From is not null || To is not null || OnTime is not null;

    /// <summary>The filter as query-string pairs (the page links keep it).</summary>
    public IEnumerable<KeyValuePair<string, string>> Pairs()
    {
        if (Service is { } s) yield return new("service", s.ToString());
        if (Step is { } st) yield return new("step", st.ToString());
        if (Assignee is { } a) yield return new("assignee", a.ToString());
        if (Channel is { } ch) yield return new("channel", ch.ToString());
        if (Office is { } o) yield return new("office", o.ToString());
        if (Urgency is { } u) yield return new("urgency", u.ToString());
        if (From is { } f) yield return new("from", f.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        if (To is { } to) yield return new("to", to.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        if (OnTime is { } t) yield return new("onTime", t ? "true" : "false");
        if (Sort != QueueSort.Due) yield return new("sort", Sort.ToString());
    }
}
