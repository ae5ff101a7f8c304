using GuardianshipPortal.Domain.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GuardianshipPortal.Domain.Cases;

/// <summary>Seed 003 appendix 4: each question answered "not satisfied / partly satisfied / satisfied".</summary>
public enum Satisfaction
{
    NotSatisfied = 1,
    PartlySatisfied = 2,
    Satisfied = 3,
}

public enum SurveyPlace
{
    /// <summary>By the link or QR code (the receipt's number and code).</summary>
    Online = 1,
    /// <summary>On the office's tablet, handed over by the clerk at issue.</summary>
    Counter = 2,
}

/// <summary>
/// The applicant's answer to the survey of quality and accessibility, once per case. Staff see only sums (per office,
/// service and month); who answered what is never shown — the case is kept only so that a case answers once.
/// </summary>
public class SurveyAnswer
{
    public long Id { get; set; }
    public Guid CaseId { get; set; }
    public Guid OfficeId { get; set; }
    public ServiceCode Service { get; set; }
    public DateTimeOffset AnsweredAt { get; set; }
    public Satisfaction Quality { get; set; }
    public Satisfaction Accessibility { get; set; }
    public SurveyPlace Place { get; set; }
}

public class SurveyAnswerConfiguration : IEntityTypeConfiguration<SurveyAnswer>
{
    public void Configure(EntityTypeBuilder<SurveyAnswer> b)
    {
        b.ToTable("SurveyAnswers");
        b.HasIndex(x => x.CaseId).IsUnique();
        b.HasIndex(x => new { x.OfficeId, x.AnsweredAt });
        b.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
    }
}
