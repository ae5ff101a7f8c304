using GuardianshipPortal.Data;
using GuardianshipPortal.Domain.Persons;
using GuardianshipPortal.Domain.Services;
using GuardianshipPortal.Domain.Workflow;
using GuardianshipPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GuardianshipPortal.IntegrationTests.Features.Scale;

/// <summary>Search through the folded name column and the IIN and number indexes: the same results on both databases.</summary>
public abstract class CaseSearchTests(PortalFixture fixture) : PortalTest(fixture)
{
    [Fact]
    public async Task Clerk_finds_a_case_by_folded_kazakh_names_of_applicant_and_child_by_iin_and_by_number_as_typed()
    {
        var office = new OfficeDesk(App);
        var applicantIin = OfficeDesk.NewIin(new DateOnly(1984, 5, 6), Sex.Male);
        var childIin = OfficeDesk.NewIin(new DateOnly(2016, 7, 8), Sex.Female);
        var registered = await office.RegisterAsync(ServiceCode.FosterMaintenance, applicantIin, childIin, overrides: new Dictionary<string, string>
        {
            ["Applicant.LastName"] = "Әбдіров", ["Applicant.FirstName"] = "Ғалымжан", ["Applicant.MiddleName"] = "Өтегенұлы",
            ["Children[0].LastName"] = "Құрманғалиева", ["Children[0].FirstName"] = "Іңкәр", ["Children[0].MiddleName"] = "Һадиқызы",
        });
        var number = registered.Text("[data-testid=case-number]");
        var parts = number.Split('-'); // KRG-01-FM-2026-00012
        var typed = $"{parts[^3].ToLowerInvariant()}-{parts[^2]}-{int.Parse(parts[^1], System.Globalization.CultureInfo.InvariantCulture)}";
        var clerk = await office.AsAsync("clerk");

        foreach (var query in new[]
                 {
                     "абдиров", "АБДИРОВ  галымжан", "Әбдіров", "әбдіров ғалымжан өтегенұлы", "отегенулы",
                     "курмангалиева инкар", "ҚҰРМАНҒАЛИЕВА", "іңкәр", "инкар хадикызы",
                     applicantIin, childIin, typed, number, number.ToLowerInvariant(),
                 })
        {
            var results = await clerk.GetAsync("/cases?q=" + Uri.EscapeDataString(query));
            Assert.Contains(number, results.Texts("[data-testid=search-results] tr[data-number] td:first-child"));
        }

        var elsewhere = await new OfficeDesk(App, "2").AsAsync("clerk");
        foreach (var query in new[] { "абдиров галымжан", childIin })
            Assert.DoesNotContain(number, (await elsewhere.GetAsync("/cases?q=" + Uri.EscapeDataString(query)))
                .Texts("[data-testid=search-results] tr[data-number] td:first-child"));
    }

    [Fact]
    public async Task A_name_that_matches_more_cases_than_a_page_is_paged_newest_first_with_every_case_once()
    {
        var ct = TestContext.Current.CancellationToken;
        // A database of its own: exactly these cases carry the name.
        await using var app = new PortalApp(Fixture.Provider);
        var factory = new CaseFactory(app);
        for (var i = 0; i < 57; i++) await factory.AtAsync(ServiceCode.FosterMaintenance, Step.Resolution);
        // A common surname, and a morning's batch registered at two moments: the number orders cases of one moment.
        var at = App.Clock.GetUtcNow().AddDays(-1);
        await app.WithDbAsync(db => db.Cases.Where(c => c.Office!.Code == "KRG-01")
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.SearchNames, "ахметов нурлан").SetProperty(c => c.RegisteredAt, c => c.Sequence % 2 == 0 ? at : at.AddHours(1)), ct));
        var expected = (await app.WithDbAsync(db => db.Cases.Where(c => c.Office!.Code == "KRG-01").Select(c => new { c.Number, c.Sequence }).ToListAsync(ct)))
            .OrderByDescending(c => c.Sequence % 2).ThenBy(c => c.Number, StringComparer.Ordinal).Select(c => c.Number).ToList();
        Assert.Equal(57, expected.Count);
        var clerk = await new OfficeDesk(app).AsAsync("clerk");

        var first = await clerk.GetAsync("/cases?q=" + Uri.EscapeDataString("Ахметов"));
        Assert.Equal(expected[..50], first.Texts("[data-testid=search-results] tr[data-number] td:first-child"));
        Assert.Equal("1–50 көрсетілді", first.Text("[data-testid=search-shown]"));
        Assert.Null(first.Document.QuerySelector("[data-testid=search-newer]"));
        Assert.Null(first.Document.QuerySelector("[data-testid=search-results] [data-testid=queue-total]")); // a page, not a count

        var second = await clerk.GetAsync(first.Document.QuerySelector("[data-testid=search-older]")!.GetAttribute("href")!);
        Assert.Equal(expected[50..], second.Texts("[data-testid=search-results] tr[data-number] td:first-child"));
        Assert.Equal("51–57 көрсетілді", second.Text("[data-testid=search-shown]"));
        Assert.Null(second.Document.QuerySelector("[data-testid=search-older]"));
        Assert.Equal(first.Texts("[data-testid=search-results] tr[data-number] td:first-child"),
            (await clerk.GetAsync(second.Document.QuerySelector("[data-testid=search-newer]")!.GetAttribute("href")!))
            .Texts("[data-testid=search-results] tr[data-number] td:first-child"));
        // A page past the last (a link kept from a search that found more) opens the first.
        Assert.Equal(expected[..50], (await clerk.GetAsync("/cases?page=9&q=" + Uri.EscapeDataString("Ахметов")))
            .Texts("[data-testid=search-results] tr[data-number] td:first-child"));
    }

    [Fact]
    public async Task Search_names_stored_before_the_folding_are_folded_by_the_migration_as_the_portal_folds_new_ones()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var persons = new[] { ("Әбдіров", "Ғалымжан", "Ұланұлы"), ("Иванова", "Алёна", "Сергеевна"), ("Smith", "John", ""), ("Өтегенова", "Үміт", "Һадиқызы"), ("ҚАСЫМ", "ІҢКӘР", "") }
            .Select((n, i) => new Person
            {
                Id = Guid.NewGuid(), Iin = OfficeDesk.NewIin(new DateOnly(1990, 1, 1 + i), Sex.Female), LastName = n.Item1, FirstName = n.Item2, MiddleName = n.Item3,
            }).ToList();
        foreach (var p in persons)
        {
            p.Touch(App.Clock.GetUtcNow());
            // What the portal stored before: upper case, Ё as Е, Kazakh letters kept.
            p.SearchName = string.Join(' ', p.FullName.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant().Replace('Ё', 'Е');
        }
        db.Persons.AddRange(persons);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);

        await db.Database.ExecuteSqlRawAsync(Person.RefoldSearchNamesSql(), TestContext.Current.CancellationToken);

        var ids = persons.Select(p => p.Id).ToList();
        var stored = await db.Persons.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.SearchName, TestContext.Current.CancellationToken);
        Assert.All(persons, p => Assert.Equal(Person.Normalize(p.FullName), stored[p.Id]));
        Assert.Equal("абдиров галымжан уланулы", stored[persons[0].Id]);
    }
}

public sealed class CaseSearchTestsSqlite(SqlitePortal f) : CaseSearchTests(f), IClassFixture<SqlitePortal>;
public sealed class CaseSearchTestsPostgres(PostgresPortal f) : CaseSearchTests(f), IClassFixture<PostgresPortal>;
