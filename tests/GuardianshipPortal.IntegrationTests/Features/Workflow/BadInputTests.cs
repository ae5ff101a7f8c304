using System.Net;
using GuardianshipPortal.Domain.Services;
using GuardianshipPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GuardianshipPortal.IntegrationTests.Features.Workflow;

/// <summary>Garbage in any field of any workflow form gets a 4xx, never a 500, and never changes the case.</summary>
public abstract class BadInputTests(PortalFixture fixture) : PortalTest(fixture)
{
    private static readonly string[] Garbage = ["", "   ", "not-a-number", "-1", "99999999999999999999", "2026-13-45", "<script>alert(1)</script>",
        "'; DROP TABLE \"Cases\"; --", new string('Ж', 5000), "00000000-0000-0000-0000-000000000000", "\u0000"];

    [Fact]
    public async Task Garbage_in_every_field_of_every_step_form_is_a_4xx_and_changes_nothing()
    {
        var office = new OfficeDesk(App);
        var atResolution = (await office.RegisterAsync(ServiceCode.AdopterRegistration)).CaseId;
        var atDrafting = (await office.RegisterAsync(ServiceCode.AdopterRegistration)).CaseId;
        await office.ResolveAsync(atDrafting);
        var forms = new (string User, Guid Case, string Path, string[] Fields)[]
        {
            ("head", atResolution, "resolution", ["Resolution.Version", "Resolution.Text", "Resolution.SpecialistId"]),
            ("specialist", atDrafting, "inspection", ["Inspection.Version", "Inspection.InspectedOn", "Inspection.Address", "Inspection.Findings", "Inspection.Satisfactory"]),
            ("commission", atDrafting, "commission", ["Commission.Version", "Commission.Positive", "Commission.Text"]),
            ("specialist", atDrafting, "draft", ["Draft.Version", "Draft.Outcome", "Draft.PeriodFrom", "Draft.Amount", "Draft.RefusalGroundIds", "Draft.Iban"]),
        };
        var failures = new List<string>();
        foreach (var (user, caseId, path, fields) in forms)
        {
            var client = await office.AsAsync(user);
            var before = await App.WithDbAsync(db => db.Cases.Where(c => c.Id == caseId).Select(c => c.Version).SingleAsync());
            foreach (var field in fields)
            foreach (var value in Garbage)
            {
                // Drafts are submitted for signature: saving an unfinished draft is allowed and would change the case.
                var posted = new Dictionary<string, string> { [fields[0]] = before.ToString(), ["Draft.Submit"] = "true", [field] = value };
                var page = await client.PostAsync($"/cases/{caseId}/{path}", posted);
                if ((int)page.Status is < 400 or >= 500) failures.Add($"{path} {field}={value[..Math.Min(20, value.Length)]}: {(int)page.Status}");
            }
            var after = await App.WithDbAsync(db => db.Cases.Where(c => c.Id == caseId).Select(c => c.Version).SingleAsync());
            Assert.Equal(before, after);
        }
        foreach (var value in Garbage.Take(6))
        {
            var page = await (await office.AsAsync("head")).GetAsync("/cases/" + Uri.EscapeDataString(value));
            if ((int)page.Status >= 500) failures.Add($"GET /cases/{value}: {(int)page.Status}");
            var search = await (await office.AsAsync("head")).GetAsync("/cases?q=" + Uri.EscapeDataString(value));
            if (search.Status != HttpStatusCode.OK) failures.Add($"search {value}: {(int)search.Status}");
        }
        Assert.Empty(failures);
    }

    [Fact]
    public async Task A_registration_with_an_unknown_service_or_channel_is_refused()
    {
        var clerk = await new OfficeDesk(App).AsAsync("clerk");
        var before = await App.WithDbAsync(db => db.Cases.CountAsync());

        var service = await clerk.PostAsync("/cases/new", new Dictionary<string, string> { ["Service"] = "999" });
        var channel = await clerk.PostAsync("/cases/new", new Dictionary<string, string> { ["Service"] = "GuardianshipCertificate", ["Channel"] = "Fax" });

        Assert.Equal(HttpStatusCode.BadRequest, service.Status);
        Assert.Equal(HttpStatusCode.BadRequest, channel.Status);
        Assert.Contains("Өтініш арнасы: Енгізілген мән жарамсыз.", channel.Errors); // the field named
        Assert.Equal(before, await App.WithDbAsync(db => db.Cases.CountAsync()));
    }
}

public sealed class BadInputTestsSqlite(SqlitePortal f) : BadInputTests(f), IClassFixture<SqlitePortal>;
public sealed class BadInputTestsPostgres(PostgresPortal f) : BadInputTests(f), IClassFixture<PostgresPortal>;
