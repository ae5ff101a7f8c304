using GuardianshipPortal.Domain;
using GuardianshipPortal.Domain.Calendar;
using GuardianshipPortal.Domain.Cases;
using GuardianshipPortal.Domain.Documents;
using GuardianshipPortal.Domain.Persons;
using GuardianshipPortal.Domain.Services;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace GuardianshipPortal.Data;

public class PortalDbContext : IdentityDbContext<PortalUser, IdentityRole<Guid>, Guid>
{
    public PortalDbContext(DbContextOptions<PortalDbContext> options) : base(options)
    {
    }

    /// <summary>For <see cref="PortalReadDbContext"/>: the same model over another connection.</summary>
    protected PortalDbContext(DbContextOptions options) : base(options)
    {
    }

    public DbSet<Region> Regions => Set<Region>();
    public DbSet<Office> Offices => Set<Office>();
    public DbSet<Person> Persons => Set<Person>();
    public DbSet<Case> Cases => Set<Case>();
    public DbSet<CaseChild> CaseChildren => Set<CaseChild>();
    public DbSet<CaseDocument> CaseDocuments => Set<CaseDocument>();
    public DbSet<Attachment> Attachments => Set<Attachment>();
    public DbSet<AttachmentContent> AttachmentContents => Set<AttachmentContent>();
    public DbSet<StagedUpload> StagedUploads => Set<StagedUpload>();
    public DbSet<Resolution> Resolutions => Set<Resolution>();
    public DbSet<ResolutionPhrase> ResolutionPhrases => Set<ResolutionPhrase>();
    public DbSet<Draft> Drafts => Set<Draft>();
    public DbSet<HousingInspection> HousingInspections => Set<HousingInspection>();
    public DbSet<CommissionOpinion> CommissionOpinions => Set<CommissionOpinion>();
    public DbSet<Signature> Signatures => Set<Signature>();
    public DbSet<IssueRecord> IssueRecords => Set<IssueRecord>();
    public DbSet<CenterReturn> CenterReturns => Set<CenterReturn>();
    public DbSet<CaseRepresentative> CaseRepresentatives => Set<CaseRepresentative>();
    public DbSet<CaseEvent> CaseEvents => Set<CaseEvent>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<RegistrationCounter> RegistrationCounters => Set<RegistrationCounter>();
    public DbSet<DocumentType> DocumentTypes => Set<DocumentType>();
    public DbSet<RefusalGround> RefusalGrounds => Set<RefusalGround>();
    public DbSet<Regulation> Regulations => Set<Regulation>();
    public DbSet<CalendarDay> CalendarDays => Set<CalendarDay>();
    public DbSet<MrpRate> MrpRates => Set<MrpRate>();
    public DbSet<PortalSetting> Settings => Set<PortalSetting>();
    public DbSet<DocumentTemplate> DocumentTemplates => Set<DocumentTemplate>();
    public DbSet<IssuedDocument> IssuedDocuments => Set<IssuedDocument>();
    public DbSet<IssuedDocumentContent> IssuedDocumentContents => Set<IssuedDocumentContent>();
    public DbSet<DocumentSignature> DocumentSignatures => Set<DocumentSignature>();
    public DbSet<SigningPackage> SigningPackages => Set<SigningPackage>();
    public DbSet<OutgoingEntry> OutgoingEntries => Set<OutgoingEntry>();
    public DbSet<OutgoingCounter> OutgoingCounters => Set<OutgoingCounter>();
    public DbSet<Signatures.TrustItem> TrustItems => Set<Signatures.TrustItem>();
    public DbSet<Messaging.OutboxMessage> OutboxMessages => Set<Messaging.OutboxMessage>();
    public DbSet<Domain.Cases.SurveyAnswer> SurveyAnswers => Set<Domain.Cases.SurveyAnswer>();
    public DbSet<Messaging.MessageTemplate> MessageTemplates => Set<Messaging.MessageTemplate>();
    public DbSet<Partners.Partner> Partners => Set<Partners.Partner>();
    public DbSet<Partners.ElectronicRequest> ElectronicRequests => Set<Partners.ElectronicRequest>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<JobLease> JobLeases => Set<JobLease>();
    public DbSet<Domain.Cases.OfficeSummary> OfficeSummaries => Set<Domain.Cases.OfficeSummary>();

    private static readonly HashSet<string> RevocationFields =
        [nameof(IssuedDocument.RevokedAt), nameof(IssuedDocument.RevokedById), nameof(IssuedDocument.RevocationReason)];

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        var detect = ChangeTracker.AutoDetectChangesEnabled;
        try
        {
            GuardIssuedDocuments(detect);
            var before = StampPending;
            StampPending |= ChangeStamps.AreSeen(this);
            int saved;
            try
            {
                saved = base.SaveChanges(acceptAllChangesOnSuccess);
            }
            catch when (Database.CurrentTransaction is null)
            {
                StampPending = before; // nothing was saved (a conflict, a refused row)
                throw;
            }
            if (StampPending && Database.CurrentTransaction is null) MoveStampAfterSave();
            return saved;
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var detect = ChangeTracker.AutoDetectChangesEnabled;
        try
        {
            GuardIssuedDocuments(detect);
            var before = StampPending;
            StampPending |= ChangeStamps.AreSeen(this);
            int saved;
            try
            {
                saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            }
            catch when (Database.CurrentTransaction is null)
            {
                StampPending = before; // nothing was saved (a conflict, a refused row)
                throw;
            }
            if (StampPending && Database.CurrentTransaction is null) await MoveStampAfterSaveAsync();
            return saved;
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    /// <summary>
    /// Saved changes a page shows whose transaction has not moved the change stamp yet (see <see cref="ChangeStamps"/>):
    /// the commit of the caller's transaction moves it, or, after a save that needed no transaction, one statement.
    /// </summary>
    internal bool StampPending { get; set; }

    /// <summary>
    /// The save is done whatever happens here: a stamp that cannot move now (the connection lost a moment after the save)
    /// stays pending for this context's next save, and kept pages show the change within their minute.
    /// </summary>
    private void MoveStampAfterSave()
    {
        try
        {
            ChangeStamps.Move(this);
            StampPending = false;
        }
        catch (Exception)
        {
            // still pending
        }
    }

    private async Task MoveStampAfterSaveAsync()
    {
        try
        {
            await ChangeStamps.MoveAsync(this, CancellationToken.None);
            StampPending = false;
        }
        catch (Exception)
        {
            // still pending
        }
    }

    /// <summary>
    /// Issued documents and their digital signatures are immutable: no delete, no edit of their bytes or data; only a
    /// revocation may be recorded. The changes are detected here once and the save that follows does not detect them again
    /// (the callers turn detection back on after it): a registration's tracked entities were walked twice per save.
    /// </summary>
    private void GuardIssuedDocuments(bool detect)
    {
        if (detect) ChangeTracker.DetectChanges();
        ChangeTracker.AutoDetectChangesEnabled = false;
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.Entity is IssuedDocumentContent && entry.State is EntityState.Modified or EntityState.Deleted)
                throw new InvalidOperationException("An issued document's bytes never change.");
            if (entry.Entity is DocumentSignature && entry.State is EntityState.Modified or EntityState.Deleted)
                throw new InvalidOperationException("A document's digital signature never changes.");
            if (entry.Entity is not IssuedDocument) continue;
            if (entry.State == EntityState.Deleted) throw new InvalidOperationException("An issued document is never deleted.");
            if (entry.State == EntityState.Modified &&
                entry.Properties.Any(p => p.IsModified && !RevocationFields.Contains(p.Metadata.Name)))
                throw new InvalidOperationException("An issued document never changes; it can only be revoked.");
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
        if (Database.ProviderName == PortalDatabase.NpgsqlProviderName)
        {
            // Names are searched anywhere in them (LIKE '%…%'): a trigram index answers that on PostgreSQL. SQLite keeps
            // the plain index (it scans the persons for a name; the same results, see CaseSearch).
            builder.HasPostgresExtension("pg_trgm");
            builder.Entity<Person>().HasIndex(x => x.SearchName).HasMethod("gin").HasOperators("gin_trgm_ops");
            // An office's cases by a name of their persons: one GIN index over the office (btree_gin) and the folded names
            // (trigrams), so a common surname costs the office's few matches, not the region's.
            builder.HasPostgresExtension("btree_gin");
            builder.Entity<Case>().HasIndex(x => new { x.OfficeId, x.SearchNames }, "IX_Cases_SearchNames").HasMethod("gin").HasOperators("uuid_ops", "gin_trgm_ops");
        }
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
