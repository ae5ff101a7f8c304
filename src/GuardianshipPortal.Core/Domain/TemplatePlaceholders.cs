using System.Text.RegularExpressions;

namespace GuardianshipPortal.Domain;

/// <summary>The {placeholders} of the administrator's wordings (document templates, messages): which are unknown, and filling them.</summary>
public static partial class TemplatePlaceholders
{
    /// <summary>The placeholders of <paramref name="text"/> not in <paramref name="known"/>, as written ("{x}"): they would print as typed.</summary>
    public static IReadOnlyList<string> Unknown(string text, IReadOnlySet<string> known) =>
        [.. Pattern().Matches(text).Select(m => m.Groups[1].Value).Where(n => !known.Contains(n)).Distinct().Select(n => "{" + n + "}")];

    /// <summary>Replaces each placeholder that has a value; others stay as written.</summary>
    public static string Fill(string text, IReadOnlyDictionary<string, string> values) =>
        Pattern().Replace(text, m => values.TryGetValue(m.Groups[1].Value, out var v) ? v : m.Value);

    [GeneratedRegex(@"\{([^{}\s]+)\}")]
    private static partial Regex Pattern();
}
