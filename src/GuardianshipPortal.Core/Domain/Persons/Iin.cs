namespace GuardianshipPortal.Domain.Persons;

public enum Sex
{
    Male = 1,
    Female = 2,
}

public enum IinError
{
    None,
    Empty,
    NotTwelveDigits,
    BadCenturyDigit,
    BadBirthDate,
    NoValidCheckDigit,
    CheckDigitMismatch,
}

/// <summary>
/// The individual identification number (ИИН / ЖСН), SPEC §8: digits 1–6 are the birth date YYMMDD, digit 7 the
/// century and sex (1/2 = 1800s, 3/4 = 1900s, 5/6 = 2000s; odd male, even female), 8–11 a registration number and
/// 12 a check digit computed with weights 1..11 (or, when that gives 10, 3..11,1,2) mod 11.
/// </summary>
public readonly record struct Iin
{
    private static readonly int[] FirstWeights = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
    private static readonly int[] SecondWeights = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

    private Iin(string value, DateOnly birthDate, Sex sex)
    {
        Value = value;
        BirthDate = birthDate;
        Sex = sex;
    }

    public string Value { get; }
    public DateOnly BirthDate { get; }
    public Sex Sex { get; }

    public override string ToString() => Value;

    public static bool TryParse(string? input, out Iin iin, out IinError error)
    {
        iin = default;
        var s = input?.Trim() ?? "";
        if (s.Length == 0) { error = IinError.Empty; return false; }
        if (s.Length != 12 || !s.All(char.IsAsciiDigit)) { error = IinError.NotTwelveDigits; return false; }

        var d = s.Select(c => c - '0').ToArray();
        var centuryBase = d[6] switch { 1 or 2 => 1800, 3 or 4 => 1900, 5 or 6 => 2000, _ => -1 };
        if (centuryBase < 0) { error = IinError.BadCenturyDigit; return false; }

        var year = centuryBase + d[0] * 10 + d[1];
        var month = d[2] * 10 + d[3];
        var day = d[4] * 10 + d[5];
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            error = IinError.BadBirthDate;
            return false;
        }

        var check = CheckDigit(d);
        if (check is null) { error = IinError.NoValidCheckDigit; return false; }
        if (check != d[11]) { error = IinError.CheckDigitMismatch; return false; }

        iin = new Iin(s, new DateOnly(year, month, day), d[6] % 2 == 1 ? Sex.Male : Sex.Female);
        error = IinError.None;
        return true;
    }

    public static bool IsValid(string? input) => TryParse(input, out _, out _);

    /// <summary>The check digit for the first 11 digits, or null when no IIN can have those 11 digits.</summary>
    public static int? CheckDigit(IReadOnlyList<int> digits)
    {
        var first = Weighted(digits, FirstWeights);
        if (first != 10) return first;
        var second = Weighted(digits, SecondWeights);
        return second == 10 ? null : second;
    }

    private static int Weighted(IReadOnlyList<int> digits, int[] weights)
    {
        var sum = 0;
        for (var i = 0; i < 11; i++) sum += digits[i] * weights[i];
        return sum % 11;
    }

    /// <summary>Builds a valid IIN from a birth date, sex and 4-digit registration number (for demo data and tests).</summary>
    public static string Compose(DateOnly birthDate, Sex sex, int serial)
    {
        var century = birthDate.Year switch { < 1900 => 1, < 2000 => 3, _ => 5 } + (sex == Sex.Female ? 1 : 0);
        for (var n = serial; n < serial + 10000; n++)
        {
            var head = $"{birthDate:yyMMdd}{century}{n % 10000:0000}";
            var check = CheckDigit(head.Select(c => c - '0').ToArray());
            if (check is not null) return head + check;
        }
        throw new InvalidOperationException("No valid IIN found.");
    }
}

/// <summary>A business identification number (БСН/БИН) of a legal entity: 12 digits, the last a check digit computed as an IIN's.</summary>
public static class Bin
{
    public static bool IsValid(string? input) =>
        input is { Length: 12 } && input.All(char.IsAsciiDigit) && Iin.CheckDigit([.. input[..11].Select(c => c - '0')]) == input[11] - '0';
}
