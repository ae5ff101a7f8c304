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
    /// <summary>The office's working time the rule counts in (none for a rule made of bare limits).</summary>
    public WorkingTime? Time { get; private init; }

    public static UrgencyRule At(DateTimeOffset now, WorkingTime time) =>
        new(now, time.CloseOf(time.Calendar.AddWorkingDays(time.LocalDate(now), 2))) { Time = time };

    /// <summary>
    /// The time left to a deadline in the same working time as the markers. Less than a working day's hours: those
    /// working hours. Else the working days as the markers count them: the closes of business (today's included) that
    /// come before it, so "due soon" is exactly "2 days or less". A passed deadline: how late, in working hours while
    /// less than a working day, else in working days since.
    /// </summary>
    public TimeLeft Left(DateTimeOffset due)
    {
        var time = Time ?? throw new InvalidOperationException("The rule was made without the office's working time.");
        var day = time.Hours.DayMinutes;
        var today = time.LocalDate(Now);
        if (due >= Now)
        {
            var minutes = time.WorkingMinutesBetween(Now, due);
            if (minutes < day) return TimeLeft.InHours(minutes, late: false);
            var (days, date) = (0, today);
            for (; due >= time.CloseOf(date); days++) date = time.Calendar.AddWorkingDays(date, 1);
            return new(Math.Max(1, days), Hours: false, Late: false);
        }
        var overdue = time.WorkingMinutesBetween(due, Now);
        if (overdue < day) return TimeLeft.InHours(overdue, late: true);
        var late = 0;
        for (var date = time.LocalDate(due); date < today; date = date.AddDays(1))
            if (time.Calendar.IsWorkingDay(date.AddDays(1))) late++;
        return new(Math.Max(1, late), Hours: false, Late: true);
    }

    /// <param name="suspended">A case whose clock stands still (waiting for the applicant's documents) is never late.</param>
    public Urgency Of(Workflow.Step step, DateTimeOffset? stepDue, DateTimeOffset due, bool suspended = false) =>
        step == Workflow.Step.Closed || suspended ? Urgency.None
        : stepDue < Now || due < Now ? Urgency.Overdue
        : stepDue < SoonLimit || due < SoonLimit ? Urgency.DueSoon
        : Urgency.None;

    /// <summary>The same rule for one deadline (a cell of its own on the case page).</summary>
    public Urgency Of(Workflow.Step step, DateTimeOffset? due) =>
        step == Workflow.Step.Closed || due is null ? Urgency.None : due < Now ? Urgency.Overdue : due < SoonLimit ? Urgency.DueSoon : Urgency.None;

    public Urgency Of(Case c) => Of(c.Step, c.StepDueAt, c.DueAt, c.SuspendedAt is not null);
}

/// <summary>How long until a deadline (or since it passed), in working days or, on its last day, working hours.</summary>
public readonly record struct TimeLeft(int Amount, bool Hours, bool Late)
{
    /// <summary>Whole working hours, rounded up; at least one.</summary>
    public static TimeLeft InHours(int workingMinutes, bool late) => new(Math.Max(1, (workingMinutes + 59) / 60), Hours: true, Late: late);
}

/// <summary>Who must hear of a case running late (the escalation ladder of issue "legal clock" 7).</summary>
public enum Escalation
{
    None = 0,
    /// <summary>The step has used its share of its time (75 % by default): the assignee is reminded.</summary>
    Assignee = 1,
    /// <summary>The step's time is up: the head of the office.</summary>
    Head = 2,
    /// <summary>The service's total term is up: the regional supervisor.</summary>
    Supervisor = 3,
}

public static class EscalationLadder
{
    public const int DefaultSharePercent = 75;

    /// <summary>The rung a case stands on now, the step's share counted in the office's working time.</summary>
    public static Escalation Of(Workflow.Step step, DateTimeOffset stepStarted, DateTimeOffset? stepDue, DateTimeOffset due, DateTimeOffset now,
        Calendar.WorkingTime time, int sharePercent = DefaultSharePercent, bool suspended = false)
    {
        if (step == Workflow.Step.Closed || suspended) return Escalation.None;
        if (due < now) return Escalation.Supervisor;
        if (stepDue is not { } end) return Escalation.None;
        if (end < now) return Escalation.Head;
        var length = time.WorkingMinutesBetween(stepStarted, end);
        return length > 0 && time.WorkingMinutesBetween(stepStarted, now) * 100 >= length * sharePercent ? Escalation.Assignee : Escalation.None;
    }
}
