namespace GuardianshipPortal.Domain.Persons;

/// <summary>A citizen identified by IIN: an applicant, a child, a foster carer, a guardian. One person, many cases.</summary>
public class Person
{
    public Guid Id { get; set; }
    public required string Iin { get; set; }
    public required string LastName { get; set; }
    public required string FirstName { get; set; }
    public string MiddleName { get; set; } = "";
    public DateOnly BirthDate { get; set; }
    public Sex Sex { get; set; }
    public string Address { get; set; } = "";
    public string Phone { get; set; } = "";
    /// <summary>"last first middle" folded by <see cref="Normalize"/>, computed in C# so that search finds the same on every provider.</summary>
    public string SearchName { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }

    public string FullName => string.Join(' ', new[] { LastName, FirstName, MiddleName }.Where(s => s.Length > 0));

    /// <summary>"С. А." — what a public page may show: the first letter (a whole text element, never half a surrogate pair) of each name.</summary>
    public string Initials => LastName.Length == 0 ? "" : $"{First(LastName)}. {(FirstName.Length > 0 ? First(FirstName) + "." : "")}".Trim();

    private static string First(string name) => System.Globalization.StringInfo.GetNextTextElement(name);

    public void Touch(DateTimeOffset now)
    {
        SearchName = Normalize(FullName);
        UpdatedAt = now;
    }

    /// <summary>
    /// The form names are searched in: words separated by one space, lower case, and the Kazakh letters folded to the
    /// Russian ones they are often typed as (ә→а, і→и, ұ/ү→у, қ→к, ғ→г, ң→н, ө→о, һ→х; ё→е), so that «абдиров» finds
    /// «Әбдіров». The query is folded the same way.
    /// </summary>
    public static string Normalize(string text)
    {
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return string.Create(words.Sum(w => w.Length) + Math.Max(0, words.Length - 1), words, static (span, words) =>
        {
            var i = 0;
            foreach (var word in words)
            {
                if (i > 0) span[i++] = ' ';
                foreach (var ch in word) span[i++] = Fold(char.ToLowerInvariant(ch));
            }
        });
    }

    /// <summary>Kazakh letters (lower case) and ё as the Russian letters they are folded to; the pairs <see cref="Normalize"/> uses.</summary>
    public static readonly IReadOnlyList<(char Letter, char Folded)> Folding =
        [('ә', 'а'), ('і', 'и'), ('ұ', 'у'), ('ү', 'у'), ('қ', 'к'), ('ғ', 'г'), ('ң', 'н'), ('ө', 'о'), ('һ', 'х'), ('ё', 'е')];

    /// <summary>
    /// SQL that folds the search names already stored (upper case, from before the folding) as <see cref="Normalize"/> does,
    /// the same on PostgreSQL and SQLite (whose lower() knows only ASCII): each Cyrillic capital is replaced explicitly.
    /// </summary>
    public static string RefoldSearchNamesSql()
    {
        var capitals = Enumerable.Range('А', 32).Select(c => (char)c).Concat("ЁӘҒҚҢӨҰҮҺІ");
        var expression = "\"SearchName\"";
        foreach (var capital in capitals) expression = $"replace({expression}, '{capital}', '{Fold(char.ToLowerInvariant(capital))}')";
        expression = $"lower({expression})";
        foreach (var (letter, folded) in Folding) expression = $"replace({expression}, '{letter}', '{folded}')";
        return $"UPDATE \"Persons\" SET \"SearchName\" = {expression};";
    }

    private static char Fold(char ch) => ch switch
    {
        'ә' => 'а', 'і' => 'и', 'ұ' or 'ү' => 'у', 'қ' => 'к', 'ғ' => 'г', 'ң' => 'н', 'ө' => 'о', 'һ' => 'х', 'ё' => 'е',
        _ => ch,
    };
}
