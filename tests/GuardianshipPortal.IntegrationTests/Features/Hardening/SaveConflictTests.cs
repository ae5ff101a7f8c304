using System.Net;
using GuardianshipPortal.Data;
using GuardianshipPortal.Domain.Cases;
using GuardianshipPortal.Domain.Documents;
using GuardianshipPortal.Domain.Services;
using GuardianshipPortal.Domain.Workflow;
using GuardianshipPortal.IntegrationTests.Infrastructure;
using GuardianshipPortal.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace GuardianshipPortal.IntegrationTests.Features.Hardening;

/// <summary>
/// Only a real conflict is a 409: a template's next version saved by another administrator at the same moment, a survey
/// answered a moment ago from another device. Any other failure of the save is an error, never reported as a conflict.
/// </summary>
public abstract class SaveConflictTests(PortalFixture fixture) : PortalTest(fixture)
{
    private const string Stale = "Осы уақыт ішінде үлгіні басқа әкімші өзгертті. Жаңа нұсқаны қарап, қайта сақтаңыз.";

    /// <summary>Runs a test's step once, just before the portal saves a new row of a kind: another user's save, or a failure.</summary>
    private sealed class BeforeSave : SaveChangesInterceptor
    {
        private Func<DbContext, bool>? _when;
        private Func<Task>? _then;

        public void Arm<T>(Func<Task> then) where T : class =>
            (_when, _then) = (c => c.ChangeTracker.Entries<T>().Any(e => e.State == EntityState.Added), then);

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
            DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (_when is { } when && eventData.Context is { } context && when(context))
            {
                var then = _then!;
                (_when, _then) = (null, null);
                await then();
            }
            return result;
        }
    }

    private static Task DiskFull() => Task.FromException(new DbUpdateException("The disk is full."));

    private PortalApp AppWith(BeforeSave interceptor) =>
        new(Fixture.Provider, services: s => s.ConfigureDbContext<PortalDbContext>(o => o.AddInterceptors(interceptor)));

    [Fact]
    public async Task A_template_version_saved_by_another_admin_at_the_same_moment_is_a_conflict_any_other_failure_is_not()
    {
        var interceptor = new BeforeSave();
        await using var app = AppWith(interceptor);
        var admin = new PortalClient(app);
        await admin.SignInAsync("admin");

        // Document wording: the other administrator's version 2 lands between the portal's check and its save.
        var document = await admin.GetAsync("/admin/templates/Receipt/kk");
        interceptor.Arm<DocumentTemplate>(() => app.WithDbAsync(async db =>
        {
            var current = await db.DocumentTemplates.AsNoTracking().SingleAsync(t => t.Kind == DocumentKind.Receipt && t.Language == "kk" && t.Version == 1);
            db.DocumentTemplates.Add(new DocumentTemplate { Id = Guid.NewGuid(), Kind = DocumentKind.Receipt, Language = "kk", Version = 2, Title = "Басқа әкімшінің нұсқасы", Body = current.Body });
            return await db.SaveChangesAsync();
        }));
        var lost = await admin.SubmitAsync(document, "[data-testid=template-form]", new Dictionary<string, string> { ["Title"] = "Менің нұсқам" }, followRedirects: false);

        Assert.Equal(HttpStatusCode.Conflict, lost.Status);
        Assert.Contains(Stale, lost.Errors);
        Assert.Equal(["Басқа әкімшінің нұсқасы"], await app.WithDbAsync(db =>
            db.DocumentTemplates.Where(t => t.Kind == DocumentKind.Receipt && t.Language == "kk" && t.Version > 1).Select(t => t.Title).ToListAsync()));

        var again = await admin.GetAsync("/admin/templates/Receipt/kk");
        interceptor.Arm<DocumentTemplate>(DiskFull);
        var failed = await admin.SubmitAsync(again, "[data-testid=template-form]", new Dictionary<string, string> { ["Title"] = "Менің нұсқам" }, followRedirects: false);

        Assert.Equal(HttpStatusCode.InternalServerError, failed.Status);
        Assert.Equal(2, await app.WithDbAsync(db => db.DocumentTemplates.Where(t => t.Kind == DocumentKind.Receipt && t.Language == "kk").MaxAsync(t => t.Version)));

        // Message wording: the same two cases.
        var message = await admin.GetAsync("/admin/messages/Accepted/kk");
        interceptor.Arm<MessageTemplate>(() => app.WithDbAsync(async db =>
        {
            var current = await db.MessageTemplates.AsNoTracking().SingleAsync(t => t.Event == "Accepted" && t.Language == "kk" && t.Version == 1);
            db.MessageTemplates.Add(new MessageTemplate { Id = Guid.NewGuid(), Event = "Accepted", Language = "kk", Version = 2, Subject = current.Subject, Body = current.Body + " Басқа әкімші." });
            return await db.SaveChangesAsync();
        }));
        var lostMessage = await admin.SubmitAsync(message, "[data-testid=message-form]", new Dictionary<string, string> { ["Body"] = "№ {number} өтініш тіркелді." }, followRedirects: false);

        Assert.Equal(HttpStatusCode.Conflict, lostMessage.Status);
        Assert.Contains(Stale, lostMessage.Errors);

        var messageAgain = await admin.GetAsync("/admin/messages/Accepted/kk");
        interceptor.Arm<MessageTemplate>(DiskFull);
        var failedMessage = await admin.SubmitAsync(messageAgain, "[data-testid=message-form]", new Dictionary<string, string> { ["Body"] = "№ {number} өтініш тіркелді." }, followRedirects: false);

        Assert.Equal(HttpStatusCode.InternalServerError, failedMessage.Status);
        Assert.EndsWith("Басқа әкімші.", await app.WithDbAsync(db =>
            db.MessageTemplates.Where(t => t.Event == "Accepted" && t.Language == "kk").OrderByDescending(t => t.Version).Select(t => t.Body).FirstAsync()));
    }

    [Fact]
    public async Task A_survey_answered_from_another_device_a_moment_ago_is_a_conflict_any_other_failure_is_not()
    {
        var interceptor = new BeforeSave();
        await using var app = AppWith(interceptor);
        var office = new OfficeDesk(app);
        var id = await new CaseFactory(app).AtAsync(ServiceCode.GuardianshipCertificate, Step.Issue);
        await office.IssueAsync(id);
        var clerk = await office.AsAsync("clerk");
        var form = await clerk.GetAsync($"/cases/{id}/survey");
        var answer = new Dictionary<string, string> { ["Quality"] = "Satisfied", ["Accessibility"] = "Satisfied" };

        interceptor.Arm<SurveyAnswer>(DiskFull);
        var failed = await clerk.SubmitAsync(form, "[data-testid=survey-form]", answer, followRedirects: false);

        Assert.Equal(HttpStatusCode.InternalServerError, failed.Status);
        Assert.False(await app.WithDbAsync(db => db.SurveyAnswers.AnyAsync(a => a.CaseId == id)));

        interceptor.Arm<SurveyAnswer>(() => app.WithDbAsync(async db =>
        {
            var c = await db.Cases.AsNoTracking().SingleAsync(x => x.Id == id);
            db.SurveyAnswers.Add(new SurveyAnswer
            {
                CaseId = id, OfficeId = c.OfficeId, Service = c.Service, AnsweredAt = c.ClosedAt!.Value,
                Quality = Satisfaction.NotSatisfied, Accessibility = Satisfaction.NotSatisfied, Place = SurveyPlace.Online,
            });
            return await db.SaveChangesAsync();
        }));
        var lost = await clerk.SubmitAsync(form, "[data-testid=survey-form]", answer, followRedirects: false);

        Assert.Equal(HttpStatusCode.Conflict, lost.Status);
        var stored = await app.WithDbAsync(db => db.SurveyAnswers.SingleAsync(a => a.CaseId == id));
        Assert.Equal((Satisfaction.NotSatisfied, SurveyPlace.Online), (stored.Quality, stored.Place));
    }
}

public sealed class SaveConflictTestsSqlite(SqlitePortal f) : SaveConflictTests(f), IClassFixture<SqlitePortal>;
public sealed class SaveConflictTestsPostgres(PostgresPortal f) : SaveConflictTests(f), IClassFixture<PostgresPortal>;
