using PdfSharp.Fonts;

namespace GuardianshipPortal.Documents.Fonts;

/// <summary>
/// Serves Liberation Serif from the assembly for every family asked for ("Times New Roman" included), so documents
/// look the same on any server and every Kazakh letter (Ә Ғ Қ Ң Ө Ұ Ү Һ І) is there.
/// </summary>
internal sealed class EmbeddedFontResolver : IFontResolver
{
    private static readonly Dictionary<string, byte[]> Faces = new[] { "Regular", "Bold", "Italic", "BoldItalic" }
        .ToDictionary(face => face, Load);

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
        new((bold, italic) switch
        {
            (true, true) => "BoldItalic",
            (true, false) => "Bold",
            (false, true) => "Italic",
            _ => "Regular",
        });

    public byte[] GetFont(string faceName) => Faces[faceName];

    private static byte[] Load(string face)
    {
        using var stream = typeof(EmbeddedFontResolver).Assembly.GetManifestResourceStream($"Fonts.LiberationSerif-{face}.ttf")
            ?? throw new InvalidOperationException($"Embedded font LiberationSerif-{face}.ttf is missing.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
