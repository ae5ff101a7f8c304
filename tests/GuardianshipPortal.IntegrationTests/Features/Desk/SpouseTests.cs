using System.Net;
using GuardianshipPortal.Domain.Documents;
using GuardianshipPortal.Domain.Persons;
using GuardianshipPortal.Domain.Services;
using GuardianshipPortal.IntegrationTests.Features.Api;
using GuardianshipPortal.IntegrationTests.Infrastructure;
using GuardianshipPortal.UnitTests.Signatures;
using Microsoft.EntityFrameworkCore;
using static GuardianshipPortal.IntegrationTests.Features.Api.PartnerRig;

namespace GuardianshipPortal.IntegrationTests.Features.Desk;

/// <summary>
/// Spouses applying together as candidate adopters: the clerk registers both on one case (or nothing at all when a field is
/// wrong), the partner API takes a spouse for adopter registration and refuses one for any other service, search finds
/// the case by the spouse, and the receipt, the conclusion and the readiness notice name both spouses in the case each
/// sentence needs.
/// </summary>
public abstract class SpouseTests(PortalFixture fixture) : PortalTest(fixture), IDisposable
{
    private PartnerRig? _partners;
    private PartnerRig Rig => _partners ??= new PartnerRig(() => App);

    public void Dispose() => _partners?.Dispose();

    private static Dictionary<string, string> Spouse(string iin, string lastName = "Серіков", string firstName = "Болат", string middleName = "Ерланұлы") => new()
    {
        ["WithSpouse"] = "true", ["Spouse.Iin"] = iin, ["Spouse.LastName"] = lastName, ["Spouse.FirstName"] = firstName,
        ["Spouse.MiddleName"] = middleName, ["Spouse.Address"] = "Қарағанды қ., Ерубаев к-сі, 12-5",
    };

    private static string NewIin(Sex sex) => OfficeDesk.NewIin(new DateOnly(1983, 2, 3), sex);

    [Fact]
    public async Task Clerk_registers_spouses_together_and_finds_their_case_by_the_spouses_iin_and_name()
    {
        var office = new OfficeDesk(App);
        var applicantIin = NewIin(Sex.Female);
        var spouseIin = NewIin(Sex.Male);

        var page = await office.RegisterAsync(ServiceCode.AdopterRegistration, applicantIin, overrides: Spouse(spouseIin, "Жандосов", "Тимур", "Ерланұлы"));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Жандосов Тимур Ерланұлы", page.Text("[data-testid=spouse-name]"));
        Assert.Contains(spouseIin, page.Text("[data-testid=spouse]"));
        var stored = await App.WithDbAsync(db => db.Cases.Where(c => c.Id == page.CaseId)
            .Select(c => new { Applicant = c.Applicant!.Iin, c.Spouse!.Iin, c.Spouse.LastName, c.Spouse.FirstName, c.Spouse.MiddleName, c.Spouse.Sex, c.Spouse.BirthDate, c.Spouse.Address })
            .SingleAsync());
        Assert.Equal((applicantIin, spouseIin, "Жандосов", "Тимур", "Ерланұлы", Sex.Male, new DateOnly(1983, 2, 3), "Қарағанды қ., Ерубаев к-сі, 12-5"),
            (stored.Applicant, stored.Iin, stored.LastName, stored.FirstName, stored.MiddleName, stored.Sex, stored.BirthDate, stored.Address));

        var number = page.Text("[data-testid=case-number]");
        var clerk = await office.AsAsync("clerk");
        foreach (var query in new[] { spouseIin, "жандосов тимур", "ЖАНДОСОВ" })
        {
            var results = await clerk.GetAsync("/cases?q=" + Uri.EscapeDataString(query));
            Assert.Contains(number, results.Texts("[data-testid=search-results] tr[data-number] td:first-child"));
        }
    }

    [Fact]
    public async Task The_registration_form_offers_the_spouse_only_for_the_service_that_takes_one()
    {
        var clerk = await new OfficeDesk(App).AsAsync("clerk");

        var adopters = await clerk.GetAsync("/cases/new?service=AdopterRegistration");
        var placement = await clerk.GetAsync("/cases/new?service=FosterPlacement");

        Assert.NotNull(adopters.Document.QuerySelector("input[name=WithSpouse]"));
        Assert.Contains("Жұбайы (зайыбы)", adopters.Texts("fieldset > legend"));
        Assert.NotNull(adopters.Document.QuerySelector("input[name='Spouse.Iin']"));
        Assert.Null(placement.Document.QuerySelector("input[name=WithSpouse]"));
        Assert.Null(placement.Document.QuerySelector("input[name='Spouse.Iin']"));
    }

    [Fact]
    public async Task A_wrong_spouse_iin_is_named_at_its_field_in_both_languages_and_nothing_is_saved()
    {
        var office = new OfficeDesk(App);
        var clerk = await office.AsAsync("clerk");
        var applicantIin = NewIin(Sex.Female);

        var kk = await office.RegisterAsync(ServiceCode.AdopterRegistration, applicantIin, overrides: Spouse("870412300108"));

        Assert.Equal(HttpStatusCode.BadRequest, kk.Status);
        Assert.Equal(["Жұбайы (зайыбы): ЖСН бақылау цифры сәйкес келмейді: нөмірді тексеріңіз."], kk.Errors);
        var field = kk.Document.QuerySelector("#Spouse_Iin")!;
        Assert.Equal("true", field.GetAttribute("aria-invalid"));
        Assert.Equal("ЖСН бақылау цифры сәйкес келмейді: нөмірді тексеріңіз.", kk.Text("#" + field.GetAttribute("aria-describedby")));
        Assert.Equal("checked", kk.Document.QuerySelector("input[name=WithSpouse]")!.GetAttribute("checked"));

        var same = await office.RegisterAsync(ServiceCode.AdopterRegistration, applicantIin, overrides: Spouse(applicantIin));
        Assert.Equal(HttpStatusCode.BadRequest, same.Status);
        Assert.Equal(["Жұбайы (зайыбы): Жұбайының (зайыбының) ЖСН өтініш берушінің ЖСН-імен бірдей."], same.Errors);

        await clerk.SwitchLanguageAsync(kk, "ru");
        var ru = await office.RegisterAsync(ServiceCode.AdopterRegistration, applicantIin, overrides: Spouse("870412300108"));
        await clerk.SwitchLanguageAsync(await clerk.GetAsync("/"), "kk");

        Assert.Equal(HttpStatusCode.BadRequest, ru.Status);
        Assert.Equal(["Супруг(а): Контрольная цифра ИИН не сходится: проверьте номер."], ru.Errors);
        Assert.Equal("Контрольная цифра ИИН не сходится: проверьте номер.", ru.Text("#Spouse_Iin + .invalid-feedback"));
        Assert.Equal(0, await App.WithDbAsync(db => db.Cases.CountAsync(c => c.Applicant!.Iin == applicantIin)));
        Assert.Equal(0, await App.WithDbAsync(db => db.Persons.CountAsync(p => p.Iin == applicantIin)));
    }

    [Fact]
    public async Task A_spouse_for_a_service_that_takes_none_is_refused_and_nothing_is_saved()
    {
        var office = new OfficeDesk(App);
        var applicantIin = NewIin(Sex.Female);
        var spouseIin = NewIin(Sex.Male);

        // A hand-made post: the foster placement form has no spouse's fields.
        var refused = await office.RegisterAsync(ServiceCode.FosterPlacement, applicantIin, overrides: Spouse(spouseIin), allowUnknownFields: true);

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal(["Бұл қызмет бойынша жұбайы (зайыбы) өтініш берушімен бірге өтініш бере алмайды."], refused.Errors);
        Assert.Equal(0, await App.WithDbAsync(db => db.Persons.CountAsync(p => p.Iin == applicantIin || p.Iin == spouseIin)));
    }

    [Fact]
    public async Task The_partner_api_takes_a_spouse_for_adopter_registration_only_and_checks_it_as_the_applicant()
    {
        var key = await Rig.PartnerAsync(Domain.Cases.Channel.EGov);
        var applicantIin = NewIin(Sex.Female);
        var citizen = Rig.Citizen(applicantIin);
        object Person(string iin) => new { iin, lastName = "Серіков", firstName = "Болат", middleName = "Ерланұлы", address = "Қарағанды қ." };
        byte[] Signed(string id, string service, object? spouse) =>
            TestPki.Sign(citizen, Content(Payload(id, applicantIin, service: service, checklistItem: "identity", spouse: spouse)), detached: false);
        var spouseIin = NewIin(Sex.Male);

        var together = await Rig.PostAsync(key, Signed("sp-1", "ADOPTER_REGISTRATION", Person(spouseIin)));
        var alone = await Rig.PostAsync(key, Signed("sp-2", "ADOPTER_REGISTRATION", null));

        Assert.Equal(HttpStatusCode.Created, together.Status);
        Assert.Equal(HttpStatusCode.Created, alone.Status);
        var spouses = await App.WithDbAsync(db => db.Cases.Where(c => c.SubmissionKey!.EndsWith(":sp-1") || c.SubmissionKey!.EndsWith(":sp-2"))
            .OrderBy(c => c.SubmissionKey).Select(c => c.Spouse == null ? null : c.Spouse.Iin + " " + c.Spouse.LastName).ToListAsync());
        Assert.Equal(new string?[] { $"{spouseIin} Серіков", null }, spouses);

        var before = await App.WithDbAsync(db => db.Cases.CountAsync());
        foreach (var (id, service, spouse, code, field) in new (string, string, object, string, string)[]
        {
            ("sp-3", "GUARDIANSHIP_CERTIFICATE", Person(NewIin(Sex.Male)), "spouse_not_allowed", "spouse"),
            ("sp-4", "ADOPTER_REGISTRATION", Person("870412300108"), "invalid_iin", "spouse.iin"),
            ("sp-5", "ADOPTER_REGISTRATION", Person(applicantIin), "spouse_same_person", "spouse.iin"),
            ("sp-6", "ADOPTER_REGISTRATION", new { iin = NewIin(Sex.Male), lastName = "Серіков", firstName = "" }, "malformed", "spouse.firstName"),
            ("sp-7", "ADOPTER_REGISTRATION", new { iin = NewIin(Sex.Male), lastName = new string('ә', 101), firstName = "Болат" }, "text_too_long", "spouse.lastName"),
        })
        {
            var answer = await Rig.PostAsync(key, Signed(id, service, spouse));
            Assert.True(answer.Status == HttpStatusCode.UnprocessableEntity && answer.Body.GetProperty("code").GetString() == code
                && answer.Body.GetProperty("field").GetString() == field, $"{id}: expected 422 {code} at {field}, got {answer.Status} {answer.Body}");
            Assert.False(string.IsNullOrEmpty(answer.Body.GetProperty("messageKk").GetString()));
            Assert.False(string.IsNullOrEmpty(answer.Body.GetProperty("messageRu").GetString()));
        }
        var notTaken = await Rig.PostAsync(key, Signed("sp-8", "FOSTER_MAINTENANCE", Person(NewIin(Sex.Male))));
        Assert.Equal("По этой услуге супруг (супруга) не может подать заявление вместе с заявителем (поле spouse не принимается).",
            notTaken.Body.GetProperty("messageRu").GetString());
        Assert.Equal(before, await App.WithDbAsync(db => db.Cases.CountAsync()));
    }

    /// <summary>The spouses of each language's test: the applicant (a woman, the form's default sex here) and her husband.</summary>
    private sealed record Couple(string ApplicantLast, string ApplicantFirst, string ApplicantMiddle, string SpouseLast, string SpouseFirst, string SpouseMiddle)
    {
        public string Applicant => $"{ApplicantLast} {ApplicantFirst} {ApplicantMiddle}";
        public string Spouse => $"{SpouseLast} {SpouseFirst} {SpouseMiddle}";
    }

    private static readonly Couple Kazakh = new("Серікова", "Айжан", "Болатқызы", "Серіков", "Болат", "Ерланұлы");
    private static readonly Couple Russian = new("Иванова", "Мария", "Петровна", "Иванов", "Иван", "Иванович");

    [Theory]
    [InlineData("kk", false)]
    [InlineData("kk", true)]
    [InlineData("ru", false)]
    [InlineData("ru", true)]
    public async Task The_receipt_the_conclusion_and_the_readiness_notice_name_both_spouses_declined(string language, bool refuse)
    {
        if (PdfText.SkipReason is { } reason) Assert.Skip(reason);
        var couple = language == "kk" ? Kazakh : Russian;
        var office = new OfficeDesk(App);
        var applicantIin = NewIin(Sex.Female);
        var spouseIin = NewIin(Sex.Male);
        var overrides = Spouse(spouseIin, couple.SpouseLast, couple.SpouseFirst, couple.SpouseMiddle);
        overrides["Applicant.LastName"] = couple.ApplicantLast;
        overrides["Applicant.FirstName"] = couple.ApplicantFirst;
        overrides["Applicant.MiddleName"] = couple.ApplicantMiddle;
        // Through e-government: the applicants are told the conclusion is ready, whichever it is.
        overrides["Channel"] = "EGov";
        var id = (await office.RegisterAsync(ServiceCode.AdopterRegistration, applicantIin, language: language, overrides: overrides)).CaseId;
        await office.ResolveAsync(id);
        await office.CommissionAsync(id);
        await office.InspectAsync(id);
        Assert.Empty((await office.DraftAsync(id, ServiceCode.AdopterRegistration, refuse)).Errors);
        await office.SignAsync(id);

        var conclusion = await TextAsync(id, refuse ? DocumentKind.AdopterConclusionNegative : DocumentKind.AdopterConclusion);
        var notice = await TextAsync(id, DocumentKind.ReadinessNotification);
        var receipt = await TextAsync(id, DocumentKind.Receipt);

        string[] expected = (language, refuse) switch
        {
            ("kk", false) =>
            [
                $"сәйкес ерлі-зайыптылар Серікова Айжан Болатқызы мен Серіков Болат Ерланұлының (ЖСН тиісінше {applicantIin} және {spouseIin}, мекенжайы:",
                "бірлескен өтінішін",
                "Қарағанды қаласының білім бөлімі Серікова Айжан Болатқызы мен Серіков Болат Ерланұлы асырап алушылыққа үміткерлер бола алады деп қорытынды жасайды",
                "Серікова Айжан Болатқызы мен Серіков Болат Ерланұлы бала асырап алуға тілек білдірген адамдардың есебіне қойылады",
            ],
            ("kk", true) =>
            [
                $"сәйкес ерлі-зайыптылар Серікова Айжан Болатқызы мен Серіков Болат Ерланұлының (ЖСН тиісінше {applicantIin} және {spouseIin}) бірлескен өтінішін",
                "Қарағанды қаласының білім бөлімі Серікова Айжан Болатқызы мен Серіков Болат Ерланұлы асырап алушылыққа үміткерлер бола алмайды",
            ],
            ("ru", false) =>
            [
                $"Отдел образования города Караганды, рассмотрев совместное заявление супругов Ивановой Марии Петровны (ИИН {applicantIin}) и Иванова Ивана Ивановича (ИИН {spouseIin}), проживающих по адресу:",
                "заключает, что Иванова Мария Петровна и Иванов Иван Иванович могут быть кандидатами в усыновители",
                "Иванова Мария Петровна и Иванов Иван Иванович ставятся на учет лиц, желающих усыновить детей",
            ],
            _ =>
            [
                $"Отдел образования города Караганды, рассмотрев совместное заявление супругов Ивановой Марии Петровны (ИИН {applicantIin}) и Иванова Ивана Ивановича (ИИН {spouseIin}), представленные документы",
                "заключает, что Иванова Мария Петровна и Иванов Иван Иванович не могут быть кандидатами в усыновители по следующим основаниям",
            ],
        };
        foreach (var phrase in expected)
            Assert.True(conclusion.Contains(phrase, StringComparison.Ordinal), $"«{phrase}» not in:\n{conclusion}");
        var greeting = language == "kk" ? $"Құрметті {couple.Applicant} және {couple.Spouse}!" : $"Уважаемые {couple.Applicant} и {couple.Spouse}!";
        Assert.True(notice.Contains(greeting, StringComparison.Ordinal), $"«{greeting}» not in:\n{notice}");
        Assert.Contains(language == "kk" ? "келулеріңізді сұраймыз" : "с документами, удостоверяющими личность", notice);
        if (language == "ru") Assert.Contains(" года № KRG-", PdfText.Flat(notice)); // the date, then the long number
        var accepted = language == "kk"
            ? $"алу үшін ерлі-зайыптылар Серікова Айжан Болатқызы мен Серіков Болат Ерланұлының (ЖСН тиісінше {applicantIin} және {spouseIin}) бірлескен өтінішін"
            : $"Приняты совместное заявление супругов Ивановой Марии Петровны (ИИН {applicantIin}) и Иванова Ивана Ивановича (ИИН {spouseIin})";
        Assert.True(receipt.Contains(accepted, StringComparison.Ordinal), $"«{accepted}» not in:\n{receipt}");
        // The one-applicant wording is left out, and no paragraph mark is printed.
        foreach (var text in new[] { conclusion, notice, receipt })
        {
            Assert.DoesNotContain("spouse]", text);
            Assert.DoesNotContain(language == "kk" ? "үміткер бола ал" : "может быть кандидатом", text);
            Assert.DoesNotContain(language == "kk" ? "келуіңізді" : "Уважаемая", text);
        }
    }

    private async Task<string> TextAsync(Guid caseId, DocumentKind kind)
    {
        var document = await App.WithDbAsync(db => db.IssuedDocuments.SingleAsync(d => d.CaseId == caseId && d.Kind == kind));
        var clerk = await new OfficeDesk(App).AsAsync("clerk");
        var response = await clerk.Http.GetAsync($"/documents/{document.Id}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return PdfText.Flat(await PdfText.ExtractAsync(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)));
    }
}

public sealed class SpouseTestsSqlite(SqlitePortal f) : SpouseTests(f), IClassFixture<SqlitePortal>;
public sealed class SpouseTestsPostgres(PostgresPortal f) : SpouseTests(f), IClassFixture<PostgresPortal>;
