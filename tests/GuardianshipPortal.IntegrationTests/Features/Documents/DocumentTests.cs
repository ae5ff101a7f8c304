using System.Net;
using GuardianshipPortal.Documents;
using GuardianshipPortal.Domain.Documents;
using GuardianshipPortal.Domain.Services;
using GuardianshipPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GuardianshipPortal.IntegrationTests.Features.Documents;

public abstract class DocumentTests : PortalTest
{
    protected DocumentTests(PortalFixture fixture) : base(fixture)
    {
        if (PdfText.SkipReason is { } reason) Assert.Skip(reason);
    }

    private async Task<(Guid Id, string Number)> SignedAsync(ServiceCode service, string language, bool refuse = false, string channel = "Office", string? groundCode = null)
    {
        var office = new OfficeDesk(App);
        var page = await office.RegisterAsync(service, language: language, overrides: new Dictionary<string, string> { ["Channel"] = channel });
        var id = page.CaseId;
        await office.ResolveAsync(id);
        if (service.Definition().NeedsCommission) await office.CommissionAsync(id);
        if (service.Definition().NeedsHousingInspection) await office.InspectAsync(id);
        var drafted = await office.DraftAsync(id, service, refuse, groundCode: groundCode);
        Assert.Empty(drafted.Errors);
        await office.SignAsync(id);
        return (id, page.Text("[data-testid=case-number]"));
    }

    private async Task<(IssuedDocument Document, string Text, int Pages)> DocumentAsync(Guid caseId, DocumentKind kind)
    {
        var document = await App.WithDbAsync(db => db.IssuedDocuments.SingleAsync(d => d.CaseId == caseId && d.Kind == kind));
        var clerk = await new OfficeDesk(App).AsAsync("clerk");
        var response = await clerk.Http.GetAsync($"/documents/{document.Id}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        var pdf = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        return (document, PdfText.Flat(await PdfText.ExtractAsync(pdf)), await PdfText.PagesAsync(pdf));
    }

    public static TheoryData<ServiceCode, string, DocumentKind, string[]> Results => new()
    {
        { ServiceCode.FosterPlacement, "kk", DocumentKind.FosterPlacementContract, ["БАЛАНЫ (БАЛАЛАРДЫ) ПАТРОНАТТЫҚ ТӘРБИЕЛЕУГЕ БЕРУ ТУРАЛЫ ШАРТ", "5. Шарттың мерзімі: {FromAbl} бастап {PlacementToDat} дейін.", "Ахметов Нұрсұлтан Ерланұлы", "патронат тәрбиеші", "Шарт жасалған күн: {Today}.", "жеке басын куәландыратын құжат: № ____", "Кодексіне және Қазақстан Республикасы Білім және ғылым министрінің 2015 жылғы 13 сәуірдегі № 198 бұйрығымен бекітілген «Баланы (балаларды) патронаттық тәрбиелеуге беру» мемлекеттік көрсетілетін қызмет стандартына сәйкес", "1. Шарттың мәні.", "4. Төлем.", "сотта шешіледі", "Қорғаншылық және қамқоршылық органы Патронат тәрбиеші"] },
        { ServiceCode.FosterPlacement, "ru", DocumentKind.FosterPlacementContract, ["ДОГОВОР О ПЕРЕДАЧЕ РЕБЕНКА (ДЕТЕЙ) НА ПАТРОНАТНОЕ ВОСПИТАНИЕ", "5. Срок действия договора: с {FromWords} по {PlacementToWords}.", "Ахметов Нұрсұлтан Ерланұлы", "Дата заключения договора: {Today}.", "документ, удостоверяющий личность: № ____", "утвержденным приказом Министра образования и науки Республики Казахстан от 13 апреля 2015 года № 198, заключили настоящий договор", "1. Предмет договора.", "4. Оплата.", "в суде в порядке", "Орган опеки и попечительства Патронатный воспитатель"] },
        { ServiceCode.AdoptionLumpSum, "kk", DocumentKind.LumpSumDecision, ["БІРЖОЛҒЫ АҚШАЛАЙ ТӨЛЕМДІ ТАҒАЙЫНДАУ ТУРАЛЫ ШЕШІМ", "75 АЕК × 4 325,00 теңге ({Year} жылғы АЕК) = 324 375,00 теңге (Үш жүз жиырма төрт мың үш жүз жетпіс бес теңге 00 тиын)", "банк – {Bank}, ЖСК (IBAN) – KZ16601A871001234567", "№ {CourtDecisionNumber}", "«Неке (ерлі-зайыптылық) және отбасы туралы» Кодексіне", "Заңының 25-бабына сәйкес жоғары тұрған органға (лауазымды адамға) не мемлекеттік қызметтер көрсету сапасын бағалау және бақылау жөніндегі уәкілетті органға", "бес жұмыс күні ішінде", "Әкімшілік рәсімдік-процестік кодексінде"] },
        { ServiceCode.AdoptionLumpSum, "ru", DocumentKind.LumpSumDecision, ["РЕШЕНИЕ О НАЗНАЧЕНИИ ЕДИНОВРЕМЕННОЙ ДЕНЕЖНОЙ ВЫПЛАТЫ", "75 МРП × 4 325,00 тенге (МРП {Year} года) = 324 375,00 тенге (Триста двадцать четыре тысячи триста семьдесят пять тенге 00 тиын)", "банк – {Bank}, ИИК (IBAN) – KZ16601A871001234567", "в соответствии с Кодексом Республики Казахстан «О браке (супружестве) и семье»", "в соответствии со статьей 25 Закона Республики Казахстан «О государственных услугах» в вышестоящий орган (должностному лицу) или в уполномоченный орган по оценке и контролю за качеством оказания государственных услуг", "в течение пяти рабочих дней", "Административным процедурно-процессуальным кодексом"] },
        { ServiceCode.FosterMaintenance, "kk", DocumentKind.MaintenanceDecision, ["Бір балаға айына 44 580,00 теңге (Қырық төрт мың бес жүз сексен теңге 00 тиын)", "Төлем кезеңі: {FromAbl} бастап {MaintenanceToDat} дейін.", "мемлекеттік көрсетілетін қызмет стандартына сәйкес", "Заңының 25-бабына"] },
        { ServiceCode.FosterMaintenance, "ru", DocumentKind.MaintenanceDecision, ["Сумма на одного ребенка в месяц: 44 580,00 тенге (Сорок четыре тысячи пятьсот восемьдесят тенге 00 тиын)", "Период выплаты: с {FromWords} по {MaintenanceToWords}.", "от 13 апреля 2015 года № 198", "статьей 25 Закона"] },
        { ServiceCode.AdopterRegistration, "kk", DocumentKind.AdopterConclusion, ["АСЫРАП АЛУШЫЛЫҚҚА ҮМІТКЕР БОЛУ МҮМКІНДІГІ ТУРАЛЫ ҚОРЫТЫНДЫ", "№ 198 бұйрығымен бекітілген", "Негіздеме: Үміткер асырап алушы бола алады.", "комиссияның пікірін (оң: Үміткер талаптарға сай келеді) қарап"] },
        { ServiceCode.AdopterRegistration, "ru", DocumentKind.AdopterConclusion, ["ЗАКЛЮЧЕНИЕ О ВОЗМОЖНОСТИ БЫТЬ КАНДИДАТОМ В УСЫНОВИТЕЛИ", "может быть кандидатом в усыновители", "мнение комиссии (положительное: Үміткер талаптарға сай келеді), в соответствии", "приказом Министра образования и науки Республики Казахстан от 13 апреля 2015 года № 198"] },
        { ServiceCode.GuardianshipCertificate, "kk", DocumentKind.GuardianshipCertificate, ["ҚОРҒАНШЫЛЫҚ ЖӘНЕ ҚАМҚОРШЫЛЫҚ ЖӨНІНДЕ АНЫҚТАМА", "Қарағанды қаласының білім бөлімінің 2024 жылғы 20 мамырдағы № 145 шешімімен", "Ахметов Нұрсұлтан Ерланұлы", "Анықтама талап етілген жерге ұсыну үшін Қазақстан Республикасының «Неке (ерлі-зайыптылық) және отбасы туралы» Кодексіне және «Қорғаншылық және қамқоршылық жөнінде анықтама беру» мемлекеттік көрсетілетін қызмет стандартына сәйкес жасалды."] },
        { ServiceCode.GuardianshipCertificate, "ru", DocumentKind.GuardianshipCertificate, ["СПРАВКА ПО ОПЕКЕ И ПОПЕЧИТЕЛЬСТВУ", "в том, что она решением органа", "№ 145 назначена опекуном (попечителем)", "Справка составлена в соответствии с Кодексом Республики Казахстан «О браке (супружестве) и семье» и стандартом государственной услуги «Выдача справки по опеке и попечительству» для предъявления по месту требования."] },
    };

    [Theory]
    [MemberData(nameof(Results))]
    public async Task The_signed_result_states_the_case_in_the_applicants_language(ServiceCode service, string language, DocumentKind kind, string[] phrases)
    {
        await App.SetCurrentMrpAsync(4325m);
        var (id, number) = await SignedAsync(service, language);

        var (document, text, pages) = await DocumentAsync(id, kind);

        var dates = new OfficeDesk.DraftDates(App.Today);
        var words = (DateOnly d, GrammaticalCase c) => DateWords.For(language, d, c);
        foreach (var phrase in phrases)
            Assert.Contains(phrase.Replace("{Year}", App.CurrentYear.ToString())
                .Replace("{FromAbl}", words(dates.PeriodFrom, GrammaticalCase.Ablative)).Replace("{PlacementToDat}", words(dates.PlacementTo, GrammaticalCase.Dative))
                .Replace("{FromWords}", words(dates.PeriodFrom, GrammaticalCase.Nominative)).Replace("{PlacementToWords}", words(dates.PlacementTo, GrammaticalCase.Nominative))
                .Replace("{MaintenanceToDat}", words(dates.MaintenanceTo, GrammaticalCase.Dative)).Replace("{MaintenanceToWords}", words(dates.MaintenanceTo, GrammaticalCase.Nominative))
                .Replace("{Today}", words(App.Today, GrammaticalCase.Nominative)).Replace("{Bank}", OfficeDesk.BankName).Replace("{From}", $"{dates.PeriodFrom:dd.MM.yyyy}")
                .Replace("{PlacementTo}", $"{dates.PlacementTo:dd.MM.yyyy}").Replace("{MaintenanceTo}", $"{dates.MaintenanceTo:dd.MM.yyyy}")
                .Replace("{CourtDecisionNumber}", dates.CourtDecisionNumber), text);
        Assert.Contains("№ " + number, text);
        Assert.Contains("Айжан Болатқызы", text); // in the case the sentence needs (DeclensionTests)
        var seal = language == "kk" ? "М.О." : "М.П.";
        if (kind == DocumentKind.FosterPlacementContract)
        {
            // Both parties sign in the contract's parties table, the seal's place under the head's line: no second signature below.
            Assert.DoesNotContain("Ерлан Болатұлы Жақсыбеков", text);
            Assert.Contains(language == "kk" ? "бөлім басшысы ____________ Е. Б. Жақсыбеков М.О." : "руководитель отдела ____________ Жақсыбеков Е. Б. М.П.", text,
                StringComparison.OrdinalIgnoreCase);
            Assert.Single(System.Text.RegularExpressions.Regex.Matches(text, System.Text.RegularExpressions.Regex.Escape(seal)));
        }
        else
        {
            Assert.Contains("Ерлан Болатұлы Жақсыбеков", text); // the head who signed
            Assert.Contains(seal, text);
        }
        Assert.Contains(language == "kk" ? "ҚАРАҒАНДЫ ҚАЛАСЫНЫҢ БІЛІМ БӨЛІМІ" : "ОТДЕЛ ОБРАЗОВАНИЯ ГОРОДА КАРАГАНДЫ", text);
        Assert.Contains(document.VerificationCode, text);
        // A line never ends with «№» or the first digits of an amount, leaving the number or the rest of the amount to the next.
        var lines = await PdfText.ExtractAsync(await App.WithDbAsync(db => db.IssuedDocumentContents.Where(x => x.DocumentId == document.Id).Select(x => x.Pdf).SingleAsync()));
        Assert.DoesNotMatch(@" №\n", lines); // (a table's «№» header stands on a line of its own)
        Assert.DoesNotMatch(@"(^|[ (])\d{1,3}\n\d{3}(,\d\d)?(\s|$)", lines);
        Assert.Contains(language == "kk" ? $"Бет 1 / {pages}" : $"Страница 1 из {pages}", text);
        Assert.DoesNotContain(".)", text); // a sentence's full stop inside brackets in mid-sentence
        if (kind == DocumentKind.GuardianshipCertificate) // the certificate says once that it was issued
            Assert.Single(System.Text.RegularExpressions.Regex.Matches(text, language == "kk" ? "берілді" : "выдана"));
        Assert.InRange(pages, 1, 2);
        Assert.Equal(language, document.Language);
        Assert.Equal(1, document.TemplateVersion);
    }

    [Theory]
    [InlineData("kk", "МЕМЛЕКЕТТІК ҚЫЗМЕТ КӨРСЕТУДЕН ДӘЛЕЛДІ БАС ТАРТУ", "мынадай негіздер бойынша мемлекеттік қызмет көрсетуден бас тартады",
        "Патронат тәрбиешілерге берілген баланы (балаларды) асырап-бағуға ақшалай қаражат төлеуді тағайындау")]
    [InlineData("ru", "МОТИВИРОВАННЫЙ ОТКАЗ В ОКАЗАНИИ ГОСУДАРСТВЕННОЙ УСЛУГИ", "стандартом этой государственной услуги отказывает в ее оказании по следующим основаниям",
        "Назначение выплаты денежных средств на содержание ребенка (детей), переданного патронатным воспитателям")]
    public async Task A_refusal_lists_its_grounds_and_motivation(string language, string title, string phrase, string service)
    {
        var (id, _) = await SignedAsync(ServiceCode.FosterMaintenance, language, refuse: true);

        var (_, text, _) = await DocumentAsync(id, DocumentKind.Refusal);

        Assert.Contains(title, text);
        Assert.Contains(phrase, text);
        Assert.Contains(language == "kk" ? "1) Бала білім беру ұйымында оқымайды;" : "1) Ребенок не обучается в организации образования;", text);
        Assert.Contains("Құжаттар толық ұсынылмады.", text);
        // The sentence names the service once, where the application asked for it.
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(text, System.Text.RegularExpressions.Regex.Escape(service)));
    }

    [Fact]
    public async Task Adopter_registration_refused_gives_a_conclusion_on_impossibility_citing_article_91()
    {
        var (id, _) = await SignedAsync(ServiceCode.AdopterRegistration, "ru", refuse: true, groundCode: "art91_incapacitated");

        var (_, text, _) = await DocumentAsync(id, DocumentKind.AdopterConclusionNegative);

        Assert.Contains("ЗАКЛЮЧЕНИЕ О НЕВОЗМОЖНОСТИ БЫТЬ КАНДИДАТОМ В УСЫНОВИТЕЛИ", text);
        Assert.Contains("Основания, предусмотренные статьей 91 Кодекса Республики Казахстан «О браке (супружестве) и семье»: 1) Лицо, признанное судом недееспособным или ограниченно дееспособным. Мотивировка:", text);
        Assert.Contains("Настоящее заключение может быть обжаловано в соответствии со статьей 25 Закона Республики Казахстан «О государственных услугах»", text);
    }

    [Theory]
    [InlineData("kk", "Кодексінің 91-бабы", "1) Мемлекеттік қызмет стандартында көзделген құжаттардың толық топтамасын ұсынбау")]
    [InlineData("ru", "статьей 91", "1) Непредставление полного пакета документов, предусмотренных стандартом государственной услуги")]
    public async Task A_conclusion_refused_on_a_ground_outside_article_91_does_not_cite_article_91(string language, string article91, string ground)
    {
        var (id, _) = await SignedAsync(ServiceCode.AdopterRegistration, language, refuse: true, groundCode: "incomplete_documents");

        var (_, text, _) = await DocumentAsync(id, DocumentKind.AdopterConclusionNegative);

        Assert.Contains(ground, text);
        Assert.DoesNotContain(article91, text);
    }

    public static TheoryData<string, ServiceCode, bool, string, DocumentKind, string[]> OtherDocuments => new()
    {
        { "kk", ServiceCode.GuardianshipCertificate, false, "Office", DocumentKind.Receipt, ["ҚҰЖАТТАРДЫ ҚАБЫЛДАУ ТУРАЛЫ ҚОЛХАТ", "Қорғаншылық белгілеу туралы шешім иә", "Айгүл Нұрланқызы Серікова", "Өтініштің тіркелген күні мен уақыты: ", ", сағат "] },
        { "ru", ServiceCode.AdopterRegistration, false, "Office", DocumentKind.HousingInspectionAct, ["АКТ ОБСЛЕДОВАНИЯ ЖИЛИЩНО-БЫТОВЫХ УСЛОВИЙ", "Заключение: жилищно-бытовые условия удовлетворительные.", "Обследование провели: Асель Ержанқызы Төлеуова (специалист отдела образования города Караганды)"] },
        { "ru", ServiceCode.AdopterRegistration, false, "EGov", DocumentKind.ReadinessNotification, ["УВЕДОМЛЕНИЕ О ГОТОВНОСТИ ДОКУМЕНТА", "Уважаемая Серікова Айжан Болатқызы!", "результат готов: «Заключение о возможности быть кандидатом в усыновители»"] },
        { "kk", ServiceCode.AdopterRegistration, true, "Office", DocumentKind.AdopterConclusionNegative, ["АСЫРАП АЛУШЫЛЫҚҚА ҮМІТКЕР БОЛУ МҮМКІН ЕМЕСТІГІ ТУРАЛЫ ҚОРЫТЫНДЫ", "Кодексінің 91-бабында көзделген негіздер:", "1) Сот әрекетке қабілетсіз немесе әрекет қабілеті шектеулі деп таныған адам"] },
    };

    [Theory]
    [MemberData(nameof(OtherDocuments))]
    public async Task Receipts_acts_notices_and_conclusions_read_right_in_the_other_language_too(
        string language, ServiceCode service, bool refuse, string channel, DocumentKind kind, string[] phrases)
    {
        Guid id;
        if (kind == DocumentKind.Receipt) id = (await new OfficeDesk(App).RegisterAsync(service, language: language)).CaseId;
        else id = (await SignedAsync(service, language, refuse, channel, refuse ? "art91_incapacitated" : null)).Id;

        var (document, text, pages) = await DocumentAsync(id, kind);

        foreach (var phrase in phrases) Assert.Contains(phrase, text);
        Assert.Contains(document.VerificationCode, text);
        Assert.Equal(1, pages);
    }

    [Fact]
    public async Task The_receipt_lists_the_documents_received_and_the_due_date()
    {
        var office = new OfficeDesk(App);
        var page = await office.RegisterAsync(ServiceCode.AdoptionLumpSum, language: "ru");

        var (document, text, pages) = await DocumentAsync(page.CaseId, DocumentKind.Receipt);

        Assert.Contains("РАСПИСКА О ПРИЕМЕ ДОКУМЕНТОВ", text);
        Assert.Contains("Решение суда об усыновлении", text);
        Assert.Contains("Реквизиты банковского счета усыновителя да", text);
        Assert.Contains("Айгүл Нұрланқызы Серікова", text); // the clerk who accepted them
        Assert.Equal(1, pages);
        Assert.Equal("С. А.", document.SubjectInitials);
        // The term in words, not an ambiguous "до 27.11.2026"; the time of acceptance.
        var (due, registered) = await App.WithDbAsync(async db => await db.Cases.Include(c => c.Office).Where(c => c.Id == page.CaseId)
            .Select(c => new { c.DueAt, c.RegisteredAt, c.Office }).SingleAsync() is var x
                ? (x.Office!.LocalDate(x.DueAt), TimeZoneInfo.ConvertTime(x.RegisteredAt, x.Office.Zone()).ToString("HH:mm")) : default);
        Assert.Contains($"будет оказана не позднее {GuardianshipPortal.Documents.DateWords.Russian(due)}", PdfText.Flat(text));
        Assert.Contains($"в {registered}, регистрационный номер", PdfText.Flat(text));

        var kk = await office.RegisterAsync(ServiceCode.AdoptionLumpSum, language: "kk");
        var (_, kkText, _) = await DocumentAsync(kk.CaseId, DocumentKind.Receipt);
        var kkDue = await App.WithDbAsync(async db => await db.Cases.Include(c => c.Office).Where(c => c.Id == kk.CaseId)
            .Select(c => new { c.DueAt, c.Office }).SingleAsync() is var y ? y.Office!.LocalDate(y.DueAt) : default);
        Assert.True(PdfText.Flat(kkText).Contains($"{GuardianshipPortal.Documents.DateWords.Kazakh(kkDue, GuardianshipPortal.Documents.GrammaticalCase.Ablative)} кешіктірілмей көрсетіледі"), PdfText.Flat(kkText));
    }

    [Fact]
    public async Task The_housing_inspection_act_and_the_e_government_notice_are_issued_with_the_contract()
    {
        var (id, number) = await SignedAsync(ServiceCode.FosterPlacement, "kk", channel: "EGov");

        var (_, act, _) = await DocumentAsync(id, DocumentKind.HousingInspectionAct);
        var (_, notice, _) = await DocumentAsync(id, DocumentKind.ReadinessNotification);

        Assert.Contains("ТҰРҒЫН ҮЙ-ТҰРМЫСТЫҚ ЖАҒДАЙЛАРЫН ТЕКСЕРУ АКТІСІ", act);
        Assert.Contains("Қорытынды: тұрғын үй-тұрмыстық жағдайлары қанағаттанарлық.", act);
        Assert.Contains("Тексерген: Асель Ержанқызы Төлеуова (Қарағанды қаласының білім бөлімінің маманы)", act);
        Assert.Contains($"№ {number} өтінішіңіз қаралды: «Баланы (балаларды) патронаттық тәрбиелеуге беру туралы шарт» дайын.", notice);
    }

    [Fact]
    public async Task A_signed_document_never_changes_and_every_reprint_is_identical()
    {
        var (id, _) = await SignedAsync(ServiceCode.GuardianshipCertificate, "kk");
        var document = await App.WithDbAsync(db => db.IssuedDocuments.SingleAsync(d => d.CaseId == id && d.Kind == DocumentKind.GuardianshipCertificate));
        var clerk = await new OfficeDesk(App).AsAsync("clerk");

        var first = await clerk.Http.GetByteArrayAsync($"/documents/{document.Id}", TestContext.Current.CancellationToken);
        var second = await clerk.Http.GetByteArrayAsync($"/documents/{document.Id}", TestContext.Current.CancellationToken);

        Assert.Equal(first, second);
        Assert.Equal(document.Sha256, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(first)));
        await Assert.ThrowsAsync<InvalidOperationException>(() => App.WithDbAsync(async db =>
        {
            var content = await db.IssuedDocumentContents.SingleAsync(c => c.DocumentId == document.Id);
            content.Pdf = [1, 2, 3];
            db.Entry(content).Property(c => c.Pdf).IsModified = true;
            return await db.SaveChangesAsync();
        }));
        // A change made without telling the context is found by the save's one detection of changes, which the refused
        // save leaves switched on.
        var detecting = await App.WithDbAsync(async db =>
        {
            var stored = await db.IssuedDocuments.SingleAsync(d => d.Id == document.Id);
            stored.SignerName = "Басқа адам";
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync(TestContext.Current.CancellationToken));
            return db.ChangeTracker.AutoDetectChangesEnabled;
        });
        Assert.True(detecting);
        Assert.NotEqual("Басқа адам", await App.WithDbAsync(db => db.IssuedDocuments.Where(d => d.Id == document.Id).Select(d => d.SignerName).SingleAsync()));
        var prints = await App.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.Action == "PrintDocument" && a.Detail == document.Id.ToString()));
        Assert.Equal(2, prints);
    }

    [Fact]
    public async Task A_draft_preview_is_marked_as_a_draft_and_stores_nothing()
    {
        var office = new OfficeDesk(App);
        var id = (await office.RegisterAsync(ServiceCode.GuardianshipCertificate, language: "ru")).CaseId;
        await office.ResolveAsync(id);
        await office.DraftAsync(id, ServiceCode.GuardianshipCertificate, submit: false);
        var before = await App.WithDbAsync(db => db.IssuedDocuments.CountAsync(d => d.CaseId == id));

        var response = await (await office.AsAsync("specialist")).Http.GetAsync($"/cases/{id}/preview", TestContext.Current.CancellationToken);
        var text = await PdfText.ExtractAsync(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        var clerkTry = await (await office.AsAsync("clerk")).Http.GetAsync($"/cases/{id}/preview", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("ПРОЕКТ", text);
        Assert.Contains("СПРАВКА ПО ОПЕКЕ И ПОПЕЧИТЕЛЬСТВУ", text);
        Assert.Equal(HttpStatusCode.Forbidden, clerkTry.StatusCode);
        Assert.Equal(before, await App.WithDbAsync(db => db.IssuedDocuments.CountAsync(d => d.CaseId == id)));
    }

    [Fact]
    public async Task The_public_page_verifies_valid_unknown_and_revoked_codes_without_personal_data()
    {
        var (id, number) = await SignedAsync(ServiceCode.GuardianshipCertificate, "kk");
        var document = await App.WithDbAsync(db => db.IssuedDocuments.SingleAsync(d => d.CaseId == id && d.Kind == DocumentKind.GuardianshipCertificate));
        var anonymous = NewClient();

        var valid = await anonymous.GetAsync($"/verify/{document.VerificationCode.ToLowerInvariant().Replace("-", " ")}");
        var unknown = await anonymous.GetAsync("/verify/ZZZZ-ZZZZ-ZZZZ");
        var malformed = await anonymous.GetAsync("/verify?code=" + Uri.EscapeDataString("<script>"));

        Assert.Equal(HttpStatusCode.OK, valid.Status);
        Assert.Equal("Құжат жарамды: оны осы бөлім берген.", valid.Text("[data-testid=verify-result]"));
        Assert.Equal("Қорғаншылық және қамқоршылық жөнінде анықтама", valid.Text("[data-testid=verify-kind]"));
        Assert.Equal(number, valid.Text("[data-testid=verify-number]"));
        Assert.Equal("Қарағанды қаласының білім бөлімі", valid.Text("[data-testid=verify-office]"));
        Assert.Equal("С. А.", valid.Text("[data-testid=verify-subject]"));
        Assert.DoesNotContain("Серікова", valid.Html);
        Assert.DoesNotContain("Айжан", valid.Html);
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Equal("Мұндай кодпен құжат табылмады. Кодты тексеріп, қайта енгізіңіз.", unknown.Text("[data-testid=verify-result]"));
        Assert.Equal(HttpStatusCode.NotFound, malformed.Status);

        var download = await anonymous.Http.GetAsync($"/verify/{document.VerificationCode}/document", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        var stored = await App.WithDbAsync(db => db.IssuedDocumentContents.SingleAsync(c => c.DocumentId == document.Id));
        Assert.Equal(stored.Pdf, await download.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.Http.GetAsync("/verify/ZZZZ-ZZZZ-ZZZZ/document", TestContext.Current.CancellationToken)).StatusCode);

        var head = await new OfficeDesk(App).AsAsync("head");
        var version = await App.WithDbAsync(db => db.Cases.Where(c => c.Id == document.CaseId).Select(c => c.Version).SingleAsync());
        await head.PostAsync($"/documents/{document.Id}/revoke",
            new Dictionary<string, string> { ["Version"] = version.ToString(), ["Reason"] = "Шешім нөмірі қате көрсетілген" });
        var revoked = await anonymous.GetAsync($"/verify/{document.VerificationCode}");
        Assert.Equal("Құжат кері қайтарып алынған және жарамсыз.", revoked.Text("[data-testid=verify-result]"));
        Assert.Null(revoked.Document.QuerySelector("[data-testid=verify-download]"));
        Assert.Equal(HttpStatusCode.Gone, (await anonymous.Http.GetAsync($"/verify/{document.VerificationCode}/document", TestContext.Current.CancellationToken)).StatusCode);
        var supervisor = NewClient();
        await supervisor.SignInAsync("supervisor");
        var audit = await supervisor.GetAsync("/audit?action=PublicDownload");
        Assert.Contains("анонимді", audit.Texts("[data-testid=audit] tbody td"));

    }

    [Fact]
    public async Task With_its_public_address_configured_the_portal_answers_to_that_host_only()
    {
        await using var app = new PortalApp(Fixture.Provider, settings: new Dictionary<string, string> { ["Portal:PublicUrl"] = "https://qamqorshy.example.kz" });
        var client = app.CreateClient(new() { AllowAutoRedirect = false });

        using var forged = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        forged.Headers.Host = "evil.example";
        using var own = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        own.Headers.Host = "qamqorshy.example.kz";

        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(forged, TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(own, TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task A_forged_host_header_never_reaches_a_document()
    {
        var office = new OfficeDesk(App);
        var clerk = await office.AsAsync("clerk");
        clerk.Http.DefaultRequestHeaders.Host = "evil.example";
        try
        {
            var id = (await office.RegisterAsync(ServiceCode.GuardianshipCertificate)).CaseId;
            clerk.Http.DefaultRequestHeaders.Host = null;
            var (document, text, _) = await DocumentAsync(id, DocumentKind.Receipt);

            Assert.DoesNotContain("evil.example", text);
            Assert.Contains($"http://localhost:5080/verify/{document.VerificationCode}", text);
        }
        finally
        {
            clerk.Http.DefaultRequestHeaders.Host = null;
        }
    }

    [Fact]
    public async Task Documents_are_printed_only_by_their_office_and_the_supervisor()
    {
        var (id, _) = await SignedAsync(ServiceCode.FosterMaintenance, "kk");
        var document = await App.WithDbAsync(db => db.IssuedDocuments.FirstAsync(d => d.CaseId == id && d.Kind == DocumentKind.MaintenanceDecision));
        var expected = new Dictionary<string, HttpStatusCode>
        {
            ["clerk"] = HttpStatusCode.OK, ["head"] = HttpStatusCode.OK, ["specialist"] = HttpStatusCode.OK, ["supervisor"] = HttpStatusCode.OK,
            ["commission"] = HttpStatusCode.NotFound, ["admin"] = HttpStatusCode.NotFound,
            ["clerk2"] = HttpStatusCode.NotFound, ["head2"] = HttpStatusCode.NotFound,
        };
        foreach (var (user, status) in expected)
        {
            var client = NewClient();
            await client.SignInAsync(user);
            var response = await client.Http.GetAsync($"/documents/{document.Id}", TestContext.Current.CancellationToken);
            Assert.True(status == response.StatusCode, $"{user}: {response.StatusCode}, expected {status}");
        }
        var anonymous = await NewClient().Http.GetAsync($"/documents/{document.Id}", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
    }
}

public sealed class DocumentTestsSqlite(SqlitePortal f) : DocumentTests(f), IClassFixture<SqlitePortal>;
public sealed class DocumentTestsPostgres(PostgresPortal f) : DocumentTests(f), IClassFixture<PostgresPortal>;
