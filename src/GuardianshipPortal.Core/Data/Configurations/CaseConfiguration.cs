using GuardianshipPortal.Cases;
using GuardianshipPortal.Domain.Cases;
using GuardianshipPortal.Domain.Persons;
using GuardianshipPortal.Domain.Workflow;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GuardianshipPortal.Data.Configurations;

public class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> b)
    {
        b.Property(x => x.Iin).HasMaxLength(12);
        b.HasIndex(x => x.Iin); // one record per version of a person's data (see CaseRegistration.UpsertPersonAsync)
        b.Property(x => x.LastName).HasMaxLength(100);
        b.Property(x => x.FirstName).HasMaxLength(100);
        b.Property(x => x.MiddleName).HasMaxLength(100);
        b.Property(x => x.Address).HasMaxLength(500);
        b.Property(x => x.Phone).HasMaxLength(50);
        b.Property(x => x.SearchName).HasMaxLength(310);
        b.HasIndex(x => x.SearchName);
    }
}

public class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> b)
    {
        b.ToTable("Cases");
        b.Property(x => x.Number).HasMaxLength(64);
        b.HasIndex(x => x.Number).IsUnique();
        b.HasIndex(x => new { x.Service, x.Year, x.Sequence });
        b.Property(x => x.SubmissionKey).HasMaxLength(GuardianshipPortal.Cases.CaseRegistration.SubmissionKeyLength);
        b.HasIndex(x => x.SubmissionKey).IsUnique();
        b.HasIndex(x => new { x.OfficeId, x.Step, x.DueAt });
        // The head's "step overdue" queue and its count in the menu on every page: an office's cases whose step time is up.
        b.HasIndex(x => new { x.OfficeId, x.StepDueAt });
        // Search results and the registration journal: an office's cases by registration time.
        b.HasIndex(x => new { x.OfficeId, x.RegisteredAt });
        // The dashboard's cases closed this year.
        b.HasIndex(x => new { x.OfficeId, x.ClosedAt });
        // Open cases are a small share of a region's: queues and dashboards read them through this partial index.
        b.HasIndex(x => new { x.OfficeId, x.StepDueAt, x.DueAt }, "IX_Cases_Open").HasFilter($"\"Step\" <> {(int)Step.Closed}");
        b.HasIndex(x => x.AssigneeId);
        // Each specialist's open cases (the head's choice of assignee on the case page, a specialist's drafts): a few thousand
        // entries in the region, where the plain index holds every case a specialist ever had.
        // Step and office in it too: the deadline forecast counts each assignee's open cases by step in the rows' offices from
        // the index alone.
        b.HasIndex(x => new { x.AssigneeId, x.Step, x.OfficeId }, "IX_Cases_OpenByAssignee").HasFilter($"\"Step\" <> {(int)Step.Closed}");
        b.HasIndex(x => x.ApplicantId);
        // A spouse applies with few cases: only they are in the index, so that SQLite's statistics (which count every NULL as
        // one value) do not make the search by IIN read every case for the spouses' part.
        b.HasIndex(x => x.SpouseId).HasFilter("\"SpouseId\" IS NOT NULL");
        b.Property(x => x.Language).HasMaxLength(2);
        b.Property(x => x.Note).HasMaxLength(2000);
        b.Property(x => x.ExtensionComment).HasMaxLength(Case.ExtensionCommentLength);
        b.Property(x => x.NotifyPhone).HasMaxLength(Contacts.PhoneLength);
        b.Property(x => x.NotifyEmail).HasMaxLength(Contacts.EmailLength);
        b.Property(x => x.Version).IsConcurrencyToken();
        b.HasOne(x => x.Office).WithMany().HasForeignKey(x => x.OfficeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Applicant).WithMany().HasForeignKey(x => x.ApplicantId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Spouse).WithMany().HasForeignKey(x => x.SpouseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Assignee).WithMany().HasForeignKey(x => x.AssigneeId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Children).WithOne().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Documents).WithOne().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Events).WithOne().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Resolution).WithOne().HasForeignKey<Resolution>(x => x.CaseId);
        b.HasOne(x => x.Draft).WithOne().HasForeignKey<Draft>(x => x.CaseId);
        b.HasOne(x => x.HousingInspection).WithOne().HasForeignKey<HousingInspection>(x => x.CaseId);
        b.HasOne(x => x.CommissionOpinion).WithOne().HasForeignKey<CommissionOpinion>(x => x.CaseId);
        b.HasOne(x => x.Signature).WithOne().HasForeignKey<Signature>(x => x.CaseId);
        b.HasOne(x => x.IssueRecord).WithOne().HasForeignKey<IssueRecord>(x => x.CaseId);
        b.HasOne(x => x.CenterReturn).WithOne().HasForeignKey<CenterReturn>(x => x.CaseId);
        b.HasOne(x => x.Representative).WithOne().HasForeignKey<CaseRepresentative>(x => x.CaseId);
    }
}

public class CenterReturnConfiguration : IEntityTypeConfiguration<CenterReturn>
{
    public void Configure(EntityTypeBuilder<CenterReturn> b)
    {
        b.ToTable("CenterReturns");
        b.HasKey(x => x.CaseId);
        b.Property(x => x.Reasons).HasMaxLength(200);
        b.Property(x => x.Text).HasMaxLength(CenterReturn.TextLength);
    }
}

public class CaseRepresentativeConfiguration : IEntityTypeConfiguration<CaseRepresentative>
{
    public void Configure(EntityTypeBuilder<CaseRepresentative> b)
    {
        b.ToTable("CaseRepresentatives");
        b.HasKey(x => x.CaseId);
        b.Property(x => x.PowerOfAttorneyNumber).HasMaxLength(CaseRepresentative.NumberLength);
        b.Property(x => x.Notary).HasMaxLength(CaseRepresentative.NotaryLength);
        b.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class CaseChildConfiguration : IEntityTypeConfiguration<CaseChild>
{
    public void Configure(EntityTypeBuilder<CaseChild> b)
    {
        b.HasKey(x => new { x.CaseId, x.PersonId });
        b.HasOne(x => x.Person).WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class CaseDocumentConfiguration : IEntityTypeConfiguration<CaseDocument>
{
    public void Configure(EntityTypeBuilder<CaseDocument> b)
    {
        b.HasIndex(x => new { x.CaseId, x.DocumentTypeId }).IsUnique();
        b.HasOne(x => x.DocumentType).WithMany().HasForeignKey(x => x.DocumentTypeId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Attachments).WithOne().HasForeignKey(x => x.CaseDocumentId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> b)
    {
        b.Property(x => x.FileName).HasMaxLength(255);
        b.Property(x => x.ContentType).HasMaxLength(100);
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.HasIndex(x => x.CaseId);
        b.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Content).WithOne().HasForeignKey<AttachmentContent>(x => x.AttachmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class AttachmentContentConfiguration : IEntityTypeConfiguration<AttachmentContent>
{
    public void Configure(EntityTypeBuilder<AttachmentContent> b) => b.HasKey(x => x.AttachmentId);
}

public class ResolutionConfiguration : IEntityTypeConfiguration<Resolution>
{
    public void Configure(EntityTypeBuilder<Resolution> b)
    {
        b.HasKey(x => x.CaseId);
        b.Property(x => x.Text).HasMaxLength(2000);
    }
}

public class DraftConfiguration : IEntityTypeConfiguration<Draft>
{
    public void Configure(EntityTypeBuilder<Draft> b)
    {
        b.HasKey(x => x.CaseId);
        b.Property(x => x.PlacementAddress).HasMaxLength(500);
        b.Property(x => x.CourtName).HasMaxLength(300);
        b.Property(x => x.CourtDecisionNumber).HasMaxLength(100);
        b.Property(x => x.BankName).HasMaxLength(200);
        b.Property(x => x.Iban).HasMaxLength(34);
        b.Property(x => x.MrpValue).HasPrecision(18, 2);
        b.Property(x => x.Amount).HasPrecision(18, 2);
        b.Property(x => x.GuardianshipDecisionNumber).HasMaxLength(100);
        b.Property(x => x.GuardianshipDecisionIssuer).HasMaxLength(300);
        b.Property(x => x.ConclusionText).HasMaxLength(4000);
        b.Property(x => x.RefusalText).HasMaxLength(4000);
        b.HasMany(x => x.RefusalGrounds).WithOne().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class DraftRefusalGroundConfiguration : IEntityTypeConfiguration<DraftRefusalGround>
{
    public void Configure(EntityTypeBuilder<DraftRefusalGround> b)
    {
        b.HasKey(x => new { x.CaseId, x.RefusalGroundId });
        b.HasOne(x => x.RefusalGround).WithMany().HasForeignKey(x => x.RefusalGroundId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class HousingInspectionConfiguration : IEntityTypeConfiguration<HousingInspection>
{
    public void Configure(EntityTypeBuilder<HousingInspection> b)
    {
        b.HasKey(x => x.CaseId);
        b.Property(x => x.Address).HasMaxLength(500);
        b.Property(x => x.Findings).HasMaxLength(4000);
        b.Property(x => x.OtherInspectors).HasMaxLength(1000);
        b.Property(x => x.PersonsPresent).HasMaxLength(1000);
        b.Property(x => x.Family).HasMaxLength(2000);
        b.Property(x => x.Area).HasPrecision(8, 2);
        b.Property(x => x.Amenities).HasMaxLength(1000);
        b.Property(x => x.Condition).HasMaxLength(2000);
        b.Property(x => x.Income).HasMaxLength(1000);
    }
}

public class CommissionOpinionConfiguration : IEntityTypeConfiguration<CommissionOpinion>
{
    public void Configure(EntityTypeBuilder<CommissionOpinion> b)
    {
        b.HasKey(x => x.CaseId);
        b.Property(x => x.Text).HasMaxLength(4000);
    }
}

public class SignatureConfiguration : IEntityTypeConfiguration<Signature>
{
    public void Configure(EntityTypeBuilder<Signature> b)
    {
        b.HasKey(x => x.CaseId);
        b.Property(x => x.SignerName).HasMaxLength(300);
        b.Property(x => x.SignerPositionKk).HasMaxLength(300);
        b.Property(x => x.SignerPositionRu).HasMaxLength(300);
    }
}

public class IssueRecordConfiguration : IEntityTypeConfiguration<IssueRecord>
{
    public void Configure(EntityTypeBuilder<IssueRecord> b)
    {
        b.HasKey(x => x.CaseId);
        b.Property(x => x.RecipientName).HasMaxLength(300);
        b.Property(x => x.RecipientDocument).HasMaxLength(200);
        b.HasIndex(x => x.IssuedAt); // the region's issues by time (dashboards)
        b.HasIndex(x => new { x.OfficeId, x.IssuedAt }); // an office's issue journal
    }
}

public class CaseEventConfiguration : IEntityTypeConfiguration<CaseEvent>
{
    public void Configure(EntityTypeBuilder<CaseEvent> b)
    {
        b.Property(x => x.UserName).HasMaxLength(300);
        b.Property(x => x.Role).HasMaxLength(32);
        b.Property(x => x.Comment).HasMaxLength(4000);
        b.HasIndex(x => new { x.CaseId, x.At });
    }
}

public class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> b)
    {
        b.Property(x => x.Action).HasMaxLength(64);
        b.Property(x => x.Detail).HasMaxLength(1000);
        b.HasIndex(x => x.At);
        b.HasIndex(x => x.CaseId);
        b.HasIndex(x => x.UserId);
    }
}

public class RegistrationCounterConfiguration : IEntityTypeConfiguration<RegistrationCounter>
{
    public void Configure(EntityTypeBuilder<RegistrationCounter> b)
    {
        b.HasKey(x => new { x.OfficeId, x.Year, x.Service });
        b.Property(x => x.Last).IsConcurrencyToken();
    }
}

public class ResolutionPhraseConfiguration : IEntityTypeConfiguration<ResolutionPhrase>
{
    public void Configure(EntityTypeBuilder<ResolutionPhrase> b)
    {
        b.Property(x => x.Text).HasMaxLength(ResolutionPhrase.TextLength);
        b.HasOne<Domain.Office>().WithMany().HasForeignKey(x => x.OfficeId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(x => new { x.OfficeId, x.Order });
    }
}

public class StagedUploadConfiguration : IEntityTypeConfiguration<StagedUpload>
{
    public void Configure(EntityTypeBuilder<StagedUpload> b)
    {
        b.Property(x => x.FileName).HasMaxLength(255);
        b.Property(x => x.ContentType).HasMaxLength(100);
        b.HasIndex(x => new { x.UserId, x.SubmissionId });
        b.HasIndex(x => x.UploadedAt);
    }
}
