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

/// <summary>The figures of an office's dashboard, computed from cases and their history (one pass each, in memory).</summary>
public sealed class Dashboards(PortalReadDbContext db, Deadlines deadlines, TimeProvider clock, ServiceCatalog services, RiskForecasts forecasts)
{
    public async Task<OfficeDashboard> ForOfficeAsync(Office office, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var zone = office.Zone();
        var today = office.LocalDate(now);
        var urgency = UrgencyRule.At(now, office.WorkingTime(await deadlines.CalendarAsync(ct)));
        var yearStart = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(new DateTime(today.Year, 1, 1), zone), TimeSpan.Zero);

        // Documents returned to a Public Service Center were never served: they count neither as open nor as closed.
        var counted = db.Cases.AsNoTracking().Where(c => c.OfficeId == office.Id && c.CenterReturn == null && (c.Step != Step.Closed || c.ClosedAt >= yearStart));
        var cases = await counted
            .Select(c => new { c.Id, c.Number, c.Service, c.Step, c.StepDueAt, c.DueAt, c.ClosedAt, c.AssigneeId, Suspended = c.SuspendedAt != null,
                c.StepStartedAt, c.RegisteredAt }).ToListAsync(ct);
        var open = cases.Where(c => c.Step != Step.Closed).ToList();
        var closed = cases.Where(c => c.Step == Step.Closed).ToList();

        var assignees = cases.Where(c => c.AssigneeId != null).Select(c => c.AssigneeId!.Value).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => assignees.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.FullName, ct);
        var specialists = cases.Where(c => c.AssigneeId != null).GroupBy(c => c.AssigneeId!.Value)
            .Select(g => new SpecialistStats(names.GetValueOrDefault(g.Key, "?"),
                g.Count(c => c.Step != Step.Closed), g.Count(c => c.Step == Step.Closed), g.Count(c => c.Step == Step.Closed && c.ClosedAt <= c.DueAt), g.Key))
            .OrderBy(s => s.Name).ToList();

        // Time spent in each step: from the event that started it to the event that ended it.
        // Only the events that move a case from step to step matter here; joined to the same cases in the database
        // rather than sent back as a list of thousands of ids.
        var events = await db.CaseEvents.AsNoTracking().Where(e => e.FromStep != e.ToStep && counted.Any(c => c.Id == e.CaseId))
            .Select(e => new { e.CaseId, e.At, e.FromStep, e.ToStep }).ToListAsync(ct);
        var serviceOf = cases.ToDictionary(c => c.Id, c => c.Service);
        var spans = new List<(ServiceCode Service, Step Step, double Hours)>();
        foreach (var history in events.GroupBy(e => e.CaseId))
        {
            var ordered = history.OrderBy(e => e.At).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                if (ordered[i].FromStep == ordered[i].ToStep) continue; // work within a step, not its end
                var started = ordered.Take(i).LastOrDefault(e => e.ToStep == ordered[i].FromStep && e.FromStep != e.ToStep);
                if (started is not null) spans.Add((serviceOf[history.Key], ordered[i].FromStep, (ordered[i].At - started.At).TotalHours));
            }
        }
        var stepTimes = services.Codes.ToDictionary(s => s, s => (IReadOnlyList<StepStats>)
            [.. Workflow.Steps.Where(step => step != Step.Registration).Select(step =>
            {
                var sample = spans.Where(x => x.Service == s && x.Step == step).Select(x => x.Hours).ToList();
                return new StepStats(step, sample.Count == 0 ? null : sample.Average(), sample.Count);
            })]);
        var regulations = new Dictionary<ServiceCode, Regulation>();
        foreach (var s in services.Codes) regulations[s] = await deadlines.RegulationInForceAsync(s, office.RegionId, today, ct);

        var answers = await db.SurveyAnswers.AsNoTracking()
            .Where(a => a.OfficeId == office.Id && counted.Any(c => c.Id == a.CaseId && c.Step == Step.Closed))
            .Select(a => new { a.CaseId, a.Quality, a.Accessibility }).ToListAsync(ct);
        var answerOf = answers.ToDictionary(a => a.CaseId);
        var survey = closed.GroupBy(c => (TimeZoneInfo.ConvertTime(c.ClosedAt!.Value, zone).Month, c.Service)).OrderBy(g => g.Key.Month).ThenBy(g => g.Key.Service)
            .Select(g =>
            {
                var given = g.Where(c => answerOf.ContainsKey(c.Id)).Select(c => answerOf[c.Id]).ToList();
                return new SurveyRow(g.Key.Month, g.Key.Service, g.Count(), given.Count,
                    given.Count(a => a.Quality == Satisfaction.Satisfied), given.Count(a => a.Accessibility == Satisfaction.Satisfied));
            }).ToList();

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
            closed.Count,
            closed.Count(c => c.ClosedAt <= c.DueAt),
            specialists, stepTimes, regulations, risks.Count == 0 && open.Count > 0 ? null : atRisk, survey);
    }
}
