using GuardianshipPortal.Domain.Calendar;

namespace GuardianshipPortal.Domain.Services;

/// <summary>A document of a service's checklist (SPEC §8), editable by the administrator.</summary>
public class DocumentType
{
    public Guid Id { get; set; }
    public ServiceCode Service { get; set; }
    public required string Code { get; set; }
    public required string NameKk { get; set; }
    public required string NameRu { get; set; }
    public bool Required { get; set; } = true;
    public int Order { get; set; }
    public bool IsActive { get; set; } = true;

    public string Name(string language) => Language.Pick(language, NameKk, NameRu);
}

/// <summary>A ground for refusal in a service's catalogue; a refusal cites at least one.</summary>
public class RefusalGround
{
    public Guid Id { get; set; }
    public ServiceCode Service { get; set; }
    public required string Code { get; set; }
    public required string TextKk { get; set; }
    public required string TextRu { get; set; }
    public int Order { get; set; }
    public bool IsActive { get; set; } = true;

    public string Text(string language) => Language.Pick(language, TextKk, TextRu);
}

/// <summary>
/// The regulated durations of a service's five steps and its total term, from a date on. A region may have
/// its own (RegionId set); otherwise the default (RegionId null) applies. Open cases keep the deadlines they got.
/// </summary>
public class Regulation
{
    public Guid Id { get; set; }
    public ServiceCode Service { get; set; }
    public Guid? RegionId { get; set; }
    public DateOnly EffectiveFrom { get; set; }
    public required Duration Registration { get; set; }
    public required Duration Resolution { get; set; }
    public required Duration Drafting { get; set; }
    public required Duration Signing { get; set; }
    public required Duration Issue { get; set; }
    public required Duration Total { get; set; }
    /// <summary>The longest extension of a case's term the regulation allows, in working days.</summary>
    public int MaxExtensionDays { get; set; } = 10;
    /// <summary>The share of a step's time after which its assignee is reminded (the first rung of the escalation ladder).</summary>
    public int ReminderSharePercent { get; set; } = Cases.EscalationLadder.DefaultSharePercent;
    /// <summary>The act the terms come from (a region's akimat resolution), shown with them.</summary>
    public string Source { get; set; } = "";

    /// <summary>
    /// Whether the steps can fit into the total term at all: the steps counted in days (a calendar day is 5/7 of a working
    /// day) do not add up to more than the total, and the steps in minutes and hours — done within those days — together
    /// take less than a working day more.
    /// </summary>
    public bool StepsFitTotal
    {
        get
        {
            var steps = Workflow.Workflow.Steps.Select(For).ToList();
            var days = steps.Where(d => d.Unit is DurationUnit.WorkingDays or DurationUnit.CalendarDays).Sum(WorkingDays);
            var shortOnes = steps.Where(d => d.Unit is DurationUnit.Minutes or DurationUnit.Hours).Sum(WorkingDays);
            var total = WorkingDays(Total);
            return days <= total + 1e-9 && days + shortOnes < total + 1;
        }
    }

    private static double WorkingDays(Duration d) => d.Unit switch
    {
        DurationUnit.Minutes => d.Amount / 480.0,
        DurationUnit.Hours => d.Amount / 8.0,
        DurationUnit.WorkingDays => d.Amount,
        _ => d.Amount * 5.0 / 7.0,
    };

    public Duration For(Workflow.Step step) => step switch
    {
        Workflow.Step.Registration => Registration,
        Workflow.Step.Resolution => Resolution,
        Workflow.Step.Drafting => Drafting,
        Workflow.Step.Signing => Signing,
        Workflow.Step.Issue => Issue,
        _ => throw new ArgumentOutOfRangeException(nameof(step)),
    };

    /// <summary>The duration of a step, or the total term when <paramref name="step"/> is null.</summary>
    public Duration Of(Workflow.Step? step) => step is { } s ? For(s) : Total;

    /// <summary>Sets the duration of a step, or the total term when <paramref name="step"/> is null.</summary>
    public void Set(Workflow.Step? step, Duration duration)
    {
        switch (step)
        {
            case null: Total = duration; break;
            case Workflow.Step.Registration: Registration = duration; break;
            case Workflow.Step.Resolution: Resolution = duration; break;
            case Workflow.Step.Drafting: Drafting = duration; break;
            case Workflow.Step.Signing: Signing = duration; break;
            case Workflow.Step.Issue: Issue = duration; break;
            default: throw new ArgumentOutOfRangeException(nameof(step));
        }
    }

    /// <summary>
    /// A new row with the same terms, extension limit, reminder share and source, for a region (null: the default) from a
    /// date on — how a default or the regulation in force becomes the start of another.
    /// </summary>
    public Regulation CopyFor(Guid? regionId, DateOnly effectiveFrom)
    {
        // Every field, including any added later; durations are immutable records, so sharing them is safe.
        var copy = (Regulation)MemberwiseClone();
        (copy.Id, copy.RegionId, copy.EffectiveFrom) = (Guid.NewGuid(), regionId, effectiveFrom);
        return copy;
    }

    /// <summary>The five steps and the total term, in order (null stands for the total).</summary>
    public static IReadOnlyList<Workflow.Step?> Terms { get; } = [.. Workflow.Workflow.Steps.Select(s => (Workflow.Step?)s), null];
}

/// <summary>The monthly calculation index (МРП / АЕК) of a year, in tenge.</summary>
public class MrpRate
{
    public int Year { get; set; }
    public decimal Amount { get; set; }
}

/// <summary>Administrator-editable settings that are single values (lump-sum MRP count, default maintenance amount).</summary>
public class PortalSetting
{
    public const string LumpSumMrpCount = "LumpSum.MrpCount";
    public const string DefaultMonthlyMaintenance = "Maintenance.DefaultMonthlyAmount";
    /// <summary>Working days a draft returned for rework (or a revoked result) gets; it never pushes the total term.</summary>
    public const string ReworkWorkingDays = "Rework.WorkingDays";
    public const int DefaultReworkWorkingDays = 1;
    /// <summary>75 MRP per adopted child: Government resolution No. 787 (2014), repealed in 2023 — kept as the default.</summary>
    public const int DefaultLumpSumMrpCount = 75;

    public required string Key { get; set; }
    public required string Value { get; set; }
}
