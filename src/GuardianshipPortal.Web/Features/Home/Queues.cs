using GuardianshipPortal.Cases;
using GuardianshipPortal.Domain;
using GuardianshipPortal.Domain.Cases;
using GuardianshipPortal.Domain.Services;
using GuardianshipPortal.Domain.Workflow;
using GuardianshipPortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GuardianshipPortal.Web.Features;

/// <summary>One line of a work queue or a search result.</summary>
public sealed record QueueRow(
    Guid Id, string Number, ServiceCode Service, Step Step, DateTimeOffset RegisteredAt, DateTimeOffset? StepDueAt,
    DateTimeOffset DueAt, string Applicant, string? Assignee, Office Office, bool Returned, Urgency Urgency, Escalation Escalation = Escalation.None,
    Dashboard.CaseRisk? Risk = null, Channel Channel = Channel.Office, string? Partner = null, DateTimeOffset? CenterReturnBy = null, int Version = 0);

/// <param name="Selectable">Rows can be ticked to act on several at once (the head's batch digital signature).</param>
public sealed record Queue(string TitleKey, string TestId, IReadOnlyList<QueueRow> Rows, int Page, int Total, int PageSize = Queues.PageSize, bool Selectable = false)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
}

/// <summary>The cases a user may see, and the queries of each role's queues: due first, overdue at the top.</summary>
public sealed class Queues(Deadlines deadlines, TimeProvider clock, GuardianshipPortal.Data.PortalDbContext db, Dashboard.RiskForecasts forecasts)
{
    public const int PageSize = 20;
    /// <summary>The head's "to sign" queue where the office signs digitally: fifty results a day signed from one page in one call.</summary>
    public const int SigningPageSize = 50;

    /// <summary>Office staff see their office; the supervisor the whole region; nobody else any case.</summary>
    public static IQueryable<Case> Scope(IQueryable<Case> cases, CurrentUser me)
    {
        if (me.OfficeId is { } office && me.Roles.Any(Roles.IsOfficeBound)) return cases.Where(c => c.OfficeId == office);
        if (me.IsInRole(Roles.Supervisor) && me.RegionId is { } region) return cases.Where(c => c.Office!.RegionId == region);
        return cases.Where(_ => false);
    }

    public async Task<Queue> PageAsync(string titleKey, string testId, IQueryable<Case> cases, int page, CancellationToken ct, int pageSize = PageSize)
    {
        page = Math.Max(1, page);
        var total = await cases.CountAsync(ct);
        // Earliest step deadline first: overdue cases come out on top. (SQLite stores times as sortable numbers.)
        var ordered = cases.OrderBy(c => c.StepDueAt == null).ThenBy(c => c.StepDueAt).ThenBy(c => c.DueAt);
        var rows = await RowsAsync(ordered.Skip((page - 1) * pageSize).Take(pageSize), ct);
        return new Queue(titleKey, testId, rows, page, total, pageSize);
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
                Office = c.Office!,
                Returned = c.Events.Any(e => e.Action == CaseAction.Return) && c.Step == Step.Drafting,
                c.Channel,
                c.Version,
                Partner = data.ElectronicRequests.Where(r => r.CaseId == c.Id)
                    .Join(data.Partners, r => r.PartnerId, p => p.Id, (r, p) => p.Name).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var regulationIds = found.Select(r => r.RegulationId).Distinct().ToList();
        var shares = await data.Regulations.AsNoTracking().Where(r => regulationIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.ReminderSharePercent, ct);
        var risks = await forecasts.ForAsync([.. found.Where(r => r.Step != Step.Closed && !r.Suspended)
            .Select(r => new Dashboard.OpenCase(r.Id, r.OfficeId, r.Service, r.Step, r.AssigneeId, r.StepStartedAt, r.StepDueAt, r.RegisteredAt, r.DueAt))], ct);
        return found
            .Select(r => new QueueRow(r.Id, r.Number, r.Service, r.Step, r.RegisteredAt, r.StepDueAt, r.DueAt, r.Applicant.Trim(), r.Assignee, r.Office,
                r.Returned, Rule(r.Office).Of(r.Step, r.StepDueAt, r.DueAt, r.Suspended),
                EscalationLadder.Of(r.Step, r.StepStartedAt, r.StepDueAt, r.DueAt, now, r.Office.WorkingTime(calendar),
                    shares.GetValueOrDefault(r.RegulationId, EscalationLadder.DefaultSharePercent), r.Suspended),
                risks.GetValueOrDefault(r.Id), r.Channel, r.Partner,
                // A Center's documents may go back to it for three working days while they wait for the head's resolution.
                r.Channel == Channel.PublicServiceCenter && r.Step == Step.Resolution
                    ? CenterReturn.Deadline(r.RegisteredAt, r.Office.WorkingTime(calendar)) is var by && by >= now ? by : null
                    : null,
                r.Version))
            .ToList();
    }
}
