using System.Text.RegularExpressions;

namespace GuardianshipPortal.Documents;

/// <summary>Template wording: {name} placeholders filled from values; unknown names stay visible so they get noticed.</summary>
public static partial class TemplateText
{
    /// <summary>
    /// Fills the placeholders. A value that ends a sentence itself («…бөлме бар.») takes the place of the template's full stop
    /// after it, so no «..» is printed; an ellipsis the template writes after a placeholder («{x}...») is left as written.
    /// </summary>
    public static string Fill(string text, IReadOnlyDictionary<string, string> values) =>
        Placeholder().Replace(text, m =>
        {
            if (!values.TryGetValue(m.Groups[1].Value, out var v)) return m.Value;
            var stop = m.Groups[2].Value;
            return stop.Length > 0 && v.EndsWith('.') ? v : v + stop;
        });

    /// <summary>The template's paragraphs (separated by blank lines), each folded onto one line.</summary>
    public static IEnumerable<string> Paragraphs(string body) =>
        body.Replace("\r", "").Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(chunk => string.Join(' ', chunk.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)));

    /// <summary>
    /// The conditions a paragraph may be marked with, «[with_spouse] …»: printed only when the applicant's spouse applies
    /// too, or, «[without_spouse] …», only when not — so one template words a document for one applicant and for spouses.
    /// </summary>
    public static readonly IReadOnlyList<string> Conditions = ["with_spouse", "without_spouse"];

    /// <summary>
    /// The paragraphs of a document: those marked with a condition that does not hold are left out, the others kept without
    /// their mark; unmarked paragraphs are always kept.
    /// </summary>
    public static IEnumerable<string> Paragraphs(string body, IReadOnlySet<string> holding)
    {
        foreach (var paragraph in Paragraphs(body))
        {
            var mark = Condition().Match(paragraph);
            if (!mark.Success) yield return paragraph;
            else if (holding.Contains(mark.Groups[1].Value)) yield return paragraph[mark.Length..];
        }
    }

    [GeneratedRegex(@"^\[(with_spouse|without_spouse)\]\s+")]
    private static partial Regex Condition();

    /// <summary>A placeholder and the template's single full stop after it, if any (not the first dot of an ellipsis).</summary>
    [GeneratedRegex(@"\{([a-z_]+(?::[a-z]+)?)\}(\.(?!\.))?")]
    private static partial Regex Placeholder();
}
