namespace GuardianshipPortal.Documents;

/// <summary>The grammatical gender a person's name agrees with (from the IIN's sex digit).</summary>
public enum Gender
{
    Male,
    Female,
}

/// <summary>The roles of the words of a person's name.</summary>
public enum NamePart
{
    Surname,
    FirstName,
    Patronymic,
}

/// <summary>
/// Russian declension of persons' names, positions and office names, by endings written as data: a rule names an
/// ending, whom it applies to (null: both sexes), how many letters to cut, and the endings of the genitive, dative,
/// accusative, instrumental and prepositional; no endings means the word does not decline. Kazakh letters (ә, і, ң, ғ, ү,
/// ұ, қ, ө, һ) count as the vowels and consonants they are. Kazakh patronymics (-ұлы, -қызы) stay as written, and a
/// woman's surname ending in a consonant does not decline, as Russian offices write them.
/// </summary>
public static class Russian
{
    private sealed record Rule(string[] Endings, Gender? Who, int Cut, string[]? Forms, bool AnyConsonant = false);

    private const string Vowels = "аеёиоуыэюяәіүұө";
    private const string Velars = "гкхқғһ";
    private const string Sibilants = "жшчщц";
    private static readonly string[] None = [];

    private static Rule R(string endings, Gender? who, int cut, string? forms) =>
        new(endings.Split(' '), who, cut, forms?.Split(' '));

    private static Rule Consonant(Gender? who, string? forms) => new(None, who, 0, forms?.Split(' '), AnyConsonant: true);

    // Forms: genitive, dative, accusative, instrumental, prepositional.
    private static readonly Rule[] Surnames =
    [
        R("ұлы улы қызы кызы оглы", null, 0, null),
        R("их ых", null, 0, null),
        R("ский цкий", Gender.Male, 2, "ого ому ого им ом"),
        R("ская цкая", Gender.Female, 2, "ой ой ую ой ой"),
        R("ов ев ёв ин ын", Gender.Male, 0, "а у а ым е"),
        R("ова ева ёва ина ына", Gender.Female, 1, "ой ой у ой ой"),
        R("ия", null, 1, "и и ю ей и"),
        R("я", null, 1, "и е ю ей е"),
        R("а", null, 1, "ы е у ой е"),
        R("й", Gender.Male, 1, "я ю я ем е"),
        R("ь", Gender.Male, 1, "я ю я ем е"),
        Consonant(Gender.Male, "а у а ом е"),
    ];

    /// <summary>Adjectival surnames (Толстой, Белый, Горький); short ones in -ой are not adjectives (Цой → Цоя).</summary>
    private static readonly Rule[] AdjectivalSurnames =
    [
        R("ой ый", Gender.Male, 2, "ого ому ого ым ом"),
        R("ий", Gender.Male, 2, "ого ому ого им ом"),
        R("ая", Gender.Female, 2, "ой ой ую ой ой"),
    ];

    private static readonly string[] MaleNoun = "а у а ом е".Split(' ');

    private static readonly Rule[] FirstNames =
    [
        R("ий", Gender.Male, 1, "я ю я ем и"),
        R("й ь", Gender.Male, 1, "я ю я ем е"),
        R("ь", Gender.Female, 1, "и и ь ью и"),
        R("ия", null, 1, "и и ю ей и"),
        R("ья", Gender.Male, 1, "и е ю ёй е"),
        R("я", null, 1, "и е ю ей е"),
        R("а", null, 1, "ы е у ой е"),
        new(None, Gender.Male, 0, MaleNoun, AnyConsonant: true),
    ];

    private static readonly Rule[] Patronymics =
    [
        R("ұлы улы қызы кызы оглы", null, 0, null),
        R("ьич", Gender.Male, 0, "а у а ом е"), // stressed: Ильичом
        R("ич", Gender.Male, 0, "а у а ем е"),
        R("на", Gender.Female, 1, "ы е у ой е"),
    ];

    /// <summary>Adjectives and participles ahead of a position's or an office's head noun; "=" is the nominative (inanimate accusative).</summary>
    private static readonly Rule[] Adjectives =
    [
        R("ый ой", null, 2, "ого ому = ым ом"),
        R("кий гий хий", null, 2, "ого ому = им ом"),
        R("ий", null, 2, "его ему = им ем"),
        R("ая", null, 2, "ой ой ую ой ой"),
        R("яя", null, 2, "ей ей юю ей ей"),
        R("ое", null, 2, "ого ому ое ым ом"),
        R("ее", null, 2, "его ему ее им ем"),
    ];

    /// <summary>The head noun of a position or an office; the words after it (a genitive: «отдела», «образования») stay.</summary>
    private static readonly Rule[] Nouns =
    [
        R("ие", null, 1, "я ю е ем и"),
        R("ия", null, 1, "и и ю ей и"),
        R("ь й", null, 1, "я ю = ем е"),
        R("а", null, 1, "ы е у ой е"),
        R("я", null, 1, "и е ю ей е"),
        R("о", null, 1, "а у о ом е"),
        Consonant(null, "а у = ом е"),
    ];

    /// <summary>Participles that are a position's head themselves: «заведующий сектором», «исполняющий обязанности…».</summary>
    private static readonly string[] SubstantiveParticiples = ["заведующ", "исполняющ", "управляющ"];

    /// <summary>Names that drop a vowel when they decline: Павел → Павла, Лев → Льва.</summary>
    private static readonly Dictionary<string, string> FleetingVowels = new(StringComparer.OrdinalIgnoreCase) { ["Павел"] = "Павл", ["Лев"] = "Льв" };

    private static int Index(GrammaticalCase @case) => @case switch
    {
        GrammaticalCase.Dative => 1,
        GrammaticalCase.Accusative => 2,
        GrammaticalCase.Instrumental => 3,
        GrammaticalCase.Locative => 4,
        _ => 0, // genitive; the ablative and the attribute have no Russian form of their own
    };

    public static string Surname(string word, Gender gender, GrammaticalCase @case)
    {
        if (word.Contains('-')) return string.Join('-', word.Split('-').Select(w => Surname(w, gender, @case)));
        if (word.Length >= 5 && Apply(AdjectivalSurnames, word, gender, @case, animate: true) is { } adjectival) return adjectival;
        return Apply(Surnames, word, gender, @case, animate: true) ?? word;
    }

    public static string FirstName(string word, Gender gender, GrammaticalCase @case)
    {
        if (word.Contains('-')) return string.Join('-', word.Split('-').Select(w => FirstName(w, gender, @case)));
        if (@case != GrammaticalCase.Nominative && gender == Gender.Male && FleetingVowels.TryGetValue(word, out var stem))
            return Spell(stem, MaleNoun[Index(@case)]);
        return Apply(FirstNames, word, gender, @case, animate: true) ?? word;
    }

    public static string Patronymic(string word, Gender gender, GrammaticalCase @case) =>
        Apply(Patronymics, word, gender, @case, animate: true) ?? word;

    public static string Word(NamePart part, string word, Gender gender, GrammaticalCase @case) => part switch
    {
        NamePart.Surname => Surname(word, gender, @case),
        NamePart.FirstName => FirstName(word, gender, @case),
        _ => Patronymic(word, gender, @case),
    };

    /// <summary>
    /// A position or an office name inside a sentence: its leading adjectives and head noun decline, the rest (the
    /// genitive tail) stays: «главный специалист отдела» → «главного специалиста отдела». A name in quotes or starting with
    /// an abbreviation («ГУ «…»») does not decline. Positions are animate (their accusative is the genitive).
    /// </summary>
    public static string Phrase(string phrase, GrammaticalCase @case, bool animate, bool inSentence = false)
    {
        var words = phrase.Split(' ');
        // A common noun or adjective opening the phrase is lower-case inside a sentence; a proper name keeps its capital.
        if (inSentence && words[0].Length > 1 && char.IsLower(words[0][1]) && words[0].All(char.IsLetter)
            && (Apply(Adjectives, words[0], null, GrammaticalCase.Genitive, animate) is not null || Apply(Nouns, words[0], null, GrammaticalCase.Genitive, animate) is not null))
            words[0] = char.ToLowerInvariant(words[0][0]) + words[0][1..];
        if (@case == GrammaticalCase.Nominative) return string.Join(' ', words);
        for (var i = 0; i < words.Length; i++)
        {
            var w = words[i];
            if (w.Length < 2 || !char.IsLetter(w[0]) || w.Contains('.') || w.All(ch => !char.IsLetter(ch) || char.IsUpper(ch))) break;
            var lower = w.ToLowerInvariant();
            var participle = SubstantiveParticiples.Any(p => lower.StartsWith(p, StringComparison.Ordinal));
            if (Apply(Adjectives, w, null, @case, animate) is { } adjective)
            {
                words[i] = adjective;
                if (participle) break;
                continue;
            }
            words[i] = Apply(Nouns, w, null, @case, animate) ?? w;
            break;
        }
        return string.Join(' ', words);
    }

    private static string? Apply(Rule[] rules, string word, Gender? gender, GrammaticalCase @case, bool animate)
    {
        if (word.Length == 0) return null;
        var lower = word.ToLowerInvariant();
        foreach (var rule in rules)
        {
            if (rule.Who is { } who && gender is { } g && who != g) continue;
            var matches = rule.AnyConsonant
                ? char.IsLetter(lower[^1]) && !Vowels.Contains(lower[^1]) && lower[^1] is not ('ь' or 'ъ' or 'й')
                : rule.Endings.Any(e => lower.EndsWith(e, StringComparison.Ordinal) && lower.Length > e.Length);
            if (!matches) continue;
            if (rule.Forms is null || @case == GrammaticalCase.Nominative) return word;
            var stem = word[..^rule.Cut];
            var ending = rule.Forms[Index(@case)];
            if (ending == "=") return animate ? Spell(stem, rule.Forms[0]) : word;
            return Spell(stem, ending);
        }
        return null;
    }

    /// <summary>Spelling rules: ы after г, к, х (and қ, ғ) and after ж, ш, ч, щ is и; -ой after ж, ш, ч, щ, ц is -ей (Машей).</summary>
    private static string Spell(string stem, string ending)
    {
        if (stem.Length == 0 || ending.Length == 0) return stem + ending;
        var last = char.ToLowerInvariant(stem[^1]);
        if (ending[0] == 'ы' && (Velars.Contains(last) || "жшчщ".Contains(last))) ending = "и" + ending[1..];
        else if (ending == "ой" && Sibilants.Contains(last)) ending = "ей";
        return stem + ending;
    }
}

/// <summary>
/// Names, positions and office names in the case a sentence needs, in the document's language. A name written as one
/// string (a staff member's) is read in either order — «Жақсыбеков Ерлан Болатұлы» or «Ерлан Болатұлы Жақсыбеков» — by its
/// patronymic and surname endings.
/// </summary>
public static class Names
{
    private static readonly string[] PatronymicEndings = ["ұлы", "улы", "қызы", "кызы", "оглы", "вич", "ьич", "вна", "чна", "шна"];
    private static readonly string[] FemalePatronymics = ["қызы", "кызы", "вна", "чна", "шна"];
    private static readonly string[] SurnameEndings =
        ["ов", "ев", "ёв", "ин", "ын", "ова", "ева", "ёва", "ина", "ына", "ский", "цкий", "ская", "цкая", "енко", "ко", "их", "ых", "ук", "юк"];
    private static readonly string[] FemaleSurnames = ["ова", "ева", "ёва", "ина", "ына", "ская", "цкая"];

    private static bool IsRussian(string language) => language.StartsWith("ru", StringComparison.OrdinalIgnoreCase);

    private static bool Ends(string word, IEnumerable<string> endings) =>
        endings.Any(e => word.Length > e.Length && word.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    /// <summary>The role of each word of a name written as one string.</summary>
    public static IReadOnlyList<(NamePart Part, string Word)> Parse(string fullName)
    {
        var words = fullName.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var parts = new NamePart[words.Length];
        if (words.Length == 3 && Ends(words[1], PatronymicEndings)) parts = [NamePart.FirstName, NamePart.Patronymic, NamePart.Surname];
        else if (words.Length == 3) parts = [NamePart.Surname, NamePart.FirstName, NamePart.Patronymic];
        else if (words.Length == 2 && !Ends(words[0], SurnameEndings) && Ends(words[1], SurnameEndings)) parts = [NamePart.FirstName, NamePart.Surname];
        else
        {
            // Surname, first name, then the patronymic and anything after it.
            for (var i = 0; i < words.Length; i++) parts[i] = i == 0 ? NamePart.Surname : i == 1 ? NamePart.FirstName : NamePart.Patronymic;
        }
        return [.. words.Zip(parts, (w, p) => (p, w))];
    }

    /// <summary>The sex a name shows, for staff whose IIN is not known: the patronymic, else the surname; male by default.</summary>
    public static Gender Guess(string fullName)
    {
        var parts = Parse(fullName);
        var patronymic = parts.FirstOrDefault(p => p.Part == NamePart.Patronymic).Word;
        if (patronymic is not null && Ends(patronymic, PatronymicEndings)) return Ends(patronymic, FemalePatronymics) ? Gender.Female : Gender.Male;
        var surname = parts.FirstOrDefault(p => p.Part == NamePart.Surname).Word;
        return surname is not null && Ends(surname, FemaleSurnames) ? Gender.Female : Gender.Male;
    }

    /// <summary>A full name in its own order, in the case the sentence needs.</summary>
    public static string Full(string language, string fullName, Gender gender, GrammaticalCase @case)
    {
        if (@case == GrammaticalCase.Nominative || fullName.Length == 0) return fullName;
        if (!IsRussian(language)) return Kazakh.DeclineName(fullName, @case);
        return string.Join(' ', Parse(fullName).Select(p => Russian.Word(p.Part, p.Word, gender, @case)));
    }

    /// <summary>A full name from its parts (surname, first name, patronymic), in the case the sentence needs.</summary>
    public static string Full(string language, string surname, string firstName, string patronymic, Gender gender, GrammaticalCase @case)
    {
        var words = new[] { (NamePart.Surname, surname), (NamePart.FirstName, firstName), (NamePart.Patronymic, patronymic) }.Where(w => w.Item2.Length > 0).ToList();
        if (!IsRussian(language)) return Kazakh.DeclineName(string.Join(' ', words.Select(w => w.Item2)), @case);
        return string.Join(' ', words.Select(w => Russian.Word(w.Item1, w.Item2, gender, @case)));
    }

    /// <summary>
    /// Two persons named together (spouses applying together), from their parts, in the case the sentence needs: in Russian
    /// each name declines («Иванова Ивана Ивановича и Ивановой Марии Петровны»); in Kazakh the ending goes on the last name
    /// and the first is joined by мен/бен/пен after its last sound («Серіков Болат Ерланұлы мен Серікова Айжан Болатқызының»).
    /// </summary>
    public static string Together(string language, (string Surname, string FirstName, string Patronymic, Gender Gender) first,
        (string Surname, string FirstName, string Patronymic, Gender Gender) second, GrammaticalCase @case)
    {
        string Name((string Surname, string FirstName, string Patronymic, Gender Gender) p, GrammaticalCase c) =>
            Full(language, p.Surname, p.FirstName, p.Patronymic, p.Gender, c);
        if (IsRussian(language)) return $"{Name(first, @case)} и {Name(second, @case)}";
        var nominative = Name(first, GrammaticalCase.Nominative);
        // The conjunction is the instrumental ending written apart: Ерланұлы мен, Иванович пен.
        var conjunction = Name(first, GrammaticalCase.Instrumental)[nominative.Length..];
        return $"{nominative} {conjunction} {Name(second, @case)}";
    }

    /// <summary>
    /// The surname with initials, as a document names its signer: «Жақсыбекова Е. Б.» in Russian (the surname declined),
    /// «Е. Б. Жақсыбековке» in Kazakh (the ending goes on the last word).
    /// </summary>
    public static string Short(string language, string fullName, Gender gender, GrammaticalCase @case)
    {
        var parts = Parse(fullName);
        var surname = parts.FirstOrDefault(p => p.Part == NamePart.Surname).Word ?? "";
        var initials = string.Join(' ', parts.Where(p => p.Part != NamePart.Surname).Select(p => Initial(p.Word) + "."));
        if (surname.Length == 0) return "";
        if (IsRussian(language)) return (Russian.Surname(surname, gender, @case) + " " + initials).TrimEnd();
        return ((initials.Length > 0 ? initials + " " : "") + Kazakh.Decline(surname, @case, Kazakh.IsPatronymic(surname))).Trim();
    }

    private static string Initial(string word) => System.Globalization.StringInfo.GetNextTextElement(word).ToUpperInvariant();

    /// <summary>A position inside a sentence: lower-case («руководителя отдела», «бөлім басшысына»), declined.</summary>
    public static string Position(string language, string position, GrammaticalCase @case)
    {
        var text = InSentence(position.Trim());
        return IsRussian(language) ? Russian.Phrase(text, @case, animate: true) : Kazakh.DeclinePhrase(text, @case);
    }

    /// <summary>
    /// An office's (or a court's) name in the case a sentence needs: Kazakh declines the last word («білім бөліміне»);
    /// Russian the head words, lower-cased inside a sentence («отделу образования…») unless it opens with a proper name or
    /// an abbreviation («ГУ «…»»).
    /// </summary>
    public static string Office(string language, string office, GrammaticalCase @case)
    {
        if (@case == GrammaticalCase.Nominative || office.Length == 0) return office;
        return IsRussian(language) ? Russian.Phrase(office.Trim(), @case, animate: false, inSentence: true) : Kazakh.DeclinePhrase(office.Trim(), @case);
    }

    /// <summary>The first letter lower-cased unless the first word is an abbreviation («ГУ») or a proper name in quotes.</summary>
    public static string InSentence(string text) =>
        text.Length >= 2 && char.IsUpper(text[0]) && char.IsLower(text[1]) ? char.ToLowerInvariant(text[0]) + text[1..] : text;
}
