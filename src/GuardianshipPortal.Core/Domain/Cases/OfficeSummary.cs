using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GuardianshipPortal.Domain.Cases;

/// <summary>
/// What the background job read from an office's history, so that no request has to: the deadline-risk models
/// trained on the last year, the average time of each step, and the figures of the cases closed this year up to
/// <see cref="Cutoff"/> (a dashboard adds the few closed since). One row per office, replaced at each refresh.
/// </summary>
public class OfficeSummary
{
    public Guid OfficeId { get; set; }
    public Office? Office { get; set; }
    /// <summary>When the job read the history.</summary>
    public DateTimeOffset RefreshedAt { get; set; }
    /// <summary>The closed-case figures count the cases closed (and the survey answers given) before this moment.</summary>
    public DateTimeOffset Cutoff { get; set; }
    /// <summary>The office's year the closed-case figures are of (that of <see cref="Cutoff"/> in the office's zone).</summary>
    public int Year { get; set; }
    public int Closed { get; set; }
    public int ClosedOnTime { get; set; }
    public int SurveyAnswered { get; set; }
    public int SurveyQualitySatisfied { get; set; }
    /// <summary>JSON: the closed cases by month, service and assignee (closed, on time, survey answers).</summary>
    public string ClosedFigures { get; set; } = "[]";
    /// <summary>JSON: hours spent in each step by service (sum and count), over the open cases and those closed this year.</summary>
    public string StepTimes { get; set; } = "[]";
    /// <summary>JSON: the trained <see cref="DeadlineRisk"/> of steps and of whole cases; null when the history was too short.</summary>
    public string? StepModel { get; set; }
    public string? TotalModel { get; set; }
}

public class OfficeSummaryConfiguration : IEntityTypeConfiguration<OfficeSummary>
{
    public void Configure(EntityTypeBuilder<OfficeSummary> b)
    {
        b.ToTable("OfficeSummaries");
        b.HasKey(x => x.OfficeId);
        b.HasOne(x => x.Office).WithMany().HasForeignKey(x => x.OfficeId).OnDelete(DeleteBehavior.Cascade);
    }
}
