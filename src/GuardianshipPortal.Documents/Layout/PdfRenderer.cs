using GuardianshipPortal.Documents.Fonts;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;
using QRCoder;

namespace GuardianshipPortal.Documents.Layout;

/// <summary>
/// A4 documents in a Times-compatible face: emblem and office header, number and date, title, wrapped and justified
/// paragraphs, tables that break across pages, signature with a place for the seal, QR verification, and
/// "page N of M" footers. Layout runs first (into pages of drawing steps), then drawing, so the page count is known.
/// </summary>
public sealed class PdfRenderer : IDocumentRenderer
{
    private const string Family = "Times New Roman";
    private const double A4Short = 595.28, A4Long = 841.89;
    private const double Left = 85, Right = 42.5, Top = 56.7, Bottom = 70; // 30 mm / 15 mm / 20 mm, room for the footer
    private const double CellPadding = 3;

    private static readonly Lock Setup = new();
    private static bool _ready;
    private static readonly Dictionary<(double, bool, bool), XFont> Fonts = [];

    public PdfRenderer() => EnsureSetup();

    private static void EnsureSetup()
    {
        lock (Setup)
        {
            if (_ready) return;
            PdfSharpLicense.SetAgplLicense();
            GlobalFontSettings.FontResolver = new EmbeddedFontResolver();
            GlobalFontSettings.DefaultFontEncoding = PdfFontEncoding.Unicode;
            _ready = true;
        }
    }

    private static XFont Font(double size, bool bold = false, bool italic = false)
    {
        lock (Fonts)
        {
            if (!Fonts.TryGetValue((size, bold, italic), out var font))
            {
                var style = (bold, italic) switch
                {
                    (true, true) => XFontStyleEx.BoldItalic,
                    (true, false) => XFontStyleEx.Bold,
                    (false, true) => XFontStyleEx.Italic,
                    _ => XFontStyleEx.Regular,
                };
                Fonts[(size, bold, italic)] = font = new XFont(Family, size, style);
            }
            return font;
        }
    }

    public byte[] Concatenate(byte[] first, byte[] then)
    {
        using var result = new PdfSharp.Pdf.PdfDocument();
        foreach (var bytes in new[] { first, then })
        {
            using var source = PdfSharp.Pdf.IO.PdfReader.Open(new MemoryStream(bytes), PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import);
            foreach (var page in source.Pages) result.AddPage(page);
        }
        using var output = new MemoryStream();
        result.Save(output, false);
        return output.ToArray();
    }

    public bool CanDraw(byte[] image)
    {
        try
        {
            Render(new DocumentModel { HeaderLines = [], Number = "", Date = "", Title = "", Body = [], PageLabel = "", Emblem = image });
            return true;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return false;
        }
    }

    public byte[] Render(DocumentModel model)
    {
        using var emblem = model.Emblem is { Length: > 0 } bytes ? XImage.FromStream(new MemoryStream(bytes, writable: false)) : null;
        var layout = new Layouter(model, emblem);
        layout.Run();
        var (pageWidth, pageHeight, contentWidth) = (layout.PageWidth, layout.PageHeight, layout.ContentWidth);

        using var document = new PdfDocument();
        document.Info.Title = model.Title;
        document.Info.Creator = "GuardianshipPortal";
        for (var i = 0; i < layout.Pages.Count; i++)
        {
            var page = document.AddPage();
            page.Size = PageSize.A4;
            page.Orientation = model.Landscape ? PageOrientation.Landscape : PageOrientation.Portrait;
            using var gfx = XGraphics.FromPdfPage(page);
            if (model.DraftMark is { } mark)
            {
                DrawDraftMark(gfx, mark, pageWidth, pageHeight);
                // Also as plain text at the top, so that it is read out and copied with the rest.
                gfx.DrawString(mark, Font(10, bold: true), new XSolidBrush(XColor.FromArgb(255, 200, 0, 0)),
                    new XRect(Left, Top - 30, contentWidth, 12), XStringFormats.TopRight);
            }
            foreach (var step in layout.Pages[i]) step(gfx);
            var footer = string.Format(System.Globalization.CultureInfo.InvariantCulture, model.PageLabel, i + 1, layout.Pages.Count);
            gfx.DrawString(footer, Font(9), XBrushes.Black, new XRect(Left, pageHeight - 45, contentWidth, 12), XStringFormats.TopCenter);
        }
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    private static void DrawDraftMark(XGraphics gfx, string mark, double pageWidth, double pageHeight)
    {
        var state = gfx.Save();
        gfx.TranslateTransform(pageWidth / 2, pageHeight / 2);
        gfx.RotateTransform(-45);
        var brush = new XSolidBrush(XColor.FromArgb(60, 200, 0, 0));
        gfx.DrawString(mark, Font(90, bold: true), brush, new XPoint(0, 0), XStringFormats.Center);
        gfx.Restore(state);
    }

    /// <summary>First pass: places everything on pages as drawing steps.</summary>
    private sealed class Layouter(DocumentModel model, XImage? emblem)
    {
        private const double EmblemHeight = 56;

        public double PageWidth { get; } = model.Landscape ? A4Long : A4Short;
        public double PageHeight { get; } = model.Landscape ? A4Short : A4Long;
        public double ContentWidth => PageWidth - Left - Right;

        private readonly XGraphics _measure = XGraphics.CreateMeasureContext(new XSize(A4Long, A4Long), XGraphicsUnit.Point, XPageDirection.Downwards);
        private List<Action<XGraphics>> _page = [];
        private double _y;

        public List<List<Action<XGraphics>>> Pages { get; } = [];

        public void Run()
        {
            NewPage();
            if (emblem is { PixelWidth: > 0, PixelHeight: > 0 })
            {
                var width = Math.Min(ContentWidth, EmblemHeight * emblem.PixelWidth / emblem.PixelHeight);
                var height = width * emblem.PixelHeight / emblem.PixelWidth;
                var (left, top) = (Left + (ContentWidth - width) / 2, _y);
                Add(g => g.DrawImage(emblem, left, top, width, height));
                _y += height + 6;
            }
            foreach (var line in model.HeaderLines) Text(line, Align.Center, Font(12, bold: true), indent: false);
            if (model.HeaderNote.Length > 0) Text(model.HeaderNote, Align.Center, Font(9), indent: false);
            var ruleY = _y + 3;
            Add(g => g.DrawLine(new XPen(XColors.Black, 0.8), Left, ruleY, Left + ContentWidth, ruleY));
            _y += 12;

            var numberFont = Font(11);
            var y = _y;
            Add(g =>
            {
                g.DrawString(model.Number, numberFont, XBrushes.Black, new XPoint(Left, y), XStringFormats.TopLeft);
                g.DrawString(model.Date, numberFont, XBrushes.Black, new XRect(Left, y, ContentWidth, 14), XStringFormats.TopRight);
            });
            _y += 26;
            Text(model.Title, Align.Center, Font(14, bold: true), indent: false);
            _y += 8;

            foreach (var block in model.Body)
            {
                switch (block)
                {
                    case Paragraph p:
                        // The signature never stands alone at the top of a page: the last lines of the text go over with it.
                        var keepWithNext = ReferenceEquals(block, model.Body[^1]) ? TailHeight() : 0;
                        Text(p.Text, p.Align, Font(p.Size, p.Bold), p.Indent, keepWithNext);
                        _y += 4;
                        break;
                    case Table t:
                        LayoutTable(t);
                        _y += 8;
                        break;
                    case Spacer s:
                        _y += s.Height;
                        break;
                }
            }
            if (model.Signature is { } signature) LayoutSignature(signature);
            if (model.Verification is { } verification) LayoutVerification(verification);
        }

        private void NewPage()
        {
            _page = [];
            Pages.Add(_page);
            _y = Top;
        }

        private void Add(Action<XGraphics> step) => _page.Add(step);

        private void EnsureRoom(double height)
        {
            if (_y + height > PageHeight - Bottom) NewPage();
        }

        private double Width(string text, XFont font) => _measure.MeasureString(text, font).Width;

        /// <summary>Breaks text into lines no wider than <paramref name="width"/>; explicit newlines are kept.</summary>
        private List<List<string>> Wrap(string text, XFont font, double width, double firstLineIndent = 0)
        {
            var lines = new List<List<string>>();
            var space = Width(" ", font);
            foreach (var raw in text.Replace("\r", "").Split('\n'))
            {
                var current = new List<string>();
                var used = lines.Count == 0 ? firstLineIndent : 0;
                foreach (var word in Unbreakable(raw.Split(' ', StringSplitOptions.RemoveEmptyEntries)))
                {
                    var w = Width(word, font);
                    if (current.Count > 0 && used + space + w > width)
                    {
                        lines.Add(current);
                        current = [];
                        used = 0;
                    }
                    used += (current.Count > 0 ? space : 0) + w;
                    current.Add(word);
                }
                lines.Add(current);
            }
            return lines;
        }

        /// <summary>
        /// The words joined where a line must not break: «№» and its number, and the digit groups of one amount («44 580,00»).
        /// </summary>
        private static IEnumerable<string> Unbreakable(string[] words)
        {
            for (var i = 0; i < words.Length; i++)
            {
                var word = words[i];
                while (i + 1 < words.Length && (word == "№" || (IsDigitGroup(word.AsSpan(word.LastIndexOf(' ') + 1)) && StartsWithThreeDigits(words[i + 1]))))
                    word += " " + words[++i];
                yield return word;
            }
        }

        private static bool IsDigitGroup(ReadOnlySpan<char> word) => word.Length is >= 1 and <= 3 && !word.ContainsAnyExcept("0123456789");

        private static bool StartsWithThreeDigits(string word) =>
            word.Length >= 3 && char.IsAsciiDigit(word[0]) && char.IsAsciiDigit(word[1]) && char.IsAsciiDigit(word[2]) && (word.Length == 3 || !char.IsAsciiDigit(word[3]));

        /// <summary>The height of what follows the body on the same page: the signature and the verification block.</summary>
        private double TailHeight() =>
            (model.Signature is { } signature ? SignatureSpace + Wrap(signature.Position, Font(12, bold: true), ContentWidth * 0.45).Count * 15 + SignatureHeight : 0)
            + (model.Verification is not null ? VerificationHeight : 0);

        private const double SignatureSpace = 18, SignatureHeight = 30, VerificationHeight = 72;

        /// <summary>Lays out a paragraph; its last two lines stay on one page with <paramref name="keepWithNext"/> points that follow.</summary>
        private void Text(string text, Align align, XFont font, bool indent, double keepWithNext = 0)
        {
            var indentWidth = indent && align == Align.Justify ? 28 : 0;
            var lineHeight = font.Size * 1.25;
            var lines = Wrap(text, font, ContentWidth, indentWidth);
            var space = Width(" ", font);
            var keepFrom = keepWithNext > 0 ? Math.Max(0, lines.Count - 2) : lines.Count;
            for (var i = 0; i < lines.Count; i++)
            {
                EnsureRoom(i == keepFrom ? (lines.Count - i) * lineHeight + keepWithNext : lineHeight);
                var words = lines[i];
                var x0 = Left + (i == 0 ? indentWidth : 0);
                var available = ContentWidth - (i == 0 ? indentWidth : 0);
                var widths = words.Select(w => Width(w, font)).ToArray();
                var natural = widths.Sum() + space * Math.Max(0, words.Count - 1);
                var last = i == lines.Count - 1;
                double gap = space, start = x0;
                switch (align)
                {
                    case Align.Center: start = x0 + (available - natural) / 2; break;
                    case Align.Right: start = x0 + available - natural; break;
                    case Align.Justify when !last && words.Count > 1: gap = (available - widths.Sum()) / (words.Count - 1); break;
                }
                var y = _y;
                var positions = new double[words.Count];
                var x = start;
                for (var k = 0; k < words.Count; k++)
                {
                    positions[k] = x;
                    x += widths[k] + gap;
                }
                Add(g =>
                {
                    for (var k = 0; k < words.Count; k++) g.DrawString(words[k], font, XBrushes.Black, new XPoint(positions[k], y), XStringFormats.TopLeft);
                });
                _y += lineHeight;
            }
        }

        private void LayoutTable(Table table)
        {
            var font = Font(10);
            var bold = Font(10, bold: true);
            var total = table.Widths.Sum();
            var widths = table.Widths.Select(w => w / total * ContentWidth).ToArray();
            var lineHeight = font.Size * 1.2;

            void Row(IReadOnlyList<string> cells, XFont f, bool shaded)
            {
                var wrapped = cells.Select((c, i) => Wrap(c, f, widths[i] - 2 * CellPadding).Select(l => string.Join(' ', l)).ToList()).ToList();
                var height = wrapped.Max(w => w.Count) * lineHeight + 2 * CellPadding;
                if (_y + height > PageHeight - Bottom)
                {
                    NewPage();
                    if (!ReferenceEquals(cells, table.Headers)) Row(table.Headers, bold, shaded: true);
                }
                var y = _y;
                Add(g =>
                {
                    var x = Left;
                    for (var i = 0; i < widths.Length; i++)
                    {
                        if (shaded) g.DrawRectangle(new XSolidBrush(XColor.FromGrayScale(0.92)), x, y, widths[i], height);
                        g.DrawRectangle(new XPen(XColors.Black, 0.5), x, y, widths[i], height);
                        for (var l = 0; l < wrapped[i].Count; l++)
                            g.DrawString(wrapped[i][l], f, XBrushes.Black, new XPoint(x + CellPadding, y + CellPadding + l * lineHeight), XStringFormats.TopLeft);
                        x += widths[i];
                    }
                });
                _y += height;
            }

            Row(table.Headers, bold, shaded: true);
            foreach (var row in table.Rows) Row(row, font, shaded: false);
        }

        private void LayoutSignature(SignatureBlock signature)
        {
            _y += SignatureSpace;
            var font = Font(12, bold: true);
            var positionLines = Wrap(signature.Position, font, ContentWidth * 0.45);
            // The verification block goes with the signature: never a page of a QR code alone.
            EnsureRoom(positionLines.Count * 15 + SignatureHeight + (model.Verification is not null ? VerificationHeight : 10));
            var y = _y;
            // The signature line ends just before the name, wherever the name's length puts it.
            var lineEnd = Left + ContentWidth - Width(signature.Name, font) - 10;
            var lineStart = Math.Max(Left + ContentWidth * 0.47, lineEnd - 100);
            Add(g =>
            {
                for (var i = 0; i < positionLines.Count; i++)
                    g.DrawString(string.Join(' ', positionLines[i]), font, XBrushes.Black, new XPoint(Left, y + i * 15), XStringFormats.TopLeft);
                var lastLine = y + (positionLines.Count - 1) * 15;
                var lineY = lastLine + 12;
                g.DrawLine(new XPen(XColors.Black, 0.5), lineStart, lineY, lineEnd, lineY);
                g.DrawString(signature.Name, font, XBrushes.Black, new XRect(Left, lastLine, ContentWidth, 15), XStringFormats.TopRight);
                g.DrawString(signature.SealLabel, Font(10), XBrushes.Black, new XPoint(lineStart, lineY + 8), XStringFormats.TopLeft);
            });
            _y += positionLines.Count * 15 + SignatureHeight;
        }

        private void LayoutVerification(Verification verification)
        {
            const double size = 62;
            EnsureRoom(size + 6);
            var y = _y + 6;
            var small = Font(9);
            var qr = Qr(verification.Url, size);
            var survey = verification.SurveyUrl is { } surveyUrl ? Qr(surveyUrl, size) : null;
            Add(g =>
            {
                qr(g, Left, y);
                if (survey is not null)
                {
                    var x = Left + ContentWidth - size;
                    survey(g, x, y);
                    g.DrawString(verification.SurveyCaption ?? "", small, XBrushes.Black, new XRect(x - 150, y + 14, 142, 30), XStringFormats.TopRight);
                }
                g.DrawString(verification.Caption, small, XBrushes.Black, new XPoint(Left + size + 10, y + 14), XStringFormats.TopLeft);
                g.DrawString(verification.Code, Font(12, bold: true), XBrushes.Black, new XPoint(Left + size + 10, y + 28), XStringFormats.TopLeft);
                g.DrawString(verification.Url, small, XBrushes.Black, new XPoint(Left + size + 10, y + 44), XStringFormats.TopLeft);
            });
            _y += VerificationHeight;
        }

        /// <summary>A QR code of <paramref name="text"/>, drawn as its dark modules in a square of <paramref name="size"/> points.</summary>
        private static Action<XGraphics, double, double> Qr(string text, double size)
        {
            using var generator = new QRCodeGenerator();
            var matrix = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M).ModuleMatrix;
            var modules = matrix.Count;
            var cell = size / modules;
            return (g, x, y) =>
            {
                for (var r = 0; r < modules; r++)
                for (var c = 0; c < modules; c++)
                {
                    if (matrix[r][c]) g.DrawRectangle(XBrushes.Black, x + c * cell, y + r * cell, cell + 0.05, cell + 0.05);
                }
            };
        }
    }
}
