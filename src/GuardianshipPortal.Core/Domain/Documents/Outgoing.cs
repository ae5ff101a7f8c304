using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GuardianshipPortal.Domain.Documents;

/// <summary>
/// A line of an office's outgoing register (журнал исходящих / шығыс хаттар журналы): the number a result or a notice of a
/// case was given, in the office's sequence of the year. A number once taken stays in the register; if the document it was
/// taken for is never issued (a signing package replaced, a result redrafted), the case's next document takes it again.
/// </summary>
public class OutgoingEntry
{
    public Guid Id { get; set; }
    public Guid OfficeId { get; set; }
    public int Year { get; set; }
    public int Sequence { get; set; }
    /// <summary>The number as printed, in the office's format when it was taken: "01-15/123".</summary>
    public required string Number { get; set; }
    public Guid CaseId { get; set; }
    public DocumentKind Kind { get; set; }
    /// <summary>The document the number is printed on: an issued document, or one frozen for the head's digital signature.</summary>
    public Guid DocumentId { get; set; }
    public DateTimeOffset AssignedAt { get; set; }
}

/// <summary>The last outgoing number an office took in a year: one row, locked by each issuer until its transaction ends.</summary>
public class OutgoingCounter
{
    public Guid OfficeId { get; set; }
    public int Year { get; set; }
    public int Last { get; set; }
}

/// <summary>The format of an office's outgoing numbers: "{n}" the sequence of the year, "{year}" the year — "01-15/{n}" → "01-15/123".</summary>
public static class OutgoingNumbers
{
    public const string DefaultFormat = "{n}";
    public const int FormatLength = 40;
    public const int NumberLength = 64;

    public static string Format(string format, int year, int sequence) =>
        (IsValid(format) ? format : DefaultFormat)
            .Replace("{year}", year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{n}", sequence.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    /// <summary>Has {n} once, no other braces, no control characters, and fits its column.</summary>
    public static bool IsValid(string? format)
    {
        if (string.IsNullOrWhiteSpace(format) || format.Length > FormatLength || format.Any(char.IsControl)) return false;
        var rest = format.Replace("{year}", "", StringComparison.Ordinal);
        var at = rest.IndexOf("{n}", StringComparison.Ordinal);
        if (at < 0 || rest.IndexOf("{n}", at + 3, StringComparison.Ordinal) >= 0) return false;
        return !rest.Replace("{n}", "", StringComparison.Ordinal).Any(ch => ch is '{' or '}');
    }
}

public class OutgoingEntryConfiguration : IEntityTypeConfiguration<OutgoingEntry>
{
    public void Configure(EntityTypeBuilder<OutgoingEntry> b)
    {
        b.ToTable("OutgoingEntries");
        b.Property(x => x.Number).HasMaxLength(OutgoingNumbers.NumberLength);
        b.HasIndex(x => new { x.OfficeId, x.Year, x.Sequence }).IsUnique();
        b.HasIndex(x => x.CaseId);
        b.HasIndex(x => x.DocumentId);
        b.HasOne<Office>().WithMany().HasForeignKey(x => x.OfficeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Cases.Case>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
    }
}

public class OutgoingCounterConfiguration : IEntityTypeConfiguration<OutgoingCounter>
{
    public void Configure(EntityTypeBuilder<OutgoingCounter> b)
    {
        b.ToTable("OutgoingCounters");
        b.HasKey(x => new { x.OfficeId, x.Year });
        b.HasOne<Office>().WithMany().HasForeignKey(x => x.OfficeId).OnDelete(DeleteBehavior.Restrict);
    }
}
