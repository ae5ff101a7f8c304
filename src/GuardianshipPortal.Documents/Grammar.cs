namespace GuardianshipPortal.Documents;

/// <summary>The grammatical cases a document's sentence asks a word in (септік / падеж). Russian dates use the genitive throughout.</summary>
public enum GrammaticalCase
{
    /// <summary>Атау септік: «мамыр».</summary>
    Nominative,
    /// <summary>Ілік септік: «мамырдың»; родительный.</summary>
    Genitive,
    /// <summary>Барыс септік: «мамырға»; дательный.</summary>
    Dative,
    /// <summary>Табыс септік: «мамырды»; винительный.</summary>
    Accusative,
    /// <summary>Жатыс септік: «мамырда»; предложный.</summary>
    Locative,
    /// <summary>Шығыс септік: «мамырдан» (Russian has none: the genitive stands in).</summary>
    Ablative,
    /// <summary>Жатыс + -ғы/-гі, an attribute: «27 мамырдағы № 145 шешім».</summary>
    LocativeAttributive,
    /// <summary>Көмектес септік: «маманмен»; творительный: «специалистом».</summary>
    Instrumental,
}

/// <summary>
/// Kazakh case endings by the regular rules: the suffix's vowel follows the word's last vowel (back а, о, ұ, ы — front ә, е,
/// ө, ү, і, э), its first consonant the word's last sound. A word in the third-person possessive form (patronymics in
/// -ұлы/-қызы, «бөлімі», «басшысы») takes the pronominal n instead: «Болатқызының», «бөліміне», «басшысын».
/// </summary>
public static class Kazakh
{
    private const string BackVowels = "аоұыяуё";
    private const string FrontVowels = "әеөүіэию";

    /// <summary>The last sound a suffix attaches to; the order of the columns of <see cref="Endings"/>.</summary>
    private enum Sound { Vowel, Nasal, Sonorant, Voiced, Voiceless }

    private static readonly Dictionary<char, Sound> Consonants = new[]
    {
        ("мнң", Sound.Nasal), ("лрйуи", Sound.Sonorant), ("жз", Sound.Voiced),
        // б, в, г, д end only loanwords and Russian surnames, and sound voiceless there: Жақсыбековтың, клубқа.
        ("кқпстфхцчшщбвгд", Sound.Voiceless),
    }.SelectMany(g => g.Item1.Select(ch => (ch, g.Item2))).ToDictionary(x => x.ch, x => x.Item2);

    /// <summary>Back|front ending after each <see cref="Sound"/> (vowel, nasal, sonorant, voiced, voiceless).</summary>
    private static readonly Dictionary<GrammaticalCase, string[]> Endings = new()
    {
        [GrammaticalCase.Genitive] = ["ның|нің", "ның|нің", "дың|дің", "дың|дің", "тың|тің"],
        [GrammaticalCase.Accusative] = ["ны|ні", "ды|ді", "ды|ді", "ды|ді", "ты|ті"],
        [GrammaticalCase.Dative] = ["ға|ге", "ға|ге", "ға|ге", "ға|ге", "қа|ке"],
        [GrammaticalCase.Locative] = ["да|де", "да|де", "да|де", "да|де", "та|те"],
        [GrammaticalCase.Ablative] = ["дан|ден", "нан|нен", "дан|ден", "дан|ден", "тан|тен"],
        [GrammaticalCase.LocativeAttributive] = ["дағы|дегі", "дағы|дегі", "дағы|дегі", "дағы|дегі", "тағы|тегі"],
        [GrammaticalCase.Instrumental] = ["мен|мен", "мен|мен", "мен|мен", "бен|бен", "пен|пен"],
    };

    /// <summary>Back|front endings of a word in the third-person possessive form (the pronominal n).</summary>
    private static readonly Dictionary<GrammaticalCase, string> PossessiveEndings = new()
    {
        [GrammaticalCase.Genitive] = "ның|нің", [GrammaticalCase.Accusative] = "н|н", [GrammaticalCase.Dative] = "на|не",
        [GrammaticalCase.Locative] = "нда|нде", [GrammaticalCase.Ablative] = "нан|нен",
        [GrammaticalCase.LocativeAttributive] = "ндағы|ндегі", [GrammaticalCase.Instrumental] = "мен|мен",
    };

    /// <summary>Kazakh patronymics: a possessive form («Болат ұлы», «Болат қызы» written as one word).</summary>
    private static readonly string[] Patronymics = ["ұлы", "улы", "қызы", "кызы"];

    public static string Decline(string word, GrammaticalCase @case) => Decline(word, @case, possessive: false);

    public static string Decline(string word, GrammaticalCase @case, bool possessive)
    {
        if (string.IsNullOrEmpty(word) || @case == GrammaticalCase.Nominative) return word;
        var lower = word.ToLowerInvariant();
        var ending = possessive ? PossessiveEndings[@case] : Endings[@case][(int)LastSound(lower)];
        var parts = ending.Split('|');
        return word + (IsBack(lower) ? parts[0] : parts[1]);
    }

    /// <summary>A phrase (an office, a position) declines its last word; «білім бөлімі», «бөлім басшысы» are possessive.</summary>
    public static string DeclinePhrase(string phrase, GrammaticalCase @case)
    {
        var (head, last) = SplitLast(phrase);
        var lower = last.ToLowerInvariant();
        // -ы/-і after a consonant or -сы/-сі is the possessive («бөлімі», «басшысы»); -шы/-ші makes a doer («атқарушы»).
        var possessive = IsPatronymic(lower) || (head.Length > 0 && lower.Length > 2 && lower[^1] is 'ы' or 'і'
            && !lower.EndsWith("шы", StringComparison.Ordinal) && !lower.EndsWith("ші", StringComparison.Ordinal));
        return head + Decline(last, @case, possessive);
    }

    /// <summary>
    /// A person's name in any order declines its last word: «Серікова Айжан Болатқызының», «Серікова Айжанның»,
    /// «Ерлан Болатұлы Жақсыбековтың». Only a patronymic is possessive (a first name such as «Мөлді» is not).
    /// </summary>
    public static string DeclineName(string fullName, GrammaticalCase @case)
    {
        var (head, last) = SplitLast(fullName);
        return head + Decline(last, @case, IsPatronymic(last.ToLowerInvariant()));
    }

    public static bool IsPatronymic(string word) => Patronymics.Any(p => word.EndsWith(p, StringComparison.OrdinalIgnoreCase));

    private static (string Head, string Last) SplitLast(string phrase)
    {
        var text = phrase.TrimEnd();
        var space = text.LastIndexOf(' ');
        return (text[..(space + 1)], text[(space + 1)..]);
    }

    private static Sound LastSound(string lower)
    {
        var last = lower[^1];
        // у and и at the end sound as consonants (тау → таудың, ми → миды).
        if (Consonants.TryGetValue(last, out var sound)) return sound;
        return BackVowels.Contains(last) || FrontVowels.Contains(last) ? Sound.Vowel : Sound.Voiced;
    }

    /// <summary>Whether the word's last vowel is a back one (а, о, ұ, ы…): its suffixes take а/ы, else ә/е/і.</summary>
    private static bool IsBack(string word)
    {
        if (word.EndsWith('ь')) return false; // a soft sign softens the ending too: Игорьдің
        for (var i = word.Length - 1; i >= 0; i--)
        {
            // у between consonants is the vowel [u] (Тимурдың); after a vowel or at the end it is a glide (тау, кіру).
            if (word[i] == 'у' && i > 0 && i < word.Length - 1 && !BackVowels.Contains(word[i - 1]) && !FrontVowels.Contains(word[i - 1])) return true;
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
