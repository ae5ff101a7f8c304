using GuardianshipPortal.Domain;
using GuardianshipPortal.Domain.Documents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GuardianshipPortal.Data.Configurations;

public class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> b)
    {
        b.Property(x => x.Code).HasMaxLength(32);
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.NameKk).HasMaxLength(200);
        b.Property(x => x.NameRu).HasMaxLength(200);
    }
}

public class OfficeConfiguration : IEntityTypeConfiguration<Office>
{
    public void Configure(EntityTypeBuilder<Office> b)
    {
        b.Property(x => x.Code).HasMaxLength(32);
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.NameKk).HasMaxLength(300);
        b.Property(x => x.NameRu).HasMaxLength(300);
        b.Property(x => x.AddressKk).HasMaxLength(500);
        b.Property(x => x.AddressRu).HasMaxLength(500);
        b.Property(x => x.Phone).HasMaxLength(50);
        b.Property(x => x.TimeZoneId).HasMaxLength(64);
        b.Property(x => x.Bin).HasMaxLength(12);
        b.Property(x => x.FullNameKk).HasMaxLength(500);
        b.Property(x => x.FullNameRu).HasMaxLength(500);
        b.Property(x => x.Email).HasMaxLength(254);
        b.Property(x => x.EmblemContentType).HasMaxLength(20);
        b.Property(x => x.OutgoingNumberFormat).HasMaxLength(OutgoingNumbers.FormatLength);
        b.HasOne(x => x.Region).WithMany(r => r.Offices).HasForeignKey(x => x.RegionId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class PortalUserConfiguration : IEntityTypeConfiguration<PortalUser>
{
    public void Configure(EntityTypeBuilder<PortalUser> b)
    {
        b.Property(x => x.FullName).HasMaxLength(300);
        b.Property(x => x.PositionKk).HasMaxLength(300);
        b.Property(x => x.PositionRu).HasMaxLength(300);
        b.Property(x => x.Iin).HasMaxLength(12);
        b.HasOne(x => x.Region).WithMany().HasForeignKey(x => x.RegionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(x => x.Office).WithMany().HasForeignKey(x => x.OfficeId).OnDelete(DeleteBehavior.Restrict);
    }
}
