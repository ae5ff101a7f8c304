using GuardianshipPortal.Documents;

namespace GuardianshipPortal.UnitTests;

/// <summary>Dates in words as a Kazakh or Russian official writes them, checked against forms written out by hand.</summary>
public sealed class DateWordsTests
{
    public static TheoryData<int, string, string, string, string, string> KazakhMonths => new()
    {
        // month, dative, ablative, locative-attributive, genitive, accusative
        { 1, "қаңтарға", "қаңтардан", "қаңтардағы", "қаңтардың", "қаңтарды" },
        { 2, "ақпанға", "ақпаннан", "ақпандағы", "ақпанның", "ақпанды" },
        { 3, "наурызға", "наурыздан", "наурыздағы", "наурыздың", "наурызды" },
        { 4, "сәуірге", "сәуірден", "сәуірдегі", "сәуірдің", "сәуірді" },
        { 5, "мамырға", "мамырдан", "мамырдағы", "мамырдың", "мамырды" },
        { 6, "маусымға", "маусымнан", "маусымдағы", "маусымның", "маусымды" },
        { 7, "шілдеге", "шілдеден", "шілдедегі", "шілденің", "шілдені" },
        { 8, "тамызға", "тамыздан", "тамыздағы", "тамыздың", "тамызды" },
        { 9, "қыркүйекке", "қыркүйектен", "қыркүйектегі", "қыркүйектің", "қыркүйекті" },
        { 10, "қазанға", "қазаннан", "қазандағы", "қазанның", "қазанды" },
        { 11, "қарашаға", "қарашадан", "қарашадағы", "қарашаның", "қарашаны" },
        { 12, "желтоқсанға", "желтоқсаннан", "желтоқсандағы", "желтоқсанның", "желтоқсанды" },
    };

    [Theory]
    [MemberData(nameof(KazakhMonths))]
    public void Kazakh_months_take_the_case_a_sentence_needs(int month, string dative, string ablative, string attributive, string genitive, string accusative)
    {
        var date = new DateOnly(2026, month, 27);
        Assert.Equal($"2026 жылғы 27 {dative}", DateWords.Kazakh(date, GrammaticalCase.Dative));
        Assert.Equal($"2026 жылғы 27 {ablative}", DateWords.Kazakh(date, GrammaticalCase.Ablative));
        Assert.Equal($"2026 жылғы 27 {attributive}", DateWords.Kazakh(date, GrammaticalCase.LocativeAttributive));
        Assert.Equal($"2026 жылғы 27 {genitive}", DateWords.Kazakh(date, GrammaticalCase.Genitive));
        Assert.Equal($"2026 жылғы 27 {accusative}", DateWords.Kazakh(date, GrammaticalCase.Accusative));
    }

    [Theory]
    [InlineData(2026, 5, 27, "2026 жылғы 27 мамыр", "27 мая 2026 года")]
    [InlineData(2026, 11, 27, "2026 жылғы 27 қараша", "27 ноября 2026 года")]
    [InlineData(2027, 1, 2, "2027 жылғы 2 қаңтар", "2 января 2027 года")]
    [InlineData(2026, 8, 31, "2026 жылғы 31 тамыз", "31 августа 2026 года")]
    public void A_date_in_the_nominative_and_in_russian(int y, int m, int d, string kazakh, string russian)
    {
        Assert.Equal(kazakh, DateWords.For("kk", new DateOnly(y, m, d)));
        Assert.Equal(russian, DateWords.For("ru", new DateOnly(y, m, d)));
    }

    [Theory]
    [InlineData("тау", GrammaticalCase.Genitive, "таудың")]
    [InlineData("кітап", GrammaticalCase.Dative, "кітапқа")]
    [InlineData("мектеп", GrammaticalCase.Locative, "мектепте")]
    [InlineData("бөлім", GrammaticalCase.Ablative, "бөлімнен")]
    [InlineData("әке", GrammaticalCase.Dative, "әкеге")]
    [InlineData("Алматы", GrammaticalCase.Locative, "Алматыда")]
    [InlineData("Астана", GrammaticalCase.Ablative, "Астанадан")]
    [InlineData("сот", GrammaticalCase.Genitive, "соттың")]
    public void Common_words_follow_vowel_harmony_and_the_last_sound(string word, GrammaticalCase @case, string expected) =>
        Assert.Equal(expected, Kazakh.Decline(word, @case));
}
