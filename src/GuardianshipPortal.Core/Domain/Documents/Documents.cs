using System.Security.Cryptography;

namespace GuardianshipPortal.Domain.Documents;

/// <summary>The printed documents of SPEC §7.</summary>
public enum DocumentKind
{
    Receipt = 1,
    HousingInspectionAct = 2,
    FosterPlacementContract = 3,
    ReadinessNotification = 4,
    LumpSumDecision = 5,
    MaintenanceDecision = 6,
    AdopterConclusion = 7,
    AdopterConclusionNegative = 8,
    GuardianshipCertificate = 9,
    Refusal = 10,
}

/// <summary>The number a document of a kind carries in its heading.</summary>
public enum Numbering
{
    /// <summary>The case's registration number (the receipt; an act the office draws up for its own file).</summary>
    Registration = 1,
    /// <summary>A number of the office's outgoing register (a result or a notice the office sends out).</summary>
    Outgoing = 2,
}

/// <summary>What each document kind is, beside its wording: how it is numbered.</summary>
public static class DocumentKinds
{
    private static readonly IReadOnlyDictionary<DocumentKind, Numbering> Numberings = new Dictionary<DocumentKind, Numbering>
    {
        [DocumentKind.Receipt] = Numbering.Registration,
        // An internal act of the office, signed by those who inspected: it leaves through no outgoing register.
        [DocumentKind.HousingInspectionAct] = Numbering.Registration,
        [DocumentKind.FosterPlacementContract] = Numbering.Outgoing,
        [DocumentKind.ReadinessNotification] = Numbering.Outgoing,
        [DocumentKind.LumpSumDecision] = Numbering.Outgoing,
        [DocumentKind.MaintenanceDecision] = Numbering.Outgoing,
        [DocumentKind.AdopterConclusion] = Numbering.Outgoing,
        [DocumentKind.AdopterConclusionNegative] = Numbering.Outgoing,
        [DocumentKind.GuardianshipCertificate] = Numbering.Outgoing,
        [DocumentKind.Refusal] = Numbering.Outgoing,
    };

    /// <summary>How a kind is numbered; a kind a service module adds is a result and goes out under an outgoing number.</summary>
    public static Numbering NumberedBy(this DocumentKind kind) => Numberings.GetValueOrDefault(kind, Numbering.Outgoing);
}

/// <summary>
/// The wording of a document kind in one language: a title and a body with {placeholders} and [blocks].
/// Editing makes a new version; a signed document records the version it was made from.
/// </summary>
public class DocumentTemplate
{
    public Guid Id { get; set; }
    public DocumentKind Kind { get; set; }
    public required string Language { get; set; }
    public int Version { get; set; }
    public required string Title { get; set; }
    public required string Body { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public Guid? CreatedById { get; set; }
}

/// <summary>
/// A document as issued: its exact bytes and their SHA-256 are kept, so every reprint is identical and any change
/// is detectable. Nothing about it may change afterwards except being revoked (with who, when and why).
/// </summary>
public class IssuedDocument
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public DocumentKind Kind { get; set; }
    public required string Language { get; set; }
    public int TemplateVersion { get; set; }
    public required string Number { get; set; }
    /// <summary>The number of the office's outgoing register printed on a result or a notice; none on a receipt or a document issued before the register.</summary>
    public string? OutgoingNumber { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public Guid CreatedById { get; set; }
    public required string SignerName { get; set; }
    public required string Sha256 { get; set; }
    public long Size { get; set; }
    /// <summary>Short public code printed on the document and in its QR code, e.g. "7KQ4-M2XD-9HTF".</summary>
    public required string VerificationCode { get; set; }
    /// <summary>Initials of the person the document concerns: all the public verification page shows of them.</summary>
    public required string SubjectInitials { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public Guid? RevokedById { get; set; }
    public string RevocationReason { get; set; } = "";
    public IssuedDocumentContent? Content { get; set; }

    public bool IsRevoked => RevokedAt is not null;

    /// <summary>
    /// The id of a case's receipt, derived from the case's (a UUIDv8 of SHA-256): a case has one receipt, and two attempts
    /// to freeze it at once — the registration just after its commit, the case's first showing on another instance —
    /// collide on the primary key instead of making two.
    /// </summary>
    public static Guid ReceiptId(Guid caseId)
    {
        Span<byte> input = stackalloc byte[24];
        caseId.TryWriteBytes(input);
        "receipt\0"u8.CopyTo(input[16..]);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(input, hash);
        hash[7] = (byte)((hash[7] & 0x0F) | 0x80); // version 8
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80); // RFC 9562 variant
        return new Guid(hash[..16]);
    }
}

public class IssuedDocumentContent
{
    public Guid DocumentId { get; set; }
    public required byte[] Pdf { get; set; }
}

public static class VerificationCodes
{
    // Crockford's base32 without I, L, O, U: nothing to misread on paper.
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>12 random characters (60 bits): guessing a valid code is impractical.</summary>
    public static string New()
    {
        Span<char> chars = stackalloc char[12];
        for (var i = 0; i < chars.Length; i++) chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        return $"{chars[..4]}-{chars[4..8]}-{chars[8..]}";
    }

    /// <summary>Upper-cases, drops spaces and dashes, maps look-alikes (O→0, I/L→1), and regroups.</summary>
    public static string? Normalize(string? input)
    {
        if (string.IsNullOrWhiteSpace(input)) return null;
        var cleaned = new string([.. input.ToUpperInvariant().Where(c => c is not (' ' or '-'))
            .Select(c => c switch { 'O' => '0', 'I' or 'L' => '1', _ => c })]);
        if (cleaned.Length != 12 || cleaned.Any(c => !Alphabet.Contains(c))) return null;
        return $"{cleaned[..4]}-{cleaned[4..8]}-{cleaned[8..]}";
    }
}
