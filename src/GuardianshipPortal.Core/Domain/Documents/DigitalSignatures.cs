using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GuardianshipPortal.Domain.Documents;

/// <summary>
/// A result's documents frozen for the head's digital signature: rendered once, when the head asks to sign, shown in the
/// preview and signed byte for byte. When the signatures come back and stand, these bytes become the case's issued
/// documents (same ids, numbers and verification codes); a package of an older version of the case is never applied.
/// </summary>
public class SigningPackage
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    /// <summary>The case's version when the documents were frozen: any change of the case since makes the package stale.</summary>
    public int CaseVersion { get; set; }
    public DateTimeOffset PreparedAt { get; set; }
    public Guid PreparedById { get; set; }
    public List<SigningPackageDocument> Documents { get; set; } = [];
}

public class SigningPackageDocument
{
    /// <summary>The id the issued document will have.</summary>
    public Guid Id { get; set; }
    public Guid PackageId { get; set; }
    public DocumentKind Kind { get; set; }
    public required string Language { get; set; }
    public int TemplateVersion { get; set; }
    public required string Number { get; set; }
    public string? OutgoingNumber { get; set; }
    public required string SignerName { get; set; }
    public required string VerificationCode { get; set; }
    public required string SubjectInitials { get; set; }
    public required string Sha256 { get; set; }
    public required byte[] Pdf { get; set; }
}

/// <summary>
/// The head's digital signature over an issued document: the detached CMS over the document's exact bytes, with its
/// certificate as it was checked when the signature was applied. Never changed, never deleted.
/// </summary>
public class DocumentSignature
{
    public Guid DocumentId { get; set; }
    public Guid CaseId { get; set; }
    public required byte[] Cms { get; set; }
    public Guid SignedById { get; set; }
    public required string SignerName { get; set; }
    public required string SignerIin { get; set; }
    public string SignerBin { get; set; } = "";
    public required string CertificateSerial { get; set; }
    public required string CertificateIssuer { get; set; }
    public required string CertificateSubject { get; set; }
    public DateTimeOffset CertificateValidFrom { get; set; }
    public DateTimeOffset CertificateValidTo { get; set; }
    /// <summary>The signing time the CMS states (NCALayer writes it), else the moment it was received.</summary>
    public DateTimeOffset SignedAt { get; set; }
    /// <summary>When the portal verified it (chain, validity, revocation) and applied it.</summary>
    public DateTimeOffset CheckedAt { get; set; }
}

public class SigningPackageConfiguration : IEntityTypeConfiguration<SigningPackage>
{
    public void Configure(EntityTypeBuilder<SigningPackage> b)
    {
        b.ToTable("SigningPackages");
        b.HasIndex(x => x.CaseId);
        b.HasMany(x => x.Documents).WithOne().HasForeignKey(x => x.PackageId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<GuardianshipPortal.Domain.Cases.Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class SigningPackageDocumentConfiguration : IEntityTypeConfiguration<SigningPackageDocument>
{
    public void Configure(EntityTypeBuilder<SigningPackageDocument> b)
    {
        b.ToTable("SigningPackageDocuments");
        b.Property(x => x.Language).HasMaxLength(2);
        b.Property(x => x.Number).HasMaxLength(64);
        b.Property(x => x.OutgoingNumber).HasMaxLength(OutgoingNumbers.NumberLength);
        b.Property(x => x.SignerName).HasMaxLength(300);
        b.Property(x => x.VerificationCode).HasMaxLength(14);
        b.Property(x => x.SubjectInitials).HasMaxLength(50);
        b.Property(x => x.Sha256).HasMaxLength(64);
    }
}

public class DocumentSignatureConfiguration : IEntityTypeConfiguration<DocumentSignature>
{
    public void Configure(EntityTypeBuilder<DocumentSignature> b)
    {
        b.ToTable("DocumentSignatures");
        b.HasKey(x => x.DocumentId);
        b.HasIndex(x => x.CaseId);
        b.Property(x => x.SignerName).HasMaxLength(300);
        b.Property(x => x.SignerIin).HasMaxLength(12);
        b.Property(x => x.SignerBin).HasMaxLength(12);
        b.Property(x => x.CertificateSerial).HasMaxLength(100);
        b.Property(x => x.CertificateIssuer).HasMaxLength(500);
        b.Property(x => x.CertificateSubject).HasMaxLength(500);
        b.HasOne<IssuedDocument>().WithOne().HasForeignKey<DocumentSignature>(x => x.DocumentId).OnDelete(DeleteBehavior.Restrict);
    }
}
