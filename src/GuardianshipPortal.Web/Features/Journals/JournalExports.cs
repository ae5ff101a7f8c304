using System.Globalization;
using CsvHelper;

namespace GuardianshipPortal.Web.Features.Journals;

/// <summary>
/// Journals leave the portal as CSV (UTF-8 with BOM, ";" — what spreadsheet software here opens cleanly) or XLSX. What is
/// stored is never trusted to be harmless there: a CSV cell that a spreadsheet would run as a formula is neutralised (OWASP
/// CSV injection), and characters XML cannot hold are dropped from XLSX cells, so one bad value never breaks an export.
/// </summary>
public static class JournalExports
{
    public const char Separator = ';';

    /// <summary>A cell starting with = + - @, a tab or a carriage return gets a leading apostrophe: shown as text, never run.</summary>
    public static string SafeCsvCell(string cell) =>
        cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + cell : cell;

    /// <summary>The text without characters an XML document cannot contain (control characters other than tab and line breaks, lone surrogates).</summary>
    public static string XmlSafe(string text)
    {
        if (text.All(ch => XmlConvertIsValid(ch))) return text;
        var builder = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (char.IsHighSurrogate(ch) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { builder.Append(ch).Append(text[++i]); continue; }
            if (XmlConvertIsValid(ch) && !char.IsSurrogate(ch)) builder.Append(ch);
        }
        return builder.ToString();
    }

    private static bool XmlConvertIsValid(char ch) => System.Xml.XmlConvert.IsXmlChar(ch) || char.IsSurrogate(ch);

    public static byte[] Csv(JournalTable table)
    {
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true))
        using (var csv = CsvWriter.Create(writer, new CsvWriterOptions { Separator = Separator, FormatProvider = CultureInfo.InvariantCulture }, true))
        {
            foreach (var header in table.Headers) csv.WriteField(SafeCsvCell(header));
            csv.EndRecord();
            foreach (var row in table.Rows)
            {
                foreach (var cell in row) csv.WriteField(SafeCsvCell(cell));
                csv.EndRecord();
            }
            csv.Flush();
        }
        return buffer.ToArray();
    }

    /// <summary>Rows written between two sends of the CSV stream: memory holds this many rows, whatever the period.</summary>
    private const int RowsPerChunk = 500;

    /// <summary>
    /// The journal as CSV written to <paramref name="output"/> as its rows arrive from the database: a chunk of rows is
    /// formatted into a small buffer and sent, so a year's export keeps no more than one chunk in memory.
    /// </summary>
    public static async Task WriteCsvAsync(Stream output, IReadOnlyList<string> headers, IAsyncEnumerable<IReadOnlyList<string>> rows, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        using var writer = new StreamWriter(buffer, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        using var csv = CsvWriter.Create(writer, new CsvWriterOptions { Separator = Separator, FormatProvider = CultureInfo.InvariantCulture }, true);
        async Task SendAsync()
        {
            csv.Flush();
            writer.Flush();
            buffer.Position = 0;
            await buffer.CopyToAsync(output, ct);
            buffer.SetLength(0);
            await output.FlushAsync(ct);
        }
        foreach (var header in headers) csv.WriteField(SafeCsvCell(header));
        csv.EndRecord();
        var n = 0;
        await foreach (var row in rows.WithCancellation(ct))
        {
            foreach (var cell in row) csv.WriteField(SafeCsvCell(cell));
            csv.EndRecord();
            if (++n % RowsPerChunk == 0) await SendAsync();
        }
        await SendAsync();
    }

    /// <summary>
    /// The journal as an XLSX workbook (one sheet of inline strings) written part by part into a temporary file as the rows
    /// arrive — a zip written forward, never a document tree in memory; the file is deleted when the returned stream closes.
    /// </summary>
    public static async Task<Stream> XlsxFileAsync(IReadOnlyList<string> headers, IAsyncEnumerable<IReadOnlyList<string>> rows, string sheetName, CancellationToken ct)
    {
        var file = new FileStream(Path.Combine(Path.GetTempPath(), "journal-" + Guid.NewGuid().ToString("N") + ".xlsx"), FileMode.CreateNew, FileAccess.ReadWrite,
            FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            using (var zip = new System.IO.Compression.ZipArchive(file, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
            {
                const string main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
                const string rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
                const string pkg = "http://schemas.openxmlformats.org/package/2006/relationships";
                void Part(string name, string xml)
                {
                    using var stream = zip.CreateEntry(name, System.IO.Compression.CompressionLevel.Fastest).Open();
                    stream.Write(System.Text.Encoding.UTF8.GetBytes(xml));
                }
                Part("[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""");
                Part("_rels/.rels", $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{pkg}"><Relationship Id="rId1" Type="{rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
                Part("xl/_rels/workbook.xml.rels", $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="{pkg}"><Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""");
                var sheet = new string([.. XmlSafe(sheetName).Where(ch => ch is not ('[' or ']' or ':' or '*' or '?' or '/' or '\\'))]);
                if (sheet.Length > 31) sheet = sheet[..31];
                Part("xl/workbook.xml", $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="{main}" xmlns:r="{rel}"><sheets><sheet name="{System.Security.SecurityElement.Escape(sheet)}" sheetId="1" r:id="rId1"/></sheets></workbook>""");

                using var stream = zip.CreateEntry("xl/worksheets/sheet1.xml", System.IO.Compression.CompressionLevel.Fastest).Open();
                using var xml = System.Xml.XmlWriter.Create(stream, new System.Xml.XmlWriterSettings { Encoding = new System.Text.UTF8Encoding(false) });
                xml.WriteStartDocument(standalone: true);
                xml.WriteStartElement("worksheet", main);
                xml.WriteStartElement("sheetData", main);
                void Row(IEnumerable<string> cells)
                {
                    xml.WriteStartElement("row", main);
                    foreach (var text in cells)
                    {
                        // Inline strings: no shared-string table to keep, and every cell reads back exactly as written.
                        xml.WriteStartElement("c", main);
                        xml.WriteAttributeString("t", "inlineStr");
                        xml.WriteStartElement("is", main);
                        xml.WriteStartElement("t", main);
                        var safe = XmlSafe(text);
                        if (safe.Length > 0 && (char.IsWhiteSpace(safe[0]) || char.IsWhiteSpace(safe[^1])))
                            xml.WriteAttributeString("xml", "space", null, "preserve");
                        xml.WriteString(safe);
                        xml.WriteEndElement();
                        xml.WriteEndElement();
                        xml.WriteEndElement();
                    }
                    xml.WriteEndElement();
                }
                Row(headers);
                await foreach (var row in rows.WithCancellation(ct)) Row(row);
                xml.WriteEndElement();
                xml.WriteEndElement();
                xml.WriteEndDocument();
            }
            file.Position = 0;
            return file;
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }
}
