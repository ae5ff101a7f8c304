using System.Net;
using GuardianshipPortal.Domain.Documents;
using GuardianshipPortal.Domain.Persons;
using GuardianshipPortal.Domain.Services;
using GuardianshipPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GuardianshipPortal.IntegrationTests.Features.Documents;

/// <summary>
/// Every kind of document names its applicant, signer, specialist and office in the case its sentence needs and agrees with
/// the applicant's sex — for a man and a woman, in Kazakh and in Russian. One case per service, sex and language; each
/// signed case yields all the documents of its service.
/// </summary>
public abstract class DeclensionTests : PortalTest
{
    protected DeclensionTests(PortalFixture fixture) : base(fixture)
    {
        if (PdfText.SkipReason is { } reason) Assert.Skip(reason);
    }

    /// <summary>The applicant's name as each sentence asks it: nominative, genitive, dative.</summary>
    private sealed record Applicant(Sex Sex, string LastName, string FirstName, string MiddleName, string KkGen, string KkDat, string RuGen, string RuDat)
    {
        public string Name => $"{LastName} {FirstName} {MiddleName}";
        public string Gen(string language) => language == "kk" ? KkGen : RuGen;
        public string Dat(string language) => language == "kk" ? KkDat : RuDat;
    }

    private static readonly Applicant Woman = new(Sex.Female, "Серікова", "Айжан", "Болатқызы",
        "Серікова Айжан Болатқызының", "Серікова Айжан Болатқызына", "Серіковой Айжан Болатқызы", "Серіковой Айжан Болатқызы");

    private static readonly Applicant Man = new(Sex.Male, "Қасымов", "Бауыржан", "Серікұлы",
        "Қасымов Бауыржан Серікұлының", "Қасымов Бауыржан Серікұлына", "Қасымова Бауыржана Серікұлы", "Қасымову Бауыржану Серікұлы");

    private async Task<Guid> SignedAsync(ServiceCode service, string language, Applicant applicant, bool refuse, string channel)
    {
        var office = new OfficeDesk(App);
        var page = await office.RegisterAsync(service, OfficeDesk.NewIin(new DateOnly(1984, 6, 2), applicant.Sex), language: language,
            overrides: new Dictionary<string, string>
            {
                ["Channel"] = channel, ["Applicant.LastName"] = applicant.LastName, ["Applicant.FirstName"] = applicant.FirstName,
                ["Applicant.MiddleName"] = applicant.MiddleName,
            });
        var id = page.CaseId;
        await office.ResolveAsync(id);
        if (service.Definition().NeedsCommission) await office.CommissionAsync(id);
        if (service.Definition().NeedsHousingInspection) await office.InspectAsync(id);
        var drafted = await office.DraftAsync(id, service, refuse);
        Assert.Empty(drafted.Errors);
        await office.SignAsync(id);
        return id;
    }

    private async Task<string> TextAsync(Guid caseId, DocumentKind kind)
    {
        var document = await App.WithDbAsync(db => db.IssuedDocuments.SingleAsync(d => d.CaseId == caseId && d.Kind == kind));
        var clerk = await new OfficeDesk(App).AsAsync("clerk");
        var response = await clerk.Http.GetAsync($"/documents/{document.Id}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var raw = await PdfText.ExtractAsync(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        // A page after the first never opens with the signature or the verification block: the last lines of the text go with them.
        foreach (var page in raw.Split('\f').Skip(1).Where(p => p.Trim().Length > 0))
        {
            var first = page.Split('\n', StringSplitOptions.RemoveEmptyEntries)[0];
            foreach (var tail in new[] { "Бөлім басшысы", "Руководитель отдела", "тексеру коды", "подлинности документа" })
                Assert.False(first.Contains(tail, StringComparison.Ordinal), $"{kind}: a page opens with «{first}»:\n{raw}");
        }
        return PdfText.Flat(raw);
    }

    /// <summary>What each document must say, with {N}, {G}, {D} for the applicant's nominative, genitive and dative.</summary>
    private static IReadOnlyList<(DocumentKind Kind, string[] Phrases)> Expected(ServiceCode service, bool refuse, string language, Sex sex)
    {
        var kk = language == "kk";
        var female = sex == Sex.Female;
        var receipt = (DocumentKind.Receipt, kk ? ["алу үшін {G} (ЖСН"] : new[] { "Приняты заявление {G} (ИИН" });
        if (refuse && service == ServiceCode.AdopterRegistration)
            return [receipt, (DocumentKind.AdopterConclusionNegative, kk
                ? ["{G} (ЖСН", "Қарағанды қаласының білім бөлімі {N} асырап алушылыққа үміткер бола алмайды"]
                : ["Отдел образования города Караганды, рассмотрев заявление {G} (ИИН", "заключает, что {N} не может быть кандидатом"])];
        if (refuse)
            return [receipt, (DocumentKind.Refusal, kk
                ? ["{G} (ЖСН", "өтінішін қарап, Қарағанды қаласының білім бөлімі Қазақстан Республикасының", "сәйкес мынадай негіздер бойынша"]
                : ["Отдел образования города Караганды, рассмотрев заявление {G} (ИИН", "отказывает в ее оказании по следующим основаниям"])];
        return service switch
        {
            ServiceCode.FosterPlacement =>
            [
                receipt,
                (DocumentKind.HousingInspectionAct, kk
                    ? ["Тексерген: Асель Ержанқызы Төлеуова (Қарағанды қаласының білім бөлімінің маманы)", "жағдайлары тексерілген адам: {N}, ЖСН"]
                    : ["Обследование провели: Асель Ержанқызы Төлеуова (специалист отдела образования города Караганды)", "жилищно-бытовые условия: {N}, ИИН"]),
                (DocumentKind.FosterPlacementContract, kk
                    ? ["органы) атынан Ереже негізінде әрекет ететін бөлім басшысы Е. Б. Жақсыбеков бір тараптан және {N} (ЖСН"]
                    : ["в лице руководителя отдела Жақсыбекова Е. Б., действующего на основании Положения, с одной стороны, и {N} (ИИН"]),
                (DocumentKind.ReadinessNotification, kk
                    ? ["Құрметті {N}!", "құжатпен Қарағанды қаласының білім бөліміне келуіңізді сұраймыз"]
                    : [(female ? "Уважаемая" : "Уважаемый") + " {N}!", "удостоверяющим личность, в отдел образования города Караганды:",
                        // the date before the long registration number, which would leave a first line stretched wide
                        "Ваше заявление от ", " года № KRG-01-FP-"]),
            ],
            ServiceCode.AdoptionLumpSum => [receipt, (DocumentKind.LumpSumDecision, kk
                ? ["{G} (ЖСН", "ювеналдық сотының", "қарап, Қарағанды қаласының білім бөлімі шешті:", "байланысты {D} біржолғы ақшалай төлем тағайындалсын"]
                : ["Отдел образования города Караганды, рассмотрев заявление {G} (ИИН", "об усыновлении, в соответствии с Кодексом Республики Казахстан «О браке (супружестве) и семье»", "1. Назначить {D} единовременную денежную выплату"])],
            ServiceCode.FosterMaintenance => [receipt, (DocumentKind.MaintenanceDecision, kk
                ? ["{G} (ЖСН", "қарап, Қарағанды қаласының білім бөлімі шешті:", "Патронат тәрбиеші {G} тәрбиесіндегі", "ақшалай қаражат төлеу тағайындалсын"]
                : ["Отдел образования города Караганды, рассмотрев заявление {G} (ИИН", "патронатное воспитание, в соответствии с Кодексом Республики Казахстан «О браке (супружестве) и семье»", "у патронатного воспитателя {G}:"])],
            ServiceCode.AdopterRegistration => [receipt, (DocumentKind.AdopterConclusion, kk
                ? ["{G} (ЖСН", "Қарағанды қаласының білім бөлімі {N} асырап алушылыққа үміткер бола алады", "{N} бала асырап алуға"]
                : ["Отдел образования города Караганды, рассмотрев заявление {G} (ИИН", "заключает, что {N} может быть кандидатом", "{N} ставится на учет"])],
            ServiceCode.GuardianshipCertificate => [receipt, (DocumentKind.GuardianshipCertificate, kk
                ? ["Осы анықтама {D} (ЖСН", "Қарағанды қаласының білім бөлімінің 2024 жылғы 20 мамырдағы № 145 шешімімен"]
                : ["Настоящая справка выдана {D} (ИИН", $"в том, что {(female ? "она" : "он")} решением органа", $"№ 145 {(female ? "назначена" : "назначен")} опекуном"])],
            _ => throw new ArgumentOutOfRangeException(nameof(service)),
        };
    }

    public static TheoryData<ServiceCode, bool, string, bool> Cases()
    {
        var data = new TheoryData<ServiceCode, bool, string, bool>();
        foreach (var (service, refuse) in new[]
        {
            (ServiceCode.FosterPlacement, false), (ServiceCode.AdoptionLumpSum, false), (ServiceCode.FosterMaintenance, false),
            (ServiceCode.AdopterRegistration, false), (ServiceCode.AdopterRegistration, true), (ServiceCode.GuardianshipCertificate, false),
            (ServiceCode.FosterMaintenance, true),
        })
        foreach (var language in new[] { "kk", "ru" })
        foreach (var female in new[] { true, false })
            data.Add(service, refuse, language, female);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Every_document_names_the_applicant_in_the_case_and_gender_its_sentence_needs(ServiceCode service, bool refuse, string language, bool female)
    {
        var applicant = female ? Woman : Man;
        // The foster placement goes through e-government, so its readiness notice is issued too.
        var id = await SignedAsync(service, language, applicant, refuse, service == ServiceCode.FosterPlacement ? "EGov" : "Office");

        foreach (var (kind, phrases) in Expected(service, refuse, language, applicant.Sex))
        {
            var text = await TextAsync(id, kind);
            foreach (var phrase in phrases)
            {
                var expected = phrase.Replace("{N}", applicant.Name).Replace("{G}", applicant.Gen(language)).Replace("{D}", applicant.Dat(language));
                Assert.True(text.Contains(expected, StringComparison.Ordinal), $"{kind}/{language}: «{expected}» not in:\n{text}");
            }
            // No capitals in mid-sentence: the decision's verb and the signer's position are lower-case.
            foreach (var shouting in new[] { "ШЕШТІ", "РЕШИЛ", "в лице:", ", Руководитель отдела" })
                Assert.DoesNotContain(shouting, text);
            // The other sex's forms never appear.
            var other = female ? Man : Woman;
            Assert.DoesNotContain(other.FirstName, text);
            if (language == "ru") Assert.DoesNotContain(female ? "Уважаемый" : "Уважаемая", text);
        }
    }

    [Theory]
    [InlineData("ru", "в лице руководителя отдела Ким Е., действующей на основании Положения, с одной стороны")]
    [InlineData("kk", "атынан Ереже негізінде әрекет ететін бөлім басшысы Е. Ким бір тараптан")] // Kazakh has no grammatical gender
    public async Task A_signers_sex_comes_from_the_IIN_the_administrator_entered_not_from_the_name(string language, string phrase)
    {
        // «Ким Елена» shows no sex in its endings (a name alone would read as a man's); her IIN says she is a woman.
        var admin = NewClient();
        await admin.SignInAsync("admin");
        var headId = await App.WithDbAsync(db => db.Users.Where(u => u.UserName == "head2").Select(u => u.Id).SingleAsync());
        var saved = await admin.SubmitAsync(await admin.GetAsync($"/admin/users/{headId}"), "[data-testid=user-form]", new Dictionary<string, string>
        {
            ["FullName"] = "Ким Елена", ["Iin"] = OfficeDesk.NewIin(new DateOnly(1980, 5, 12), Sex.Female),
        });
        Assert.Empty(saved.Errors);
        var office = new OfficeDesk(App, "2");
        var id = (await office.RegisterAsync(ServiceCode.FosterPlacement, language: language)).CaseId;
        var head = await office.AsAsync("head");
        var resolution = (await head.GetAsync($"/cases/{id}")).Select("#Resolution_SpecialistId", "Бекмұханов"); // KRG-02's specialist
        await head.SubmitAsync(resolution, "[data-testid=resolution-form]", new Dictionary<string, string> { ["Resolution.Text"] = "Шешім дайындалсын." });
        await office.InspectAsync(id);
        Assert.Empty((await office.DraftAsync(id, ServiceCode.FosterPlacement)).Errors);
        await office.SignAsync(id);

        var document = await App.WithDbAsync(db => db.IssuedDocuments.SingleAsync(d => d.CaseId == id && d.Kind == DocumentKind.FosterPlacementContract));
        var pdf = await App.WithDbAsync(db => db.IssuedDocumentContents.Where(x => x.DocumentId == document.Id).Select(x => x.Pdf).SingleAsync());
        var text = PdfText.Flat(await PdfText.ExtractAsync(pdf));

        Assert.True(text.Contains(phrase, StringComparison.Ordinal), text);
        Assert.DoesNotContain("Кима", text);
        Assert.DoesNotContain("действующего", text);
    }
}

public sealed class DeclensionTestsSqlite(SqlitePortal f) : DeclensionTests(f), IClassFixture<SqlitePortal>;
public sealed class DeclensionTestsPostgres(PostgresPortal f) : DeclensionTests(f), IClassFixture<PostgresPortal>;
