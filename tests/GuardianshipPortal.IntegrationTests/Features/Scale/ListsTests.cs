using System.Net;
using GuardianshipPortal.Domain.Cases;
using GuardianshipPortal.Domain.Services;
using GuardianshipPortal.Domain.Workflow;
using GuardianshipPortal.IntegrationTests.Features.Journals;
using GuardianshipPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GuardianshipPortal.IntegrationTests.Features.Scale;

/// <summary>
/// The lists read at regional scale: journals paged and streamed from the database in order, the issue journal by the
/// office kept on issue records, search by the names kept on the case — each also for data stored before the Lists migration.
/// </summary>
public abstract class ListsTests(PortalFixture fixture) : PortalTest(fixture)
{
    private static readonly TimeZoneInfo Almaty = TimeZoneInfo.FindSystemTimeZoneById("Asia/Almaty");

    [Fact]
    public async Task Journal_pages_and_its_streamed_exports_list_every_case_once_in_order_when_times_are_equal_across_a_page_boundary()
    {
        var ct = TestContext.Current.CancellationToken;
        // A database of its own: exactly these cases in the period.
        await using var app = new PortalApp(Fixture.Provider);
        var factory = new CaseFactory(app);
        var services = new[] { ServiceCode.GuardianshipCertificate, ServiceCode.FosterPlacement, ServiceCode.AdoptionLumpSum };
        for (var i = 0; i < 57; i++) await factory.AtAsync(services[i % services.Length], Step.Resolution);
        // All registered at one instant (a morning's batch typed in by several clerks): only the number orders them.
        var at = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(new DateTime(2026, 3, 10, 10, 0, 0), Almaty), TimeSpan.Zero);
        await app.WithDbAsync(db => db.Cases.Where(c => c.Office!.Code == "KRG-01").ExecuteUpdateAsync(u => u.SetProperty(c => c.RegisteredAt, at), ct));
        var expected = (await app.WithDbAsync(db => db.Cases.Where(c => c.Office!.Code == "KRG-01").Select(c => c.Number).ToListAsync(ct)))
            .Order(StringComparer.Ordinal).ToList();
        Assert.Equal(57, expected.Count);

        var clerk = await new OfficeDesk(app).AsAsync("clerk");
        const string url = "/journals/Registration?from=2026-01-01&to=2026-12-31";
        var screen = new List<List<string>>();
        for (var page = 1; page <= 2; page++)
            screen.AddRange((await clerk.GetAsync(url + "&page=" + page)).Document.QuerySelectorAll("[data-testid=journal] tbody tr")
                .Select(r => r.Children.Select(c => c.TextContent.Trim()).ToList()));
        var csvResponse = await clerk.Http.GetAsync(url + "&format=csv", ct);
        var csv = JournalTests.ReadCsv(await csvResponse.Content.ReadAsByteArrayAsync(ct));
        var xlsx = JournalTests.ReadXlsx(await clerk.Http.GetByteArrayAsync(url + "&format=xlsx", ct));

        Assert.Equal(expected, screen.Select(r => r[1]));
        Assert.Equal(Enumerable.Range(1, 57).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)), screen.Select(r => r[0]));
        Assert.Equal(screen, csv.Skip(1).ToList());
        Assert.Equal(csv, xlsx);
        Assert.Equal("text/csv; charset=utf-8", csvResponse.Content.Headers.ContentType!.ToString());
        Assert.Equal("Registration-KRG-01-20260101-20261231.csv", csvResponse.Content.Headers.ContentDisposition!.FileNameStar);
        Assert.Contains("(57)", await app.WithDbAsync(db => db.AuditEvents.Where(a => a.Action == "ExportJournal").Select(a => a.Detail).FirstAsync(ct)));
    }

    [Fact]
    public async Task After_the_backfill_the_issue_journal_reads_the_office_of_issue_records_and_search_finds_names_on_the_case()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = new PortalApp(Fixture.Provider);
        var office = new OfficeDesk(app);
        var issued = (await office.RegisterAsync(ServiceCode.GuardianshipCertificate, overrides: new Dictionary<string, string>
        {
            ["Applicant.LastName"] = "Құрманғалиева", ["Applicant.FirstName"] = "Әсел",
        })).CaseId;
        await office.ResolveAsync(issued);
        await office.DraftAsync(issued, ServiceCode.GuardianshipCertificate);
        await office.SignAsync(issued);
        await office.IssueAsync(issued);
        var withChild = (await office.RegisterAsync(ServiceCode.FosterMaintenance, overrides: new Dictionary<string, string>
        {
            ["Children[0].LastName"] = "Өтегенов", ["Children[0].FirstName"] = "Іңкәр",
        })).CaseId;
        var elsewhere = (await new OfficeDesk(app, "2").RegisterAsync(ServiceCode.GuardianshipCertificate, overrides: new Dictionary<string, string>
        {
            ["Applicant.LastName"] = "Құрманғалиева", ["Applicant.FirstName"] = "Әсел",
        })).CaseId;
        var written = await app.WithDbAsync(db => db.Cases.Where(c => c.Id == withChild || c.Id == issued).ToDictionaryAsync(c => c.Id, c => c.SearchNames, ct));
        Assert.Equal("серикова айжан болаткызы\nотегенов инкар ерланулы", written[withChild]);
        Assert.Equal("курмангалиева асел болаткызы\nахметов нурсултан ерланулы", written[issued]);

        // As a database from before the migration: no office on issue records, no names on cases; then the migration's backfill.
        await app.WithDbAsync(async db =>
        {
            await db.IssueRecords.ExecuteUpdateAsync(u => u.SetProperty(i => i.OfficeId, Guid.Empty), ct);
            await db.Cases.ExecuteUpdateAsync(u => u.SetProperty(c => c.SearchNames, ""), ct);
            return await db.Database.ExecuteSqlRawAsync(Case.BackfillSql(Fixture.Provider == Data.DatabaseProvider.Postgres), ct);
        });

        Assert.Equal(written, await app.WithDbAsync(db => db.Cases.Where(c => c.Id == withChild || c.Id == issued).ToDictionaryAsync(c => c.Id, c => c.SearchNames, ct)));
        var clerk = await office.AsAsync("clerk");
        var today = app.Today.ToString("yyyy-MM-dd");
        var journal = await clerk.GetAsync($"/journals/Issue?from={today}&to={today}");
        var number = await app.WithDbAsync(db => db.Cases.Where(c => c.Id == issued).Select(c => c.Number).SingleAsync(ct));
        Assert.Equal([number], journal.Document.QuerySelectorAll("[data-testid=journal] tbody tr").Select(r => r.Children[2].TextContent.Trim()));

        string[] Found(Page page) => [.. page.Document.QuerySelectorAll("[data-testid=search-results] tr[data-number]").Select(r => r.GetAttribute("data-number")!)];
        var numbers = await app.WithDbAsync(db => db.Cases.ToDictionaryAsync(c => c.Id, c => c.Number, ct));
        Assert.Equal([numbers[issued]], Found(await clerk.GetAsync("/cases?q=" + Uri.EscapeDataString("курмангалиева асел"))));
        Assert.Equal([numbers[withChild]], Found(await clerk.GetAsync("/cases?q=" + Uri.EscapeDataString("Өтегенов Іңкәр"))));
        // A query never matches across two persons of a case (the applicant's middle name and the child's surname).
        Assert.Empty(Found(await clerk.GetAsync("/cases?q=" + Uri.EscapeDataString("болаткызы отегенов"))));
        // Shorter than a trigram: nothing is searched (it would read every case of the office when nothing matches).
        var tooShort = await clerk.GetAsync("/cases?q=" + Uri.EscapeDataString("Әс"));
        Assert.Equal("Атаудың немесе нөмірдің кемінде 3 таңбасын жазыңыз.", tooShort.Text("[data-testid=search-too-short]"));
        Assert.Empty(Found(tooShort));
        // The supervisor searches the region: both offices' cases of the name, newest first.
        var supervisor = new PortalClient(app);
        await supervisor.SignInAsync("supervisor");
        Assert.Equal([numbers[elsewhere], numbers[issued]], Found(await supervisor.GetAsync("/cases?q=" + Uri.EscapeDataString("КҰРМАНҒАЛИЕВА"))));
    }

    [Fact]
    public async Task Registrations_of_one_office_and_service_at_the_same_moment_all_succeed_numbered_without_gaps()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = new PortalApp(Fixture.Provider);
        var office = new OfficeDesk(app);
        var clerk = await office.AsAsync("clerk");
        var forms = new List<(Page Form, Dictionary<string, string> Values)>();
        for (var i = 0; i < 16; i++)
        {
            var form = await clerk.GetAsync("/cases/new?service=GuardianshipCertificate");
            forms.Add((form, new Dictionary<string, string>
            {
                ["Channel"] = "Office", ["Language"] = "kk", ["Applicant.Iin"] = OfficeDesk.NewIin(new DateOnly(1980, 1, 1 + i), Domain.Persons.Sex.Female),
                ["Applicant.LastName"] = "Жүктеме", ["Applicant.FirstName"] = "Айгүл", ["Applicant.Address"] = "Қарағанды қ., Ерубаев к-сі, 12-5",
                ["Children[0].Iin"] = OfficeDesk.NewIin(new DateOnly(2015, 2, 1 + i), Domain.Persons.Sex.Male), ["Children[0].LastName"] = "Жүктеме",
                ["Children[0].FirstName"] = "Нұрлан",
            }));
        }

        var posted = await Task.WhenAll(forms.Select(f => clerk.SubmitAsync(f.Form, "form#registration", f.Values, followRedirects: false)));

        Assert.All(posted, p => Assert.Equal(HttpStatusCode.Redirect, p.Status));
        var sequences = await app.WithDbAsync(db => db.Cases.Where(c => c.Office!.Code == "KRG-01" && c.Service == ServiceCode.GuardianshipCertificate)
            .Select(c => c.Sequence).ToListAsync(ct));
        Assert.Equal(Enumerable.Range(1, 16), sequences.Order());
        // Each with one receipt, frozen after its commit (outside the number's lock).
        Assert.Equal(16, await app.WithDbAsync(db => db.Cases.CountAsync(c => c.Office!.Code == "KRG-01" && c.Service == ServiceCode.GuardianshipCertificate
            && db.IssuedDocuments.Count(d => d.CaseId == c.Id && d.Kind == Domain.Documents.DocumentKind.Receipt) == 1, ct)));
    }
}

public sealed class ListsTestsSqlite(SqlitePortal f) : ListsTests(f), IClassFixture<SqlitePortal>;
public sealed class ListsTestsPostgres(PostgresPortal f) : ListsTests(f), IClassFixture<PostgresPortal>;
