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
    /// <summary>Upper-cased "last first middle", computed in C# so that Cyrillic search is case-insensitive on every provider.</summary>
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

    public static string Normalize(string text) =>
        string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant().Replace('Ё', 'Е');
}
