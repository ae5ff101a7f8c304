using GuardianshipPortal.Domain;
using GuardianshipPortal.Domain.Calendar;
using GuardianshipPortal.Domain.Cases;
using GuardianshipPortal.Domain.Persons;
using GuardianshipPortal.Domain.Services;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace GuardianshipPortal.Data;

public class PortalDbContext(DbContextOptions<PortalDbContext> options)
    : IdentityDbContext<PortalUser, IdentityRole<Guid>, Guid>(options)
{
    public DbSet<Region> Regions => Set<Region>();
    public DbSet<Office> Offices => Set<Office>();
    public DbSet<Person> Persons => Set<Person>();
    public DbSet<Case> Cases => Set<Case>();
    public DbSet<CaseChild> CaseChildren => Set<CaseChild>();
    public DbSet<CaseDocument> CaseDocuments => Set<CaseDocument>();
    public DbSet<Attachment> Attachments => Set<Attachment>();
    public DbSet<AttachmentContent> AttachmentContents => Set<AttachmentContent>();
    public DbSet<Resolution> Resolutions => Set<Resolution>();
    public DbSet<Draft> Drafts => Set<Draft>();
    public DbSet<HousingInspection> HousingInspections => Set<HousingInspection>();
    public DbSet<CommissionOpinion> CommissionOpinions => Set<CommissionOpinion>();
    public DbSet<Signature> Signatures => Set<Signature>();
    public DbSet<IssueRecord> IssueRecords => Set<IssueRecord>();
    public DbSet<CaseEvent> CaseEvents => Set<CaseEvent>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<RegistrationCounter> RegistrationCounters => Set<RegistrationCounter>();
    public DbSet<DocumentType> DocumentTypes => Set<DocumentType>();
    public DbSet<RefusalGround> RefusalGrounds => Set<RefusalGround>();
    public DbSet<Regulation> Regulations => Set<Regulation>();
    public DbSet<CalendarDay> CalendarDays => Set<CalendarDay>();
    public DbSet<MrpRate> MrpRates => Set<MrpRate>();
    public DbSet<PortalSetting> Settings => Set<PortalSetting>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot compare or ORDER BY DateTimeOffset; store it as a sortable 64-bit value there.
        if (Database.ProviderName == PortalDatabase.SqliteProviderName)
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
            configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }
}
