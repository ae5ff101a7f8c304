using System.Net;
using GuardianshipPortal.Cases;
using GuardianshipPortal.Domain.Cases;
using GuardianshipPortal.Domain.Documents;
using GuardianshipPortal.Domain.Persons;
using GuardianshipPortal.Domain.Services;
using GuardianshipPortal.Domain.Workflow;
using GuardianshipPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GuardianshipPortal.IntegrationTests.Features.Workflow;

/// <summary>Registration numbers unique in the deployment and without gaps, one case per submitted form, and never a case without its receipt.</summary>
public abstract class RegistrationIntegrityTests(PortalFixture fixture) : PortalTest(fixture)
{
    [Fact]
    public async Task Numbers_are_unique_in_the_deployment_name_their_office_and_are_found_without_leading_zeros()
    {
        var first = await new OfficeDesk(App).RegisterAsync(ServiceCode.AdoptionLumpSum);
        var other = await new OfficeDesk(App, "2").RegisterAsync(ServiceCode.AdoptionLumpSum);
        var mine = first.Text("[data-testid=case-number]");
        var theirs = other.Text("[data-testid=case-number]");

        Assert.StartsWith("KRG-01-LS-", mine);
        Assert.StartsWith("KRG-02-LS-", theirs);
        var numbers = await App.WithDbAsync(db => db.Cases.Select(c => c.Number).ToListAsync());
        Assert.Equal(numbers.Count, numbers.Distinct().Count());

        var parsed = CaseNumbers.Parse(mine)!;
        var head = await new OfficeDesk(App).AsAsync("head");
        foreach (var typed in new[] { $"ls-{parsed.Year}-{parsed.Sequence}", $"krg-01-ls-{parsed.Year}-{parsed.Sequence:000}", mine.ToLowerInvariant() })
        {
            var found = await head.GetAsync("/cases?q=" + Uri.EscapeDataString(typed));
            Assert.Equal([mine], found.Texts("[data-testid=search-results] tr[data-number] td:first-child"));
        }
    }

    [Fact]
    public async Task A_registration_form_posted_five_times_at_once_makes_one_case()
    {
        var clerk = await new OfficeDesk(App).AsAsync("clerk");
        var form = await clerk.GetAsync($"/cases/new?service={ServiceCode.GuardianshipCertificate}");
        var iin = OfficeDesk.NewIin(new DateOnly(1979, 6, 2), Sex.Male);
        var values = new Dictionary<string, string>
        {
            ["Applicant.Iin"] = iin, ["Applicant.LastName"] = "Жақсыбеков", ["Applicant.FirstName"] = "Ерлан", ["Applicant.MiddleName"] = "Болатұлы",
            ["Applicant.Address"] = "Теміртау қ., Мира даңғ., 5-12",
            ["Children[0].Iin"] = OfficeDesk.NewIin(new DateOnly(2014, 1, 9), Sex.Female), ["Children[0].LastName"] = "Жақсыбекова",
            ["Children[0].FirstName"] = "Дана",
        };

        var posts = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => clerk.SubmitAsync(form, "form#registration", values, followRedirects: false)));

        Assert.All(posts, p => Assert.True(p.Status == HttpStatusCode.Redirect, $"{p.Status}: {string.Join("; ", p.Errors)}"));
        Assert.Single(posts.Select(p => p.Location!.ToString()).Distinct());
        Assert.Equal(1, await App.WithDbAsync(db => db.Cases.CountAsync(c => c.Applicant!.Iin == iin)));
        var id = Guid.Parse(posts[0].Location!.OriginalString.Split('/')[^1]);
        Assert.Equal(1, await App.WithDbAsync(db => db.IssuedDocuments.CountAsync(d => d.CaseId == id && d.Kind == DocumentKind.Receipt)));
    }

    [Fact]
    public async Task A_surname_starting_with_an_emoji_is_registered_with_whole_initials()
    {
        var page = await new OfficeDesk(App).RegisterAsync(ServiceCode.GuardianshipCertificate,
            overrides: new Dictionary<string, string> { ["Applicant.LastName"] = "😀Серікова" });

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var receipt = await App.WithDbAsync(db => db.IssuedDocuments.SingleAsync(d => d.CaseId == page.CaseId && d.Kind == DocumentKind.Receipt));
        Assert.Equal("😀. А.", receipt.SubjectInitials);
    }

    [Fact]
    public async Task When_a_registration_fails_before_its_commit_nothing_of_it_is_left_and_its_number_is_given_back()
    {
        // The observers run after the number is taken, inside the registration's transaction.
        await using var app = new PortalApp(Fixture.Provider, services: s => s.AddScoped<ICaseObserver, FailingObserver>());
        var office = new OfficeDesk(app);
        var counters = await app.WithDbAsync(db => db.RegistrationCounters.AsNoTracking().ToListAsync());
        var iin = OfficeDesk.NewIin(new DateOnly(1990, 1, 1), Sex.Female);

        var failed = await office.RegisterAsync(ServiceCode.GuardianshipCertificate, applicantIin: iin);

        Assert.Equal(HttpStatusCode.InternalServerError, failed.Status);
        Assert.False(await app.WithDbAsync(db => db.Persons.AnyAsync(p => p.Iin == iin)));
        Assert.Equal(0, await app.WithDbAsync(db => db.Cases.CountAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.Attachments.CountAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.IssuedDocuments.CountAsync()));
        Assert.Equal(counters.Select(c => c.Last), await app.WithDbAsync(db => db.RegistrationCounters.AsNoTracking().Select(c => c.Last).ToListAsync()));
    }

    [Fact]
    public async Task A_receipt_that_could_not_be_frozen_at_registration_is_frozen_once_when_the_case_is_first_shown()
    {
        var failures = new FlakyDocuments.Failures(1);
        await using var app = new PortalApp(Fixture.Provider, services: failures.Register);
        var office = new OfficeDesk(app);
        var clerk = await office.AsAsync("clerk");
        var head = await office.AsAsync("head");
        var form = await clerk.GetAsync($"/cases/new?service={ServiceCode.GuardianshipCertificate}");
        var values = new Dictionary<string, string>
        {
            ["Language"] = "ru", ["Applicant.Iin"] = OfficeDesk.NewIin(new DateOnly(1982, 3, 4), Sex.Female), ["Applicant.LastName"] = "Серікова",
            ["Applicant.FirstName"] = "Айжан", ["Applicant.Address"] = "Қарағанды қ., Ерубаев к-сі, 12-5",
            ["Children[0].Iin"] = OfficeDesk.NewIin(new DateOnly(2015, 5, 6), Sex.Male), ["Children[0].LastName"] = "Ахметов",
            ["Children[0].FirstName"] = "Нұрсұлтан",
        };

        var posted = await clerk.SubmitAsync(form, "form#registration", values, followRedirects: false);

        // The registration stands without its receipt: its number taken, the case committed.
        Assert.Equal(HttpStatusCode.Redirect, posted.Status);
        Assert.Equal(1, failures.Failed);
        var id = Guid.Parse(posted.Location!.OriginalString.Split('/')[^1]);
        var registered = await app.WithDbAsync(db => db.Cases.AsNoTracking().SingleAsync(c => c.Id == id));
        Assert.Equal(1, registered.Sequence);
        Assert.Equal(0, await app.WithDbAsync(db => db.IssuedDocuments.CountAsync(d => d.CaseId == id)));

        // The clerk's browser follows the redirect, twice (a reload), while the head opens the case: one receipt is frozen.
        var pages = await Task.WhenAll(clerk.GetAsync(posted.Location.OriginalString), head.GetAsync($"/cases/{id}"),
            clerk.GetAsync(posted.Location.OriginalString), head.GetAsync($"/cases/{id}"));

        Assert.All(pages, p => Assert.Equal(HttpStatusCode.OK, p.Status));
        var receipt = await app.WithDbAsync(db => db.IssuedDocuments.AsNoTracking().SingleAsync(d => d.CaseId == id));
        Assert.Equal(DocumentKind.Receipt, receipt.Kind);
        Assert.All(pages, p => Assert.Equal([$"/documents/{receipt.Id}"],
            p.Document.QuerySelectorAll($"[data-testid=documents] li[data-kind={DocumentKind.Receipt}] [data-testid=document-link]").Select(a => a.GetAttribute("href"))));
        Assert.Contains(pages.Take(1).Concat(pages.Skip(2).Take(1)), p => p.Document.QuerySelector("[data-testid=print-document]")?.GetAttribute("href") == $"/documents/{receipt.Id}");
        // Signed and dated as the registration would have: by the clerk who registered, at the registration, in the applicant's language.
        var clerkName = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "clerk").Select(u => u.FullName).SingleAsync());
        Assert.Equal((registered.Number, clerkName, registered.RegisteredAt, "ru"), (receipt.Number, receipt.SignerName, receipt.CreatedAt, receipt.Language));
        var pdf = await clerk.Http.GetByteArrayAsync($"/documents/{receipt.Id}", TestContext.Current.CancellationToken);
        Assert.Equal(receipt.Sha256, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf)));
    }

    [Fact]
    public async Task A_receipt_that_still_cannot_be_frozen_leaves_the_case_page_working_and_comes_at_the_next_showing()
    {
        // The registration's freezing and the first showing's both fail: the case is shown without a receipt (never a 500),
        // and the next showing freezes it.
        var failures = new FlakyDocuments.Failures(2);
        await using var app = new PortalApp(Fixture.Provider, services: failures.Register);
        var office = new OfficeDesk(app);
        var clerk = await office.AsAsync("clerk");
        var form = await clerk.GetAsync($"/cases/new?service={ServiceCode.GuardianshipCertificate}");
        var posted = await clerk.SubmitAsync(form, "form#registration", new Dictionary<string, string>
        {
            ["Language"] = "kk", ["Applicant.Iin"] = OfficeDesk.NewIin(new DateOnly(1979, 8, 14), Sex.Female), ["Applicant.LastName"] = "Омарова",
            ["Applicant.FirstName"] = "Гүлнар", ["Applicant.Address"] = "Қарағанды қ., Бұқар жырау д-лы, 30-7",
            ["Children[0].Iin"] = OfficeDesk.NewIin(new DateOnly(2016, 2, 9), Sex.Female), ["Children[0].LastName"] = "Омарова",
            ["Children[0].FirstName"] = "Аружан",
        }, followRedirects: false);
        var id = Guid.Parse(posted.Location!.OriginalString.Split('/')[^1]);

        var first = await clerk.GetAsync($"/cases/{id}");

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(2, failures.Failed);
        Assert.Empty(first.Document.QuerySelectorAll($"[data-testid=documents] li[data-kind={DocumentKind.Receipt}]"));
        Assert.Equal(0, await app.WithDbAsync(db => db.IssuedDocuments.CountAsync(d => d.CaseId == id)));

        var second = await clerk.GetAsync($"/cases/{id}");

        Assert.Equal(HttpStatusCode.OK, second.Status);
        var receipt = await app.WithDbAsync(db => db.IssuedDocuments.AsNoTracking().SingleAsync(d => d.CaseId == id));
        Assert.Equal(DocumentKind.Receipt, receipt.Kind);
        Assert.Single(second.Document.QuerySelectorAll($"[data-testid=documents] li[data-kind={DocumentKind.Receipt}]"));
    }

    /// <summary>A part of the registration that fails, as an outbox or a database that goes away in the middle of it would.</summary>
    private sealed class FailingObserver : ICaseObserver
    {
        public Task OnAsync(Case c, Domain.Office office, CaseAction action, CancellationToken ct) => throw new IOException("The outbox went away.");
    }
}

public sealed class RegistrationIntegrityTestsSqlite(SqlitePortal f) : RegistrationIntegrityTests(f), IClassFixture<SqlitePortal>;
public sealed class RegistrationIntegrityTestsPostgres(PostgresPortal f) : RegistrationIntegrityTests(f), IClassFixture<PostgresPortal>;
