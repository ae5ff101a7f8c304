using GuardianshipPortal.Cases;
using GuardianshipPortal.Data;
using GuardianshipPortal.Domain;
using GuardianshipPortal.Domain.Cases;
using GuardianshipPortal.Domain.Workflow;
using GuardianshipPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace GuardianshipPortal.Web.Features.Cases;

/// <summary>What a step's work has at hand; problems it reports send the form back with a 400 and nothing saved.</summary>
public sealed class StepContext(Case @case, Office office, Actor actor, DateTimeOffset now, CancellationToken cancellation)
{
    private readonly List<StepProblem> _problems = [];

    public Case Case { get; } = @case;
    public Office Office { get; } = office;
    public Actor Actor { get; } = actor;
    public DateTimeOffset Now { get; } = now;
    public CancellationToken Cancellation { get; } = cancellation;
    /// <summary>What the history records beside the action (a resolution's text, a return's comment…).</summary>
    public string Comment { get; set; } = "";
    public IReadOnlyList<StepProblem> Problems => _problems;

    public void Refuse(StepProblem? problem)
    {
        if (problem is not null) _problems.Add(problem);
    }

    public void Refuse(IEnumerable<StepProblem> problems) => _problems.AddRange(problems);
}

public enum StepStatus
{
    Done,
    /// <summary>No such case, or one of another office the user may not even know of.</summary>
    NotFound,
    /// <summary>The user's role (or assignment) may not do this.</summary>
    Forbidden,
    /// <summary>Someone changed the case first, or it is no longer at this step: shown again with the user's input.</summary>
    Conflict,
    /// <summary>The input or the domain refused the change: shown again with the problems.</summary>
    Invalid,
}

/// <summary>The outcome of running a step: what happened, and what the page needs to say so.</summary>
public sealed record StepResult(StepStatus Status, Guid CaseId, string Number, StepForm Form, IReadOnlyList<StepProblem> Problems, StepProblem? Conflict = null);

/// <summary>
/// Runs one workflow action: loads the case, checks office, role, step, assignee and version, lets the step's work
/// change it through the domain, records the transition and saves. A refused or conflicting action changes nothing;
/// only a real version conflict is reported as one.
/// </summary>
public sealed class StepRunner(PortalDbContext db, CaseTransitions transitions, CasePages pages, CurrentUser me, TimeProvider clock, ILogger<StepRunner> logger)
{
    public Task<StepResult> RunAsync(
        Guid id, StepForm form, CaseAction action, bool formValid, Func<StepContext, Task> work, CancellationToken ct) =>
        RunAsync(id, form, _ => action, formValid, work, ct);

    /// <summary>
    /// Runs a change that is a workflow action only in some states of the case (revoking a document moves the case only
    /// when it is the result waiting at issue): <paramref name="actionOf"/> chooses the action on the case as loaded. With
    /// none, the office and the version are checked as for any action, and no step or history event is recorded.
    /// </summary>
    public async Task<StepResult> RunAsync(
        Guid id, StepForm form, Func<Case, CaseAction?> actionOf, bool formValid, Func<StepContext, Task> work, CancellationToken ct)
    {
        var @case = await pages.LoadAsync(id, tracking: true, ct);
        if (@case is null) return new(StepStatus.NotFound, id, "", form, []);
        var actor = me.Actor;
        var action = actionOf(@case);
        var refusal = action is { } a ? CaseTransitions.Check(@case, a, actor, form.Version)
            : actor.OfficeId != @case.OfficeId ? TransitionRefusal.NotFound
            : form.Version != @case.Version ? TransitionRefusal.Stale
            : TransitionRefusal.None;
        switch (refusal)
        {
            case TransitionRefusal.NotFound:
                return new(await me.CanViewCaseOfAsync(@case.OfficeId) ? StepStatus.Forbidden : StepStatus.NotFound, id, @case.Number, form, []);
            case TransitionRefusal.Forbidden:
            case TransitionRefusal.NotAssignee:
                return new(StepStatus.Forbidden, id, @case.Number, form, []);
            case TransitionRefusal.Stale:
                return new(StepStatus.Conflict, id, @case.Number, form, [], new("Case_Stale"));
            case TransitionRefusal.WrongStep:
                return new(StepStatus.Conflict, id, @case.Number, form, [], new("Case_WrongStep", new Label("Step_" + @case.Step)));
        }
        if (!formValid) return new(StepStatus.Invalid, id, @case.Number, form, []);

        // One transaction for the work and its save: what the work takes from shared counters (an outgoing number) is
        // given back if the step is refused or loses to a concurrent change.
        var tx = await db.Database.BeginTransactionAsync(ct);
        var context = new StepContext(@case, @case.Office!, actor, clock.GetUtcNow(), ct);
        try
        {
            await work(context);
            if (context.Problems.Count > 0)
            {
                await tx.RollbackAsync(ct);
                db.ChangeTracker.Clear();
                return new(StepStatus.Invalid, id, @case.Number, form, context.Problems);
            }

            if (action is { } taken) await transitions.ApplyAsync(@case, @case.Office!, taken, actor, context.Comment, ct);
            db.Entry(@case).Property(c => c.Version).OriginalValue = form.Version;
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException e)
        {
            await tx.RollbackAsync(ct);
            await tx.DisposeAsync();
            // Someone acted on the same case between our read and our write (seen on the version, or on a row they inserted
            // first): theirs stands, ours is shown again. Any other failure is not a conflict and is not reported as one.
            if (e is not DbUpdateConcurrencyException && !await ChangedSinceAsync(id, form.Version, ct)) throw;
            logger.LogInformation(e, "Concurrent change of case {CaseId} refused ({Action})", id, action);
            db.ChangeTracker.Clear();
            return new(StepStatus.Conflict, id, @case.Number, form, [], new("Case_Stale"));
        }
        finally
        {
            await tx.DisposeAsync();
        }
        return new(StepStatus.Done, id, @case.Number, form, []);
    }

    private async Task<bool> ChangedSinceAsync(Guid id, int version, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        return await db.Cases.AsNoTracking().Where(c => c.Id == id).Select(c => c.Version).FirstOrDefaultAsync(ct) != version;
    }
}
