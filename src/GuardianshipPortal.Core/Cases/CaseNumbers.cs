using System.Globalization;
using System.Text.RegularExpressions;

namespace GuardianshipPortal.Cases;

/// <summary>A registration number as a clerk reads it or types it.</summary>
public sealed record NumberQuery(string? OfficeCode, string Prefix, int Year, int Sequence);

/// <summary>
/// Registration numbers: the office's code, the service's prefix, the year and the office's sequence of that service
/// and year — "KRG-01-FP-2026-00017". Unique in the whole deployment and telling whose office it is. A typed number is
/// understood without the office, in any letter case and without the leading zeros ("fp-2026-17").
/// </summary>
public static partial class CaseNumbers
{
    public static string Format(string officeCode, string prefix, int year, int sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"{officeCode}-{prefix}-{year}-{sequence:00000}");

    public static NumberQuery? Parse(string text)
    {
        var match = Pattern().Match(text.Trim());
        if (!match.Success) return null;
        var office = match.Groups["office"].Success ? match.Groups["office"].Value.ToUpperInvariant() : null;
        return int.TryParse(match.Groups["seq"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence) && sequence > 0
            ? new NumberQuery(office, match.Groups["prefix"].Value.ToUpperInvariant(), int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture), sequence)
            : null;
    }

    [GeneratedRegex(@"^(?:(?<office>[A-Za-z0-9-]{2,32}?)-)?(?<prefix>[A-Za-z]{2,4})-(?<year>\d{4})-(?<seq>\d{1,9})$")]
    private static partial Regex Pattern();
}
