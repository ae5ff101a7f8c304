using GuardianshipPortal.Domain.Calendar;
using GuardianshipPortal.Domain.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GuardianshipPortal.Data.Configurations;

public class DocumentTypeConfiguration : IEntityTypeConfiguration<DocumentType>
{
    public void Configure(EntityTypeBuilder<DocumentType> b)
    {
        b.Property(x => x.Code).HasMaxLength(64);
        b.HasIndex(x => new { x.Service, x.Code }).IsUnique();
        b.Property(x => x.NameKk).HasMaxLength(500);
        b.Property(x => x.NameRu).HasMaxLength(500);
    }
}

public class RefusalGroundConfiguration : IEntityTypeConfiguration<RefusalGround>
{
    public void Configure(EntityTypeBuilder<RefusalGround> b)
    {
        b.Property(x => x.Code).HasMaxLength(64);
        b.HasIndex(x => new { x.Service, x.Code }).IsUnique();
        b.Property(x => x.TextKk).HasMaxLength(1000);
        b.Property(x => x.TextRu).HasMaxLength(1000);
    }
}

public class RegulationConfiguration : IEntityTypeConfiguration<Regulation>
{
    public void Configure(EntityTypeBuilder<Regulation> b)
    {
        b.HasIndex(x => new { x.Service, x.RegionId, x.EffectiveFrom }).IsUnique();
        b.ComplexProperty(x => x.Registration);
        b.ComplexProperty(x => x.Resolution);
        b.ComplexProperty(x => x.Drafting);
        b.ComplexProperty(x => x.Signing);
        b.ComplexProperty(x => x.Issue);
        b.ComplexProperty(x => x.Total);
        b.Property(x => x.Source).HasMaxLength(500);
    }
}

public class CalendarDayConfiguration : IEntityTypeConfiguration<CalendarDay>
{
    public void Configure(EntityTypeBuilder<CalendarDay> b)
    {
        b.HasKey(x => x.Date);
        b.Property(x => x.NoteKk).HasMaxLength(300);
        b.Property(x => x.NoteRu).HasMaxLength(300);
        b.Property(x => x.Order).HasMaxLength(200);
    }
}

public class MrpRateConfiguration : IEntityTypeConfiguration<MrpRate>
{
    public void Configure(EntityTypeBuilder<MrpRate> b)
    {
        b.HasKey(x => x.Year);
        b.Property(x => x.Year).ValueGeneratedNever();
        b.Property(x => x.Amount).HasPrecision(18, 2);
    }
}

public class PortalSettingConfiguration : IEntityTypeConfiguration<PortalSetting>
{
    public void Configure(EntityTypeBuilder<PortalSetting> b)
    {
        b.HasKey(x => x.Key);
        b.Property(x => x.Key).HasMaxLength(100);
        b.Property(x => x.Value).HasMaxLength(1000);
    }
}
