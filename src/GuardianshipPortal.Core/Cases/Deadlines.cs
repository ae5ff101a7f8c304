using GuardianshipPortal.Data;
using GuardianshipPortal.Domain;
using GuardianshipPortal.Domain.Calendar;
using GuardianshipPortal.Domain.Cases;
using GuardianshipPortal.Domain.Services;
using GuardianshipPortal.Domain.Workflow;
using Microsoft.EntityFrameworkCore;

namespace GuardianshipPortal.Cases;

/// <summary>Computes the due times of steps and of the whole service from the regulation and the working calendar.</summary>
public sealed class Deadlines(PortalDbContext db, CalendarCache cache, RegulationCache regulationCache)
{
    private WorkingCalendar? _calendar;
    private IReadOnlyDictionary<Guid, Regulation>? _regulations;
    /// <summary>Regulations this request read from the database (a registration starts its first step under the one it just read).</summary>
    private readonly Dictionary<Guid, Regulation> _read = [];

    /// <summary>The regulation of a service in force on a date: the region's own if it has one, else the default.</summary>
    public async Task<Regulation> RegulationInForceAsync(ServiceCode service, Guid regionId, DateOnly on, CancellationToken ct = default)
    {
        var candidates = await db.Regulations.AsNoTracking()
            .Where(r => r.Service == service && (r.RegionId == regionId || r.RegionId == null) && r.EffectiveFrom <= on)
            .ToListAsync(ct);
        foreach (var r in candidates) _read[r.Id] = r;
        return InForce(candidates, service, regionId, on);
    }

    /// <summary>The regulation in force among <paramref name="regulations"/> (the rule of <see cref="RegulationInForceAsync"/>).</summary>
    public static Regulation InForce(IEnumerable<Regulation> regulations, ServiceCode service, Guid regionId, DateOnly on) =>
        regulations.Where(r => r.Service == service && (r.RegionId == regionId || r.RegionId == null) && r.EffectiveFrom <= on)
            .OrderByDescending(r => r.RegionId.HasValue).ThenByDescending(r => r.EffectiveFrom).FirstOrDefault()
        ?? throw new InvalidOperationException($"No regulation for {service} on {on}.");

    /// <summary>
    /// Every regulation by its id as pages show them (read at most once a minute, at once after this process changed one).
    /// The instances are shared by requests: never change one.
    /// </summary>
    /// <param name="needed">Regulations the caller's cases name: one the kept ones lack (saved a moment ago by another instance
    /// sharing the database, which its cases already use) makes them read again.</param>
    public async Task<IReadOnlyDictionary<Guid, Regulation>> RegulationsAsync(IEnumerable<Guid>? needed = null, CancellationToken ct = default)
    {
        var known = _regulations ?? regulationCache.Get();
        if (known is not null && (needed is null || needed.All(known.ContainsKey))) return _regulations = known;
        var generation = regulationCache.Generation;
        return _regulations = regulationCache.Keep(await db.Regulations.AsNoTracking().ToDictionaryAsync(r => r.Id, ct), generation);
    }

    /// <summary>The working calendar (read from the database at most once a minute, and at once after this process changed it).</summary>
    public async Task<WorkingCalendar> CalendarAsync(CancellationToken ct = default)
    {
        if (_calendar is not null) return _calendar;
        if (cache.Get() is { } kept) return _calendar = kept;
        // A change made while this read runs makes the read's calendar stale: it serves this request and is not kept.
        var generation = cache.Generation;
        return _calendar = cache.Keep(new WorkingCalendar(await db.CalendarDays.AsNoTracking().ToListAsync(ct)), generation);
    }

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
        if (!_read.TryGetValue(@case.RegulationId, out var regulation))
            _read[@case.RegulationId] = regulation = await db.Regulations.AsNoTracking().FirstAsync(r => r.Id == @case.RegulationId, ct);
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
/// Reference data as last read, shared by the requests of the process: every page with deadlines counts in the working
/// calendar and shows terms of the regulations, and both change a few times a year. A change made here is seen at once
/// (<see cref="Forget"/>); one made by another instance sharing the database within a minute.
/// </summary>
public class ReferenceCache<T>(TimeProvider clock) where T : class
{
    private static readonly TimeSpan KeptFor = TimeSpan.FromMinutes(1);
    private sealed record Kept(T Value, long ReadAt);
    private volatile Kept? _kept;
    private int _generation;

    /// <summary>Counts the changes: a value read before the latest one is not kept.</summary>
    public int Generation => Volatile.Read(ref _generation);

    public T? Get() => _kept is { } kept && clock.GetElapsedTime(kept.ReadAt) < KeptFor ? kept.Value : null;

    /// <param name="generation">The <see cref="Generation"/> read before the value was.</param>
    public T Keep(T value, int generation)
    {
        var kept = new Kept(value, clock.GetTimestamp());
        if (generation == Generation) _kept = kept;
        // A change that came between the check and the store takes the stored value back out.
        if (generation != Generation) _kept = null;
        return value;
    }

    public void Forget()
    {
        Interlocked.Increment(ref _generation);
        _kept = null;
    }
}

/// <summary>The working calendar (forgotten by the administrator's calendar actions).</summary>
public sealed class CalendarCache(TimeProvider clock) : ReferenceCache<WorkingCalendar>(clock);

/// <summary>
/// Every regulation by its id, for what pages show (queues' reminder shares, the dashboard's terms, the case page's):
/// a few per service and region. Forgotten by the administrator's regulation actions; what registers or moves a case reads
/// the database.
/// </summary>
public sealed class RegulationCache(TimeProvider clock) : ReferenceCache<IReadOnlyDictionary<Guid, Regulation>>(clock);
