using GuardianshipPortal.Benchmarks;
using GuardianshipPortal.Cases;
using GuardianshipPortal.Data;
using GuardianshipPortal.Data.Seeding;
using GuardianshipPortal.Domain;
using GuardianshipPortal.Domain.Cases;
using GuardianshipPortal.Domain.Persons;
using GuardianshipPortal.Domain.Services;
using GuardianshipPortal.Domain.Workflow;
using GuardianshipPortal.IntegrationTests.Infrastructure;
using GuardianshipPortal.Web.Features;
using GuardianshipPortal.Web.Features.Cases;
using GuardianshipPortal.Web.Features.Dashboard;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace GuardianshipPortal.IntegrationTests.Features.Scale;

/// <summary>The benchmark's generator (a small region) makes a database the portal opens and goes on registering in.</summary>
public abstract class RegionGeneratorTests(DatabaseProvider provider)
{
    [Fact]
    public async Task A_generated_region_opens_in_the_portal_its_demo_users_sign_in_and_numbering_continues_without_gaps()
    {
        var ct = TestContext.Current.CancellationToken;
        var options = new GeneratorOptions(provider, Connection(), Cases: 200, Offices: 3, Years: 2);
        await RegionGenerator.RunAsync(options, TextWriter.Null);

        await using var app = RegionGenerator.BuildApp(options);
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<PortalDbContext>();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(ct));
        Assert.Equal(200, await db.Cases.CountAsync(ct));
        Assert.Equal(3, await db.Offices.CountAsync(ct));

        // Each office's numbering per year and service runs 1..N and its counter stands at N.
        var sequences = await db.Cases.GroupBy(c => new { c.OfficeId, c.Year, c.Service })
            .Select(g => new { g.Key.OfficeId, g.Key.Year, g.Key.Service, Max = g.Max(c => c.Sequence), Count = g.Count() }).ToListAsync(ct);
        var counters = await db.RegistrationCounters.AsNoTracking().ToListAsync(ct);
        Assert.All(sequences, s =>
        {
            Assert.Equal(s.Count, s.Max);
            Assert.Equal(s.Max, counters.Single(c => c.OfficeId == s.OfficeId && c.Year == s.Year && c.Service == s.Service).Last);
        });
        Assert.Equal(sequences.Count, counters.Count);

        var users = sp.GetRequiredService<UserManager<PortalUser>>();
        foreach (var name in new[] { "clerk", "head", "specialist", "supervisor", "clerk3", "head3" })
            Assert.True(await users.CheckPasswordAsync((await users.FindByNameAsync(name))!, DemoSeeder.DemoPassword), name);

        // The portal's own queries run on it: the office dashboard counts what is open, search finds a generated child.
        var office = await db.Offices.SingleAsync(o => o.Code == "KRG-01", ct); // tracked, as the registration controller has it
        var dashboard = await sp.GetRequiredService<Dashboards>().ForOfficeAsync(office, ct);
        Assert.Equal(await db.Cases.CountAsync(c => c.OfficeId == office.Id && c.Step != Step.Closed, ct), dashboard.OpenTotal);
        var child = await db.CaseChildren.Where(ch => db.Cases.Any(c => c.Id == ch.CaseId && c.OfficeId == office.Id))
            .Select(ch => new { ch.CaseId, ch.Person!.LastName, ch.Person.FirstName }).FirstAsync(ct);
        var found = await CaseSearch.Matching(db, db.Cases.Where(c => c.OfficeId == office.Id), $"{child.LastName} {child.FirstName}", ServiceCatalog.Standard)
            .Select(c => c.Id).ToListAsync(ct);
        Assert.Contains(child.CaseId, found);

        // The clerk registers the next case: it takes the number after the generated ones.
        var clerk = (await users.FindByNameAsync("clerk"))!;
        var today = office.LocalDate(DateTimeOffset.UtcNow);
        var last = counters.SingleOrDefault(c => c.OfficeId == office.Id && c.Year == today.Year && c.Service == ServiceCode.GuardianshipCertificate)?.Last ?? 0;
        var registered = await sp.GetRequiredService<CaseRegistration>().RegisterAsync(
            new RegistrationRequest(ServiceCode.GuardianshipCertificate, Channel.Office, "kk",
                new PersonData(Iin.Compose(new DateOnly(1970, 3, 3), Sex.Male, 7777), "Тексеров", "Ерлан", ""),
                [new PersonData(Iin.Compose(new DateOnly(2015, 3, 3), Sex.Male, 7777), "Тексеров", "Нұр", "")], [], [], "", "generator-test"),
            office, new Actor(clerk.Id, clerk.FullName, [Roles.Clerk], office.Id, office.RegionId), new DocumentSigner(clerk.FullName, clerk.PositionKk), ct);
        Assert.Equal(last + 1, registered.Case.Sequence);
    }

    private string Connection()
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            var dir = Path.Combine(Path.GetTempPath(), "gp-tests", Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            return $"Data Source={Path.Combine(dir, "region.db")}";
        }
        if (TestEnvironment.Require(TestEnvironment.PostgresConnection is not null, $"PostgreSQL ({TestEnvironment.PostgresVariable})") is { } reason)
            Assert.Skip(reason);
        return new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresConnection) { Database = "gp_test_region_" + Guid.NewGuid().ToString("N") }.ToString();
    }
}

public sealed class RegionGeneratorTestsSqlite() : RegionGeneratorTests(DatabaseProvider.Sqlite);
public sealed class RegionGeneratorTestsPostgres() : RegionGeneratorTests(DatabaseProvider.Postgres);
