namespace GuardianshipPortal.Documents.Layout;

public enum Align
{
    Left,
    Center,
    Right,
    Justify,
}

/// <summary>A piece of a document's body, laid out top to bottom.</summary>
public abstract record Block;

public sealed record Paragraph(string Text, Align Align = Align.Justify, bool Bold = false, double Size = 12, bool Indent = true) : Block;

/// <summary>A bordered table; <paramref name="Widths"/> are relative column widths.</summary>
public sealed record Table(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlyList<double> Widths) : Block;

public sealed record Spacer(double Height) : Block;

public sealed record SignatureBlock(string Position, string Name, string SealLabel);

/// <summary>
/// The verification code printed with a QR code pointing at the public verification page; on a result handed to the
/// applicant also a second QR code leading to the survey of quality and accessibility.
/// </summary>
public sealed record Verification(string Code, string Url, string Caption, string? SurveyUrl = null, string? SurveyCaption = null);

/// <summary>Everything a printed document shows, already in its language. The renderer knows nothing of cases.</summary>
public sealed record DocumentModel
{
    public required IReadOnlyList<string> HeaderLines { get; init; }
    public string HeaderNote { get; init; } = "";
    /// <summary>An emblem (PNG or JPEG) drawn at the top centre, above the header lines.</summary>
    public byte[]? Emblem { get; init; }
    public required string Number { get; init; }
    public required string Date { get; init; }
    public required string Title { get; init; }
    public required IReadOnlyList<Block> Body { get; init; }
    public SignatureBlock? Signature { get; init; }
    public Verification? Verification { get; init; }
    /// <summary>When set, every page carries this mark across it (drafts, previews).</summary>
    public string? DraftMark { get; init; }
    /// <summary>Footer, formatted with the page number and the page count: "Бет {0} / {1}".</summary>
    public required string PageLabel { get; init; }
    /// <summary>Wide tables (journals) print on landscape pages.</summary>
    public bool Landscape { get; init; }
}

/// <summary>Turns a document into PDF bytes.</summary>
public interface IDocumentRenderer
{
    byte[] Render(DocumentModel model);

    /// <summary>Whether an image can be drawn as a document's emblem (a PNG or JPEG the renderer reads).</summary>
    bool CanDraw(byte[] image);

    /// <summary>The pages of <paramref name="first"/> followed by those of <paramref name="then"/>, as one PDF.</summary>
    byte[] Concatenate(byte[] first, byte[] then);
}
