using GuardianshipPortal.Domain.Persons;

namespace GuardianshipPortal.UnitTests;

public sealed class IinTests
{
    [Theory]
    // weights 1..11 give the check digit
    [InlineData("870412300109", 1987, 4, 12, Sex.Male)]
    [InlineData("951230400007", 1995, 12, 30, Sex.Female)]
    [InlineData("020615500109", 2002, 6, 15, Sex.Male)]
    [InlineData("050601600005", 2005, 6, 1, Sex.Female)]
    [InlineData("600101300004", 1960, 1, 1, Sex.Male)]
    // weights 1..11 give 10, so the second sequence 3..11,1,2 gives the check digit
    [InlineData("870412300005", 1987, 4, 12, Sex.Male)]
    [InlineData("951230400808", 1995, 12, 30, Sex.Female)]
    [InlineData("150120600200", 2015, 1, 20, Sex.Female)]
    [InlineData("170810500011", 2017, 8, 10, Sex.Male)]
    public void A_valid_iin_gives_its_birth_date_and_sex(string value, int year, int month, int day, Sex sex)
    {
        Assert.True(Iin.TryParse(value, out var iin, out var error));
        Assert.Equal(IinError.None, error);
        Assert.Equal(new DateOnly(year, month, day), iin.BirthDate);
        Assert.Equal(sex, iin.Sex);
    }

    [Theory]
    [InlineData("", IinError.Empty)]
    [InlineData("   ", IinError.Empty)]
    [InlineData("87041230010", IinError.NotTwelveDigits)]
    [InlineData("8704123001091", IinError.NotTwelveDigits)]
    [InlineData("87041230010a", IinError.NotTwelveDigits)]
    [InlineData("870412000109", IinError.BadCenturyDigit)]
    [InlineData("870412700109", IinError.BadCenturyDigit)]
    [InlineData("871312300109", IinError.BadBirthDate)] // month 13
    [InlineData("870230300109", IinError.BadBirthDate)] // 30 February
    [InlineData("230229500109", IinError.BadBirthDate)] // 29 February 2023 (not a leap year)
    [InlineData("870412300108", IinError.CheckDigitMismatch)]
    [InlineData("870412300006", IinError.CheckDigitMismatch)] // second sequence expects 5
    [InlineData("870412300080", IinError.NoValidCheckDigit)] // both sequences give 10
    public void An_invalid_iin_says_why(string value, IinError expected)
    {
        Assert.False(Iin.TryParse(value, out _, out var error));
        Assert.Equal(expected, error);
    }

    [Fact]
    public void A_leap_day_is_a_real_birth_date()
    {
        var iin = Iin.Compose(new DateOnly(2024, 2, 29), Sex.Female, 1234);
        Assert.True(Iin.TryParse(iin, out var parsed, out _));
        Assert.Equal(new DateOnly(2024, 2, 29), parsed.BirthDate);
        Assert.Equal("6", iin[6..7]);
    }

    [Fact]
    public void Compose_makes_iins_that_validate_in_every_century_and_sex()
    {
        foreach (var date in new[] { new DateOnly(1899, 12, 31), new DateOnly(1954, 3, 8), new DateOnly(2011, 7, 6) })
        foreach (var sex in new[] { Sex.Male, Sex.Female })
        {
            var iin = Iin.Compose(date, sex, 42);
            Assert.True(Iin.TryParse(iin, out var parsed, out _), iin);
            Assert.Equal(date, parsed.BirthDate);
            Assert.Equal(sex, parsed.Sex);
        }
    }
}

public sealed class InitialsTests
{
    [Theory]
    [InlineData("Серікова", "Айжан", "С. А.")]
    [InlineData("😀Серік", "Айжан", "😀. А.")]
    [InlineData("Ömer", "", "Ö.")]
    [InlineData("", "Айжан", "")]
    public void Initials_take_whole_letters(string last, string first, string expected) =>
        Assert.Equal(expected, new GuardianshipPortal.Domain.Persons.Person { Iin = "", LastName = last, FirstName = first }.Initials);
}
