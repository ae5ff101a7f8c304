namespace GuardianshipPortal.Documents;

/// <summary>The grammatical cases a document's sentence asks a word in (септік). Russian dates use the genitive throughout.</summary>
public enum GrammaticalCase
{
    /// <summary>Атау септік: «мамыр».</summary>
    Nominative,
    /// <summary>Ілік септік: «мамырдың».</summary>
    Genitive,
    /// <summary>Барыс септік: «мамырға».</summary>
    Dative,
    /// <summary>Табыс септік: «мамырды».</summary>
    Accusative,
    /// <summary>Жатыс септік: «мамырда».</summary>
    Locative,
    /// <summary>Шығыс септік: «мамырдан».</summary>
    Ablative,
    /// <summary>Жатыс + -ғы/-гі, an attribute: «27 мамырдағы № 145 шешім».</summary>
    LocativeAttributive,
}

/// <summary>
/// Kazakh case endings by the regular rules: the suffix's vowel follows the word's last vowel (back а, о, ұ, ы — front ә, е,
/// ө, ү, і, э), its first consonant the word's last sound (a vowel, a sonorant, a voiced or a voiceless consonant).
/// Words in a possessive form (patronymics in -ұлы/-қызы) take the pronominal endings (-на, -ның, -н) and are not
/// handled here yet.
/// </summary>
public static class Kazakh
{
    private const string BackVowels = "аоұыяуё";
    private const string FrontVowels = "әеөүіэию";
    private const string Voiceless = "кқпстфхцчшщ";
    private const string Nasals = "мнң";

    public static string Decline(string word, GrammaticalCase @case)
    {
        if (string.IsNullOrEmpty(word) || @case == GrammaticalCase.Nominative) return word;
        var lower = word.ToLowerInvariant();
        var back = IsBack(lower);
        var last = lower[^1];
        // у and и at the end sound as consonants (тау → таудың, ми → миды).
        var vowelEnd = (BackVowels.Contains(last) || FrontVowels.Contains(last)) && last is not ('у' or 'и');
        var voiceless = Voiceless.Contains(last);
        var nasal = Nasals.Contains(last);
        string Pick(string b, string f) => back ? b : f;
        return word + @case switch
        {
            GrammaticalCase.Genitive => vowelEnd || nasal ? Pick("ның", "нің") : voiceless ? Pick("тың", "тің") : Pick("дың", "дің"),
            GrammaticalCase.Accusative => vowelEnd ? Pick("ны", "ні") : voiceless ? Pick("ты", "ті") : Pick("ды", "ді"),
            GrammaticalCase.Dative => voiceless ? Pick("қа", "ке") : Pick("ға", "ге"),
            GrammaticalCase.Locative => voiceless ? Pick("та", "те") : Pick("да", "де"),
            GrammaticalCase.Ablative => nasal ? Pick("нан", "нен") : voiceless ? Pick("тан", "тен") : Pick("дан", "ден"),
            GrammaticalCase.LocativeAttributive => voiceless ? Pick("тағы", "тегі") : Pick("дағы", "дегі"),
            _ => "",
        };
    }

    /// <summary>Whether the word's last vowel is a back one (а, о, ұ, ы…): its suffixes take а/ы, else ә/е/і.</summary>
    private static bool IsBack(string word)
    {
        for (var i = word.Length - 1; i >= 0; i--)
        {
            if (BackVowels.Contains(word[i]) && word[i] != 'у') return true;
            if (FrontVowels.Contains(word[i])) return false;
        }
        return true;
    }
}

/// <summary>Dates as documents write them: «2026 жылғы 27 мамыр» (in the case the sentence needs), «27 мая 2026 года».</summary>
public static class DateWords
{
    private static readonly string[] KazakhMonths =
        ["қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан"];

    private static readonly string[] RussianMonthsGenitive =
        ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"];

    public static string Kazakh(DateOnly date, GrammaticalCase @case = GrammaticalCase.Nominative) =>
        $"{date.Year} жылғы {date.Day} {Documents.Kazakh.Decline(KazakhMonths[date.Month - 1], @case)}";

    /// <summary>«27 мая 2026 года»: the form Russian documents use after «от», «с», «до», «не позднее».</summary>
    public static string Russian(DateOnly date) => $"{date.Day} {RussianMonthsGenitive[date.Month - 1]} {date.Year} года";

    public static string For(string language, DateOnly date, GrammaticalCase @case = GrammaticalCase.Nominative) =>
        language.StartsWith("ru", StringComparison.OrdinalIgnoreCase) ? Russian(date) : Kazakh(date, @case);
}
