using System.Globalization;
using CsvHelper;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace GuardianshipPortal.Web.Features.Journals;

/// <summary>Journals leave the portal as CSV (UTF-8 with BOM, ";" — what spreadsheet software here opens cleanly) or XLSX.</summary>
public static class JournalExports
{
    public const char Separator = ';';

    public static byte[] Csv(JournalTable table)
    {
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true))
        using (var csv = CsvWriter.Create(writer, new CsvWriterOptions { Separator = Separator, FormatProvider = CultureInfo.InvariantCulture }, true))
        {
            foreach (var header in table.Headers) csv.WriteField(header);
            csv.EndRecord();
            foreach (var row in table.Rows)
            {
                foreach (var cell in row) csv.WriteField(cell);
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
        new(cells.Select(text => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(text)) }));
}
