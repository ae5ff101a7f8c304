using GuardianshipPortal.Cases;
using Microsoft.Extensions.Localization;

namespace GuardianshipPortal.Web.Features.Registration;

/// <summary>Scanned documents: PDF, JPEG or PNG, recognised by their first bytes (not by name or declared type), size-limited.</summary>
public static class Scans
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public const long MaxTotalBytes = 50 * 1024 * 1024;
    public const int MaxFiles = 30;

    /// <summary>
    /// What a request may carry before it is cut off unread: twice the advertised total, so that anything near the
    /// advertised limits is read and answered with the form and a message naming the limit.
    /// </summary>
    public const long HardLimitBytes = 2 * MaxTotalBytes;

    public static string? Sniff(ReadOnlySpan<byte> head) => head switch
    {
        [0x25, 0x50, 0x44, 0x46, 0x2D, ..] => "application/pdf", // %PDF-
        [0xFF, 0xD8, 0xFF, ..] => "image/jpeg",
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, ..] => "image/png",
        _ => null,
    };

    /// <summary>
    /// Reads the uploaded scans; adds an error per bad file (empty, too large, not a PDF or an image, posted under a field
    /// that is no document of the service's checklist) and returns what is acceptable. An empty file input is no file.
    /// </summary>
    public static async Task<List<UploadedFile>> ReadAsync(
        IFormFileCollection files, Func<string, Guid?> documentTypeOf, Action<string> error, IStringLocalizer l, CancellationToken ct)
    {
        var result = new List<UploadedFile>();
        var present = files.Where(f => f.Length > 0 || f.FileName.Length > 0).ToList();
        if (present.Count > MaxFiles)
        {
            error(l["Scan_TooMany", MaxFiles]);
            return result;
        }
        if (present.Sum(f => f.Length) > MaxTotalBytes)
        {
            error(l["Scan_TooMuch", MaxTotalBytes / 1024 / 1024]);
            return result;
        }
        foreach (var file in present)
        {
            var name = Path.GetFileName(file.FileName);
            if (documentTypeOf(file.Name) is not { } documentType)
            {
                error(l["Scan_UnknownField", name]);
                continue;
            }
            if (file.Length == 0)
            {
                error(l["Scan_Empty", name]);
                continue;
            }
            if (file.Length > MaxBytes)
            {
                error(l["Scan_TooLarge", name, MaxBytes / 1024 / 1024]);
                continue;
            }
            using var buffer = new MemoryStream((int)file.Length);
            await file.CopyToAsync(buffer, ct);
            var bytes = buffer.ToArray();
            if (Sniff(bytes) is not { } type)
            {
                error(l["Scan_BadType", name]);
                continue;
            }
            result.Add(new UploadedFile(name, type, bytes, documentType));
        }
        return result;
    }
}
