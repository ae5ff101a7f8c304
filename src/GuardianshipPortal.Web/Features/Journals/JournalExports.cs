using System.Globalization;
using CsvHelper;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

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

    public static byte[] Xlsx(JournalTable table, string sheetName)
    {
        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            data.Append(Row(table.Headers));
            foreach (var row in table.Rows) data.Append(Row(row));
            sheetPart.Worksheet = new Worksheet(data);
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            sheets.Append(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = sheetName.Length > 31 ? sheetName[..31] : sheetName });
            workbook.Workbook.Save();
        }
        return buffer.ToArray();
    }

    // Inline strings: no shared-string table to keep in step, and every cell reads back exactly as written.
    private static Row Row(IEnumerable<string> cells) =>
        new(cells.Select(text => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(XmlSafe(text))) }));
}
