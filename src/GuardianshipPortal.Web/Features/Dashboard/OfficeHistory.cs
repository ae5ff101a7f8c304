using System.Text.Json;
using GuardianshipPortal.Cases;
using GuardianshipPortal.Data;
using GuardianshipPortal.Domain;
using GuardianshipPortal.Domain.Cases;
using GuardianshipPortal.Domain.Services;
using GuardianshipPortal.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace GuardianshipPortal.Web.Features.Dashboard;

/// <summary>The cases of one month, service and assignee closed this year: how many, how many on time, and their survey answers.</summary>
public sealed record ClosedFigure(int Month, ServiceCode Service, Guid? Assignee, int Closed, int OnTime, int Answered, int QualitySatisfied, int AccessibilitySatisfied);

/// <summary>The hours a service's cases spent in a step, summed over <see cref="Count"/> passes through it.</summary>
public sealed record StepTime(ServiceCode Service, Step Step, double Hours, int Count);

/// <summary>A closed case as the closed-case figures count it; <see cref="Closed"/> false for a survey answer alone (its case counted before).</summary>
public sealed record ClosedRow(Guid OfficeId, ServiceCode Service, Guid? Assignee, DateTimeOffset ClosedAt, DateTimeOffset DueAt, Satisfaction? Quality,
    Satisfaction? Accessibility, bool Closed = true);

public static class ClosedFigures
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Rows summed by the month (in the office's zone) they closed in, service and assignee.</summary>
    public static List<ClosedFigure> Tally(IEnumerable<ClosedRow> rows, TimeZoneInfo zone) =>
        [.. rows.GroupBy(r => (TimeZoneInfo.ConvertTime(r.ClosedAt, zone).Month, r.Service, r.Assignee))
            .Select(g => new ClosedFigure(g.Key.Month, g.Key.Service, g.Key.Assignee, g.Count(r => r.Closed), g.Count(r => r.Closed && r.ClosedAt <= r.DueAt),
                g.Count(r => r.Quality is not null), g.Count(r => r.Quality == Satisfaction.Satisfied), g.Count(r => r.Accessibility == Satisfaction.Satisfied)))];

    /// <summary>Two tallies as one (the stored one and the cases closed since).</summary>
    public static List<ClosedFigure> Add(IEnumerable<ClosedFigure> a, IEnumerable<ClosedFigure> b) =>
        [.. a.Concat(b).GroupBy(f => (f.Month, f.Service, f.Assignee))
            .Select(g => new ClosedFigure(g.Key.Month, g.Key.Service, g.Key.Assignee, g.Sum(f => f.Closed), g.Sum(f => f.OnTime), g.Sum(f => f.Answered),
                g.Sum(f => f.QualitySatisfied), g.Sum(f => f.AccessibilitySatisfied)))];

    /// <summary>
    /// Time spent in each step: from the event that started it to the event that ended it, over the step-changing events
    /// of each case (in the order they happened).
    /// </summary>
    public static IEnumerable<(Step Step, double Hours)> Spans(IReadOnlyList<(DateTimeOffset At, Step From, Step To)> ordered)
    {
        for (var i = 1; i < ordered.Count; i++)
        {
            if (ordered[i].From == ordered[i].To) continue; // work within a step, not its end
            var started = ordered.Take(i).LastOrDefault(e => e.To == ordered[i].From && e.From != e.To);
            if (started != default) yield return (ordered[i].From, (ordered[i].At - started.At).TotalHours);
        }
    }
}

/// <summary>
/// Reads each office's history in the background and stores what requests need of it (<see cref="OfficeSummary"/>): the
/// deadline-risk models, the step times and the closed-case figures. A request never trains or reads the history.
/// </summary>
public sealed class OfficeHistory(PortalDbContext db, RiskForecasts forecasts, TimeProvider clock, ILogger<OfficeHistory> logger)
{
    /// <summary>The closed-case figures stop this long before the refresh, so that no change still being saved falls between them and a dashboard's own count.</summary>
    public static readonly TimeSpan Margin = TimeSpan.FromMinutes(5);

    /// <summary>Refreshes the summary of every active office that has none or one older than <paramref name="every"/>; returns how many it refreshed.</summary>
    /// <param name="renew">Called before each office (the worker renews its lease there); false stops the round.</param>
    public async Task<int> RunAsync(TimeSpan every, CancellationToken ct, Func<Task<bool>>? renew = null)
    {
        var now = clock.GetUtcNow();
        var due = now - every;
        var offices = await db.Offices.AsNoTracking().Where(o => o.IsActive && !db.OfficeSummaries.Any(s => s.OfficeId == o.Id && s.RefreshedAt > due))
            .OrderBy(o => o.Code).ToListAsync(ct);
        var done = 0;
        foreach (var office in offices)
        {
            if (renew is not null && !await renew()) break;
            await RefreshAsync(office, ct);
            done++;
        }
        return done;
    }

    public async Task RefreshAsync(Office office, CancellationToken ct)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var now = clock.GetUtcNow();
        var cutoff = now - Margin;
        var zone = office.Zone();
        var year = TimeZoneInfo.ConvertTime(cutoff, zone).Year;
        var yearStart = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(new DateTime(year, 1, 1), zone), TimeSpan.Zero);

        var closed = ClosedFigures.Tally(await ClosedRowsAsync(db, [office.Id], yearStart, cutoff, ct), zone);

        // Step times over the cases the dashboard counts: open ones and those closed this year (never those returned to a Center).
        var counted = db.Cases.AsNoTracking().Where(c => c.OfficeId == office.Id && c.CenterReturn == null && (c.Step != Step.Closed || c.ClosedAt >= yearStart));
        var serviceOf = await counted.Select(c => new { c.Id, c.Service }).ToDictionaryAsync(c => c.Id, c => c.Service, ct);
        var events = await db.CaseEvents.AsNoTracking().Where(e => e.FromStep != e.ToStep && counted.Any(c => c.Id == e.CaseId))
            .Select(e => new { e.CaseId, e.At, e.FromStep, e.ToStep }).ToListAsync(ct);
        var stepTimes = events.GroupBy(e => e.CaseId)
            .SelectMany(h => ClosedFigures.Spans([.. h.OrderBy(e => e.At).Select(e => (e.At, e.FromStep, e.ToStep))]).Select(s => (Service: serviceOf[h.Key], s.Step, s.Hours)))
            .GroupBy(s => (s.Service, s.Step)).Select(g => new StepTime(g.Key.Service, g.Key.Step, g.Sum(s => s.Hours), g.Count())).ToList();

        var (steps, totals) = await forecasts.HistoryAsync(office.Id, ct);
        string? Model(List<Episode> history) => history.Count(e => e.Ended is not null) >= DeadlineRisk.MinimumHistory
            ? JsonSerializer.Serialize(DeadlineRisk.Train(history).Save(), ClosedFigures.Json) : null;

        var summary = await db.OfficeSummaries.FirstOrDefaultAsync(s => s.OfficeId == office.Id, ct);
        if (summary is null) db.OfficeSummaries.Add(summary = new OfficeSummary { OfficeId = office.Id });
        summary.RefreshedAt = now;
        summary.Cutoff = cutoff;
        summary.Year = year;
        summary.Closed = closed.Sum(f => f.Closed);
        summary.ClosedOnTime = closed.Sum(f => f.OnTime);
        summary.SurveyAnswered = closed.Sum(f => f.Answered);
        summary.SurveyQualitySatisfied = closed.Sum(f => f.QualitySatisfied);
        summary.ClosedFigures = JsonSerializer.Serialize(closed, ClosedFigures.Json);
        summary.StepTimes = JsonSerializer.Serialize(stepTimes, ClosedFigures.Json);
        summary.StepModel = Model(steps);
        summary.TotalModel = Model(totals);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        forecasts.Forget(office.Id);
        logger.LogInformation("Office {OfficeId} history summarised in {Ms} ms ({Steps} steps, {Cases} cases of the last year)",
            office.Id, (int)System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds, steps.Count, totals.Count);
    }

    /// <summary>
    /// The cases of <paramref name="offices"/> closed in [<paramref name="from"/>, <paramref name="to"/>) as the dashboards count them
    /// (a case returned to a Public Service Center was never served), each with its survey answer if given before <paramref name="to"/>.
    /// </summary>
    public static async Task<List<ClosedRow>> ClosedRowsAsync(PortalDbContext db, IReadOnlyList<Guid> offices, DateTimeOffset from, DateTimeOffset? to, CancellationToken ct)
    {
        var cases = db.Cases.AsNoTracking().Where(c => offices.Contains(c.OfficeId) && c.Step == Step.Closed && c.CenterReturn == null && c.ClosedAt >= from);
        if (to is { } end) cases = cases.Where(c => c.ClosedAt < end);
        var answers = db.SurveyAnswers.AsNoTracking().Where(a => offices.Contains(a.OfficeId));
        if (to is { } before) answers = answers.Where(a => a.AnsweredAt < before);
        return await (from c in cases
                      join a in answers on new { c.Id, c.OfficeId } equals new { Id = a.CaseId, a.OfficeId } into given
                      from a in given.DefaultIfEmpty()
                      select new ClosedRow(c.OfficeId, c.Service, c.AssigneeId, c.ClosedAt!.Value, c.DueAt,
                          a == null ? null : a.Quality, a == null ? null : a.Accessibility, true))
            .ToListAsync(ct);
    }
}

/// <summary>
/// Runs <see cref="OfficeHistory"/> every <c>Forecast:RefreshMinutes</c> (default 30), the first round at start. One instance of
/// those sharing the database does it (a job lease, renewed before each office); the others read what it stored.
/// </summary>
public sealed class OfficeHistoryWorker(IServiceScopeFactory scopes, TimeProvider clock, TimeSpan every, ILogger<OfficeHistoryWorker> logger) : BackgroundService
{
    public const string LeaseName = "office-history";

    private readonly string _holder = JobLeases.NewHolder();

    /// <summary>One round: if this instance holds (or takes) the lease, refresh the offices that are due.</summary>
    public static async Task<int> RoundAsync(IServiceProvider services, string holder, TimeSpan every, CancellationToken ct)
    {
        var db = services.GetRequiredService<PortalDbContext>();
        var clock = services.GetRequiredService<TimeProvider>();
        // The lease outlasts one office's refresh by far; it is renewed before each.
        var lease = TimeSpan.FromMinutes(10);
        if (!await db.TryTakeAsync(LeaseName, holder, lease, clock.GetUtcNow(), ct)) return 0;
        return await services.GetRequiredService<OfficeHistory>().RunAsync(every, ct, () => db.TryTakeAsync(LeaseName, holder, lease, clock.GetUtcNow(), ct));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // A minute's tick: an office is refreshed when its summary is older than the period, whichever instance did it last.
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await RoundAsync(scope.ServiceProvider, _holder, every, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Summarising the offices' history failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
