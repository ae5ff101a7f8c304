using System.Net;
using GuardianshipPortal.Domain.Services;
using GuardianshipPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GuardianshipPortal.IntegrationTests.Features.Desk;

/// <summary>
/// A value the portal cannot read (letters in a number, a 31 February) is refused on every form with the field named,
/// not with a bare «Енгізілген мән жарамсыз.»: on the case page's step forms and on the administrator's forms alike.
/// </summary>
public abstract class UnreadableValueTests(PortalFixture fixture) : PortalTest(fixture)
{
    [Theory]
    [InlineData("kk", "Бөлмелер саны: Енгізілген мән жарамсыз.", "Тексеру күні: Күнді кк.аа.жжжж түрінде енгізіңіз (мысалы, 17.05.2024).")]
    [InlineData("ru", "Количество комнат: Введено недопустимое значение.", "Дата обследования: Введите дату в виде дд.мм.гггг (например, 17.05.2024).")]
    public async Task Specialist_types_letters_for_the_rooms_and_an_impossible_date_in_the_inspection(string language, string rooms, string date)
    {
        var office = new OfficeDesk(App);
        var id = (await office.RegisterAsync(ServiceCode.FosterPlacement)).CaseId;
        await office.ResolveAsync(id);
        var specialist = await office.AsAsync("specialist");
        var page = await specialist.SwitchLanguageAsync(await specialist.GetAsync($"/cases/{id}"), language);

        var refused = await specialist.SubmitAsync(page, "[data-testid=inspection-form]", new Dictionary<string, string>
        {
            ["Inspection.InspectedOn"] = "31.02.2026", ["Inspection.Address"] = "Қарағанды қ., Ерубаев к-сі, 12-5",
            ["Inspection.Findings"] = "Жақсы.", ["Inspection.Family"] = "Өтініш беруші", ["Inspection.Rooms"] = "екі",
            ["Inspection.Area"] = "54,5", ["Inspection.Condition"] = "Жақсы", ["Inspection.Income"] = "Жалақы",
        });

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains(rooms, refused.Errors);
        Assert.Contains(date, refused.Errors);
        Assert.DoesNotContain(refused.Errors, e => e is "Енгізілген мән жарамсыз." or "Введено недопустимое значение.");
        Assert.False(await App.WithDbAsync(db => db.HousingInspections.AnyAsync(x => x.CaseId == id)));
    }

    [Theory]
    [InlineData("kk", "АЕК, теңге: Енгізілген мән жарамсыз.")]
    [InlineData("ru", "МРП, тенге: Введено недопустимое значение.")]
    public async Task Administrator_types_words_for_the_mrp(string language, string expected)
    {
        var admin = NewClient();
        await admin.SignInAsync("admin");
        var page = await admin.SwitchLanguageAsync(await admin.GetAsync("/admin/mrp"), language);

        var refused = await admin.SubmitAsync(page, "[data-testid=mrp-form]", new Dictionary<string, string>
        {
            ["Year"] = "2031", ["Amount"] = "бес мың",
        });

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains(expected, refused.Errors);
        Assert.False(await App.WithDbAsync(db => db.MrpRates.AnyAsync(r => r.Year == 2031)));
    }
}

public sealed class UnreadableValueTestsSqlite(SqlitePortal f) : UnreadableValueTests(f), IClassFixture<SqlitePortal>;
public sealed class UnreadableValueTestsPostgres(PostgresPortal f) : UnreadableValueTests(f), IClassFixture<PostgresPortal>;
