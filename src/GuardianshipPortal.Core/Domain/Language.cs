namespace GuardianshipPortal.Domain;

/// <summary>The two user languages of SPEC §6. Kazakh is the state language and the default.</summary>
public static class Language
{
    public const string Kazakh = "kk";
    public const string Russian = "ru";

    public static readonly IReadOnlyList<string> All = [Kazakh, Russian];

    public static bool IsSupported(string? code) => code is Kazakh or Russian;

    /// <summary>Normalizes "kk-KZ", "ru-RU", "ru" … to "kk" or "ru"; anything else falls back to Kazakh.</summary>
    public static string Normalize(string? cultureName)
    {
        var two = string.IsNullOrEmpty(cultureName) ? "" : cultureName.Split('-')[0].ToLowerInvariant();
        return two == Russian ? Russian : Kazakh;
    }

    public static string Pick(string language, string kazakh, string russian) =>
        Normalize(language) == Russian ? russian : kazakh;

    public static string CultureName(string language) => Normalize(language) == Russian ? "ru-RU" : "kk-KZ";
}
