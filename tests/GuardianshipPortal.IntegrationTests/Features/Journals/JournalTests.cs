using System.Net;
using CsvHelper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using GuardianshipPortal.Domain.Services;
using GuardianshipPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GuardianshipPortal.IntegrationTests.Features.Journals;

public abstract class JournalTests(PortalFixture fixture) : PortalTest(fixture)
{
    private static readonly TimeZoneInfo Almaty = TimeZoneInfo.FindSystemTimeZoneById("Asia/Almaty");
    private string Today => App.Today.ToString("yyyy-MM-dd");

    private async Task<List<string>> ExpectedNumbersAsync(string officeCode) => await App.WithDbAsync(async db =>
    {
        var from = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(DateOnly.Parse(Today).ToDateTime(TimeOnly.MinValue), Almaty), TimeSpan.Zero);
        var numbers = await db.Cases.Where(c => c.Office!.Code == officeCode && c.RegisteredAt >= from).Select(c => c.Number).ToListAsync();
        return numbers.Order(StringComparer.Ordinal).ToList();
    });

    [Fact]
    public async Task The_registration_journal_lists_exactly_the_office_cases_of_the_period_on_screen_and_in_every_export()
    {
        var office = new OfficeDesk(App);
        var mine = new List<string>();
        foreach (var service in new[] { ServiceCode.FosterPlacement, ServiceCode.AdoptionLumpSum, ServiceCode.GuardianshipCertificate })
            mine.Add((await office.RegisterAsync(service)).Text("[data-testid=case-number]"));
        await new OfficeDesk(App, "2").RegisterAsync(ServiceCode.FosterPlacement);
        var expected = await ExpectedNumbersAsync("KRG-01");
        var clerk = await office.AsAsync("clerk");
        var url = $"/journals/Registration?from={Today}&to={Today}";

        var page = await clerk.GetAsync(url);
        var csv = await clerk.Http.GetByteArrayAsync(url + "&format=csv", TestContext.Current.CancellationToken);
        var xlsx = await clerk.Http.GetByteArrayAsync(url + "&format=xlsx", TestContext.Current.CancellationToken);
        var pdf = await clerk.Http.GetByteArrayAsync(url + "&format=pdf", TestContext.Current.CancellationToken);

        var screen = page.Document.QuerySelectorAll("[data-testid=journal] tbody tr").Select(r => r.Children.Select(c => c.TextContent.Trim()).ToList()).ToList();
        Assert.Equal(expected, screen.Select(r => r[1]).Order(StringComparer.Ordinal));
        Assert.All(mine, number => Assert.Contains(number, expected)); // and KRG-02's case is not: expected is KRG-01's
        var fromCsv = ReadCsv(csv);
        var fromXlsx = ReadXlsx(xlsx);
        Assert.Equal(fromCsv, fromXlsx);
        Assert.Equal(page.Texts("[data-testid=journal] thead th"), fromCsv[0]);
        Assert.Equal(screen, fromCsv.Skip(1).ToList());
        Assert.Equal("Кіріс құжаттарды тіркеу журналы", page.Text("h1"));
        if (PdfText.SkipReason is null)
        {
            var text = PdfText.Flat(await PdfText.ExtractAsync(pdf));
            Assert.Contains("КІРІС ҚҰЖАТТАРДЫ ТІРКЕУ ЖУРНАЛЫ", text);
            Assert.All(expected, number => Assert.Contains(number, text));
        }
        Assert.Equal(3, await App.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.Action == "ExportJournal")));
    }

    [Fact]
    public async Task The_issue_journal_lists_what_was_handed_over_and_to_whom()
    {
        var office = new OfficeDesk(App);
        var id = (await office.RegisterAsync(ServiceCode.GuardianshipCertificate)).CaseId;
        await office.ResolveAsync(id);
        await office.DraftAsync(id, ServiceCode.GuardianshipCertificate);
        await office.SignAsync(id);
        await office.IssueAsync(id);
        var number = await App.WithDbAsync(db => db.Cases.Where(c => c.Id == id).Select(c => c.Number).SingleAsync());

        var page = await (await office.AsAsync("head")).GetAsync($"/journals/Issue?from={Today}&to={Today}");

        var row = page.Document.QuerySelectorAll("[data-testid=journal] tbody tr")
            .Select(r => r.Children.Select(c => c.TextContent.Trim()).ToList()).Single(r => r[2] == number);
        Assert.Equal("Қорғаншылық және қамқоршылық жөнінде анықтама", row[5]);
        Assert.Equal("Серікова Айжан Болатқызы", row[6]);
        Assert.Equal("Жеке куәлік № 045678912", row[7]);
        Assert.Equal("иә", row[8]);
    }

    [Fact]
    public async Task An_inverted_period_is_refused_and_another_period_is_empty()
    {
        var clerk = await new OfficeDesk(App).AsAsync("clerk");

        var inverted = await clerk.GetAsync("/journals/Registration?from=2026-11-30&to=2026-11-01");
        var past = await clerk.GetAsync("/journals/Registration?from=2025-01-01&to=2025-01-31");
        var garbage = await clerk.GetAsync("/journals/Registration?from=yesterday");

        Assert.Equal(HttpStatusCode.BadRequest, inverted.Status);
        Assert.Contains("Кезеңнің басы соңынан кеш болмауы тиіс.", inverted.Errors);
        Assert.Equal(HttpStatusCode.OK, past.Status);
        Assert.NotNull(past.Document.QuerySelector("[data-testid=journal-empty]"));
        Assert.Equal(HttpStatusCode.BadRequest, garbage.Status);
    }

    [Fact]
    public async Task Journals_are_for_the_clerk_the_head_and_the_supervisor_of_the_region()
    {
        foreach (var user in new[] { "specialist", "commission", "admin" })
        {
            var client = NewClient();
            await client.SignInAsync(user);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/journals/Registration")).Status);
        }
        var office2 = await App.WithDbAsync(db => db.Offices.Where(o => o.Code == "KRG-02").Select(o => o.Id).SingleAsync());
        var clerk = await new OfficeDesk(App).AsAsync("clerk");
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.GetAsync($"/journals/Registration?office={office2}")).Status);
        var supervisor = NewClient();
        await supervisor.SignInAsync("supervisor");
        var page = await supervisor.GetAsync($"/journals/Registration?office={office2}&from={Today}&to={Today}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Теміртау", page.Text("p.small"));
    }

    [Fact]
    public async Task Formula_cells_are_neutralised_and_stored_control_characters_never_break_an_export()
    {
        // A database of its own: the bad values must not reach the other journal tests of this class.
        await using var app = new PortalApp(Fixture.Provider);
        var office = new OfficeDesk(app);
        var iin = OfficeDesk.NewIin(new DateOnly(1983, 8, 8), Domain.Persons.Sex.Female);
        var id = (await office.RegisterAsync(ServiceCode.GuardianshipCertificate, applicantIin: iin)).CaseId;
        // Data already stored by an older version, or by a partner: a formula and an escape character in names.
        await app.WithDbAsync(db => db.Persons.Where(p => p.Iin == iin).ExecuteUpdateAsync(u => u
            .SetProperty(p => p.LastName, "=HYPERLINK(\"http://evil.example\",\"x\")")
            .SetProperty(p => p.FirstName, "Ай\u001bжан")
            .SetProperty(p => p.MiddleName, "+1+1")));
        var clerk = await office.AsAsync("clerk");
        var url = $"/journals/Registration?from={Today}&to={Today}";

        var csvResponse = await clerk.Http.GetAsync(url + "&format=csv", TestContext.Current.CancellationToken);
        var xlsxResponse = await clerk.Http.GetAsync(url + "&format=xlsx", TestContext.Current.CancellationToken);
        var pdfResponse = await clerk.Http.GetAsync(url + "&format=pdf", TestContext.Current.CancellationToken);
        var supervisor = new PortalClient(app);
        await supervisor.SignInAsync("supervisor");
        var auditCsv = await supervisor.Http.GetByteArrayAsync("/audit?format=csv&user=" + Uri.EscapeDataString("clerk"), TestContext.Current.CancellationToken);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], new[] { csvResponse.StatusCode, xlsxResponse.StatusCode, pdfResponse.StatusCode });
        var csvCells = ReadCsv(await csvResponse.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)).SelectMany(r => r).ToList();
        var applicant = Assert.Single(csvCells, c => c.Contains("HYPERLINK"));
        Assert.StartsWith("'=HYPERLINK", applicant);
        Assert.DoesNotContain(csvCells.Concat(ReadCsv(auditCsv).SelectMany(r => r)), c => c.Length > 0 && c[0] is '=' or '+' or '-' or '@');
        var xlsxCells = ReadXlsx(await xlsxResponse.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)).SelectMany(r => r).ToList();
        Assert.Contains(xlsxCells, c => c.Contains("Айжан"));
    }

    internal static List<List<string>> ReadCsv(byte[] bytes)
    {
        using var reader = CsvReader.Create(new MemoryStream(bytes), new CsvReaderOptions { Separator = ';', HasHeader = false }, false);
        var rows = new List<List<string>>();
        while (reader.Read()) rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(reader.GetString)]);
        return rows;
    }

    internal static List<List<string>> ReadXlsx(byte[] bytes)
    {
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var sheet = document.WorkbookPart!.WorksheetParts.Single().Worksheet;
        return [.. sheet.Descendants<Row>().Select(r => r.Elements<Cell>().Select(c => c.InlineString?.Text?.Text ?? c.CellValue?.Text ?? "").ToList())];
    }
}

public sealed class JournalTestsSqlite(SqlitePortal f) : JournalTests(f), IClassFixture<SqlitePortal>;
public sealed class JournalTestsPostgres(PostgresPortal f) : JournalTests(f), IClassFixture<PostgresPortal>;
