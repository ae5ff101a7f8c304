using System.Net;
using GuardianshipPortal.Domain.Documents;
using GuardianshipPortal.Domain.Services;
using GuardianshipPortal.Domain.Workflow;
using GuardianshipPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GuardianshipPortal.IntegrationTests.Features.Journals;

/// <summary>
/// The office's outgoing register: results and notices numbered per office and year in the office's format, without gaps
/// or repeats even when heads sign at the same moment, starting again with the year, and listed in the outgoing journal.
/// </summary>
public abstract class OutgoingRegisterTests(PortalFixture fixture) : PortalTest(fixture)
{
    private static async Task<string?> OutgoingNumberAsync(PortalApp app, Guid caseId, DocumentKind kind) =>
        await app.WithDbAsync(db => db.IssuedDocuments.Where(d => d.CaseId == caseId && d.Kind == kind).Select(d => d.OutgoingNumber).SingleAsync());

    [Fact]
    public async Task Numbers_run_per_office_and_year_and_start_again_in_the_new_year()
    {
        var clock = new TestClock(TestClock.Almaty(2026, 12, 30, 10, 0));
        await using var app = new PortalApp(Fixture.Provider, clock: clock);
        var karaganda = new CaseFactory(app);

        var first = await karaganda.AtAsync(ServiceCode.GuardianshipCertificate, Step.Issue);
        var second = await karaganda.AtAsync(ServiceCode.AdoptionLumpSum, Step.Issue, language: "ru");
        var temirtau = await new CaseFactory(app, "KRG-02").AtAsync(ServiceCode.GuardianshipCertificate, Step.Issue);
        clock.Now = TestClock.Almaty(2027, 1, 5, 10, 0);
        var nextYear = await karaganda.AtAsync(ServiceCode.GuardianshipCertificate, Step.Issue);

        Assert.Equal("01-15/1", await OutgoingNumberAsync(app, first, DocumentKind.GuardianshipCertificate));
        Assert.Equal("01-15/2", await OutgoingNumberAsync(app, second, DocumentKind.LumpSumDecision));
        Assert.Equal("02-15/1", await OutgoingNumberAsync(app, temirtau, DocumentKind.GuardianshipCertificate));
        Assert.Equal("01-15/1", await OutgoingNumberAsync(app, nextYear, DocumentKind.GuardianshipCertificate));
        Assert.Null(await OutgoingNumberAsync(app, first, DocumentKind.Receipt));
        var register = await app.WithDbAsync(db => db.OutgoingEntries.OrderBy(e => e.AssignedAt).Select(e => new { e.Year, e.Sequence, e.Number, e.CaseId }).ToListAsync());
        Assert.Equal(
            [(2026, 1, "01-15/1", first), (2026, 2, "01-15/2", second), (2026, 1, "02-15/1", temirtau), (2027, 1, "01-15/1", nextYear)],
            register.Select(e => (e.Year, e.Sequence, e.Number, e.CaseId)));
    }

    [Fact]
    public async Task Heads_signing_at_the_same_moment_never_share_a_number_and_leave_no_gap()
    {
        const int cases = 6;
        var factory = new CaseFactory(App, "KRG-02");
        var ids = new List<Guid>();
        for (var i = 0; i < cases; i++) ids.Add(await factory.AtAsync(ServiceCode.GuardianshipCertificate, Step.Signing));
        var desks = ids.Select(_ => new OfficeDesk(App, "2")).ToList();
        foreach (var desk in desks) await desk.AsAsync("head");
        var before = await App.WithDbAsync(db => db.OutgoingEntries.Where(e => e.Number.StartsWith("02-15/")).MaxAsync(e => (int?)e.Sequence)) ?? 0;

        var signed = await Task.WhenAll(ids.Select((id, i) => desks[i].SignAsync(id)));

        Assert.All(signed, page => Assert.Equal(HttpStatusCode.OK, page.Status));
        var numbers = await App.WithDbAsync(db => db.IssuedDocuments.Where(d => ids.Contains(d.CaseId) && d.Kind == DocumentKind.GuardianshipCertificate)
            .Select(d => d.OutgoingNumber!).ToListAsync());
        Assert.Equal(Enumerable.Range(before + 1, cases).Select(n => $"02-15/{n}"), numbers.OrderBy(n => int.Parse(n[6..])));
    }

    [Fact]
    public async Task The_outgoing_journal_lists_the_numbers_of_the_period_on_screen_and_in_every_export()
    {
        var clock = new TestClock(TestClock.Almaty(2026, 12, 30, 10, 0));
        await using var app = new PortalApp(Fixture.Provider, clock: clock);
        var factory = new CaseFactory(app);
        var december = await factory.AtAsync(ServiceCode.GuardianshipCertificate, Step.Issue);
        var refused = await factory.AtAsync(ServiceCode.AdoptionLumpSum, Step.Issue, Domain.Cases.Outcome.Refused);
        clock.Now = TestClock.Almaty(2027, 1, 5, 10, 0);
        var january = await factory.AtAsync(ServiceCode.GuardianshipCertificate, Step.Issue);
        var clerk = await new OfficeDesk(app).AsAsync("clerk");
        const string url = "/journals/Outgoing?from=2026-12-01&to=2026-12-31";

        var page = await clerk.GetAsync(url);
        var csv = await clerk.Http.GetByteArrayAsync(url + "&format=csv", TestContext.Current.CancellationToken);
        var xlsx = await clerk.Http.GetAsync(url + "&format=xlsx", TestContext.Current.CancellationToken);
        var pdf = await clerk.Http.GetByteArrayAsync(url + "&format=pdf", TestContext.Current.CancellationToken);
        var nextYear = await clerk.GetAsync("/journals/Outgoing?from=2027-01-01&to=2027-01-31");

        var rows = page.Document.QuerySelectorAll("[data-testid=journal] tbody tr").Select(r => r.Children.Select(c => c.TextContent.Trim()).ToList()).ToList();
        var numbers = await app.WithDbAsync(db => db.Cases.Where(c => c.Id == december || c.Id == refused || c.Id == january)
            .ToDictionaryAsync(c => c.Id, c => c.Number));
        Assert.Equal("Шығыс құжаттар журналы", page.Text("h1"));
        Assert.Equal([["1", "01-15/1", "30.12.2026", "Қорғаншылық және қамқоршылық жөнінде анықтама", numbers[december]], ["2", "01-15/2", "30.12.2026", "Дәлелді бас тарту", numbers[refused]]],
            rows.Select(r => r.Take(5).ToList()));
        Assert.All(rows, r => Assert.Equal("Берілді", r[^1]));
        Assert.Equal(["01-15/1"], nextYear.Document.QuerySelectorAll("[data-testid=journal] tbody tr").Select(r => r.Children[1].TextContent.Trim()));
        var fromCsv = JournalTests.ReadCsv(csv);
        Assert.Equal(page.Texts("[data-testid=journal] thead th"), fromCsv[0]);
        Assert.Equal(rows, fromCsv.Skip(1).ToList());
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType!.MediaType);
        if (PdfText.SkipReason is null)
        {
            var text = PdfText.Flat(await PdfText.ExtractAsync(pdf));
            Assert.Contains("ШЫҒЫС ҚҰЖАТТАР ЖУРНАЛЫ", text);
            Assert.Contains("01-15/2", text);
            Assert.Contains(numbers[refused], text);
        }
    }
}

public sealed class OutgoingRegisterTestsSqlite(SqlitePortal f) : OutgoingRegisterTests(f), IClassFixture<SqlitePortal>;
public sealed class OutgoingRegisterTestsPostgres(PostgresPortal f) : OutgoingRegisterTests(f), IClassFixture<PostgresPortal>;
