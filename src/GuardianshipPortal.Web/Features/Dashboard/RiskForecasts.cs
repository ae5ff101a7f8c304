using GuardianshipPortal.Cases;
using GuardianshipPortal.Data;
using GuardianshipPortal.Domain;
using GuardianshipPortal.Domain.Cases;
using GuardianshipPortal.Domain.Services;
using GuardianshipPortal.Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace GuardianshipPortal.Web.Features.Dashboard;

/// <summary>What the forecast needs to know of an open case whose clock runs.</summary>
public sealed record OpenCase(
    Guid Id, Guid OfficeId, ServiceCode Service, Step Step, Guid? AssigneeId, DateTimeOffset StepStartedAt, DateTimeOffset? StepDueAt,
    DateTimeOffset RegisteredAt, DateTimeOffset DueAt);

/// <summary>The forecast of one open case: the chance of missing its step's deadline and its total term.</summary>
public sealed record CaseRisk(Risk? Step, Risk? Total)
{
    public bool Flagged => Step?.Flagged == true || Total?.Flagged == true;
    public double Highest => Math.Max(Step?.Probability ?? 0, Total?.Probability ?? 0);
}

/// <summary>
/// <see cref="DeadlineRisk"/> over an office's last year: the steps and cases as they went (from the case history; a
/// rework after a return is left out, its short term being of another kind). The background job
/// (<see cref="OfficeHistory"/>) trains it and stores it; a request only reads the stored model (kept in memory for a
/// minute) and never trains. An office with too little history, or none read yet, gets no forecast rather than a guess.
/// </summary>
public sealed class RiskForecasts(PortalDbContext db, Deadlines deadlines, TimeProvider clock, IMemoryCache cache)
{
    private static readonly TimeSpan KeptFor = TimeSpan.FromMinutes(1);
    private readonly Dictionary<Guid, Dictionary<Step, int>> _held = [];

    /// <summary>The forecasts of open, running cases the caller has already read (a queue's rows, a dashboard's cases, the case page's case).</summary>
    public async Task<IReadOnlyDictionary<Guid, CaseRisk>> ForAsync(IReadOnlyList<OpenCase> open, CancellationToken ct)
    {
        var result = new Dictionary<Guid, CaseRisk>();
        if (open.Count == 0) return result;
        var now = clock.GetUtcNow();
        var models = new Dictionary<Guid, (DeadlineRisk? Steps, DeadlineRisk? Totals)>();
        foreach (var office in open.Select(c => c.OfficeId).Distinct()) models[office] = await ModelsAsync(office, ct);
        var offices = models.Where(m => m.Value.Steps is not null || m.Value.Totals is not null).Select(m => m.Key).ToList();
        if (offices.Count == 0) return result;
        // How many open cases each assignee holds (of each step): one query for all the offices of the rows, and once per
        // request for an assignee (a desk's queues name the same few specialists).
        var unknown = open.Where(c => c.AssigneeId != null && offices.Contains(c.OfficeId)).Select(c => c.AssigneeId!.Value)
            .Distinct().Where(a => !_held.ContainsKey(a)).ToList();
        if (unknown.Count > 0)
        {
            foreach (var a in unknown) _held[a] = [];
            foreach (var q in await db.Cases.Where(c => offices.Contains(c.OfficeId) && c.Step != Step.Closed && c.AssigneeId != null && unknown.Contains(c.AssigneeId.Value))
                .GroupBy(c => new { c.AssigneeId, c.Step }).Select(g => new { g.Key.AssigneeId, g.Key.Step, Count = g.Count() }).ToListAsync(ct))
                _held[q.AssigneeId!.Value][q.Step] = q.Count;
        }
        int Queue(Guid? who, Step? step) => who is not { } id || !_held.TryGetValue(id, out var held) ? 0
            : (step is { } s ? held.GetValueOrDefault(s) : held.Values.Sum()) - 1;
        foreach (var c in open.Where(c => offices.Contains(c.OfficeId)))
        {
            var (steps, totals) = models[c.OfficeId];
            var step = steps is null || c.StepDueAt is not { } stepDue ? null
                : steps.Of(new Episode(c.Service, c.Step, c.AssigneeId, c.StepStartedAt, stepDue, null), now, Math.Max(0, Queue(c.AssigneeId, c.Step)));
            var total = totals?.Of(new Episode(c.Service, null, c.AssigneeId, c.RegisteredAt, c.DueAt, null), now, Math.Max(0, Queue(c.AssigneeId, null)));
            if (step is not null || total is not null) result[c.Id] = new CaseRisk(step, total);
        }
        return result;
    }

    /// <summary>The office's stored models (none before the background job's first round for it).</summary>
    private async Task<(DeadlineRisk? Steps, DeadlineRisk? Totals)> ModelsAsync(Guid officeId, CancellationToken ct) =>
        await cache.GetOrCreateAsync(("risk", officeId), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = KeptFor;
            var stored = await db.OfficeSummaries.AsNoTracking().Where(s => s.OfficeId == officeId)
                .Select(s => new { s.StepModel, s.TotalModel }).FirstOrDefaultAsync(ct);
            static DeadlineRisk? Load(string? json) => json is null ? null
                : DeadlineRisk.Load(System.Text.Json.JsonSerializer.Deserialize<DeadlineRisk.Learnt>(json, ClosedFigures.Json)!);
            return (Load(stored?.StepModel), Load(stored?.TotalModel));
        });

    /// <summary>Forgets the models read of an office (after the job stored new ones in this process).</summary>
    public void Forget(Guid officeId) => cache.Remove(("risk", officeId));

    /// <summary>The office's steps and cases of the last year, each with the deadline it had and when it ended.</summary>
    public async Task<(List<Episode> Steps, List<Episode> Totals)> HistoryAsync(Guid officeId, CancellationToken ct)
    {
        var since = clock.GetUtcNow().AddYears(-1);
        var office = await db.Offices.AsNoTracking().FirstAsync(o => o.Id == officeId, ct);
        var time = office.WorkingTime(await deadlines.CalendarAsync(ct));
        var cases = await db.Cases.AsNoTracking().Where(c => c.OfficeId == officeId && c.RegisteredAt >= since)
            .Select(c => new { c.Id, c.Service, c.RegulationId, c.AssigneeId, c.RegisteredAt, c.DueAt, c.ClosedAt, c.Step }).ToListAsync(ct);
        var ids = cases.Select(c => c.Id).ToList();
        var regulationIds = cases.Select(c => c.RegulationId).Distinct().ToList();
        var regulations = await db.Regulations.AsNoTracking().Where(r => regulationIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, ct);
        var events = (await db.CaseEvents.AsNoTracking().Where(e => ids.Contains(e.CaseId))
            .Select(e => new { e.Id, e.CaseId, e.At, e.Action, e.FromStep, e.ToStep }).ToListAsync(ct)).ToLookup(e => e.CaseId);

        var steps = new List<Episode>();
        var totals = new List<Episode>();
        foreach (var c in cases)
        {
            totals.Add(new Episode(c.Service, null, c.AssigneeId, c.RegisteredAt, c.DueAt, c.ClosedAt));
            if (!regulations.TryGetValue(c.RegulationId, out var regulation)) continue;
            var history = events[c.Id].OrderBy(e => e.At).ThenBy(e => e.Id).ToList();
            for (var i = 0; i < history.Count; i++)
            {
                var begin = history[i];
                if (begin.FromStep == begin.ToStep || begin.ToStep == Step.Closed || begin.Action == CaseAction.Return) continue;
                var end = history.Skip(i + 1).FirstOrDefault(e => e.FromStep == begin.ToStep && e.ToStep != begin.ToStep);
                var assignee = begin.ToStep == Step.Drafting ? c.AssigneeId : null;
                steps.Add(new Episode(c.Service, begin.ToStep, assignee, begin.At, regulation.For(begin.ToStep).DueFrom(begin.At, time), end?.At));
            }
        }
        return (steps, totals);
    }
}
