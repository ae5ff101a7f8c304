using System.Net;
using GuardianshipPortal.Domain.Documents;
using GuardianshipPortal.Domain.Services;
using GuardianshipPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GuardianshipPortal.IntegrationTests.Features.Notifications;

/// <summary>The survey after the service: by the link of the "issued" message or at the counter, once per case, summed on the dashboard.</summary>
public abstract class SurveyTests(PortalFixture fixture) : PortalTest(fixture)
{
    private async Task<(Guid Id, string Number, string Code)> IssuedAsync(OfficeDesk office, bool consent = false)
    {
        var overrides = consent ? new Dictionary<string, string> { ["Email"] = "a@example.kz", ["NotifyConsent"] = "true" } : null;
        var id = (await office.RegisterAsync(ServiceCode.GuardianshipCertificate, overrides: overrides)).CaseId;
        await office.ResolveAsync(id);
        await office.DraftAsync(id, ServiceCode.GuardianshipCertificate);
        await office.SignAsync(id);
        await office.IssueAsync(id);
        return await App.WithDbAsync(async db => (id,
            await db.Cases.Where(c => c.Id == id).Select(c => c.Number).SingleAsync(),
            await db.IssuedDocuments.Where(d => d.CaseId == id && d.Kind == DocumentKind.Receipt).Select(d => d.VerificationCode).SingleAsync()));
    }

    [Fact]
    public async Task The_link_of_the_issued_message_opens_the_survey_which_takes_one_answer_per_case()
    {
        var office = new OfficeDesk(App);
        var (id, number, code) = await IssuedAsync(office, consent: true);
        var issued = await App.WithDbAsync(db => db.OutboxMessages.Where(m => m.CaseId == id && m.Event == "ApplicantIssued" && m.Channel == Messaging.OutboxChannel.Sms).Select(m => m.Body).SingleAsync());
        var link = System.Text.RegularExpressions.Regex.Match(issued, @"http://localhost:5080(/survey\?\S+)").Groups[1].Value;
        Assert.Equal($"/survey?number={Uri.EscapeDataString(number)}&code={code}", link);
        var anyone = NewClient();

        var form = await anyone.GetAsync(link);
        var incomplete = await anyone.SubmitAsync(form, "[data-testid=survey-form]", new Dictionary<string, string> { ["Quality"] = "Satisfied" });
        Assert.Equal(HttpStatusCode.BadRequest, incomplete.Status);
        Assert.Single(incomplete.Errors);
        var bogus = await anyone.SubmitAsync(form, "[data-testid=survey-form]", new Dictionary<string, string> { ["Quality"] = "7", ["Accessibility"] = "Satisfied" }, allowUnknownFields: true);
        Assert.Equal(HttpStatusCode.BadRequest, bogus.Status);
        var answered = await anyone.SubmitAsync(form, "[data-testid=survey-form]", new Dictionary<string, string> { ["Quality"] = "Satisfied", ["Accessibility"] = "PartlySatisfied" });
        Assert.Equal(HttpStatusCode.OK, answered.Status);
        Assert.Equal("Рақмет! Бұл өтініш бойынша жауап қабылданды.", answered.Text("[data-testid=survey-message]"));
        var again = await anyone.SubmitAsync(form, "[data-testid=survey-form]", new Dictionary<string, string> { ["Quality"] = "NotSatisfied", ["Accessibility"] = "NotSatisfied" });
        Assert.Equal(HttpStatusCode.Conflict, again.Status);
        var wrong = await anyone.GetAsync($"/survey?number={number}&code=AAAA-BBBB-CCCC");
        Assert.Equal(HttpStatusCode.NotFound, wrong.Status);

        var stored = await App.WithDbAsync(db => db.SurveyAnswers.Where(a => a.CaseId == id).ToListAsync());
        Assert.Equal((Domain.Cases.Satisfaction.Satisfied, Domain.Cases.Satisfaction.PartlySatisfied, Domain.Cases.SurveyPlace.Online),
            (stored.Single().Quality, stored.Single().Accessibility, stored.Single().Place));
    }

    [Fact]
    public async Task The_result_taken_home_carries_the_surveys_qr_code_and_the_receipt_does_not()
    {
        if (PdfText.SkipReason is { } reason) Assert.Skip(reason);
        var office = new OfficeDesk(App);
        var (id, _, _) = await IssuedAsync(office);
        var clerk = await office.AsAsync("clerk");
        async Task<string> TextAsync(DocumentKind kind)
        {
            var document = await App.WithDbAsync(db => db.IssuedDocuments.SingleAsync(d => d.CaseId == id && d.Kind == kind));
            var pdf = await clerk.Http.GetByteArrayAsync($"/documents/{document.Id}", TestContext.Current.CancellationToken);
            return PdfText.Flat(await PdfText.ExtractAsync(pdf));
        }

        Assert.Contains("Қызмет сапасын бағалаңыз:", await TextAsync(DocumentKind.GuardianshipCertificate));
        Assert.DoesNotContain("Қызмет сапасын бағалаңыз:", await TextAsync(DocumentKind.Receipt));
    }

    [Fact]
    public async Task Before_the_result_is_issued_the_survey_is_closed()
    {
        var office = new OfficeDesk(App);
        var id = (await office.RegisterAsync(ServiceCode.GuardianshipCertificate)).CaseId;
        var (number, code) = await App.WithDbAsync(async db => (
            await db.Cases.Where(c => c.Id == id).Select(c => c.Number).SingleAsync(),
            await db.IssuedDocuments.Where(d => d.CaseId == id && d.Kind == DocumentKind.Receipt).Select(d => d.VerificationCode).SingleAsync()));
        var page = await NewClient().GetAsync($"/survey?number={number}&code={code}");
        Assert.Equal("Сауалнама нәтиже берілгеннен кейін ашылады.", page.Text("[data-testid=survey-message]"));
        Assert.Null(page.Document.QuerySelector("[data-testid=survey-form]"));
    }

    [Fact]
    public async Task At_the_counter_the_clerk_hands_the_survey_over_and_the_dashboard_sums_match_the_database()
    {
        var office = new OfficeDesk(App);
        var (id, _, _) = await IssuedAsync(office);
        await IssuedAsync(office);
        var clerk = await office.AsAsync("clerk");
        var casePage = await clerk.GetAsync($"/cases/{id}");
        var form = await clerk.GetAsync(casePage.Document.QuerySelector("[data-testid=survey-at-counter]")!.GetAttribute("href")!);
        await clerk.SubmitAsync(form, "[data-testid=survey-form]", new Dictionary<string, string> { ["Quality"] = "Satisfied", ["Accessibility"] = "Satisfied" });
        var otherOffice = await new OfficeDesk(App, "2").AsAsync("clerk");
        Assert.Equal(HttpStatusCode.NotFound, (await otherOffice.GetAsync($"/cases/{id}/survey")).Status);

        var dashboard = await (await office.AsAsync("head")).GetAsync("/dashboard");

        var expected = await App.WithDbAsync(async db =>
        {
            var closed = await db.Cases.Where(c => c.Office!.Code == "KRG-01" && c.Service == ServiceCode.GuardianshipCertificate && c.ClosedAt != null).Select(c => c.Id).ToListAsync();
            var answers = await db.SurveyAnswers.Where(a => closed.Contains(a.CaseId)).ToListAsync();
            return (Issued: closed.Count, Answered: answers.Count, Quality: answers.Count(a => a.Quality == Domain.Cases.Satisfaction.Satisfied));
        });
        var row = dashboard.Document.QuerySelector("[data-testid=survey] tr[data-service=GuardianshipCertificate]")!;
        Assert.StartsWith($"{expected.Answered} (", row.QuerySelector("[data-testid=survey-answered]")!.TextContent);
        Assert.Equal(expected.Quality.ToString(), row.QuerySelector("[data-testid=survey-quality]")!.TextContent);
        Assert.True(expected.Answered >= 1 && expected.Issued >= 2);
        Assert.Equal(Domain.Cases.SurveyPlace.Counter, await App.WithDbAsync(db => db.SurveyAnswers.Where(a => a.CaseId == id).Select(a => a.Place).SingleAsync()));
    }
}

public sealed class SurveyTestsSqlite(SqlitePortal f) : SurveyTests(f), IClassFixture<SqlitePortal>;
public sealed class SurveyTestsPostgres(PostgresPortal f) : SurveyTests(f), IClassFixture<PostgresPortal>;
