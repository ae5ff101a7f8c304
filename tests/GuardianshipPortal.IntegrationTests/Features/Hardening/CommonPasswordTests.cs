using GuardianshipPortal.Web.Infrastructure.Passwords;

namespace GuardianshipPortal.IntegrationTests.Features.Hardening;

/// <summary>The bundled list of common passwords: its size and what it catches.</summary>
public sealed class CommonPasswordTests
{
    private static readonly CommonPasswords List = new();

    [Fact]
    public void The_bundled_list_holds_more_than_ten_thousand_passwords() => Assert.True(List.Count >= 10_000, $"{List.Count} passwords");

    [Theory]
    [InlineData("password", true)]
    [InlineData("PASSWORD", true)]
    [InlineData("Password2026!", true)]
    [InlineData("qwerty123456", true)]
    [InlineData("Йцукен12345", true)]
    [InlineData("1234567890", true)]
    [InlineData("gfhjkm2024", true)]
    [InlineData("Demo-Portal-2026", false)]
    [InlineData("Kokshetau2026new", false)]
    [InlineData("Жолаушы-Тау-7319", false)]
    public void A_listed_password_is_caught_with_digits_and_signs_added_at_its_end(string password, bool common) =>
        Assert.Equal(common, List.IsCommon(password));
}
