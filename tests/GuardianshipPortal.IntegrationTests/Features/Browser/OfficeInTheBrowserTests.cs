using GuardianshipPortal.Domain.Persons;
using GuardianshipPortal.Domain.Services;
using GuardianshipPortal.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace GuardianshipPortal.IntegrationTests.Features.Browser;

/// <summary>The office at work in a real browser: clerk, head, specialist and commission take one case of each service from registration to issue.</summary>
[Collection("browser")]
public sealed class OfficeInTheBrowserTests
{
    private readonly BrowserFixture _browser;

    public OfficeInTheBrowserTests(BrowserFixture browser)
    {
        if (browser.SkipReason is { } reason) Assert.Skip(reason);
        _browser = browser;
    }

    private static async Task<string> StepAsync(IPage page) => (await page.TextContentAsync("[data-testid=case-step]"))!.Trim();

    [Fact]
    public async Task One_case_of_each_service_from_registration_to_issue()
    {
        var clerk = await _browser.SignInAsync("clerk");
        var head = await _browser.SignInAsync("head");
        var specialist = await _browser.SignInAsync("specialist");
        var commission = await _browser.SignInAsync("commission");

        foreach (var service in TestServices.All)
        {
            // 1. Registration at the counter.
            await clerk.GotoAsync("/");
            await clerk.ClickAsync($"[data-testid=register-buttons] a[href='/cases/new?service={service}']");
            var applicantIin = OfficeDesk.NewIin(new DateOnly(1984, 5, 17), Sex.Female);
            await clerk.FillAsync("#Applicant_Iin", applicantIin);
            await clerk.FillAsync("#Applicant_LastName", "Жұмабаева");
            await clerk.FillAsync("#Applicant_FirstName", "Гүлмира");
            await clerk.FillAsync("#Applicant_Address", "Қарағанды қ., Бұқар жырау даңғылы, 50-12");
            await clerk.Locator("#Applicant_BirthDate").Filter(new() { Visible = true }).WaitForAsync();
            // The IIN fills the birth date in.
            await Assertions.Expect(clerk.Locator("#Applicant_BirthDate")).ToHaveValueAsync("17.05.1984");
            if (service.Definition().ConcernsChildren)
            {
                await clerk.FillAsync("#Children_0__Iin", OfficeDesk.NewIin(new DateOnly(2017, 1, 9), Sex.Male));
                await clerk.FillAsync("#Children_0__LastName", "Жұмабаев");
                await clerk.FillAsync("#Children_0__FirstName", "Әлихан");
            }
            foreach (var box in await clerk.Locator("input[name=Received]").AllAsync()) await box.CheckAsync();
            await clerk.ClickAsync("form#registration button[type=submit]");
            await clerk.WaitForSelectorAsync("[data-testid=case-number]");
            var number = (await clerk.TextContentAsync("[data-testid=case-number]"))!.Trim();
            Assert.StartsWith($"KRG-01-{service.Definition().Prefix}-", number);
            Assert.Equal("Бұрыштама", await StepAsync(clerk));
            var caseUrl = new Uri(clerk.Url).AbsolutePath;

            // 2. The head finds it in the queue, writes a resolution and assigns the specialist.
            await head.GotoAsync("/");
            await head.ClickAsync($"[data-testid=queue-assign] tr[data-number='{number}'] a");
            await head.FillAsync("#Resolution_Text", "Заңнамаға сәйкес қарап, жоба дайындалсын.");
            await head.SelectOptionAsync("#Resolution_SpecialistId", new SelectOptionValue { Label = (await head.Locator("#Resolution_SpecialistId option", new() { HasText = OfficeDesk.SpecialistName }).TextContentAsync())! });
            await head.ClickAsync("[data-testid=resolution-form] button[type=submit]");
            await Assertions.Expect(head.Locator("[data-testid=case-step]")).ToHaveTextAsync("Нәтиже жобасын дайындау");

            // 3. Commission opinion (adopter registration), housing inspection and the draft.
            if (service.Definition().NeedsCommission)
            {
                await commission.GotoAsync("/");
                await commission.ClickAsync($"[data-testid=queue-commission] tr[data-number='{number}'] a");
                await commission.CheckAsync("#Commission_Positive_true");
                await commission.FillAsync("#Commission_Text", "Комиссия үміткерді қолдайды.");
                await commission.ClickAsync("[data-testid=commission-form] button[type=submit]");
                await commission.WaitForSelectorAsync("[data-testid=commission]");
            }
            await specialist.GotoAsync("/");
            await specialist.ClickAsync($"[data-testid=queue-drafts] tr[data-number='{number}'] a");
            if (service.Definition().NeedsHousingInspection)
            {
                await specialist.FillAsync("#Inspection_InspectedOn", _browser.App.Today.AddDays(-1).ToString("yyyy-MM-dd"));
                await specialist.FillAsync("#Inspection_Findings", "Үш бөлмелі пәтер, жағдайы жақсы.");
                await specialist.FillAsync("#Inspection_Family", "Өтініш беруші, жұбайы");
                await specialist.FillAsync("#Inspection_Rooms", "3");
                await specialist.FillAsync("#Inspection_Area", "72");
                await specialist.FillAsync("#Inspection_Condition", "Таза, жөндеуі жақсы.");
                await specialist.FillAsync("#Inspection_Income", "Жалақы");
                await specialist.CheckAsync("#Inspection_Satisfactory");
                await specialist.ClickAsync("[data-testid=inspection-form] button[type=submit]");
                await specialist.WaitForSelectorAsync("[data-testid=inspection]");
            }
            await specialist.CheckAsync("#Draft_Outcome_Approved");
            foreach (var (field, value) in OfficeDesk.ApprovedFields(service, _browser.App.Today))
                await specialist.FillAsync("#" + field.Replace('.', '_'), value);
            await specialist.ClickAsync("[data-testid=draft-form] button[value=true]");
            await Assertions.Expect(specialist.Locator("[data-testid=case-step]")).ToHaveTextAsync("Қол қою");

            // 4. The head signs.
            await head.GotoAsync("/");
            await head.ClickAsync($"[data-testid=queue-sign] tr[data-number='{number}'] a");
            await head.ClickAsync("[data-testid=sign-form] button");
            await Assertions.Expect(head.Locator("[data-testid=case-step]")).ToHaveTextAsync("Нәтижені беру");

            // 5. The clerk issues the result at the counter.
            await clerk.GotoAsync("/");
            await clerk.ClickAsync($"[data-testid=queue-issue] tr[data-number='{number}'] a");
            Assert.Equal(caseUrl, new Uri(clerk.Url).AbsolutePath);
            await clerk.FillAsync("#Issue_RecipientDocument", "Жеке куәлік № 047712345");
            await clerk.CheckAsync("#Issue_SignedForReceipt");
            await clerk.ClickAsync("[data-testid=issue-form] button[type=submit]");
            await Assertions.Expect(clerk.Locator("[data-testid=case-step]")).ToHaveTextAsync("Аяқталды");
            Assert.Equal(service.Definition().NeedsCommission ? 7 : service.Definition().NeedsHousingInspection ? 6 : 5,
                await clerk.Locator("[data-testid=history] li").CountAsync());
        }
    }
}
