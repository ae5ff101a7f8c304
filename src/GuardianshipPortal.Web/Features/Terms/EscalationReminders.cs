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
        var shares = await db.Regulations.AsNoTracking().Where(r => regulationIds.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.ReminderSharePercent, ct);

        var written = 0;
        foreach (var c in open)
        {
            var office = offices[c.OfficeId];
            var rung = EscalationLadder.Of(c.Step, c.StepStartedAt, c.StepDueAt, c.DueAt, now, office.WorkingTime(calendar),
                shares.GetValueOrDefault(c.RegulationId, EscalationLadder.DefaultSharePercent));
            if (rung == Escalation.None) continue;
            var recipients = rung switch
            {
                Escalation.Assignee when c.AssigneeId is { } assignee => await db.Users.Where(u => u.Id == assignee && u.IsActive).ToListAsync(ct),
                Escalation.Assignee => await db.StaffInRole(office.Id, Roles.Head).ToListAsync(ct),
                Escalation.Head => await db.StaffInRole(office.Id, Roles.Head).ToListAsync(ct),
                _ => await (from u in db.Users
                            join ur in db.UserRoles on u.Id equals ur.UserId
                            join r in db.Roles on ur.RoleId equals r.Id
                            where r.Name == Roles.Supervisor && u.RegionId == office.RegionId && u.IsActive
                            select u).ToListAsync(ct),
            };
            // The total term's rung is once per case; a step's rungs once per step (a returned draft starts its step anew).
            var occasion = rung == Escalation.Supervisor ? "total" : $"{(int)c.Step}.{c.StepStartedAt.ToUnixTimeSeconds()}";
            foreach (var user in recipients.Where(u => !string.IsNullOrWhiteSpace(u.Email)))
            {
                var key = $"remind:{c.Id:N}:{occasion}:{(int)rung}:{user.Id:N}";
                if (await db.OutboxMessages.AnyAsync(m => m.IdempotencyKey == key, ct)) continue;
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
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(every);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
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
