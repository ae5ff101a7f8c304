namespace GuardianshipPortal.Domain.Workflow;

/// <summary>The five office steps of SPEC §2, plus the end state. A case's step is the one waiting to be done.</summary>
public enum Step
{
    Registration = 1,
    Resolution = 2,
    Drafting = 3,
    Signing = 4,
    Issue = 5,
    Closed = 6,
}

public enum CaseAction
{
    Register = 1,
    Resolve = 2,
    SubmitDraft = 3,
    Sign = 4,
    Return = 5,
    IssueResult = 6,
    RecordCommissionOpinion = 7,
    RecordInspection = 8,
    SaveDraft = 9,
    /// <summary>The head revoked the signed result while it waited to be issued: the case goes back for a new result.</summary>
    RevokeResult = 10,
    /// <summary>The head extended the case's term (once, with a reason), as the law allows.</summary>
    Extend = 11,
    /// <summary>The specialist stopped the clock while the office waits for documents the applicant must bring.</summary>
    Suspend = 12,
    /// <summary>The documents came: the clock runs again, the pause added to the deadlines.</summary>
    Resume = 13,
    /// <summary>Documents from a Public Service Center had errors: returned to it with the reasons within three working days; the case closes.</summary>
    ReturnToCenter = 14,
}

public sealed record Transition(Step From, CaseAction Action, Step To, string Role);

/// <summary>
/// The one state machine every service runs through: which role may do what at which step, and where it leads.
/// Services differ in data (durations, forms, documents), never in this table.
/// </summary>
public static class Workflow
{
    public static readonly IReadOnlyList<Transition> Transitions =
    [
        new(Step.Registration, CaseAction.Register, Step.Resolution, Roles.Clerk),
        new(Step.Resolution, CaseAction.Resolve, Step.Drafting, Roles.Head),
        new(Step.Drafting, CaseAction.RecordCommissionOpinion, Step.Drafting, Roles.Commission),
        new(Step.Drafting, CaseAction.RecordInspection, Step.Drafting, Roles.Specialist),
        new(Step.Drafting, CaseAction.SaveDraft, Step.Drafting, Roles.Specialist),
        new(Step.Drafting, CaseAction.SubmitDraft, Step.Signing, Roles.Specialist),
        new(Step.Signing, CaseAction.Sign, Step.Issue, Roles.Head),
        new(Step.Signing, CaseAction.Return, Step.Drafting, Roles.Head),
        new(Step.Issue, CaseAction.IssueResult, Step.Closed, Roles.Clerk),
        new(Step.Issue, CaseAction.RevokeResult, Step.Drafting, Roles.Head),
        new(Step.Resolution, CaseAction.Extend, Step.Resolution, Roles.Head),
        new(Step.Drafting, CaseAction.Extend, Step.Drafting, Roles.Head),
        new(Step.Signing, CaseAction.Extend, Step.Signing, Roles.Head),
        new(Step.Drafting, CaseAction.Suspend, Step.Drafting, Roles.Specialist),
        new(Step.Drafting, CaseAction.Resume, Step.Drafting, Roles.Specialist),
        new(Step.Resolution, CaseAction.ReturnToCenter, Step.Closed, Roles.Clerk),
        new(Step.Resolution, CaseAction.ReturnToCenter, Step.Closed, Roles.Head),
    ];

    /// <summary>The transition of an action at a step for one of <paramref name="roles"/> (an action some roles share has one line per role).</summary>
    public static Transition? Find(Step from, CaseAction action, IEnumerable<string> roles) =>
        Transitions.FirstOrDefault(t => t.From == from && t.Action == action && roles.Contains(t.Role));

    /// <summary>The roles that may take an action (the same at every step where it is allowed).</summary>
    public static IReadOnlyList<string> RolesOf(CaseAction action) => [.. Transitions.Where(t => t.Action == action).Select(t => t.Role).Distinct()];

    /// <summary>The step a transition leads to, or null when the action is not allowed at that step for that role.</summary>
    public static Step? Next(Step from, CaseAction action, string role) => Find(from, action, [role])?.To;

    public static bool IsAllowed(Step from, CaseAction action, IEnumerable<string> roles) => Find(from, action, roles) is not null;

    /// <summary>The five working steps, numbered as in the regulation.</summary>
    public static readonly IReadOnlyList<Step> Steps = [Step.Registration, Step.Resolution, Step.Drafting, Step.Signing, Step.Issue];
}
