using System.Text.RegularExpressions;
using GuardianshipPortal.Documents.Layout;
using GuardianshipPortal.Web.Features.Registration;
using Microsoft.Extensions.Localization;

namespace GuardianshipPortal.Web.Features.Admin;

/// <summary>
/// The emblem an administrator uploads for an office's letterhead: a PNG or a JPEG recognised by its bytes (not its name or
/// declared type), within <see cref="MaxBytes"/>, and one the document renderer can actually draw — a refused file is
/// answered with the form and a message, never stored to break every document later.
/// </summary>
public sealed partial class OfficeEmblem(IDocumentRenderer renderer, IStringLocalizer<SharedResource> l)
{
    public const int MaxBytes = 512 * 1024;
    /// <summary>What the office form may carry: the emblem and the text fields with room to spare.</summary>
    public const int RequestLimit = 2 * MaxBytes;

    /// <summary>The checked emblem, or null when none was sent or it was refused (then <paramref name="error"/> was told why).</summary>
    public async Task<(byte[] Bytes, string ContentType)?> ReadAsync(IFormFile? file, Action<string> error, CancellationToken ct)
    {
        if (file is null || (file.Length == 0 && file.FileName.Length == 0)) return null;
        var name = Path.GetFileName(file.FileName);
        if (file.Length > MaxBytes)
        {
            error(l["Offices_EmblemTooLarge", name, MaxBytes / 1024]);
            return null;
        }
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        if (Scans.Sniff(bytes) is not ("image/png" or "image/jpeg") || !renderer.CanDraw(bytes))
        {
            error(l["Offices_EmblemBadType", name]);
            return null;
        }
        return (bytes, Scans.Sniff(bytes)!);
    }

    public static bool IsEmail(string text) => Email().IsMatch(text);

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s.]+$")]
    private static partial Regex Email();
}
