using GuardianshipPortal.Cases;
using GuardianshipPortal.Data;
using GuardianshipPortal.Domain;
using GuardianshipPortal.Domain.Cases;
using GuardianshipPortal.Domain.Workflow;
using GuardianshipPortal.Messaging;
using GuardianshipPortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace GuardianshipPortal.Web.Features.Terms;

/// <summary>
/// The escalation ladder's messages: when a step has used its regulation's share of its time the assignee is reminded,
/// when the step's time is up the heads of the office, and when the total term is up the region's supervisors — each
/// once per step and rung (the outbox's idempotency key), by e-mail, in Kazakh and Russian, with the case's address.
/// A suspended case climbs nothing.
/// </summary>
public sealed class EscalationReminders(
    PortalDbContext db, Deadlines deadlines, TimeProvider clock, PublicAddress address, IStringLocalizerFactory localizers)
{
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var calendar = await deadlines.CalendarAsync(ct);
        var open = await db.Cases.AsNoTracking()
            .Where(c => c.Step != Step.Closed && c.SuspendedAt == null && c.StepDueAt != null)
            .Select(c => new { c.Id, c.Number, c.Service, c.Step, c.StepStartedAt, c.StepDueAt, c.DueAt, c.AssigneeId, c.OfficeId, c.RegulationId })
            .ToListAsync(ct);
        if (open.Count == 0) return 0;
        var offices = await db.Offices.AsNoTracking().ToDictionaryAsync(o => o.Id, ct);
        var regulationIds = open.Select(c => c.RegulationId).Distinct().ToList();
        var shares = await db.Regulations.AsNoTracking().Where(r => regulationIds.Contains(r.Id)).Select(r => new { r.Id, r.ReminderSharePercent }).ToDictionaryAsync(r => r.Id, r => r.ReminderSharePercent, ct);

        // The rung each case stands on; then, in one query each, the reminders already written and the people to tell.
        var due = open.Select(c => (Case: c, Office: offices[c.OfficeId], Rung: EscalationLadder.Of(c.Step, c.StepStartedAt, c.StepDueAt, c.DueAt, now,
                offices[c.OfficeId].WorkingTime(calendar), shares.GetValueOrDefault(c.RegulationId, EscalationLadder.DefaultSharePercent))))
            .Where(d => d.Rung != Escalation.None).ToList();
        if (due.Count == 0) return 0;
        var dueIds = due.Select(d => (Guid?)d.Case.Id).ToList();
        var sent = (await db.OutboxMessages.AsNoTracking().Where(m => dueIds.Contains(m.CaseId) && m.Event.StartsWith("Escalation"))
            .Select(m => m.IdempotencyKey).ToListAsync(ct)).ToHashSet();
        var assigneeIds = due.Where(d => d.Rung == Escalation.Assignee && d.Case.AssigneeId != null).Select(d => d.Case.AssigneeId!.Value).Distinct().ToList();
        var assignees = await db.Users.AsNoTracking().Where(u => assigneeIds.Contains(u.Id) && u.IsActive).ToDictionaryAsync(u => u.Id, ct);
        var heads = new Dictionary<Guid, List<PortalUser>>();
        var supervisors = new Dictionary<Guid, List<PortalUser>>();
        async Task<List<PortalUser>> HeadsAsync(Guid officeId) => heads.TryGetValue(officeId, out var found) ? found
            : heads[officeId] = await db.StaffInRole(officeId, Roles.Head).AsNoTracking().ToListAsync(ct);
        async Task<List<PortalUser>> SupervisorsAsync(Guid regionId) => supervisors.TryGetValue(regionId, out var found) ? found
            : supervisors[regionId] = await (from u in db.Users.AsNoTracking()
                                             join ur in db.UserRoles on u.Id equals ur.UserId
                                             join r in db.Roles on ur.RoleId equals r.Id
                                             where r.Name == Roles.Supervisor && u.RegionId == regionId && u.IsActive
                                             select u).ToListAsync(ct);

        var written = 0;
        foreach (var (c, office, rung) in due)
        {
            IReadOnlyList<PortalUser> recipients = rung switch
            {
                Escalation.Assignee when c.AssigneeId is { } assignee => assignees.TryGetValue(assignee, out var user) ? [user] : [],
                Escalation.Assignee or Escalation.Head => await HeadsAsync(office.Id),
                _ => await SupervisorsAsync(office.RegionId),
            };
            // The total term's rung is once per case; a step's rungs once per step (a returned draft starts its step anew).
            var occasion = rung == Escalation.Supervisor ? "total" : $"{(int)c.Step}.{c.StepStartedAt.ToUnixTimeSeconds()}";
            foreach (var user in recipients.Where(u => !string.IsNullOrWhiteSpace(u.Email)))
            {
                var key = $"remind:{c.Id:N}:{occasion}:{(int)rung}:{user.Id:N}";
                if (!sent.Add(key)) continue;
                db.OutboxMessages.Add(new OutboxMessage
                {
                    Channel = OutboxChannel.Email, Stream = $"staff:{user.Id:N}", CaseId = c.Id, Event = "Escalation" + rung,
                    Recipient = user.Email!, Subject = Text("Remind_Subject_" + rung, c.Number), Body = Body(rung, c.Number, c.Service.ToString(), c.Id, office, c.StepDueAt, c.DueAt),
                    Language = Language.Kazakh, IdempotencyKey = key, CreatedAt = now, NextAttemptAt = now,
                });
                written++;
            }
        }
        await db.SaveChangesAsync(ct);
        return written;
    }

    private string Text(string key, params object[] args) =>
        $"{In(Language.Kazakh)[key, args]} / {In(Language.Russian)[key, args]}";

    private IStringLocalizer In(string language) => CultureLocalizer.For(localizers, language);

    private string Body(Escalation rung, string number, string service, Guid id, Office office, DateTimeOffset? stepDue, DateTimeOffset due)
    {
        string Part(string language)
        {
            var l = In(language);
            var zone = office.Zone();
            string At(DateTimeOffset? t) => t is { } v ? TimeZoneInfo.ConvertTime(v, zone).ToString("dd.MM.yyyy HH:mm", System.Globalization.CultureInfo.InvariantCulture) : "—";
            return $"{l["Remind_Body_" + rung, number, l["Service_" + service], At(stepDue), At(due)]}\n{address.BaseUrl}/cases/{id}";
        }
        return Part(Language.Kazakh) + "\n\n" + Part(Language.Russian);
    }
}

/// <summary>Runs <see cref="EscalationReminders"/> every <c>Escalation:PollMinutes</c> (default 5).</summary>
public sealed class EscalationWorker(IServiceScopeFactory scopes, TimeSpan every, ILogger<EscalationWorker> logger) : BackgroundService
{
    public const string LeaseName = "escalation";

    private readonly string _holder = JobLeases.NewHolder();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(every);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                // One instance of those sharing the database runs the ladder (a job lease it renews every round); should two
                // write the same reminder, its idempotency key (unique) keeps one.
                var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
                var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
                if (await db.TryTakeAsync(LeaseName, _holder, every * 2, now, stoppingToken))
                    await scope.ServiceProvider.GetRequiredService<EscalationReminders>().RunAsync(stoppingToken);
            }
            catch (DbUpdateException e)
            {
                logger.LogInformation(e, "Escalation reminders written by another instance at the same time; next round");
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Escalation reminders failed");
            }
        }
    }
}
