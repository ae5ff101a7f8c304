using System.Globalization;
using System.Text;

namespace GuardianshipPortal.Documents;

/// <summary>Tenge amounts written in words, as decisions state them: "Үш жүз жиырма төрт мың … теңге 00 тиын".</summary>
public static class AmountInWords
{
    public static string Tenge(decimal amount, string language)
    {
        if (amount < 0) throw new ArgumentOutOfRangeException(nameof(amount));
        var rounded = Math.Round(amount, 2, MidpointRounding.AwayFromZero);
        var whole = (long)Math.Truncate(rounded);
        var tiyn = (int)((rounded - whole) * 100);
        var russian = language.StartsWith("ru", StringComparison.OrdinalIgnoreCase);
        var words = russian ? Russian(whole) : Kazakh(whole);
        var currency = russian ? "тенге" : "теңге";
        return $"{char.ToUpper(words[0], CultureInfo.InvariantCulture)}{words[1..]} {currency} {tiyn:00} тиын";
    }

    /// <summary>"324 375,00" in the document language's digit grouping.</summary>
    public static string Digits(decimal amount, string language) =>
        amount.ToString("N2", CultureInfo.GetCultureInfo(language.StartsWith("ru", StringComparison.OrdinalIgnoreCase) ? "ru-RU" : "kk-KZ"))
            .Replace('\u00A0', ' ').Replace('\u202F', ' ');

    private static readonly string[] KkUnits = ["", "бір", "екі", "үш", "төрт", "бес", "алты", "жеті", "сегіз", "тоғыз"];
    private static readonly string[] KkTens = ["", "он", "жиырма", "отыз", "қырық", "елу", "алпыс", "жетпіс", "сексен", "тоқсан"];
    private static readonly string[] KkScales = ["", "мың", "миллион", "миллиард"];

    public static string Kazakh(long number)
    {
        if (number == 0) return "нөл";
        var parts = new List<string>();
        var groups = Groups(number);
        for (var scale = groups.Count - 1; scale >= 0; scale--)
        {
            var g = groups[scale];
            if (g == 0) continue;
            var words = new List<string>();
            if (g / 100 > 0) words.AddRange([KkUnits[g / 100], "жүз"]);
            if (g / 10 % 10 > 0) words.Add(KkTens[g / 10 % 10]);
            if (g % 10 > 0) words.Add(KkUnits[g % 10]);
            if (scale > 0) words.Add(KkScales[scale]);
            parts.Add(string.Join(' ', words));
        }
        return string.Join(' ', parts);
    }

    private static readonly string[] RuUnitsMasculine = ["", "один", "два", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять"];
    private static readonly string[] RuUnitsFeminine = ["", "одна", "две", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять"];
    private static readonly string[] RuTeens = ["десять", "одиннадцать", "двенадцать", "тринадцать", "четырнадцать", "пятнадцать", "шестнадцать", "семнадцать", "восемнадцать", "девятнадцать"];
    private static readonly string[] RuTens = ["", "", "двадцать", "тридцать", "сорок", "пятьдесят", "шестьдесят", "семьдесят", "восемьдесят", "девяносто"];
    private static readonly string[] RuHundreds = ["", "сто", "двести", "триста", "четыреста", "пятьсот", "шестьсот", "семьсот", "восемьсот", "девятьсот"];
    private static readonly (string One, string Few, string Many)[] RuScales =
        [("", "", ""), ("тысяча", "тысячи", "тысяч"), ("миллион", "миллиона", "миллионов"), ("миллиард", "миллиарда", "миллиардов")];

    public static string Russian(long number)
    {
        if (number == 0) return "ноль";
        var text = new StringBuilder();
        var groups = Groups(number);
        for (var scale = groups.Count - 1; scale >= 0; scale--)
        {
            var g = groups[scale];
            if (g == 0) continue;
            var units = scale == 1 ? RuUnitsFeminine : RuUnitsMasculine; // тысяча is feminine
            var words = new List<string>();
            if (g / 100 > 0) words.Add(RuHundreds[g / 100]);
            var rest = g % 100;
            if (rest is >= 10 and < 20) words.Add(RuTeens[rest - 10]);
            else
            {
                if (rest / 10 > 0) words.Add(RuTens[rest / 10]);
                if (rest % 10 > 0) words.Add(units[rest % 10]);
            }
            if (scale > 0)
            {
                var (one, few, many) = RuScales[scale];
                words.Add(rest is >= 11 and <= 14 ? many : (rest % 10) switch { 1 => one, 2 or 3 or 4 => few, _ => many });
            }
            if (text.Length > 0) text.Append(' ');
            text.Append(string.Join(' ', words));
        }
        return text.ToString();
    }

    private static List<int> Groups(long number)
    {
        var groups = new List<int>();
        for (; number > 0; number /= 1000) groups.Add((int)(number % 1000));
        return groups;
    }
}
