using System.Diagnostics;

namespace GuardianshipPortal.IntegrationTests.Infrastructure;

/// <summary>Reads a PDF as a person would, through poppler's pdftotext and pdfinfo.</summary>
public static class PdfText
{
    public static string? SkipReason => TestEnvironment.Require(File.Exists("/usr/bin/pdftotext"), "poppler-utils (pdftotext)");

    public static async Task<string> ExtractAsync(byte[] pdf)
    {
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(file, pdf);
            var text = await RunAsync("pdftotext", $"-enc UTF-8 \"{file}\" -");
            // One space between words whatever the justification did.
            return string.Join('\n', text.Split('\n').Select(line => string.Join(' ', line.Split(' ', StringSplitOptions.RemoveEmptyEntries))));
        }
        finally
        {
            File.Delete(file);
        }
    }

    public static async Task<int> PagesAsync(byte[] pdf)
    {
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(file, pdf);
            var info = await RunAsync("pdfinfo", $"\"{file}\"");
            var line = info.Split('\n').First(l => l.StartsWith("Pages:", StringComparison.Ordinal));
            return int.Parse(line["Pages:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>The text with its line breaks folded into spaces, for phrases that may wrap.</summary>
    public static string Flat(string text) => string.Join(' ', text.Split(['\n', ' '], StringSplitOptions.RemoveEmptyEntries));

    private static async Task<string> RunAsync(string tool, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(tool, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{tool} failed: {await process.StandardError.ReadToEndAsync()}");
        return output;
    }
}
