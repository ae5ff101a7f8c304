using GuardianshipPortal.Data;
using GuardianshipPortal.Domain;
using GuardianshipPortal.Domain.Calendar;
using GuardianshipPortal.Domain.Cases;
using GuardianshipPortal.Domain.Services;
using GuardianshipPortal.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace GuardianshipPortal.Cases;

/// <summary>Computes the due times of steps and of the whole service from the regulation and the working calendar.</summary>
public sealed class Deadlines(PortalDbContext db, CalendarCache cache)
{
    private WorkingCalendar? _calendar;

    /// <summary>The regulation of a service in force on a date: the region's own if it has one, else the default.</summary>
    public async Task<Regulation> RegulationInForceAsync(ServiceCode service, Guid regionId, DateOnly on, CancellationToken ct = default)
    {
        var candidates = await db.Regulations.AsNoTracking()
            .Where(r => r.Service == service && (r.RegionId == regionId || r.RegionId == null) && r.EffectiveFrom <= on)
            .ToListAsync(ct);
        return candidates.OrderByDescending(r => r.RegionId.HasValue).ThenByDescending(r => r.EffectiveFrom).FirstOrDefault()
            ?? throw new InvalidOperationException($"No regulation for {service} on {on}.");
    }

    /// <summary>The working calendar (read from the database at most once a minute, and at once after this process changed it).</summary>
    public async Task<WorkingCalendar> CalendarAsync(CancellationToken ct = default) =>
        _calendar ??= cache.Get() ?? cache.Keep(new WorkingCalendar(await db.CalendarDays.AsNoTracking().ToListAsync(ct)));

    /// <summary>
    /// Starts <paramref name="step"/> on the case now: records the start and the due time (none for Closed). Rework after a
    /// return (or a revoked result) does not get a whole drafting period again: it gets the rework period
    /// (<see cref="PortalSetting.ReworkWorkingDays"/>, 1 working day by default) and never runs past the service's total term.
    /// </summary>
    public async Task StartStepAsync(Case @case, Office office, Step step, DateTimeOffset now, CancellationToken ct = default, bool rework = false)
    {
        @case.Step = step;
        @case.StepStartedAt = now;
        if (step == Step.Closed)
        {
            @case.StepDueAt = null;
            return;
        }
        var time = office.WorkingTime(await CalendarAsync(ct));
        if (rework)
        {
            var due = Duration.WorkingDays(await ReworkDaysAsync(ct)).DueFrom(now, time);
            @case.StepDueAt = due < @case.DueAt ? due : @case.DueAt;
            return;
        }
        var regulation = await db.Regulations.AsNoTracking().FirstAsync(r => r.Id == @case.RegulationId, ct);
        @case.StepDueAt = regulation.For(step).DueFrom(now, time);
    }

    private async Task<int> ReworkDaysAsync(CancellationToken ct) =>
        int.TryParse(await db.Settings.AsNoTracking().Where(s => s.Key == PortalSetting.ReworkWorkingDays).Select(s => s.Value).FirstOrDefaultAsync(ct),
            out var days) && days > 0 ? days : PortalSetting.DefaultReworkWorkingDays;

    /// <summary>The overall due date of a case registered now under <paramref name="regulation"/>.</summary>
    public async Task<DateTimeOffset> TotalDueAsync(Regulation regulation, Office office, DateTimeOffset registeredAt, CancellationToken ct = default) =>
        regulation.Total.DueFrom(registeredAt, office.WorkingTime(await CalendarAsync(ct)));
}

/// <summary>
/// The working calendar as last read, shared by the requests of the process: every page with deadlines counts in it, and its
/// days change a few times a year. A change made here is seen at once (<see cref="Forget"/>); one made by another instance
/// sharing the database within a minute.
/// </summary>
public sealed class CalendarCache(TimeProvider clock)
{
    private static readonly TimeSpan KeptFor = TimeSpan.FromMinutes(1);
    private (WorkingCalendar Calendar, long ReadAt)? _kept;

    public WorkingCalendar? Get() =>
        _kept is { } kept && clock.GetElapsedTime(kept.ReadAt) < KeptFor ? kept.Calendar : null;

    public WorkingCalendar Keep(WorkingCalendar calendar)
    {
        _kept = (calendar, clock.GetTimestamp());
        return calendar;
    }

    public void Forget() => _kept = null;
}
