using System.Net;
using GuardianshipPortal.Domain.Services;
using GuardianshipPortal.Domain.Workflow;
using GuardianshipPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GuardianshipPortal.IntegrationTests.Features.Notifications;

/// <summary>
/// The applicant who agreed is told of each change of the case by SMS and e-mail, in the case's language, and the case
/// page shows what was sent; without consent nothing is sent, and an action that fails sends nothing.
/// </summary>
public abstract class ApplicantNotificationTests(PortalFixture fixture) : PortalTest(fixture)
{
    private static Dictionary<string, string> Consent(string email = "aizhan@example.kz") => new()
    {
        ["Applicant.Phone"] = "8 (701) 111-22-33", ["Email"] = email, ["NotifyConsent"] = "true",
    };

    private Task<List<(string Event, string Channel, string Recipient, string Language, string Subject, string Body)>> MessagesAsync(Guid id) =>
        App.WithDbAsync(async db => (await db.OutboxMessages.Where(m => m.CaseId == id).OrderBy(m => m.Id).ToListAsync())
            .Select(m => (m.Event, m.Channel.ToString(), m.Recipient, m.Language, m.Subject, m.Body)).ToList());

    [Fact]
    public async Task Each_change_reaches_the_applicant_by_sms_and_email_in_the_cases_language()
    {
        var office = new OfficeDesk(App);
        var id = (await office.RegisterAsync(ServiceCode.GuardianshipCertificate, overrides: Consent())).CaseId;
        var stored = await App.WithDbAsync(db => db.Cases.SingleAsync(c => c.Id == id));
        Assert.Equal(("+77011112233", "aizhan@example.kz", true), (stored.NotifyPhone, stored.NotifyEmail, stored.NotifyConsent));
        await office.ResolveAsync(id);
        await office.DraftAsync(id, ServiceCode.GuardianshipCertificate);
        await office.SignAsync(id);
        await office.IssueAsync(id);

        var messages = await MessagesAsync(id);

        Assert.Equal(
            [("ApplicantAccepted", "Sms"), ("ApplicantAccepted", "Email"), ("ApplicantReady", "Sms"), ("ApplicantReady", "Email"),
             ("ApplicantIssued", "Sms"), ("ApplicantIssued", "Email")],
            messages.Select(m => (m.Event, m.Channel)));
        Assert.All(messages, m => Assert.Equal("kk", m.Language));
        Assert.All(messages.Where(m => m.Channel == "Sms"), m => Assert.Equal("+77011112233", m.Recipient));
        var accepted = messages[0].Body;
        Assert.StartsWith($"№ {stored.Number} өтінішіңіз қабылданды: «", accepted);
        Assert.Contains($"Нәтиже {TimeZoneInfo.ConvertTime(stored.DueAt, TimeZoneInfo.FindSystemTimeZoneById("Asia/Almaty")):dd.MM.yyyy} дайын болады.", accepted);
        Assert.StartsWith("Құрметті Айжан Болатқызы!", messages[1].Body);
        Assert.Contains("қабылдау уақыты 09:00–17:30", messages[2].Body);

        var page = await (await office.AsAsync("head")).GetAsync($"/cases/{id}");
        Assert.Equal(6, page.Document.QuerySelectorAll("[data-testid=notifications] tr").Length);
        Assert.Equal("Жіберілуде", page.Texts("[data-testid=notification-status]").First());
    }

    [Fact]
    public async Task A_russian_speaking_woman_is_addressed_as_such_and_a_refusal_is_told_as_a_refusal()
    {
        var office = new OfficeDesk(App);
        var id = (await office.RegisterAsync(ServiceCode.GuardianshipCertificate, language: "ru", overrides: Consent())).CaseId;
        await office.ResolveAsync(id);
        await office.DraftAsync(id, ServiceCode.GuardianshipCertificate, refuse: true);
        await office.SignAsync(id);

        var messages = await MessagesAsync(id);

        Assert.Equal(["ApplicantAccepted", "ApplicantAccepted", "ApplicantRefused", "ApplicantRefused"], messages.Select(m => m.Event));
        Assert.All(messages, m => Assert.Equal("ru", m.Language));
        Assert.StartsWith("Уважаемая Айжан Болатқызы!", messages[1].Body);
        Assert.Contains("подготовлен мотивированный отказ", messages[2].Body);
        Assert.StartsWith("Решение по заявлению № ", messages[3].Subject);
    }

    [Fact]
    public async Task An_extension_and_a_stopped_clock_are_told_with_the_new_date_and_the_reason()
    {
        var id = await new CaseFactory(App).AtAsync(ServiceCode.GuardianshipCertificate, Step.Drafting);
        await App.WithDbAsync(db => db.Cases.Where(c => c.Id == id).ExecuteUpdateAsync(u => u
            .SetProperty(c => c.NotifyConsent, true).SetProperty(c => c.NotifyPhone, "+77011112233")));
        var office = new OfficeDesk(App);
        var specialist = await office.AsAsync("specialist");
        await specialist.SubmitAsync(await specialist.GetAsync($"/cases/{id}"), "[data-testid=suspend-form]",
            new Dictionary<string, string> { ["Suspend.Reason"] = "Соттың шешімінің көшірмесі күтілуде" });
        await specialist.SubmitAsync(await specialist.GetAsync($"/cases/{id}"), "[data-testid=resume-form]");
        var head = await office.AsAsync("head");
        await head.SubmitAsync(await head.GetAsync($"/cases/{id}"), "[data-testid=extend-form]", new Dictionary<string, string>
        {
            ["Extend.Days"] = "3", ["Extend.Reason"] = "InterAgencyRequest", ["Extend.Comment"] = "ХҚКО-дан мәлімет сұратылды",
        });

        var messages = await MessagesAsync(id);
        var due = await App.WithDbAsync(db => db.Cases.Where(c => c.Id == id).Select(c => c.DueAt).SingleAsync());

        Assert.Equal(["ApplicantSuspended", "ApplicantResumed", "ApplicantExtended"], messages.Select(m => m.Event));
        Assert.Contains($"{TimeZoneInfo.ConvertTime(due, TimeZoneInfo.FindSystemTimeZoneById("Asia/Almaty")):dd.MM.yyyy} дейін ұзартылды", messages[2].Body);
        Assert.Contains("Себебі: ", messages[2].Body);
    }

    [Fact]
    public async Task Without_consent_nothing_is_sent_and_bad_contacts_are_refused_before_anything_is_saved()
    {
        var office = new OfficeDesk(App);
        var silent = (await office.RegisterAsync(ServiceCode.GuardianshipCertificate)).CaseId;
        Assert.Empty(await MessagesAsync(silent));
        var page = await (await office.AsAsync("head")).GetAsync($"/cases/{silent}");
        Assert.NotNull(page.Document.QuerySelector("[data-testid=notifications-none]"));

        var cases = await App.WithDbAsync(db => db.Cases.CountAsync());
        var badPhone = await office.RegisterAsync(ServiceCode.GuardianshipCertificate, overrides: new Dictionary<string, string> { ["Applicant.Phone"] = "+7 123 45" });
        var noContact = await office.RegisterAsync(ServiceCode.GuardianshipCertificate,
            overrides: new Dictionary<string, string> { ["Applicant.Phone"] = "", ["NotifyConsent"] = "true" });
        var badEmail = await office.RegisterAsync(ServiceCode.GuardianshipCertificate, overrides: Consent("aizhan@"));

        Assert.Equal(HttpStatusCode.BadRequest, badPhone.Status);
        Assert.Contains("Өтініш беруші, Телефоны: Ұялы телефон нөмірі +7 7XX XXX XX XX түрінде болуы тиіс.", badPhone.Errors);
        Assert.Contains("Хабарлама алуға келісім үшін ұялы телефонды немесе электрондық поштаны көрсетіңіз.", noContact.Errors);
        Assert.Contains("Электрондық пошта мекенжайы жарамсыз.", badEmail.Errors);
        Assert.Equal(cases, await App.WithDbAsync(db => db.Cases.CountAsync()));
    }

    [Fact]
    public async Task An_office_that_tells_by_email_only_sends_no_sms()
    {
        var admin = NewClient();
        await admin.SignInAsync("admin");
        var officeId = await App.WithDbAsync(db => db.Offices.Where(o => o.Code == "KRG-02").Select(o => o.Id).SingleAsync());
        var form = await admin.GetAsync($"/admin/offices/{officeId}/edit");
        form.Uncheck("#NotifyBySms");
        var saved = await admin.SubmitAsync(form, "[data-testid=office-form]");
        Assert.Equal(HttpStatusCode.OK, saved.Status);
        Assert.False(await App.WithDbAsync(db => db.Offices.Where(o => o.Id == officeId).Select(o => o.NotifyBySms).SingleAsync()));

        var id = (await new OfficeDesk(App, "2").RegisterAsync(ServiceCode.GuardianshipCertificate, overrides: Consent())).CaseId;

        Assert.Equal(["Email"], (await MessagesAsync(id)).Select(m => m.Channel));
    }

    [Fact]
    public async Task The_administrator_rewords_a_message_as_a_new_version_and_an_unknown_placeholder_is_refused()
    {
        await using var app = new PortalApp(Fixture.Provider); // the wording changes for the whole portal: a portal of its own
        var admin = new PortalClient(app);
        await admin.SignInAsync("admin");
        var list = await admin.GetAsync("/admin/messages");
        Assert.Equal(Enum.GetValues<Web.Features.Notifications.ApplicantEvent>().Length * 2, list.Document.QuerySelectorAll("[data-testid=message-templates] tbody tr").Length);
        var form = await admin.GetAsync("/admin/messages/Accepted/kk");

        var unknown = await admin.SubmitAsync(form, "[data-testid=message-form]", new Dictionary<string, string> { ["Body"] = "№ {number}: {applicant_iin} қабылданды." });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.Status);
        Assert.Contains("{applicant_iin}", unknown.Errors.Single());
        var saved = await admin.SubmitAsync(form, "[data-testid=message-form]", new Dictionary<string, string>
        {
            ["Body"] = "{greeting} № {number} өтініш тіркелді, нәтиже {date} дайын болады. {office}",
        });
        Assert.Equal(HttpStatusCode.OK, saved.Status);
        Assert.Equal(2, await app.WithDbAsync(db => db.MessageTemplates.Where(t => t.Event == "Accepted" && t.Language == "kk").MaxAsync(t => t.Version)));

        var id = (await new OfficeDesk(app).RegisterAsync(ServiceCode.GuardianshipCertificate, overrides: Consent())).CaseId;
        var sms = await app.WithDbAsync(db => db.OutboxMessages.Where(m => m.CaseId == id && m.Channel == Messaging.OutboxChannel.Sms).Select(m => m.Body).FirstAsync());
        Assert.StartsWith("Құрметті Айжан Болатқызы! № KRG-01-GC-", sms);
        Assert.EndsWith("дайын болады. Қарағанды қаласының білім бөлімі", sms);
        var stale = await admin.SubmitAsync(form, "[data-testid=message-form]", new Dictionary<string, string> { ["Body"] = "№ {number}" });
        Assert.Equal(HttpStatusCode.Conflict, stale.Status);
    }

    [Fact]
    public async Task A_signature_that_loses_to_another_sends_nothing_of_its_own()
    {
        var office = new OfficeDesk(App);
        var id = (await office.RegisterAsync(ServiceCode.GuardianshipCertificate, overrides: Consent())).CaseId;
        await office.ResolveAsync(id);
        await office.DraftAsync(id, ServiceCode.GuardianshipCertificate);
        var head = await office.AsAsync("head");
        var stale = await head.GetAsync($"/cases/{id}");
        await office.SignAsync(id);

        var late = await head.SubmitAsync(stale, "[data-testid=sign-form]");

        Assert.Equal(HttpStatusCode.Conflict, late.Status);
        Assert.Equal(2, (await MessagesAsync(id)).Count(m => m.Event == "ApplicantReady"));
    }
}

public sealed class ApplicantNotificationTestsSqlite(SqlitePortal f) : ApplicantNotificationTests(f), IClassFixture<SqlitePortal>;
public sealed class ApplicantNotificationTestsPostgres(PostgresPortal f) : ApplicantNotificationTests(f), IClassFixture<PostgresPortal>;
