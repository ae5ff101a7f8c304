using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using GuardianshipPortal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace GuardianshipPortal.Signatures;

public enum TrustItemKind
{
    /// <summary>A root certificate of the national certification authority (RSA or GOST): chains must end here.</summary>
    Root = 1,
    /// <summary>An intermediate certificate, for chains whose signatures do not carry it.</summary>
    Intermediate = 2,
    /// <summary>A revocation list, uploaded as a file or fetched from its URL.</summary>
    RevocationList = 3,
}

/// <summary>One piece of trust material the administrator uploads; switched off, never deleted (audit keeps its history).</summary>
public class TrustItem
{
    public const int NameLength = 500;
    public const int UrlLength = 500;

    public Guid Id { get; set; }
    public TrustItemKind Kind { get; set; }
    /// <summary>The certificate's subject, or the list's issuer.</summary>
    public required string Name { get; set; }
    /// <summary>SHA-256 of the bytes, hex: the same file is not added twice.</summary>
    public required string Sha256 { get; set; }
    public required byte[] Bytes { get; set; }
    /// <summary>Certificate: validity; list: this update and next update.</summary>
    public DateTimeOffset ValidFrom { get; set; }
    public DateTimeOffset? ValidTo { get; set; }
    /// <summary>Where a revocation list is fetched from again (empty for an uploaded file).</summary>
    public string SourceUrl { get; set; } = "";
    public DateTimeOffset AddedAt { get; set; }
    public Guid AddedById { get; set; }
    public DateTimeOffset? RefreshedAt { get; set; }
    public string RefreshError { get; set; } = "";
    public bool IsActive { get; set; } = true;

    /// <summary>Reads an uploaded certificate (DER or PEM) or revocation list; null when the bytes are neither.</summary>
    public static TrustItem? Read(TrustItemKind kind, byte[] bytes)
    {
        if (kind == TrustItemKind.RevocationList)
        {
            if (RevocationList.TryParse(bytes) is not { } list) return null;
            return new TrustItem
            {
                Kind = kind, Name = Cut(list.Issuer.Name), Sha256 = Hash(bytes), Bytes = bytes, ValidFrom = list.ThisUpdate, ValidTo = list.NextUpdate,
            };
        }
        try
        {
            using var certificate = X509CertificateLoader.LoadCertificate(bytes);
            return new TrustItem
            {
                Kind = kind, Name = Cut(certificate.Subject), Sha256 = Hash(bytes), Bytes = certificate.RawData,
                ValidFrom = new DateTimeOffset(certificate.NotBefore.ToUniversalTime(), TimeSpan.Zero),
                ValidTo = new DateTimeOffset(certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero),
            };
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    private static string Hash(byte[] bytes) => Convert.ToHexString(SHA256.HashData(bytes));

    private static string Cut(string text) => text.Length <= NameLength ? text : text[..NameLength];
}

public class TrustItemConfiguration : IEntityTypeConfiguration<TrustItem>
{
    public void Configure(EntityTypeBuilder<TrustItem> b)
    {
        b.Property(x => x.Name).HasMaxLength(TrustItem.NameLength);
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.HasIndex(x => x.Sha256).IsUnique();
        b.Property(x => x.SourceUrl).HasMaxLength(TrustItem.UrlLength);
        b.Property(x => x.RefreshError).HasMaxLength(500);
    }
}

/// <summary>
/// The trust material in the database: active roots, intermediates and revocation lists. Read once a minute at most per
/// instance (a list fetched or uploaded on another instance is seen within that minute).
/// </summary>
public sealed class DatabaseTrustMaterial(PortalDbContext db, TimeProvider clock) : ITrustMaterialSource
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);
    private static readonly Lock Gate = new();
    private static (TrustMaterial Material, DateTimeOffset Until, string Database)? _cache;

    /// <summary>Forget what was read (after the administrator changes the material on this instance).</summary>
    public static void Forget()
    {
        lock (Gate) _cache = null;
    }

    public async Task<TrustMaterial> GetAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var database = db.Database.GetConnectionString() ?? "";
        lock (Gate)
        {
            if (_cache is { } c && c.Until > now && c.Database == database) return c.Material;
        }
        var items = await db.Set<TrustItem>().AsNoTracking().Where(i => i.IsActive).ToListAsync(ct);
        List<X509Certificate2> Certificates(TrustItemKind kind) =>
            [.. items.Where(i => i.Kind == kind).Select(i => X509CertificateLoader.LoadCertificate(i.Bytes))];
        var material = new TrustMaterial(Certificates(TrustItemKind.Root), Certificates(TrustItemKind.Intermediate),
            [.. items.Where(i => i.Kind == TrustItemKind.RevocationList).Select(i => RevocationList.TryParse(i.Bytes)).OfType<RevocationList>()]);
        lock (Gate) _cache = (material, now + Lifetime, database);
        return material;
    }
}
