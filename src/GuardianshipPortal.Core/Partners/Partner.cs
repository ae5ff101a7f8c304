using System.Security.Cryptography;
using System.Text;
using GuardianshipPortal.Domain;
using GuardianshipPortal.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GuardianshipPortal.Partners;

/// <summary>
/// A system that sends requests to the offices electronically: the e-government gateway or a Public Service Center.
/// It authenticates with a key shown once to the administrator and kept only as a hash; a rotation keeps the previous
/// key valid for a grace period; a revoked partner is refused.
/// </summary>
public class Partner
{
    public const int NameLength = 200;
    public const int CallbackLength = 500;

    public Guid Id { get; set; }
    public Guid RegionId { get; set; }
    public required string Name { get; set; }
    public Channel Channel { get; set; }
    /// <summary>The BIN a Public Service Center's signing certificates carry (OU "BIN" + 12 digits).</summary>
    public string Bin { get; set; } = "";
    /// <summary>Where the portal pushes the events of the partner's requests.</summary>
    public string CallbackUrl { get; set; } = "";
    /// <summary>The public half of the key ("gp_{KeyId}.{secret}"), by which a call finds its partner.</summary>
    public required string KeyId { get; set; }
    public required string KeyHash { get; set; }
    public string? PreviousKeyHash { get; set; }
    public DateTimeOffset? PreviousKeyUntil { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? RotatedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    /// <summary>The secret callbacks are signed with (HMAC-SHA256), kept encrypted with the portal's data-protection keys.</summary>
    public string ProtectedCallbackSecret { get; set; } = "";
    public List<PartnerOffice> Offices { get; set; } = [];
}

/// <summary>An office a partner may send requests to.</summary>
public class PartnerOffice
{
    public Guid PartnerId { get; set; }
    public Guid OfficeId { get; set; }
    public Office? Office { get; set; }
}

public static class PartnerKeys
{
    public static readonly TimeSpan RotationGrace = TimeSpan.FromDays(7);

    /// <summary>A new key: its id (public, 12 characters) and secret (32 bytes), and the whole as the partner sends it.</summary>
    public static (string KeyId, string Secret, string Key) New(string? keyId = null)
    {
        keyId ??= Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (keyId, secret, $"gp_{keyId}.{secret}");
    }

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static bool TryParse(string? key, out string keyId, out string secret)
    {
        keyId = secret = "";
        if (key is null || !key.StartsWith("gp_", StringComparison.Ordinal) || key.Length > 200) return false;
        var dot = key.IndexOf('.', StringComparison.Ordinal);
        if (dot < 4) return false;
        (keyId, secret) = (key[3..dot], key[(dot + 1)..]);
        return keyId.Length == 12 && secret.Length > 0;
    }

    /// <summary>Whether <paramref name="secret"/> opens <paramref name="partner"/> now (its key, or the previous one within the grace period).</summary>
    public static bool Opens(Partner partner, string secret, DateTimeOffset now)
    {
        if (partner.RevokedAt is not null) return false;
        var hash = Encoding.ASCII.GetBytes(Hash(secret));
        var current = CryptographicOperations.FixedTimeEquals(hash, Encoding.ASCII.GetBytes(partner.KeyHash));
        var previous = partner.PreviousKeyHash is { } old && partner.PreviousKeyUntil > now
            && CryptographicOperations.FixedTimeEquals(hash, Encoding.ASCII.GetBytes(old));
        return current || previous;
    }
}

public class PartnerConfiguration : IEntityTypeConfiguration<Partner>
{
    public void Configure(EntityTypeBuilder<Partner> b)
    {
        b.ToTable("Partners");
        b.Property(x => x.Name).HasMaxLength(Partner.NameLength);
        b.Property(x => x.Bin).HasMaxLength(12);
        b.Property(x => x.CallbackUrl).HasMaxLength(Partner.CallbackLength);
        b.Property(x => x.KeyId).HasMaxLength(12);
        b.HasIndex(x => x.KeyId).IsUnique();
        b.Property(x => x.KeyHash).HasMaxLength(64);
        b.Property(x => x.PreviousKeyHash).HasMaxLength(64);
        b.Property(x => x.ProtectedCallbackSecret).HasMaxLength(1000);
        b.HasMany(x => x.Offices).WithOne().HasForeignKey(x => x.PartnerId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class PartnerOfficeConfiguration : IEntityTypeConfiguration<PartnerOffice>
{
    public void Configure(EntityTypeBuilder<PartnerOffice> b)
    {
        b.ToTable("PartnerOffices");
        b.HasKey(x => new { x.PartnerId, x.OfficeId });
        b.HasOne(x => x.Office).WithMany().HasForeignKey(x => x.OfficeId).OnDelete(DeleteBehavior.Restrict);
    }
}

/// <summary>
/// The electronic request a case came from: the partner, its id for the request, the signed original (kept as
/// received), and the signer's certificate as checked on arrival.
/// </summary>
public class ElectronicRequest
{
    public const int ExternalIdLength = 64;

    public Guid CaseId { get; set; }
    public Guid PartnerId { get; set; }
    public required string ExternalRequestId { get; set; }
    /// <summary>SHA-256 of the signed content: the same id with other content is a conflict, not a retry.</summary>
    public required string ContentSha256 { get; set; }
    public required byte[] SignedRequest { get; set; }
    public DateTimeOffset ArrivedAt { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public string SignerName { get; set; } = "";
    public string SignerIin { get; set; } = "";
    public string SignerBin { get; set; } = "";
    public string SignerSerial { get; set; } = "";
    public string SignerIssuer { get; set; } = "";
    public DateTimeOffset SignerValidFrom { get; set; }
    public DateTimeOffset SignerValidTo { get; set; }
}

public class ElectronicRequestConfiguration : IEntityTypeConfiguration<ElectronicRequest>
{
    public void Configure(EntityTypeBuilder<ElectronicRequest> b)
    {
        b.ToTable("ElectronicRequests");
        b.HasKey(x => x.CaseId);
        b.HasOne<Case>().WithOne().HasForeignKey<ElectronicRequest>(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Partner>().WithMany().HasForeignKey(x => x.PartnerId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.ExternalRequestId).HasMaxLength(ElectronicRequest.ExternalIdLength);
        b.HasIndex(x => new { x.PartnerId, x.ExternalRequestId }).IsUnique();
        b.Property(x => x.ContentSha256).HasMaxLength(64);
        b.Property(x => x.SignerName).HasMaxLength(300);
        b.Property(x => x.SignerIin).HasMaxLength(12);
        b.Property(x => x.SignerBin).HasMaxLength(12);
        b.Property(x => x.SignerSerial).HasMaxLength(100);
        b.Property(x => x.SignerIssuer).HasMaxLength(500);
    }
}
