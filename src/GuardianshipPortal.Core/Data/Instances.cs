using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GuardianshipPortal.Data;

/// <summary>
/// A data-protection key (the XML the key manager writes), kept in the database so that every instance of the portal
/// reads the same key ring: a sign-in cookie or a form's antiforgery token made by one instance opens on another.
/// </summary>
public class DataProtectionKey
{
    public const int FriendlyNameLength = 100;

    public int Id { get; set; }
    /// <summary>The name the key manager gives the element ("key-&lt;guid&gt;", "revocation-…").</summary>
    public string FriendlyName { get; set; } = "";
    public string Xml { get; set; } = "";
}

public class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> b)
    {
        b.Property(x => x.FriendlyName).HasMaxLength(DataProtectionKey.FriendlyNameLength);
        b.HasIndex(x => x.FriendlyName);
    }
}

/// <summary>
/// Who runs a periodic job now: the instance whose lease has not run out. Instances that share a database take turns
/// instead of doing the same job at the same time.
/// </summary>
public class JobLease
{
    public const int NameLength = 64;
    public const int HolderLength = 100;

    public string Name { get; set; } = "";
    public string HeldBy { get; set; } = "";
    public DateTimeOffset Until { get; set; }
}

public class JobLeaseConfiguration : IEntityTypeConfiguration<JobLease>
{
    public void Configure(EntityTypeBuilder<JobLease> b)
    {
        b.HasKey(x => x.Name);
        b.Property(x => x.Name).HasMaxLength(JobLease.NameLength);
        b.Property(x => x.HeldBy).HasMaxLength(JobLease.HolderLength);
    }
}

/// <summary>Leases of periodic jobs: a conditional update (or the first insert) decides which instance runs a round.</summary>
public static class JobLeases
{
    /// <summary>A new holder's name: the machine and process, and a random part telling apart two workers of one process.</summary>
    public static string NewHolder() => Cut($"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}", JobLease.HolderLength);

    private static string Cut(string s, int n) => s.Length <= n ? s : s[..n];

    /// <summary>
    /// <paramref name="holder"/> takes the job <paramref name="name"/> until <paramref name="now"/> + <paramref name="lease"/> when no other
    /// holder's lease runs; true when this holder may run the round.
    /// </summary>
    public static async Task<bool> TryTakeAsync(this PortalDbContext db, string name, string holder, TimeSpan lease, DateTimeOffset now,
        CancellationToken ct)
    {
        var until = now + lease;
        var taken = await db.JobLeases.Where(l => l.Name == name && (l.Until < now || l.HeldBy == holder))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.HeldBy, holder).SetProperty(l => l.Until, until), ct);
        if (taken == 1) return true;
        if (await db.JobLeases.AnyAsync(l => l.Name == name, ct)) return false;
        db.JobLeases.Add(new JobLease { Name = name, HeldBy = holder, Until = until });
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another instance inserted the lease at the same moment: it runs this round.
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
