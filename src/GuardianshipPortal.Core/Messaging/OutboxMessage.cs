using GuardianshipPortal.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GuardianshipPortal.Messaging;

public enum OutboxChannel
{
    /// <summary>A text message through the office's SMS gateway.</summary>
    Sms = 1,
    /// <summary>An e-mail over SMTP.</summary>
    Email = 2,
    /// <summary>An event pushed to a partner's callback URL (the e-government cabinet, a Public Service Center).</summary>
    PartnerCallback = 3,
}

public enum OutboxStatus
{
    Pending = 1,
    Sent = 2,
    /// <summary>Given up after the retry limit; shown to the administrator with a retry button.</summary>
    Failed = 3,
}

/// <summary>
/// A message to deliver, written in the same transaction as the change that caused it (a rolled-back action sends
/// nothing) and delivered at least once by <see cref="OutboxDispatcher"/>, with retries and backoff, surviving restarts.
/// Messages of one <see cref="Stream"/> are delivered in the order they were written.
/// </summary>
public class OutboxMessage
{
    public const int RecipientLength = 500;
    public const int SubjectLength = 300;
    public const int ErrorLength = 500;

    /// <summary>Grows with every message: the order of writing.</summary>
    public long Id { get; set; }
    public OutboxChannel Channel { get; set; }
    /// <summary>Messages with the same non-empty stream go out one after another, in order (a partner's request).</summary>
    public string Stream { get; set; } = "";
    public Guid? CaseId { get; set; }
    public Guid? PartnerId { get; set; }
    /// <summary>What caused it, e.g. "accepted", "result_ready" (shown on the case page).</summary>
    public required string Event { get; set; }
    /// <summary>A phone number, an e-mail address or a callback URL.</summary>
    public required string Recipient { get; set; }
    public string Subject { get; set; } = "";
    public required string Body { get; set; }
    public string Language { get; set; } = Domain.Language.Kazakh;
    /// <summary>Sent with every attempt so that the receiver can drop a repeat (delivery is at least once).</summary>
    public required string IdempotencyKey { get; set; }
    public OutboxStatus Status { get; set; } = OutboxStatus.Pending;
    /// <summary>Partner callbacks are retried until they succeed; notifications give up after the retry limit.</summary>
    public bool RetryForever { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    /// <summary>An instance that took the message holds it until then; a crashed instance's lease simply runs out.</summary>
    public DateTimeOffset? LockedUntil { get; set; }
    public string LockedBy { get; set; } = "";
    public DateTimeOffset? SentAt { get; set; }
    public string LastError { get; set; } = "";
}

public class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("OutboxMessages");
        b.Property(x => x.Stream).HasMaxLength(100);
        b.Property(x => x.Event).HasMaxLength(50);
        b.Property(x => x.Recipient).HasMaxLength(OutboxMessage.RecipientLength);
        b.Property(x => x.Subject).HasMaxLength(OutboxMessage.SubjectLength);
        b.Property(x => x.Language).HasMaxLength(2);
        b.Property(x => x.IdempotencyKey).HasMaxLength(100);
        b.HasIndex(x => x.IdempotencyKey).IsUnique();
        b.Property(x => x.LockedBy).HasMaxLength(100);
        b.Property(x => x.LastError).HasMaxLength(OutboxMessage.ErrorLength);
        b.HasIndex(x => new { x.Status, x.NextAttemptAt });
        b.HasIndex(x => new { x.Stream, x.Id });
        b.HasIndex(x => x.CaseId);
        b.HasOne<Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
    }
}
