using GuardianshipPortal.Cases;
using System.Diagnostics;
using GuardianshipPortal.Data;
using GuardianshipPortal.Data.Seeding;
using GuardianshipPortal.Domain;
using GuardianshipPortal.Domain.Cases;
using GuardianshipPortal.Domain.Persons;
using GuardianshipPortal.Domain.Services;
using GuardianshipPortal.Domain.Workflow;
using GuardianshipPortal.Web.Features.Dashboard;
using GuardianshipPortal.Web.Features.Journals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GuardianshipPortal.Benchmarks;

/// <summary>
/// A busy office's year on the embedded database: N cases with their history and issue records, then the registration
/// journal for the whole year, the issue journal, and the dashboard, each timed over repeated runs.
/// </summary>
public static class RegisterBenchmark
{
    public static async Task RunAsync(int count)
    {
        var file = Path.Combine(Path.GetTempPath(), $"gp-bench-{Guid.NewGuid():N}.db");
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.AddDbContext<PortalDbContext>(o => o.UsePortalDatabase(DatabaseProvider.Sqlite, $"Data Source={file}"));
        // Journals and dashboards read through the read context, as the portal registers it (the same file here).
        services.AddDbContext<PortalReadDbContext>(o => o.UsePortalDatabase(DatabaseProvider.Sqlite, $"Data Source={file}", reads: true)
            .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking));
        services.AddSingleton(TimeProvider.System);
        services.AddMemoryCache();
        services.AddSingleton(ServiceCatalog.Standard);
        services.AddSingleton<CalendarCache>();
        services.AddSingleton<RegulationCache>();
        services.AddScoped<GuardianshipPortal.Cases.Deadlines>();
        services.AddScoped<Journals>();
        services.AddScoped<RiskForecasts>();
        services.AddScoped<Dashboards>();
        await using var provider = services.BuildServiceProvider();
        try
        {
            var office = await SeedAsync(provider, count);
            Console.WriteLine($"A year of {count} cases in one office (SQLite, {Environment.ProcessorCount} cores).");
            var year = new JournalQuery(office.Id, new DateOnly(DateTime.UtcNow.Year, 1, 1), new DateOnly(DateTime.UtcNow.Year, 12, 31), null);
            await TimeAsync("registration journal, whole year", provider, async sp =>
                (await sp.GetRequiredService<Journals>().BuildAsync(JournalKind.Registration, year, office, default)).Rows.Count);
            await TimeAsync("issue journal, whole year", provider, async sp =>
                (await sp.GetRequiredService<Journals>().BuildAsync(JournalKind.Issue, year, office, default)).Rows.Count);
            await TimeAsync("office dashboard", provider, async sp =>
                (await sp.GetRequiredService<Dashboards>().ForOfficeAsync(office, default)).OpenTotal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task TimeAsync(string what, IServiceProvider root, Func<IServiceProvider, Task<int>> run)
    {
        const int runs = 10;
        var times = new List<double>();
        var result = 0;
        for (var i = 0; i < runs + 2; i++)
        {
            await using var scope = root.CreateAsyncScope();
            var started = Stopwatch.GetTimestamp();
            result = await run(scope.ServiceProvider);
            if (i >= 2) times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds); // two warm-up runs
        }
        times.Sort();
        var verdict = times[^1] < 1000 ? "under 1 s" : "OVER 1 s";
        Console.WriteLine($"{what,-36} {times.Average(),8:0.0} ms mean {times[^1],8:0.0} ms worst  ({result} rows/figure) — {verdict}");
    }

    private static async Task<Office> SeedAsync(IServiceProvider root, int count)
    {
        await using var scope = root.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        await db.Database.MigrateAsync();
        await new ReferenceDataSeeder(db, ServiceCatalog.Standard).SeedAsync();
        var region = new Region { Id = Guid.NewGuid(), Code = "BENCH", NameKk = "Облыс", NameRu = "Область" };
        var office = new Office { Id = Guid.NewGuid(), RegionId = region.Id, Code = "BENCH-01", NameKk = "Бөлім", NameRu = "Отдел" };
        var specialists = Enumerable.Range(1, 8).Select(i => new PortalUser
        {
            Id = Guid.NewGuid(), UserName = $"s{i}", NormalizedUserName = $"S{i}", FullName = $"Маман {i}", RegionId = region.Id, OfficeId = office.Id,
        }).ToList();
        db.AddRange(region, office);
        db.Users.AddRange(specialists);
        var regulations = await db.Regulations.ToDictionaryAsync(r => r.Service, r => r.Id);
        var random = new Random(42);
        var usedIins = new HashSet<string>();
        var start = new DateTimeOffset(DateTime.UtcNow.Year, 1, 1, 4, 0, 0, TimeSpan.Zero);
        var span = (DateTimeOffset.UtcNow - start).TotalMinutes;
        for (var i = 0; i < count; i++)
        {
            var service = ServiceCatalog.Standard.All[i % 5].Code;
            var at = start.AddMinutes(random.NextDouble() * span);
            var person = new Person
            {
                Id = Guid.NewGuid(), Iin = Iin.Compose(new DateOnly(1970 + i % 30, 1 + i % 12, 1 + i % 28), i % 2 == 0 ? Sex.Female : Sex.Male, i % 10000),
                LastName = $"Тегі{i}", FirstName = "Аты", BirthDate = new DateOnly(1980, 1, 1),
            };
            for (var serial = i; !usedIins.Add(person.Iin); serial += 7) person.Iin = Iin.Compose(new DateOnly(1960, 2, 2), Sex.Male, serial % 10000);
            person.Touch(at);
            var closed = random.NextDouble() < 0.7;
            var step = closed ? Step.Closed : (Step)random.Next(2, 6);
            var c = new Case
            {
                Id = Guid.NewGuid(), OfficeId = office.Id, Service = service, Channel = Channel.Office, Number = CaseNumbers.Format(office.Code, ServiceCatalog.Standard[service].Prefix, at.Year, i + 1),
                Year = at.Year, Sequence = i + 1, RegisteredAt = at, ApplicantId = person.Id, RegulationId = regulations[service],
                Step = step, StepStartedAt = at.AddDays(2), StepDueAt = closed ? null : at.AddDays(5), DueAt = at.AddDays(10),
                AssigneeId = specialists[i % specialists.Count].Id, Outcome = closed ? Outcome.Approved : null, ClosedAt = closed ? at.AddDays(random.Next(3, 14)) : null,
                SearchNames = person.SearchName,
            };
            db.Persons.Add(person);
            db.Cases.Add(c);
            var path = new[] { (Step.Registration, Step.Resolution, 0.0), (Step.Resolution, Step.Drafting, 0.5), (Step.Drafting, Step.Signing, 3), (Step.Signing, Step.Issue, 4), (Step.Issue, Step.Closed, 5) };
            foreach (var (from, to, days) in path.TakeWhile(p => closed || p.Item1 < step))
                db.CaseEvents.Add(new CaseEvent { CaseId = c.Id, At = at.AddDays(days), UserId = specialists[0].Id, UserName = "x", Role = Roles.Clerk, Action = CaseAction.Register, FromStep = from, ToStep = to });
            if (closed)
                db.IssueRecords.Add(new IssueRecord { CaseId = c.Id, OfficeId = c.OfficeId, IssuedAt = c.ClosedAt!.Value, IssuedById = specialists[0].Id, RecipientName = person.FullName, RecipientDocument = "№ 1", SignedForReceipt = true });
            if (i % 500 == 499) { await db.SaveChangesAsync(); db.ChangeTracker.Clear(); }
        }
        await db.SaveChangesAsync();
        return office;
    }
}
