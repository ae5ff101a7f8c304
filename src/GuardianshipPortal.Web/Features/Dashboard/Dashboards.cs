using System.Text.Json;
using GuardianshipPortal.Cases;
using GuardianshipPortal.Data;
using GuardianshipPortal.Domain;
using GuardianshipPortal.Domain.Cases;
using GuardianshipPortal.Domain.Services;
using GuardianshipPortal.Domain.Workflow;
using GuardianshipPortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GuardianshipPortal.Web.Features.Dashboard;

public sealed record SpecialistStats(string Name, int Open, int Closed, int ClosedOnTime, Guid? Id = null)
{
    public double? OnTimeRate => Closed == 0 ? null : (double)ClosedOnTime / Closed;
}

/// <summary>The survey of one month and service: results issued, answers, and how many were satisfied with each question.</summary>
public sealed record SurveyRow(int Month, ServiceCode Service, int Issued, int Answered, int QualitySatisfied, int AccessibilitySatisfied);

/// <summary>An open case the forecast flags, for the dashboard's list (most likely to be late first).</summary>
public sealed record AtRisk(Guid Id, string Number, ServiceCode Service, Step Step, CaseRisk Risk);

public sealed record StepStats(Step Step, double? AverageHours, int Samples);

public sealed record OfficeDashboard(
    Office Office,
    IReadOnlyDictionary<(ServiceCode Service, Step Step), int> Open,
    int OpenTotal, int Overdue, int DueSoon, int ClosedThisYear, int ClosedOnTime,
    IReadOnlyList<SpecialistStats> Specialists,
    IReadOnlyDictionary<ServiceCode, IReadOnlyList<StepStats>> StepTimes,
    IReadOnlyDictionary<ServiceCode, Regulation> Regulations,
    IReadOnlyList<AtRisk>? AtRisk = null,
    IReadOnlyList<SurveyRow>? Survey = null)
{
    public int SurveyIssued => Survey?.Sum(r => r.Issued) ?? 0;
    public int SurveyAnswered => Survey?.Sum(r => r.Answered) ?? 0;
    public double? SurveyShare => SurveyIssued == 0 ? null : (double)SurveyAnswered / SurveyIssued;
    public double? SurveySatisfied => SurveyAnswered == 0 ? null : (double)(Survey!.Sum(r => r.QualitySatisfied)) / SurveyAnswered;

    public double? OnTimeRate => ClosedThisYear == 0 ? null : (double)ClosedOnTime / ClosedThisYear;
}

/// <summary>One office's line of the supervisor's comparison: its open cases, those closed this year and their survey.</summary>
public sealed record OfficeFigures(Office Office, int OpenTotal, int Overdue, int DueSoon, int ClosedThisYear, int ClosedOnTime, int SurveyAnswered, int SurveyQualitySatisfied)
{
    public double? OnTimeRate => ClosedThisYear == 0 ? null : (double)ClosedOnTime / ClosedThisYear;
    /// <summary>Every result issued this year was offered the survey.</summary>
    public double? SurveyShare => ClosedThisYear == 0 ? null : (double)SurveyAnswered / ClosedThisYear;
    public double? SurveySatisfied => SurveyAnswered == 0 ? null : (double)SurveyQualitySatisfied / SurveyAnswered;
}

/// <summary>
/// The figures of the dashboards. Open cases are read live (a small share of all, through IX_Cases_Open); what was
/// closed this year comes from the office's stored summary (<see cref="OfficeHistory"/>, up to its cutoff) plus the
/// cases closed and the survey answers given since, so every count is exact now while no request reads the year.
/// Step times and the forecast are the summary's.
/// </summary>
public sealed class Dashboards(PortalReadDbContext db, Deadlines deadlines, TimeProvider clock, ServiceCatalog services, RiskForecasts forecasts)
{
    private sealed record Stored(Guid OfficeId, DateTimeOffset Cutoff, int Year, int Closed, int ClosedOnTime, int SurveyAnswered, int SurveyQualitySatisfied);

    private static DateTimeOffset YearStart(Office office, int year) =>
        new(TimeZoneInfo.ConvertTimeToUtc(new DateTime(year, 1, 1), office.Zone()), TimeSpan.Zero);

    public async Task<OfficeDashboard> ForOfficeAsync(Office office, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var zone = office.Zone();
        var today = office.LocalDate(now);
        var urgency = UrgencyRule.At(now, office.WorkingTime(await deadlines.CalendarAsync(ct)));

        // Documents returned to a Public Service Center were never served: they count neither as open nor as closed (an open
        // case has none: the return closes it).
        var open = await db.Cases.AsNoTracking().Where(c => c.OfficeId == office.Id && c.Step != Step.Closed)
            .Select(c => new { c.Id, c.Number, c.Service, c.Step, c.StepDueAt, c.DueAt, c.AssigneeId, Suspended = c.SuspendedAt != null,
                c.StepStartedAt, c.RegisteredAt }).ToListAsync(ct);

        var summary = await db.OfficeSummaries.AsNoTracking().Where(s => s.OfficeId == office.Id)
            .Select(s => new { s.Cutoff, s.Year, s.ClosedFigures, s.StepTimes }).FirstOrDefaultAsync(ct);
        var usable = summary is not null && summary.Year == today.Year;
        var stored = usable ? JsonSerializer.Deserialize<List<ClosedFigure>>(summary!.ClosedFigures, ClosedFigures.Json)! : [];
        var since = await SinceAsync([office], usable ? new Dictionary<Guid, DateTimeOffset> { [office.Id] = summary!.Cutoff } : [], today.Year, ct);
        var closed = ClosedFigures.Add(stored, ClosedFigures.Tally(since, zone));

        var assignees = open.Where(c => c.AssigneeId != null).Select(c => c.AssigneeId!.Value).Concat(closed.Where(f => f.Assignee != null).Select(f => f.Assignee!.Value))
            .Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => assignees.Contains(u.Id)).Select(u => new { u.Id, u.FullName }).ToDictionaryAsync(u => u.Id, u => u.FullName, ct);
        var specialists = assignees
            .Select(id => new SpecialistStats(names.GetValueOrDefault(id, "?"), open.Count(c => c.AssigneeId == id),
                closed.Where(f => f.Assignee == id).Sum(f => f.Closed), closed.Where(f => f.Assignee == id).Sum(f => f.OnTime), id))
            .OrderBy(s => s.Name).ToList();

        // Step times as the background job last read them (none before its first round).
        var spans = summary is null ? [] : JsonSerializer.Deserialize<List<StepTime>>(summary.StepTimes, ClosedFigures.Json)!;
        var stepTimes = services.Codes.ToDictionary(s => s, s => (IReadOnlyList<StepStats>)
            [.. Workflow.Steps.Where(step => step != Step.Registration).Select(step =>
            {
                var t = spans.FirstOrDefault(x => x.Service == s && x.Step == step);
                return new StepStats(step, t is null || t.Count == 0 ? null : t.Hours / t.Count, t?.Count ?? 0);
            })]);
        var known = (await deadlines.RegulationsAsync(ct: ct)).Values;
        var regulations = services.Codes.ToDictionary(s => s, s => Deadlines.InForce(known, s, office.RegionId, today));

        var survey = closed.Where(f => f.Closed > 0 || f.Answered > 0).GroupBy(f => (f.Month, f.Service)).OrderBy(g => g.Key.Month).ThenBy(g => g.Key.Service)
            .Select(g => new SurveyRow(g.Key.Month, g.Key.Service, g.Sum(f => f.Closed), g.Sum(f => f.Answered), g.Sum(f => f.QualitySatisfied), g.Sum(f => f.AccessibilitySatisfied)))
            .ToList();

        var risks = await forecasts.ForAsync([.. open.Where(c => !c.Suspended)
            .Select(c => new OpenCase(c.Id, office.Id, c.Service, c.Step, c.AssigneeId, c.StepStartedAt, c.StepDueAt, c.RegisteredAt, c.DueAt))], ct);
        var atRisk = open.Where(c => risks.TryGetValue(c.Id, out var r) && r.Flagged)
            .Select(c => new AtRisk(c.Id, c.Number, c.Service, c.Step, risks[c.Id])).OrderByDescending(a => a.Risk.Highest).Take(15).ToList();

        return new OfficeDashboard(
            office,
            open.GroupBy(c => (c.Service, c.Step)).ToDictionary(g => g.Key, g => g.Count()),
            open.Count,
            open.Count(c => urgency.Of(c.Step, c.StepDueAt, c.DueAt, c.Suspended) == Urgency.Overdue),
            open.Count(c => urgency.Of(c.Step, c.StepDueAt, c.DueAt, c.Suspended) == Urgency.DueSoon),
            closed.Sum(f => f.Closed),
            closed.Sum(f => f.OnTime),
            specialists, stepTimes, regulations, risks.Count == 0 && open.Count > 0 ? null : atRisk, survey);
    }

    /// <summary>
    /// The cases closed this year since each office's cutoff (since the year's start where there is none), and the survey
    /// answers given since the cutoff for cases closed before it (their case counted in the stored figures already).
    /// </summary>
    private async Task<List<ClosedRow>> SinceAsync(IReadOnlyList<Office> offices, IReadOnlyDictionary<Guid, DateTimeOffset> cutoffs, int year, CancellationToken ct)
    {
        var starts = offices.ToDictionary(o => o.Id, o => YearStart(o, year));
        DateTimeOffset From(Guid office) => cutoffs.TryGetValue(office, out var c) && c > starts[office] ? c : starts[office];
        var ids = offices.Select(o => o.Id).ToList();
        var earliest = ids.Min(From);
        var rows = (await OfficeHistory.ClosedRowsAsync(db, ids, earliest, null, ct)).Where(r => r.ClosedAt >= From(r.OfficeId)).ToList();
        if (cutoffs.Count == 0) return rows;
        var firstCutoff = cutoffs.Values.Min();
        var yearStart = starts.Values.Min();
        var late = await (from a in db.SurveyAnswers.AsNoTracking()
                          where ids.Contains(a.OfficeId) && a.AnsweredAt >= firstCutoff
                          join c in db.Cases.AsNoTracking() on new { Id = a.CaseId, a.OfficeId } equals new { c.Id, c.OfficeId }
                          where c.Step == Step.Closed && c.CenterReturn == null && c.ClosedAt >= yearStart
                          select new { a.AnsweredAt, Row = new ClosedRow(c.OfficeId, c.Service, c.AssigneeId, c.ClosedAt!.Value, c.DueAt, a.Quality, a.Accessibility, false) })
            .ToListAsync(ct);
        rows.AddRange(late.Where(x => cutoffs.TryGetValue(x.Row.OfficeId, out var cut) && x.AnsweredAt >= cut && x.Row.ClosedAt < cut && x.Row.ClosedAt >= starts[x.Row.OfficeId])
            .Select(x => x.Row));
        return rows;
    }

    /// <summary>The supervisor's comparison: a few grouped queries over all the offices, not a dashboard per office.</summary>
    public async Task<IReadOnlyList<OfficeFigures>> ForRegionAsync(IReadOnlyList<Office> offices, CancellationToken ct)
    {
        if (offices.Count == 0) return [];
        var now = clock.GetUtcNow();
        var calendar = await deadlines.CalendarAsync(ct);
        var ids = offices.Select(o => o.Id).ToList();
        // Open cases have no return to a Public Service Center (the return closes a case): the region's open cases are read from
        // their index alone. "Due soon" ends at each office's own limit (its working time): one grouped statement per distinct
        // limit, for the usual region one.
        var open = new Dictionary<Guid, (int Open, int Overdue, int Soon)>();
        foreach (var group in offices.GroupBy(o => UrgencyRule.At(now, o.WorkingTime(calendar)).SoonLimit))
        {
            var (limit, members) = (group.Key, group.Select(o => o.Id).ToList());
            foreach (var x in await db.Cases.AsNoTracking().Where(c => members.Contains(c.OfficeId) && c.Step != Step.Closed).GroupBy(c => c.OfficeId)
                         .Select(g => new
                         {
                             Office = g.Key, Open = g.Count(), Overdue = g.Count(c => c.SuspendedAt == null && (c.StepDueAt < now || c.DueAt < now)),
                             Soon = g.Count(c => c.SuspendedAt == null && (c.StepDueAt == null || c.StepDueAt >= now) && c.DueAt >= now
                                 && (c.StepDueAt < limit || c.DueAt < limit)),
                         })
                         .ToListAsync(ct))
                open[x.Office] = (x.Open, x.Overdue, x.Soon);
        }

        var year = offices.Select(o => o.LocalDate(now).Year).Max();
        var stored = (await db.OfficeSummaries.AsNoTracking().Where(s => ids.Contains(s.OfficeId))
                .Select(s => new Stored(s.OfficeId, s.Cutoff, s.Year, s.Closed, s.ClosedOnTime, s.SurveyAnswered, s.SurveyQualitySatisfied)).ToListAsync(ct))
            .Where(s => s.Year == offices.Single(o => o.Id == s.OfficeId).LocalDate(now).Year).ToDictionary(s => s.OfficeId);
        var since = await SinceAsync(offices, stored.ToDictionary(s => s.Key, s => s.Value.Cutoff), year, ct);
        return [.. offices.Select(o =>
        {
            var s = stored.GetValueOrDefault(o.Id);
            var rows = since.Where(r => r.OfficeId == o.Id).ToList();
            var counted = rows.Where(r => r.Closed).ToList();
            var (openNow, overdue, dueSoon) = open.GetValueOrDefault(o.Id);
            return new OfficeFigures(o, openNow, overdue, dueSoon,
                (s?.Closed ?? 0) + counted.Count, (s?.ClosedOnTime ?? 0) + counted.Count(r => r.ClosedAt <= r.DueAt),
                (s?.SurveyAnswered ?? 0) + rows.Count(r => r.Quality is not null), (s?.SurveyQualitySatisfied ?? 0) + rows.Count(r => r.Quality == Satisfaction.Satisfied));
        })];
    }
}
