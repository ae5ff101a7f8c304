using GuardianshipPortal.Documents;

namespace GuardianshipPortal.UnitTests;

public class TemplateTextTests
{
    private static readonly Dictionary<string, string> Values = new()
    {
        ["condition"] = "Пәтер таза, жөндеуі жақсы.", ["family"] = "Өтініш беруші, 2015 ж.т. ұлы"
    };

    [Theory]
    [InlineData("Жағдайы: {condition}.", "Жағдайы: Пәтер таза, жөндеуі жақсы.")]
    [InlineData("Жағдайы: {condition}. 3. Табысы.", "Жағдайы: Пәтер таза, жөндеуі жақсы. 3. Табысы.")]
    [InlineData("Отбасы: {family}.", "Отбасы: Өтініш беруші, 2015 ж.т. ұлы.")]
    [InlineData("Жағдайы: {condition}...", "Жағдайы: Пәтер таза, жөндеуі жақсы....")]
    [InlineData("Отбасы: {family}...", "Отбасы: Өтініш беруші, 2015 ж.т. ұлы...")]
    [InlineData("1. Отбасы: {family}; 2. {condition}", "1. Отбасы: Өтініш беруші, 2015 ж.т. ұлы; 2. Пәтер таза, жөндеуі жақсы.")]
    [InlineData("{unknown}.", "{unknown}.")]
    public void A_value_ending_a_sentence_takes_the_place_of_the_templates_full_stop_but_an_ellipsis_stays(string template, string expected) =>
        Assert.Equal(expected, TemplateText.Fill(template, Values));
}
