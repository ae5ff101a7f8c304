using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GuardianshipPortal.Data;

/// <summary>
/// The database's change stamp: one row whose value moves with every committed change the office's pages show. Every
/// instance reads the same row, so a page kept by one instance for the stamp it was made under is never shown after a
/// change saved on another.
/// </summary>
public class ChangeStamp
{
    public const int TheRow = 1;

    public int Id { get; set; }
    public long Value { get; set; }
}

public class ChangeStampConfiguration : IEntityTypeConfiguration<ChangeStamp>
{
    public void Configure(EntityTypeBuilder<ChangeStamp> b)
    {
        b.ToTable("ChangeStamps");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasData(new ChangeStamp { Id = ChangeStamp.TheRow, Value = 0 });
    }
}

/// <summary>
/// Moves the change stamp with the changes a <see cref="PortalDbContext"/> saves: inside the transaction that commits them
/// (just before its commit, so the row is locked for the commit only and the stamp never runs ahead of or behind the data),
/// or by one statement after a save that needed no transaction. What no page shows (the audit trail, the outbox, job
/// leases, keys, staged uploads) does not move it. A write that bypasses the change tracker calls <see cref="MoveAsync"/>.
/// </summary>
public static class ChangeStamps
{
    private const string MoveSql = """UPDATE "ChangeStamps" SET "Value" = "Value" + 1 WHERE "Id" = 1""";

    /// <summary>Entities no page that is kept shows: saving only these leaves the stamp where it is.</summary>
    private static readonly HashSet<Type> Unseen =
    [
        typeof(Domain.Cases.AuditEvent), typeof(Messaging.OutboxMessage), typeof(JobLease), typeof(DataProtectionKey),
        typeof(Domain.Cases.StagedUpload), typeof(ChangeStamp),
    ];

    /// <summary>The transaction interceptor the primary context is built with.</summary>
    public static IInterceptor Interceptor { get; } = new CommitInterceptor();

    /// <summary>Whether the tracked changes (already detected) include one a page shows.</summary>
    internal static bool AreSeen(PortalDbContext db) =>
        db.ChangeTracker.Entries().Any(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted
            && !Unseen.Contains(e.Metadata.ClrType));

    public static Task<long> ReadAsync(PortalDbContext db, CancellationToken ct = default) =>
        db.Set<ChangeStamp>().AsNoTracking().Where(s => s.Id == ChangeStamp.TheRow).Select(s => s.Value).FirstOrDefaultAsync(ct);

    /// <summary>Moves the stamp now: in the context's transaction if it has one, else by itself.</summary>
    public static Task MoveAsync(PortalDbContext db, CancellationToken ct = default) => db.Database.ExecuteSqlRawAsync(MoveSql, ct);

    public static void Move(PortalDbContext db) => db.Database.ExecuteSqlRaw(MoveSql);

    private static DbCommand MoveIn(DbTransaction transaction)
    {
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = MoveSql;
        return command;
    }

    private sealed class CommitInterceptor : DbTransactionInterceptor
    {
        public override async ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction,
            TransactionEventData eventData, InterceptionResult result, CancellationToken ct = default)
        {
            if (eventData.Context is PortalDbContext { StampPending: true } db)
            {
                await using var command = MoveIn(transaction);
                await command.ExecuteNonQueryAsync(ct);
                db.StampPending = false;
            }
            return result;
        }

        public override InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
        {
            if (eventData.Context is PortalDbContext { StampPending: true } db)
            {
                using var command = MoveIn(transaction);
                command.ExecuteNonQuery();
                db.StampPending = false;
            }
            return result;
        }

        public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData);

        public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken ct = default)
        {
            Forget(eventData);
            return Task.CompletedTask;
        }

        private static void Forget(TransactionEndEventData eventData)
        {
            if (eventData.Context is PortalDbContext db) db.StampPending = false;
        }
    }
}
