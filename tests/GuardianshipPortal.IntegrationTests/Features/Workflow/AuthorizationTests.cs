using System.Net;
using GuardianshipPortal.Domain.Services;
using GuardianshipPortal.Domain.Workflow;
using GuardianshipPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GuardianshipPortal.IntegrationTests.Features.Workflow;

/// <summary>Every workflow endpoint, tried by every role of both offices: only the role of the step, in its own office, at the right step.</summary>
public abstract class AuthorizationTests(PortalFixture fixture) : PortalTest(fixture)
{
    private static readonly string[] Users =
        ["clerk", "head", "specialist", "commission", "admin", "supervisor", "clerk2", "head2", "specialist2", "commission2", "specialist1b"];

    private sealed record Endpoint(string Path, Step At, string Allowed, Dictionary<string, string> Fields);

    [Fact]
    public async Task Workflow_endpoints_refuse_every_other_role_and_every_other_office()
    {
        await App.AddUserAsync("specialist1b", Domain.Roles.Specialist, "KRG-01", "Дана Серікқызы Әлімова");
        var office = new OfficeDesk(App);
        var cases = new CaseFactory(App);
        var atResolution = await cases.AtAsync(ServiceCode.AdopterRegistration, Step.Resolution);
        var atDrafting = await cases.AtAsync(ServiceCode.AdopterRegistration, Step.Drafting);
        var atSigning = await cases.AtAsync(ServiceCode.GuardianshipCertificate, Step.Signing);
        var atIssue = await cases.AtAsync(ServiceCode.GuardianshipCertificate, Step.Issue);
        var byStep = new Dictionary<Step, Guid> { [Step.Resolution] = atResolution, [Step.Drafting] = atDrafting, [Step.Signing] = atSigning, [Step.Issue] = atIssue };

        var endpoints = new[]
        {
            new Endpoint("resolution", Step.Resolution, "head", new() { ["Resolution.Text"] = "x", ["Resolution.SpecialistId"] = Guid.Empty.ToString() }),
            new Endpoint("inspection", Step.Drafting, "specialist", new() { ["Inspection.Address"] = "" }),
            new Endpoint("commission", Step.Drafting, "commission", new() { ["Commission.Text"] = "" }),
            new Endpoint("draft", Step.Drafting, "specialist", new() { ["Draft.Submit"] = "true" }),
            new Endpoint("sign", Step.Signing, "head", new()),
            new Endpoint("return", Step.Signing, "head", new() { ["Return.Comment"] = "" }),
            new Endpoint("issue", Step.Issue, "clerk", new() { ["Issue.RecipientName"] = "" }),
            new Endpoint("return-to-center", Step.Resolution, "clerk,head", new() { ["CenterReturn.Text"] = "" }),
        };
        var clients = new Dictionary<string, PortalClient>();
        foreach (var user in Users)
        {
            clients[user] = NewClient();
            await clients[user].SignInAsync(user);
        }

        var failures = new List<string>();
        foreach (var endpoint in endpoints)
        foreach (var (step, caseId) in byStep)
        {
            var version = await App.WithDbAsync(db => db.Cases.Where(c => c.Id == caseId).Select(c => c.Version).SingleAsync());
            foreach (var user in Users)
            {
                var sameOffice = !user.EndsWith('2');
                var role = user.TrimEnd('2').Replace("1b", "");
                HttpStatusCode expected;
                if (!endpoint.Allowed.Split(',').Contains(role)) expected = HttpStatusCode.Forbidden;
                else if (!sameOffice) expected = HttpStatusCode.NotFound;
                else if (step != endpoint.At) expected = HttpStatusCode.Conflict;
                else if (user == "specialist1b") expected = HttpStatusCode.Forbidden; // not the assigned specialist
                else if (endpoint.Fields.Count == 0) continue; // signing needs no fields: allowed means it would sign
                else expected = HttpStatusCode.BadRequest; // allowed, but the fields sent are incomplete

                var fields = endpoint.Fields.ToDictionary(
                    f => f.Key, f => f.Value);
                fields[$"{Prefix(endpoint.Path)}.Version"] = version.ToString();
                var result = await clients[user].PostAsync($"/cases/{caseId}/{endpoint.Path}", fields);
                if (result.Status != expected) failures.Add($"{user} POST {endpoint.Path} at {step}: {(int)result.Status}, expected {(int)expected}");
            }
            var after = await App.WithDbAsync(db => db.Cases.Where(c => c.Id == caseId).Select(c => new { c.Version, c.Step }).SingleAsync());
            Assert.Equal((version, step), (after.Version, after.Step));
        }
        Assert.Empty(failures);
    }

    [Fact]
    public async Task Reading_a_case_is_for_its_office_and_the_regional_supervisor()
    {
        var id = (await new OfficeDesk(App).RegisterAsync(ServiceCode.FosterMaintenance)).CaseId;
        var expected = new Dictionary<string, HttpStatusCode>
        {
            ["clerk"] = HttpStatusCode.OK, ["head"] = HttpStatusCode.OK, ["specialist"] = HttpStatusCode.OK, ["commission"] = HttpStatusCode.OK,
            ["supervisor"] = HttpStatusCode.OK, ["admin"] = HttpStatusCode.NotFound,
            ["clerk2"] = HttpStatusCode.NotFound, ["head2"] = HttpStatusCode.NotFound, ["supervisor2"] = HttpStatusCode.OK,
        };
        foreach (var (user, status) in expected)
        {
            var client = NewClient();
            await client.SignInAsync(user);
            var page = await client.GetAsync($"/cases/{id}");
            Assert.True(status == page.Status, $"{user}: {page.Status}, expected {status}");
        }
        var views = await App.WithDbAsync(db => db.AuditEvents.CountAsync(a => a.CaseId == id && a.Action == "ViewCase"));
        Assert.Equal(7, views); // six readers, plus the clerk who was shown the case on registering it
    }

    [Fact]
    public async Task Only_the_clerk_opens_the_registration_form()
    {
        foreach (var user in new[] { "head", "specialist", "commission", "admin", "supervisor" })
        {
            var client = NewClient();
            await client.SignInAsync(user);
            var page = await client.GetAsync("/cases/new");
            Assert.Equal(HttpStatusCode.Forbidden, page.Status);
            Assert.Equal("Рұқсат жоқ", page.Text("h1"));
        }
    }

    private static string Prefix(string path) => path switch
    {
        "resolution" => "Resolution", "inspection" => "Inspection", "commission" => "Commission", "draft" => "Draft",
        "sign" => "Sign", "return" => "Return", "issue" => "Issue", "return-to-center" => "CenterReturn", _ => throw new ArgumentOutOfRangeException(nameof(path)),
    };
}

public sealed class AuthorizationTestsSqlite(SqlitePortal f) : AuthorizationTests(f), IClassFixture<SqlitePortal>;
public sealed class AuthorizationTestsPostgres(PostgresPortal f) : AuthorizationTests(f), IClassFixture<PostgresPortal>;
