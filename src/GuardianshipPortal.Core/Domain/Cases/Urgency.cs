using GuardianshipPortal.Domain.Calendar;

namespace GuardianshipPortal.Domain.Cases;

public enum Urgency
{
    None = 0,
    /// <summary>The step's or the service's term ends before the close of the second working day from today.</summary>
    DueSoon = 1,
    /// <summary>The step's or the service's term has passed.</summary>
    Overdue = 2,
}

/// <summary>
/// The one rule for "overdue" and "due soon", used by queues, the case page and dashboards alike: an open case is
/// overdue once its step's or its total term has passed, and due soon when either ends before the close of the second
/// working day from today in the office's working time.
/// </summary>
public sealed record UrgencyRule(DateTimeOffset Now, DateTimeOffset SoonLimit)
{
    public static UrgencyRule At(DateTimeOffset now, WorkingTime time) =>
        new(now, time.CloseOf(time.Calendar.AddWorkingDays(time.LocalDate(now), 2)));

    public Urgency Of(Workflow.Step step, DateTimeOffset? stepDue, DateTimeOffset due) =>
        step == Workflow.Step.Closed ? Urgency.None
        : stepDue < Now || due < Now ? Urgency.Overdue
        : stepDue < SoonLimit || due < SoonLimit ? Urgency.DueSoon
        : Urgency.None;

    /// <summary>The same rule for one deadline (a cell of its own on the case page).</summary>
    public Urgency Of(Workflow.Step step, DateTimeOffset? due) =>
        step == Workflow.Step.Closed || due is null ? Urgency.None : due < Now ? Urgency.Overdue : due < SoonLimit ? Urgency.DueSoon : Urgency.None;

    public Urgency Of(Case c) => Of(c.Step, c.StepDueAt, c.DueAt);
}
