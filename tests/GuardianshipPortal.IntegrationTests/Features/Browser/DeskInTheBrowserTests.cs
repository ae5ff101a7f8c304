using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using GuardianshipPortal.Domain.Cases;
using GuardianshipPortal.Domain.Persons;
using GuardianshipPortal.Domain.Services;
using GuardianshipPortal.Domain.Workflow;
using GuardianshipPortal.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace GuardianshipPortal.IntegrationTests.Features.Browser;

/// <summary>
/// The counter with the keyboard only: Enter (a scanner's too) moves to the next field, a mistyped IIN is said at once,
/// a refused form puts the focus on the first wrong field; and axe-core finds no serious or critical violation on the
/// pages each role works on.
/// </summary>
[Collection("browser")]
public sealed class DeskInTheBrowserTests
{
    private readonly BrowserFixture _browser;

    public DeskInTheBrowserTests(BrowserFixture browser)
    {
        if (browser.SkipReason is { } reason) Assert.Skip(reason);
        _browser = browser;
    }

    private static Task<string> FocusedAsync(IPage page) => page.EvaluateAsync<string>("() => document.activeElement?.id ?? ''");

    [Fact]
    public async Task Clerk_registers_a_foster_placement_with_one_child_by_keyboard_alone()
    {
        var clerk = await _browser.SignInAsync("clerk");
        await clerk.SetViewportSizeAsync(1366, 768);
        await clerk.GotoAsync("/cases/new?service=FosterPlacement");
        var url = clerk.Url;
        Assert.Equal("Applicant_Iin", await FocusedAsync(clerk));

        // The scanner types the IIN and sends Enter: the form is not sent, the next field is focused, the IIN fills birth date and sex.
        await clerk.Keyboard.TypeAsync(OfficeDesk.NewIin(new DateOnly(1984, 5, 17), Sex.Female));
        await clerk.Keyboard.PressAsync("Enter");
        Assert.Equal(url, clerk.Url);
        Assert.Equal("Applicant_LastName", await FocusedAsync(clerk));
        await Assertions.Expect(clerk.Locator("#Applicant_BirthDate")).ToHaveValueAsync("17.05.1984");
        Assert.Equal("-1", await clerk.GetAttributeAsync("#Applicant_BirthDate", "tabindex"));
        foreach (var text in new[] { "Жұмабаева", "Гүлмира", "" })
        {
            await clerk.Keyboard.TypeAsync(text);
            await clerk.Keyboard.PressAsync("Enter");
        }
        // Birth date and sex are out of the tab order: from the middle name straight to the address.
        Assert.Equal("Applicant_Address", await FocusedAsync(clerk));
        await clerk.Keyboard.TypeAsync("Қарағанды қ., Бұқар жырау даңғылы, 50-12");
        await clerk.Keyboard.PressAsync("Enter");
        Assert.Equal("Applicant_Phone", await FocusedAsync(clerk));
        await clerk.Keyboard.PressAsync("Enter"); // phone
        await clerk.Keyboard.PressAsync("Enter"); // e-mail
        await clerk.Keyboard.PressAsync("Tab");   // consent (a checkbox) → the child's IIN
        Assert.Equal("Children_0__Iin", await FocusedAsync(clerk));

        // A mistyped IIN is said under the field as soon as the 12th digit is typed.
        await clerk.Keyboard.TypeAsync("870412300108");
        await Assertions.Expect(clerk.Locator("#Children_0__Iin_error")).ToHaveTextAsync("ЖСН бақылау цифры сәйкес келмейді: нөмірді тексеріңіз.");
        await Assertions.Expect(clerk.Locator("#Children_0__Iin")).ToHaveAttributeAsync("aria-invalid", "true");
        await clerk.Keyboard.PressAsync("Control+A");
        await clerk.Keyboard.TypeAsync(OfficeDesk.NewIin(new DateOnly(2017, 1, 9), Sex.Male));
        await Assertions.Expect(clerk.Locator("#Children_0__Iin")).Not.ToHaveAttributeAsync("aria-invalid", "true");
        await clerk.Keyboard.PressAsync("Enter");
        await clerk.Keyboard.TypeAsync("Жұмабаев");
        await clerk.Keyboard.PressAsync("Enter");
        await clerk.Keyboard.TypeAsync("Әлихан");
        await clerk.Keyboard.PressAsync("Enter");
        await clerk.Keyboard.PressAsync("Enter"); // middle name
        Assert.Equal("add-child", await clerk.EvaluateAsync<string>("() => document.activeElement?.dataset.testid ?? ''"));

        // The submit button is in reach on a 1366×768 screen without scrolling the page.
        var button = await clerk.Locator("[data-testid=register]").BoundingBoxAsync();
        Assert.True(button!.Y + button.Height <= 768, $"The submit button is at {button.Y}px.");

        // The documents received: Tab to each checkbox and Space; then the submit button with Enter.
        var boxes = await clerk.Locator("input[name=Received]").CountAsync();
        await clerk.Keyboard.PressAsync("Tab"); // add a child → first checkbox
        for (var i = 0; i < boxes; i++)
        {
            await clerk.Keyboard.PressAsync("Space");
            await clerk.Keyboard.PressAsync("Tab"); // its scan
            await clerk.Keyboard.PressAsync("Tab"); // the next checkbox (or the note)
        }
        Assert.Equal("Note", await FocusedAsync(clerk));
        await clerk.Keyboard.PressAsync("Tab");
        await clerk.Keyboard.PressAsync("Enter");
        await clerk.WaitForSelectorAsync("[data-testid=case-number]");
        Assert.StartsWith("KRG-01-FP-", (await clerk.TextContentAsync("[data-testid=case-number]"))!.Trim());
        Assert.Equal(1, await clerk.Locator("[data-testid=child]").CountAsync());
        // The receipt is offered first, with the focus on it.
        Assert.Equal("print-document", await clerk.EvaluateAsync<string>("() => document.activeElement?.dataset.testid ?? ''"));
    }

    [Fact]
    public async Task A_refused_form_focuses_its_first_wrong_field_and_keeps_the_added_child_and_the_scan()
    {
        var clerk = await _browser.SignInAsync("clerk");
        await clerk.GotoAsync("/cases/new?service=FosterPlacement");
        await clerk.FillAsync("#Applicant_Iin", OfficeDesk.NewIin(new DateOnly(1980, 2, 2), Sex.Male));
        await clerk.FillAsync("#Applicant_FirstName", "Бекзат");
        await clerk.FillAsync("#Applicant_Address", "Қарағанды қ.");
        await clerk.FillAsync("#Children_0__Iin", OfficeDesk.NewIin(new DateOnly(2015, 3, 3), Sex.Female));
        await clerk.FillAsync("#Children_0__LastName", "Омарова");
        await clerk.FillAsync("#Children_0__FirstName", "Аружан");
        await clerk.ClickAsync("[data-testid=add-child]");
        Assert.Equal("Children_1__Iin", await FocusedAsync(clerk));
        await Assertions.Expect(clerk.Locator("[data-person='Children[1]'] legend")).ToHaveTextAsync("Бала 2");
        await clerk.FillAsync("#Children_1__Iin", OfficeDesk.NewIin(new DateOnly(2016, 4, 4), Sex.Male));
        await clerk.FillAsync("#Children_1__LastName", "Омаров");
        await clerk.FillAsync("#Children_1__FirstName", "Нұрлан");
        await clerk.Locator("input[type=file]").First.SetInputFilesAsync(new FilePayload { Name = "өтініш.pdf", MimeType = "application/pdf", Buffer = OfficeDesk.Pdf });

        await clerk.ClickAsync("[data-testid=register]");

        await clerk.WaitForSelectorAsync("[data-testid=errors]");
        Assert.Equal("Applicant_LastName", await FocusedAsync(clerk));
        await Assertions.Expect(clerk.Locator("#Applicant_LastName")).ToHaveAttributeAsync("aria-describedby", "Applicant_LastName_error");
        await Assertions.Expect(clerk.Locator("#Applicant_LastName_error")).ToHaveTextAsync("«Тегі» өрісін толтырыңыз.");
        await Assertions.Expect(clerk.Locator("#Children_1__FirstName")).ToHaveValueAsync("Нұрлан");
        await Assertions.Expect(clerk.Locator("[data-testid=staged-name]")).ToHaveTextAsync("өтініш.pdf");

        await clerk.Keyboard.TypeAsync("Омаров");
        await clerk.ClickAsync("[data-testid=register]");
        await clerk.WaitForSelectorAsync("[data-testid=case-number]");
        Assert.Equal(2, await clerk.Locator("[data-testid=child]").CountAsync());
        await Assertions.Expect(clerk.Locator("[data-testid=checklist] a")).ToHaveTextAsync("өтініш.pdf");
    }

    [Fact]
    public async Task No_serious_or_critical_accessibility_violation_nor_empty_table_header_on_the_pages_of_each_role()
    {
        var factory = new CaseFactory(_browser.App);
        var atResolution = await factory.AtAsync(ServiceCode.FosterPlacement, Step.Resolution);
        var atDrafting = await factory.AtAsync(ServiceCode.FosterMaintenance, Step.Drafting);
        var atSigning = await factory.AtAsync(ServiceCode.GuardianshipCertificate, Step.Signing);
        var atIssue = await factory.AtAsync(ServiceCode.AdoptionLumpSum, Step.Issue, Outcome.Refused);
        var pages = new Dictionary<string, string[]>
        {
            ["clerk"] = ["/", "/cases/new?service=FosterPlacement", "/cases/new?service=AdoptionLumpSum", $"/cases/{atIssue}", "/cases", "/cases?q=Серікова",
                "/journals/Registration", "/account/password"],
            ["head"] = ["/", $"/cases/{atResolution}", $"/cases/{atSigning}", "/dashboard"],
            ["specialist"] = ["/", $"/cases/{atDrafting}"],
            ["commission"] = ["/"],
            ["admin"] = ["/", "/admin/users", "/admin/offices", "/admin/catalogues", "/admin/regulations", "/admin/calendar", "/admin/mrp",
                "/admin/templates", "/admin/messages", "/admin/trust", "/admin/partners", "/admin/outbox", "/audit"],
            ["supervisor"] = ["/", "/dashboard", "/audit", $"/cases/{atSigning}"],
        };
        var found = new List<string>();
        foreach (var (user, addresses) in pages)
        {
            var page = await _browser.SignInAsync(user);
            foreach (var address in addresses)
            {
                await page.GotoAsync(address);
                found.AddRange(await ViolationsAsync(page, $"{user} {address}"));
            }
            if (user == "clerk")
            {
                // The refused registration form, its errors beside the fields.
                await page.GotoAsync("/cases/new?service=FosterPlacement");
                await page.ClickAsync("[data-testid=register]");
                await page.WaitForSelectorAsync("[data-testid=errors]");
                found.AddRange(await ViolationsAsync(page, "clerk refused registration"));
            }
            if (user == "specialist")
            {
                await page.GotoAsync($"/cases/{atDrafting}");
                await page.CheckAsync("#Draft_Outcome_Approved");
                found.AddRange(await ViolationsAsync(page, "specialist draft approved"));
            }
        }
        var anonymous = await (await _browser.Browser.NewContextAsync(new() { BaseURL = _browser.BaseUrl, Locale = "kk-KZ" })).NewPageAsync();
        foreach (var address in new[] { "/account/login", "/verify" })
        {
            await anonymous.GotoAsync(address);
            found.AddRange(await ViolationsAsync(anonymous, "anonymous " + address));
        }
        Assert.True(found.Count == 0, string.Join("\n", found));
    }

    private static async Task<IEnumerable<string>> ViolationsAsync(IPage page, string where)
    {
        var result = await page.RunAxe();
        // Empty table headers are only "minor" for axe, but item 10 of issue 15 names them: they fail the run too.
        return result.Violations.Where(v => v.Impact is "serious" or "critical" || v.Id == "empty-table-header").Select(v =>
            $"{where}: {v.Id} ({v.Impact}) × {v.Nodes.Length}: {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html.Length > 160 ? n.Html[..160] : n.Html))}");
    }
}
