using GuardianshipPortal.Data;
using GuardianshipPortal.Domain;
using GuardianshipPortal.Domain.Calendar;
using GuardianshipPortal.Domain.Cases;
using GuardianshipPortal.Domain.Services;
using GuardianshipPortal.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace GuardianshipPortal.Cases;

/// <summary>Computes the due times of steps and of the whole service from the regulation and the working calendar.</summary>
public sealed class Deadlines(PortalDbContext db)
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

    public async Task<WorkingCalendar> CalendarAsync(CancellationToken ct = default) =>
        _calendar ??= new WorkingCalendar(await db.CalendarDays.AsNoTracking().ToListAsync(ct));

    /// <summary>Starts <paramref name="step"/> on the case now: records the start and the due time (none for Closed).</summary>
    public async Task StartStepAsync(Case @case, Office office, Step step, DateTimeOffset now, CancellationToken ct = default)
    {
        @case.Step = step;
        @case.StepStartedAt = now;
        if (step == Step.Closed)
        {
            @case.StepDueAt = null;
            return;
        }
        var regulation = await db.Regulations.AsNoTracking().FirstAsync(r => r.Id == @case.RegulationId, ct);
        @case.StepDueAt = regulation.For(step).DueFrom(now, office.WorkingTime(await CalendarAsync(ct)));
    }

    /// <summary>The overall due date of a case registered now under <paramref name="regulation"/>.</summary>
    public async Task<DateTimeOffset> TotalDueAsync(Regulation regulation, Office office, DateTimeOffset registeredAt, CancellationToken ct = default) =>
        regulation.Total.DueFrom(registeredAt, office.WorkingTime(await CalendarAsync(ct)));
}
