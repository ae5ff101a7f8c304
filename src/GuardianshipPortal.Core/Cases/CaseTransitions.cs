using GuardianshipPortal.Data;
using GuardianshipPortal.Domain;
using GuardianshipPortal.Domain.Cases;
using GuardianshipPortal.Domain.Workflow;

namespace GuardianshipPortal.Cases;

public enum TransitionRefusal
{
    None,
    /// <summary>The case belongs to another office (answer as if it did not exist).</summary>
    NotFound,
    /// <summary>The user's role may not do this at all.</summary>
    Forbidden,
    /// <summary>The case is not at the step where this action is allowed.</summary>
    WrongStep,
    /// <summary>Someone changed the case since the user loaded it.</summary>
    Stale,
    /// <summary>A specialist acting on a case assigned to someone else.</summary>
    NotAssignee,
}

/// <summary>
/// Applies workflow actions to cases: checks role, office, step, assignee and version; moves the step with its
/// deadline; appends the history event. Every state change of a case goes through here.
/// </summary>
/// <summary>Told of every action recorded on a case, in the same unit of work (so that what it writes is saved with the change, or not at all).</summary>
public interface ICaseObserver
{
    Task OnAsync(Case @case, Office office, CaseAction action, CancellationToken ct);
}

public sealed class CaseTransitions(PortalDbContext db, Deadlines deadlines, TimeProvider clock, IEnumerable<ICaseObserver> observers)
{
    /// <summary>Can <paramref name="actor"/> do <paramref name="action"/> on the case as it is now?</summary>
    public static TransitionRefusal Check(Case @case, CaseAction action, Actor actor, int? seenVersion = null)
    {
        if (actor.OfficeId != @case.OfficeId) return TransitionRefusal.NotFound;
        var roles = Workflow.RolesOf(action).Where(actor.Is).ToList();
        if (roles.Count == 0) return TransitionRefusal.Forbidden;
        if (seenVersion is { } v && v != @case.Version) return TransitionRefusal.Stale;
        if (Workflow.Find(@case.Step, action, roles) is not { } transition) return TransitionRefusal.WrongStep;
        if (transition.Role == Roles.Specialist && @case.AssigneeId != actor.UserId) return TransitionRefusal.NotAssignee;
        return TransitionRefusal.None;
    }

    /// <summary>
    /// Records the action: new step and its deadline, a history event, a new version. The caller has run
    /// <see cref="Check"/> and saves the changes (a concurrent save fails on the version token).
    /// </summary>
    public async Task ApplyAsync(Case @case, Office office, CaseAction action, Actor actor, string comment = "", CancellationToken ct = default)
    {
        var transition = Workflow.Find(@case.Step, action, actor.Roles)
            ?? throw new InvalidOperationException($"{action} is not allowed at {@case.Step}.");
        var now = clock.GetUtcNow();
        var from = @case.Step;
        if (transition.To != from)
            await deadlines.StartStepAsync(@case, office, transition.To, now, ct, rework: action is CaseAction.Return or CaseAction.RevokeResult);
        if (transition.To == Step.Closed) @case.ClosedAt = now;
        @case.Version++;
        db.CaseEvents.Add(new CaseEvent
        {
            CaseId = @case.Id, At = now, UserId = actor.UserId, UserName = actor.Name, Role = transition.Role,
            OfficeId = actor.OfficeId, Action = action, FromStep = from, ToStep = transition.To, Comment = comment,
        });
        foreach (var observer in observers) await observer.OnAsync(@case, office, action, ct);
    }
}
