using GuardianshipPortal.Domain.Persons;
using GuardianshipPortal.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace GuardianshipPortal.IntegrationTests.Features.Browser;

/// <summary>
/// Spouses applying together at the counter, in the browser: the spouse's fieldset shows only while "the spouse applies
/// too" is ticked (and only for a service that takes a spouse), takes the applicant's address, and what is unticked is
/// not sent.
/// </summary>
[Collection("browser")]
public sealed class SpouseInTheBrowserTests
{
    private readonly BrowserFixture _browser;

    public SpouseInTheBrowserTests(BrowserFixture browser)
    {
        if (browser.SkipReason is { } reason) Assert.Skip(reason);
        _browser = browser;
    }

    private static async Task FillApplicantAsync(IPage clerk, string iin)
    {
        await clerk.FillAsync("#Applicant_Iin", iin);
        await clerk.FillAsync("#Applicant_LastName", "Серікова");
        await clerk.FillAsync("#Applicant_FirstName", "Айжан");
        await clerk.FillAsync("#Applicant_Address", "Қарағанды қ., Ерубаев к-сі, 12-4");
        foreach (var box in await clerk.Locator("input[name=Received]").AllAsync()) await box.CheckAsync();
    }

    [Fact]
    public async Task The_spouse_fields_open_with_the_tick_take_the_applicants_address_and_register_both()
    {
        var clerk = await _browser.SignInAsync("clerk");
        await clerk.GotoAsync("/cases/new?service=AdopterRegistration");
        var spouse = clerk.Locator("[data-spouse]");
        await Assertions.Expect(spouse).ToBeHiddenAsync();

        await FillApplicantAsync(clerk, OfficeDesk.NewIin(new DateOnly(1988, 3, 14), Sex.Female));
        await clerk.CheckAsync("#WithSpouse");
        await Assertions.Expect(spouse).ToBeVisibleAsync();
        await Assertions.Expect(clerk.Locator("#Spouse_Address")).ToHaveValueAsync("Қарағанды қ., Ерубаев к-сі, 12-4");
        await clerk.FillAsync("#Spouse_Iin", OfficeDesk.NewIin(new DateOnly(1986, 7, 2), Sex.Male));
        await clerk.FillAsync("#Spouse_LastName", "Серіков");
        await clerk.FillAsync("#Spouse_FirstName", "Болат");
        await clerk.ClickAsync("[data-testid=register]");

        await clerk.WaitForSelectorAsync("[data-testid=case-number]");
        Assert.StartsWith("KRG-01-AR-", (await clerk.TextContentAsync("[data-testid=case-number]"))!.Trim());
        await Assertions.Expect(clerk.Locator("[data-testid=spouse-name]")).ToContainTextAsync("Серіков Болат");
    }

    [Fact]
    public async Task Unticked_the_spouse_is_not_sent_even_with_its_fields_filled_and_other_services_have_no_spouse()
    {
        var clerk = await _browser.SignInAsync("clerk");
        await clerk.GotoAsync("/cases/new?service=FosterPlacement");
        Assert.Equal(0, await clerk.Locator("#WithSpouse").CountAsync());

        await clerk.GotoAsync("/cases/new?service=AdopterRegistration");
        await FillApplicantAsync(clerk, OfficeDesk.NewIin(new DateOnly(1990, 1, 20), Sex.Female));
        await clerk.CheckAsync("#WithSpouse");
        await clerk.FillAsync("#Spouse_Iin", "123"); // a wrong IIN that would refuse the form if it were sent
        await clerk.UncheckAsync("#WithSpouse");
        await Assertions.Expect(clerk.Locator("[data-spouse]")).ToBeHiddenAsync();
        await clerk.ClickAsync("[data-testid=register]");

        await clerk.WaitForSelectorAsync("[data-testid=case-number]");
        Assert.Equal(0, await clerk.Locator("[data-testid=spouse]").CountAsync());
    }
}
