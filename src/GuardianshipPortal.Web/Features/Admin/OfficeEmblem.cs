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
    /// <summary>The largest width or height in pixels: an emblem prints about 2 cm high.</summary>
    public const int MaxSide = 2000;
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
        // The size is read from the header before anything decodes it: a small file may unpack into a huge picture.
        var type = Scans.Sniff(bytes);
        var size = type is "image/png" or "image/jpeg" ? Size(bytes) : null;
        if (size is { } declared && (declared.Width > MaxSide || declared.Height > MaxSide))
        {
            error(l["Offices_EmblemTooWide", name, MaxSide]);
            return null;
        }
        if (type is null || size is not { Width: > 0, Height: > 0 } || !renderer.CanDraw(bytes))
        {
            error(l["Offices_EmblemBadType", name]);
            return null;
        }
        return (bytes, type);
    }

    /// <summary>The pixel size a PNG (its IHDR) or a JPEG (its first start-of-frame) declares; null if it declares none.</summary>
    public static (int Width, int Height)? Size(byte[] b)
    {
        static int Be16(byte[] b, int i) => (b[i] << 8) | b[i + 1];
        if (Scans.Sniff(b) == "image/png")
            return b.Length >= 24 && b[12..16] is [(byte)'I', (byte)'H', (byte)'D', (byte)'R']
                ? ((b[16] << 24) | (b[17] << 16) | Be16(b, 18), (b[20] << 24) | (b[21] << 16) | Be16(b, 22)) : null;
        for (var i = 2; i + 9 < b.Length;)
        {
            if (b[i] != 0xFF) return null;
            var marker = b[i + 1];
            if (marker is >= 0xC0 and <= 0xCF and not (0xC4 or 0xC8 or 0xCC)) return (Be16(b, i + 7), Be16(b, i + 5));
            i += 2 + Be16(b, i + 2);
        }
        return null;
    }

    public static bool IsEmail(string text) => Email().IsMatch(text);

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s.]+$")]
    private static partial Regex Email();
}
