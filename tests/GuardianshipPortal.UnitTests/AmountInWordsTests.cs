using GuardianshipPortal.Documents;
using GuardianshipPortal.Domain.Documents;

namespace GuardianshipPortal.UnitTests;

public sealed class AmountInWordsTests
{
    [Theory]
    [InlineData(0, "Нөл теңге 00 тиын")]
    [InlineData(1, "Бір теңге 00 тиын")]
    [InlineData(15, "Он бес теңге 00 тиын")]
    [InlineData(100, "Бір жүз теңге 00 тиын")]
    [InlineData(2024, "Екі мың жиырма төрт теңге 00 тиын")]
    [InlineData(44580, "Қырық төрт мың бес жүз сексен теңге 00 тиын")]
    [InlineData(324375, "Үш жүз жиырма төрт мың үш жүз жетпіс бес теңге 00 тиын")]
    [InlineData(1000000.5, "Бір миллион теңге 50 тиын")]
    [InlineData(2300017001.99, "Екі миллиард үш жүз миллион он жеті мың бір теңге 99 тиын")]
    public void Kazakh(decimal amount, string expected) => Assert.Equal(expected, AmountInWords.Tenge(amount, "kk"));

    [Theory]
    [InlineData(0, "Ноль тенге 00 тиын")]
    [InlineData(1, "Один тенге 00 тиын")]
    [InlineData(12, "Двенадцать тенге 00 тиын")]
    [InlineData(1000, "Одна тысяча тенге 00 тиын")]
    [InlineData(2000, "Две тысячи тенге 00 тиын")]
    [InlineData(5000, "Пять тысяч тенге 00 тиын")]
    [InlineData(11000, "Одиннадцать тысяч тенге 00 тиын")]
    [InlineData(21000, "Двадцать одна тысяча тенге 00 тиын")]
    [InlineData(44580, "Сорок четыре тысячи пятьсот восемьдесят тенге 00 тиын")]
    [InlineData(324375, "Триста двадцать четыре тысячи триста семьдесят пять тенге 00 тиын")]
    [InlineData(2000000, "Два миллиона тенге 00 тиын")]
    [InlineData(5112000, "Пять миллионов сто двенадцать тысяч тенге 00 тиын")]
    [InlineData(101.015, "Сто один тенге 02 тиын")]
    public void Russian(decimal amount, string expected) => Assert.Equal(expected, AmountInWords.Tenge(amount, "ru"));

    [Fact]
    public void Digits_are_grouped_as_the_language_writes_them()
    {
        Assert.Equal("324 375,00", AmountInWords.Digits(324375m, "kk"));
        Assert.Equal("324 375,00", AmountInWords.Digits(324375m, "ru"));
    }
}

public sealed class VerificationCodeTests
{
    [Fact]
    public void Codes_are_twelve_unambiguous_characters_in_three_groups_and_do_not_repeat()
    {
        var codes = Enumerable.Range(0, 2000).Select(_ => VerificationCodes.New()).ToList();

        Assert.All(codes, c => Assert.Matches("^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$", c));
        Assert.Equal(codes.Count, codes.Distinct().Count());
    }

    [Theory]
    [InlineData("7kq4 m2xd 9htf", "7KQ4-M2XD-9HTF")]
    [InlineData("7KQ4-M2XD-9HTF", "7KQ4-M2XD-9HTF")]
    [InlineData("OKQ4-M2XD-9HTI", "0KQ4-M2XD-9HT1")]
    [InlineData("7KQ4-M2XD", null)]
    [InlineData("7KQ4-M2XD-9HTU", null)]
    [InlineData("<script>", null)]
    [InlineData("", null)]
    public void Typed_codes_are_normalized_or_rejected(string typed, string? expected) =>
        Assert.Equal(expected, VerificationCodes.Normalize(typed));
}
