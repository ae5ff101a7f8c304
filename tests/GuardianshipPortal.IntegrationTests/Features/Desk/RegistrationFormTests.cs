using System.Net;
using GuardianshipPortal.Domain.Persons;
using GuardianshipPortal.Domain.Services;
using GuardianshipPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GuardianshipPortal.IntegrationTests.Features.Desk;

/// <summary>
/// The registration form at the counter: a refused form keeps its scans and says each error beside its field, named;
/// one child row to start with and any number accepted; the receipt opens in the browser, ready to print.
/// </summary>
public abstract class RegistrationFormTests(PortalFixture fixture) : PortalTest(fixture)
{
    private static Dictionary<string, string> FosterPlacement(string childIin) => new()
    {
        ["Applicant.Iin"] = OfficeDesk.NewIin(new DateOnly(1982, 6, 1), Sex.Female), ["Applicant.LastName"] = "Серікова",
        ["Applicant.FirstName"] = "Айжан", ["Applicant.Address"] = "Қарағанды қ., Ерубаев к-сі, 12-5",
        ["Children[0].Iin"] = childIin, ["Children[0].LastName"] = "Ахметов", ["Children[0].FirstName"] = "Нұр",
    };

    [Fact]
    public async Task Clerk_corrects_a_refused_form_without_attaching_the_scan_again()
    {
        var clerk = await new OfficeDesk(App).AsAsync("clerk");
        var form = await clerk.GetAsync("/cases/new?service=FosterPlacement");
        var scan = form.Document.QuerySelector("input[type=file]")!.GetAttribute("name")!;
        var values = FosterPlacement(OfficeDesk.NewIin(new DateOnly(2016, 2, 2), Sex.Male));
        values["Applicant.LastName"] = "";

        var refused = await clerk.SubmitAsync(form, "form#registration", values,
            files: [new FileUpload(scan, "өтініш.pdf", "application/pdf", OfficeDesk.Pdf)]);

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal(["өтініш.pdf"], refused.Texts("[data-testid=staged-name]"));
        var submission = Guid.Parse(refused.Document.QuerySelector("input[name=SubmissionId]")!.GetAttribute("value")!);
        Assert.Equal(1, await App.WithDbAsync(db => db.StagedUploads.CountAsync(u => u.SubmissionId == submission)));

        // The clerk types the surname and sends the form again, attaching nothing.
        var registered = await clerk.SubmitAsync(refused, "form#registration", new Dictionary<string, string> { ["Applicant.LastName"] = "Серікова" });

        Assert.Equal(HttpStatusCode.OK, registered.Status);
        var number = registered.Text("[data-testid=case-number]");
        var files = await App.WithDbAsync(db => db.Attachments.Where(a => db.Cases.Any(c => c.Id == a.CaseId && c.Number == number))
            .Select(a => a.FileName).ToListAsync());
        Assert.Equal(["өтініш.pdf"], files);
        Assert.Equal(0, await App.WithDbAsync(db => db.StagedUploads.CountAsync(u => u.SubmissionId == submission)));
    }

    [Fact]
    public async Task A_scan_the_clerk_unticks_is_not_attached()
    {
        var clerk = await new OfficeDesk(App).AsAsync("clerk");
        var form = await clerk.GetAsync("/cases/new?service=FosterPlacement");
        var scan = form.Document.QuerySelector("input[type=file]")!.GetAttribute("name")!;
        var values = FosterPlacement(OfficeDesk.NewIin(new DateOnly(2016, 3, 3), Sex.Male));
        values["Applicant.Address"] = "";
        var refused = await clerk.SubmitAsync(form, "form#registration", values,
            files: [new FileUpload(scan, "wrong.pdf", "application/pdf", OfficeDesk.Pdf)]);
        refused.Uncheck("input[name=KeepStaged]");

        var registered = await clerk.SubmitAsync(refused, "form#registration", new Dictionary<string, string> { ["Applicant.Address"] = "Қарағанды қ." });

        var number = registered.Text("[data-testid=case-number]");
        Assert.Equal(0, await App.WithDbAsync(db => db.Attachments.CountAsync(a => db.Cases.Any(c => c.Id == a.CaseId && c.Number == number))));
    }

    [Fact]
    public async Task Errors_sit_beside_their_fields_and_the_summary_names_the_person_and_field()
    {
        var clerk = await new OfficeDesk(App).AsAsync("clerk");
        var form = await clerk.GetAsync("/cases/new?service=FosterPlacement");
        var values = FosterPlacement(OfficeDesk.NewIin(new DateOnly(2016, 4, 4), Sex.Male));
        values["Applicant.LastName"] = "";
        values["Children[1].Iin"] = "870412300108";
        values["Children[1].LastName"] = "Ахметова";
        values["Children[1].FirstName"] = "Айым";

        // The second child's row is one the clerk added ("add a child" in the browser).
        var page = await clerk.SubmitAsync(form, "form#registration", values, allowUnknownFields: true);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal(["Өтініш беруші: «Тегі» өрісін толтырыңыз.", "Бала 2: ЖСН бақылау цифры сәйкес келмейді: нөмірді тексеріңіз."], page.Errors);
        var surname = page.Document.QuerySelector("#Applicant_LastName")!;
        Assert.Contains("is-invalid", surname.ClassList);
        Assert.Equal("true", surname.GetAttribute("aria-invalid"));
        Assert.Equal("«Тегі» өрісін толтырыңыз.", page.Text("#" + surname.GetAttribute("aria-describedby")));
        var iin = page.Document.QuerySelector("#Children_1__Iin")!;
        Assert.Equal("true", iin.GetAttribute("aria-invalid"));
        Assert.Equal("ЖСН бақылау цифры сәйкес келмейді: нөмірді тексеріңіз.", page.Text("#" + iin.GetAttribute("aria-describedby")));
        Assert.Null(page.Document.QuerySelector("#Applicant_FirstName")!.GetAttribute("aria-invalid"));
        Assert.Equal(["Өтініш беруші", "Бала 1", "Бала 2"], page.Texts("fieldset > legend"));

        await clerk.SwitchLanguageAsync(page, "ru");
        var ru = await clerk.SubmitAsync(await clerk.GetAsync("/cases/new?service=FosterPlacement"), "form#registration", values, allowUnknownFields: true);
        await clerk.SwitchLanguageAsync(await clerk.GetAsync("/"), "kk");
        Assert.Equal(["Заявитель: Заполните поле «Фамилия».", "Ребенок 2: Контрольная цифра ИИН не сходится: проверьте номер."], ru.Errors);
    }

    [Fact]
    public async Task An_unreadable_value_is_named_with_its_field()
    {
        var clerk = await new OfficeDesk(App).AsAsync("clerk");
        var form = await clerk.GetAsync("/cases/new?service=FosterPlacement");
        var values = FosterPlacement(OfficeDesk.NewIin(new DateOnly(2016, 5, 5), Sex.Male));
        values["Children[0].BirthDate"] = "31.02.2016"; // not a field of the form (it follows the IIN): a hand-made request
        values["Channel"] = "Pigeon";

        var page = await clerk.SubmitAsync(form, "form#registration", values, allowUnknownFields: true);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains("Бала 1, Туған күні: Күнді кк.аа.жжжж түрінде енгізіңіз (мысалы, 17.05.2024).", page.Errors);
        Assert.Contains("Өтініш арнасы: Енгізілген мән жарамсыз.", page.Errors);
    }

    [Fact]
    public async Task One_child_row_is_shown_and_any_number_of_children_is_accepted()
    {
        var clerk = await new OfficeDesk(App).AsAsync("clerk");
        var form = await clerk.GetAsync("/cases/new?service=FosterPlacement");
        Assert.Equal(["Children[0].Iin"], form.Document.QuerySelectorAll("input[name$='.Iin'][name^='Children']").Select(e => e.GetAttribute("name")!));
        Assert.NotNull(form.Document.QuerySelector("[data-testid=add-child]"));
        var values = FosterPlacement(OfficeDesk.NewIin(new DateOnly(2015, 1, 1), Sex.Male));
        for (var i = 1; i < 6; i++)
        {
            values[$"Children[{i}].Iin"] = OfficeDesk.NewIin(new DateOnly(2015, 1, 1 + i), i % 2 == 0 ? Sex.Male : Sex.Female);
            values[$"Children[{i}].LastName"] = "Ахметов";
            values[$"Children[{i}].FirstName"] = "Бала" + i;
        }

        var page = await clerk.SubmitAsync(form, "form#registration", values, allowUnknownFields: true);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(6, page.Document.QuerySelectorAll("[data-testid=child]").Length);
    }

    [Fact]
    public async Task The_receipt_opens_in_the_browser_ready_to_print_and_the_next_registration_is_offered()
    {
        var page = await new OfficeDesk(App).RegisterAsync(ServiceCode.GuardianshipCertificate);
        var clerk = await new OfficeDesk(App).AsAsync("clerk");

        var print = page.Document.QuerySelector("[data-testid=counter-actions] [data-testid=print-document]")!;
        Assert.Equal("Қолхатты басып шығару", print.TextContent.Trim());
        Assert.Equal("/cases/new?service=GuardianshipCertificate", page.Document.QuerySelector("[data-testid=register-next]")!.GetAttribute("href"));
        var response = await clerk.Http.GetAsync(print.GetAttribute("href"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("inline", disposition.DispositionType);
        Assert.Equal($"{page.Text("[data-testid=case-number]")}-Receipt.pdf", disposition.FileNameStar);

        // The case page reached again later is the case page, not the counter's next step.
        var again = await clerk.GetAsync($"/cases/{page.CaseId}");
        Assert.Null(again.Document.QuerySelector("[data-testid=counter-actions]"));
    }

    [Fact]
    public async Task A_mistyped_iin_is_answered_with_the_reason_in_the_users_language()
    {
        var clerk = await new OfficeDesk(App).AsAsync("clerk");
        await clerk.GetAsync("/cases/new?service=FosterPlacement");

        var response = await clerk.PostAsync("/persons/lookup", new Dictionary<string, string> { ["iin"] = "870412300108" });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Contains("ЖСН бақылау цифры сәйкес келмейді: нөмірді тексеріңіз.", System.Text.RegularExpressions.Regex.Unescape(response.Html));
    }
}

public sealed class RegistrationFormTestsSqlite(SqlitePortal f) : RegistrationFormTests(f), IClassFixture<SqlitePortal>;
public sealed class RegistrationFormTestsPostgres(PostgresPortal f) : RegistrationFormTests(f), IClassFixture<PostgresPortal>;
