using GuardianshipPortal.Domain.Cases;
using GuardianshipPortal.Domain.Documents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GuardianshipPortal.Data.Configurations;

public class DocumentTemplateConfiguration : IEntityTypeConfiguration<DocumentTemplate>
{
    public void Configure(EntityTypeBuilder<DocumentTemplate> b)
    {
        b.Property(x => x.Language).HasMaxLength(2);
        b.Property(x => x.Title).HasMaxLength(500);
        b.Property(x => x.Body).HasMaxLength(20000);
        b.HasIndex(x => new { x.Kind, x.Language, x.Version }).IsUnique();
    }
}

public class IssuedDocumentConfiguration : IEntityTypeConfiguration<IssuedDocument>
{
    public void Configure(EntityTypeBuilder<IssuedDocument> b)
    {
        b.Property(x => x.Language).HasMaxLength(2);
        b.Property(x => x.Number).HasMaxLength(64);
        b.Property(x => x.OutgoingNumber).HasMaxLength(OutgoingNumbers.NumberLength);
        b.Property(x => x.SignerName).HasMaxLength(300);
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.Property(x => x.VerificationCode).HasMaxLength(14);
        b.HasIndex(x => x.VerificationCode).IsUnique();
        b.Property(x => x.SubjectInitials).HasMaxLength(50);
        b.Property(x => x.RevocationReason).HasMaxLength(1000);
        b.HasIndex(x => x.CaseId);
        b.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Content).WithOne().HasForeignKey<IssuedDocumentContent>(x => x.DocumentId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(x => x.IsRevoked);
    }
}

public class IssuedDocumentContentConfiguration : IEntityTypeConfiguration<IssuedDocumentContent>
{
    public void Configure(EntityTypeBuilder<IssuedDocumentContent> b) => b.HasKey(x => x.DocumentId);
}
