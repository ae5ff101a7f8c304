using System.Text.RegularExpressions;

namespace GuardianshipPortal.Documents;

/// <summary>Template wording: {name} placeholders filled from values; unknown names stay visible so they get noticed.</summary>
public static partial class TemplateText
{
    public static string Fill(string text, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(text, m => values.TryGetValue(m.Groups[1].Value, out var v) ? v : m.Value);

    /// <summary>The template's paragraphs (separated by blank lines), each folded onto one line.</summary>
    public static IEnumerable<string> Paragraphs(string body) =>
        body.Replace("\r", "").Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(chunk => string.Join(' ', chunk.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)));

    [GeneratedRegex(@"\{([a-z_]+(?::[a-z]+)?)\}")]
    private static partial Regex Placeholder();
}
