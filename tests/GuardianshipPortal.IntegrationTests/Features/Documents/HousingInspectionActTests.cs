using System.Net;
using GuardianshipPortal.Domain.Documents;
using GuardianshipPortal.Domain.Services;
using GuardianshipPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GuardianshipPortal.IntegrationTests.Features.Documents;

/// <summary>The housing inspection act is a real act: who inspected, who was present, the family, the dwelling, the income, signed by the inspectors.</summary>
public abstract class HousingInspectionActTests : PortalTest
{
    protected HousingInspectionActTests(PortalFixture fixture) : base(fixture)
    {
        if (PdfText.SkipReason is { } reason) Assert.Skip(reason);
    }

    [Theory]
    [InlineData("kk", new[]
    {
        "ТҰРҒЫН ҮЙ-ТҰРМЫСТЫҚ ЖАҒДАЙЛАРЫН ТЕКСЕРУ АКТІСІ", "Тексеру орны: Қарағанды қ., Ерубаев к-сі, 12-5.", "Тексеруге қатысқан басқа адамдар: Ахметова Сәуле Қайратқызы, мектеп психологы.",
        "Тексеру кезінде қатысқандар: Өтініш беруші және оның жұбайы.", "1. Отбасы құрамы: Өтініш беруші, жұбайы, 2015 ж.т. ұлы.",
        "бөлмелер саны – 2, жалпы ауданы – 54,5 ш.м.; абаттандырылуы: орталық жылу, су, кәріз, газ;",
        "3. Отбасының табысы және оның көздері: Жалақы, айына 420 000 теңге.", "Қорытынды: тұрғын үй-тұрмыстық жағдайлары қанағаттанарлық.",
        "Тексерген маман", "Тексеруге қатысқан", "Актімен танысқан өтініш беруші",
    }, "М.О.")]
    [InlineData("ru", new[]
    {
        "АКТ ОБСЛЕДОВАНИЯ ЖИЛИЩНО-БЫТОВЫХ УСЛОВИЙ", "Место обследования: Қарағанды қ., Ерубаев к-сі, 12-5.",
        "Другие лица, проводившие обследование: Ахметова Сәуле Қайратқызы, мектеп психологы.", "При обследовании присутствовали: Өтініш беруші және оның жұбайы.",
        "количество комнат – 2, общая площадь – 54,5 кв. м;", "Заключение: жилищно-бытовые условия удовлетворительные.",
        "Специалист, проводивший обследование", "Участник обследования", "Заявитель, ознакомленный с актом",
    }, "М.П.")]
    public async Task The_act_states_the_inspection_and_is_signed_by_those_who_inspected(string language, string[] phrases, string seal)
    {
        var office = new OfficeDesk(App);
        var id = (await office.RegisterAsync(ServiceCode.FosterPlacement, language: language)).CaseId;
        await office.ResolveAsync(id);
        Assert.Equal(HttpStatusCode.OK, (await office.InspectAsync(id)).Status);
        Assert.Empty((await office.DraftAsync(id, ServiceCode.FosterPlacement, false)).Errors);
        await office.SignAsync(id);

        var act = await App.WithDbAsync(db => db.IssuedDocuments.SingleAsync(d => d.CaseId == id && d.Kind == DocumentKind.HousingInspectionAct));
        var pdf = await App.WithDbAsync(db => db.IssuedDocumentContents.Where(x => x.DocumentId == act.Id).Select(x => x.Pdf).SingleAsync());
        var text = PdfText.Flat(await PdfText.ExtractAsync(pdf));
        foreach (var phrase in phrases) Assert.Contains(phrase, text);
        // The condition the specialist typed ends with its own full stop: the template's is not printed after it.
        Assert.Contains("балаға жеке бөлме бар. 3.", text);
        Assert.DoesNotContain("..", text);
        Assert.Contains("Серікова Айжан Болатқызы", text);
        Assert.DoesNotContain("Жақсыбеков", text); // the head did not inspect and does not sign the act
        Assert.DoesNotContain(seal, text);
        // An internal act: it carries the case's registration number and takes none from the outgoing register; the contract does.
        var caseNumber = await App.WithDbAsync(db => db.Cases.Where(c => c.Id == id).Select(c => c.Number).SingleAsync());
        Assert.Null(act.OutgoingNumber);
        Assert.Contains("№ " + caseNumber, text);
        Assert.DoesNotContain(language == "kk" ? "Шығыс №" : "Исх. №", text);
        var register = await App.WithDbAsync(db => db.OutgoingEntries.Where(e => e.CaseId == id).Select(e => e.Kind).ToListAsync());
        Assert.Equal([DocumentKind.FosterPlacementContract], register);

        var stored = await App.WithDbAsync(db => db.HousingInspections.SingleAsync(x => x.CaseId == id));
        Assert.Equal((2, 54.5m, "Жалақы, айына 420 000 теңге"), (stored.Rooms, stored.Area, stored.Income));
    }

    [Fact]
    public async Task An_act_without_the_dwelling_is_refused_in_the_users_language_and_nothing_is_saved()
    {
        var office = new OfficeDesk(App);
        var id = (await office.RegisterAsync(ServiceCode.FosterPlacement)).CaseId;
        await office.ResolveAsync(id);
        var specialist = await office.AsAsync("specialist");
        var page = await specialist.GetAsync($"/cases/{id}");
        var refused = await specialist.SubmitAsync(page, "[data-testid=inspection-form]", new Dictionary<string, string>
        {
            ["Inspection.InspectedOn"] = App.Today.ToString("yyyy-MM-dd"), ["Inspection.Findings"] = "Жақсы.",
            ["Inspection.Family"] = "Өтініш беруші", ["Inspection.Rooms"] = "0", ["Inspection.Area"] = "", ["Inspection.Condition"] = "",
            ["Inspection.Income"] = "Жалақы",
        });

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("«Бөлмелер саны»: ең азы 1, ең көбі 50.", refused.Errors);
        Assert.Contains("«Жалпы ауданы, ш.м.» өрісін толтырыңыз.", refused.Errors);
        Assert.Contains("«Тұрғын үйдің санитарлық-техникалық жағдайы» өрісін толтырыңыз.", refused.Errors);
        Assert.False(await App.WithDbAsync(db => db.HousingInspections.AnyAsync(x => x.CaseId == id)));
    }
}

public sealed class HousingInspectionActTestsSqlite(SqlitePortal f) : HousingInspectionActTests(f), IClassFixture<SqlitePortal>;
public sealed class HousingInspectionActTestsPostgres(PostgresPortal f) : HousingInspectionActTests(f), IClassFixture<PostgresPortal>;
