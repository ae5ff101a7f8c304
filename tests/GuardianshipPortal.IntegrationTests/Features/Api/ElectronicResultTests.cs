using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using GuardianshipPortal.Domain.Cases;
using GuardianshipPortal.Domain.Documents;
using GuardianshipPortal.Domain.Persons;
using GuardianshipPortal.Domain.Services;
using GuardianshipPortal.Domain.Workflow;
using GuardianshipPortal.IntegrationTests.Infrastructure;
using GuardianshipPortal.UnitTests.Signatures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static GuardianshipPortal.IntegrationTests.Features.Api.PartnerRig;

namespace GuardianshipPortal.IntegrationTests.Features.Api;

/// <summary>
/// What comes back of an electronic request: each service's result on its channel (the signed document through the
/// partner, or a notice to come to the office), the Public Service Center's three-day return of documents with errors,
/// a representative's request, and an endpoint that answers any body without a 500.
/// </summary>
public abstract class ElectronicResultTests(PortalFixture fixture) : PortalTest(fixture), IDisposable
{
    private const string CenterBin = "150440012345";
    private PortalApp? _own;
    private PartnerRig? _partners;
    private PartnerRig Rig => _partners ??= new PartnerRig(() => _own ?? App);

    public void Dispose() => _partners?.Dispose();

    [Theory]
    [InlineData(ServiceCode.FosterPlacement, "office")]
    [InlineData(ServiceCode.AdopterRegistration, "office")]
    [InlineData(ServiceCode.AdoptionLumpSum, "partner")]
    [InlineData(ServiceCode.FosterMaintenance, "partner")]
    [InlineData(ServiceCode.GuardianshipCertificate, "partner")]
    public async Task Each_service_requested_through_the_portal_reaches_the_result_its_channel_gives(ServiceCode service, string delivery)
    {
        var definition = App.Services.GetRequiredService<ServiceCatalog>()[service];
        var key = await Rig.PartnerAsync(Channel.EGov);
        var iin = OfficeDesk.NewIin(new DateOnly(1984, 6, 2), Sex.Female);
        var externalId = $"egov-{service}-{Guid.NewGuid():N}"[..40];
        var created = await Rig.PostAsync(key, TestPki.Sign(Rig.Citizen(iin),
            Content(Payload(externalId, iin, service: definition.SpecCode, items: [.. definition.Checklist.Where(c => c.Required).Select(c => c.Code)])), false));
        Assert.True(created.Status == HttpStatusCode.Created, created.Body.ToString());
        var id = Guid.Parse(created.Body.GetProperty("id").GetString()!);

        var office = new OfficeDesk(App);
        await office.ResolveAsync(id);
        if (definition.NeedsCommission) await office.CommissionAsync(id);
        if (definition.NeedsHousingInspection) await office.InspectAsync(id);
        await office.DraftAsync(id, service);
        await office.SignAsync(id);

        var state = await Rig.CallAsync(key, HttpMethod.Get, $"/api/v1/requests/{id}");
        using var json = JsonDocument.Parse(state.Body);
        Assert.Equal(delivery, json.RootElement.GetProperty("resultDelivery").GetString());
        var kinds = json.RootElement.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("kind").GetString()).ToList();
        var result = definition.ResultDocument(Outcome.Approved).ToString();
        var report = new { receivedBy = "Серікова Айжан Болатқызы", recipientDocument = "eGov" };
        if (delivery == "office")
        {
            // The applicant is told to come: the partner gets the notice, never the contract or conclusion itself.
            Assert.Equal(new[] { nameof(DocumentKind.Receipt), nameof(DocumentKind.ReadinessNotification) }.Order(), kinds.Order());
            var resultId = await App.WithDbAsync(db => db.IssuedDocuments.Where(d => d.CaseId == id && d.Kind == definition.ResultDocument(Outcome.Approved)).Select(d => d.Id).SingleAsync());
            Assert.Equal(HttpStatusCode.NotFound, (await Rig.CallAsync(key, HttpMethod.Get, $"/api/v1/requests/{id}/documents/{resultId}")).Status);
            var refused = await Rig.CallAsync(key, HttpMethod.Post, $"/api/v1/requests/{id}/issued", report);
            Assert.Equal(HttpStatusCode.Conflict, refused.Status);
            Assert.Contains("issued_at_office", refused.Body);
            await office.IssueAsync(id);
        }
        else
        {
            Assert.Contains(result, kinds);
            Assert.DoesNotContain(nameof(DocumentKind.ReadinessNotification), kinds);
            var url = json.RootElement.GetProperty("documents").EnumerateArray().Single(d => d.GetProperty("kind").GetString() == result).GetProperty("url").GetString()!;
            var pdf = await Rig.CallAsync(key, HttpMethod.Get, url);
            Assert.Equal(HttpStatusCode.OK, pdf.Status);
            Assert.StartsWith("%PDF", pdf.Body);
            Assert.Equal(HttpStatusCode.OK, (await Rig.CallAsync(key, HttpMethod.Post, $"/api/v1/requests/{id}/issued", report)).Status);
        }
        var after = await Rig.CallAsync(key, HttpMethod.Get, $"/api/v1/requests/{id}");
        Assert.Contains("\"status\":\"closed\"", after.Body);
        Assert.Equal(Step.Closed, await App.WithDbAsync(db => db.Cases.Where(c => c.Id == id).Select(c => c.Step).SingleAsync()));
    }

    [Fact]
    public async Task A_centers_documents_with_errors_go_back_to_it_with_reasons_within_three_working_days()
    {
        var clock = new TestClock(DateTimeOffset.UtcNow);
        await using var app = new PortalApp(Fixture.Provider, clock: clock);
        _own = app;
        using var receiver = new HttpReceiver((_, _) => HttpStatusCode.OK);
        var key = await Rig.PartnerAsync(Channel.PublicServiceCenter, CenterBin, receiver.Url + "hook", "center-secret");
        var iin = OfficeDesk.NewIin(new DateOnly(1984, 6, 2), Sex.Female);
        var created = await Rig.PostAsync(key, TestPki.Sign(Rig.CenterOfficer(CenterBin), Content(Payload("psc-ret-1", iin, email: "aizhan@example.kz")), false));
        Assert.Equal(HttpStatusCode.Created, created.Status);
        var id = Guid.Parse(created.Body.GetProperty("id").GetString()!);
        var number = created.Body.GetProperty("registrationNumber").GetString();
        var office = new OfficeDesk(app);

        // The clerk's queue shows where the request came from and until when it may go back.
        var clerk = await office.AsAsync("clerk");
        var row = (await clerk.GetAsync("/")).Document.QuerySelector($"[data-testid=queue-registered] tr[data-number='{number}']");
        Assert.NotNull(row);
        Assert.Contains("PublicServiceCenter", row!.QuerySelector("[data-testid=queue-channel]")!.TextContent);
        Assert.NotNull(row.QuerySelector("[data-testid=center-return-by]"));

        // Three working days of the office's calendar after the day the request could first be read, to the close of the third.
        var (deadline, workingDays, closes) = await app.WithDbAsync(async db =>
        {
            var c = await db.Cases.Include(x => x.Office).SingleAsync(x => x.Id == id);
            var time = c.Office!.WorkingTime(new Domain.Calendar.WorkingCalendar(await db.CalendarDays.ToListAsync()));
            var by = CenterReturn.Deadline(c.RegisteredAt, time);
            var days = 0;
            for (var d = time.CountingDay(c.RegisteredAt).AddDays(1); d <= time.LocalDate(by); d = d.AddDays(1))
                if (time.Calendar.IsWorkingDay(d)) days++;
            return (by, days, TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(by, c.Office.Zone()).DateTime));
        });
        Assert.Equal(3, workingDays);
        Assert.Equal(new TimeOnly(18, 30), closes);

        var specialist = await office.AsAsync("specialist");
        Assert.Equal(HttpStatusCode.Forbidden, (await specialist.PostAsync($"/cases/{id}/return-to-center", new Dictionary<string, string>
        {
            ["CenterReturn.Version"] = "1", ["CenterReturn.Reasons"] = "IncompleteDocuments", ["CenterReturn.Text"] = "x",
        })).Status);

        async Task<Page> ReturnAsync(params string[] reasons)
        {
            var page = await clerk.GetAsync($"/cases/{id}");
            Assert.NotNull(page.Document.QuerySelector("[data-testid=center-return-form]"));
            foreach (var r in reasons) page.Check($"#CenterReturn_{r}");
            return await clerk.SubmitAsync(page, "[data-testid=center-return-form]", new Dictionary<string, string>
            {
                ["CenterReturn.Text"] = "Баланың туу туралы куәлігінің көшірмесі жоқ, өтініштегі ЖСН құжатпен сәйкес келмейді.",
            });
        }

        // A moment after the third day's close the documents are the office's to examine: the form is gone, a post is refused.
        clock.Now = deadline.AddMinutes(1);
        clerk = new PortalClient(app); // the morning's session has long expired
        await clerk.SignInAsync("clerk");
        Assert.Null((await clerk.GetAsync($"/cases/{id}")).Document.QuerySelector("[data-testid=center-return-form]"));
        var version = await app.WithDbAsync(db => db.Cases.Where(c => c.Id == id).Select(c => c.Version).SingleAsync());
        var late = await clerk.PostAsync($"/cases/{id}/return-to-center", new Dictionary<string, string>
        {
            ["CenterReturn.Version"] = version.ToString(), ["CenterReturn.Reasons"] = "IncompleteDocuments", ["CenterReturn.Text"] = "кеш",
        });
        Assert.Equal(HttpStatusCode.BadRequest, late.Status);
        Assert.NotEmpty(late.Errors);
        Assert.Equal(Step.Resolution, await app.WithDbAsync(db => db.Cases.Where(c => c.Id == id).Select(c => c.Step).SingleAsync()));

        clock.Now = deadline.AddMinutes(-1);
        clerk = new PortalClient(app);
        await clerk.SignInAsync("clerk");
        var none = await ReturnAsync();
        Assert.Equal(HttpStatusCode.BadRequest, none.Status);
        Assert.NotEmpty(none.Errors);
        var done = await ReturnAsync("IncompleteDocuments", "DataMismatch");
        Assert.Equal(HttpStatusCode.OK, done.Status);
        Assert.NotNull(done.Document.QuerySelector("[data-testid=center-returned]"));

        var (step, returned, history, messages) = await app.WithDbAsync(async db => (
            await db.Cases.Where(c => c.Id == id).Select(c => c.Step).SingleAsync(),
            await db.CenterReturns.SingleAsync(r => r.CaseId == id),
            await db.CaseEvents.Where(e => e.CaseId == id).OrderBy(e => e.Id).Select(e => new { e.Action, e.Role }).ToListAsync(),
            await db.OutboxMessages.Where(m => m.CaseId == id).OrderBy(m => m.Id).Select(m => new { m.Event, m.Body, m.Channel }).ToListAsync()));
        Assert.Equal(Step.Closed, step);
        Assert.Equal([CenterReturnReason.IncompleteDocuments, CenterReturnReason.DataMismatch], returned.ReasonList);
        Assert.Equal((CaseAction.ReturnToCenter, Domain.Roles.Clerk), (history[^1].Action, history[^1].Role));
        var callback = messages.Single(m => m.Event == "Partner_returned");
        using (var body = JsonDocument.Parse(callback.Body))
        {
            var r = body.RootElement.GetProperty("returned");
            Assert.Equal(["incomplete_documents", "data_mismatch"], r.GetProperty("reasons").EnumerateArray().Select(x => x.GetString()));
            Assert.Contains("Представлен неполный пакет документов", r.GetProperty("ru").GetString());
        }
        var told = messages.Single(m => m.Event == "ApplicantReturned" && m.Channel == Messaging.OutboxChannel.Email);
        Assert.Contains("возвращены в Центр обслуживания населения", told.Body);
        Assert.Contains("Данные заявления не совпадают с документами", told.Body);

        var state = await Rig.CallAsync(key, HttpMethod.Get, $"/api/v1/requests/{id}");
        Assert.Contains("\"status\":\"returned\"", state.Body);
        // The applicant's status page says the documents went back, not that a result was issued.
        var receipt = await app.WithDbAsync(db => db.IssuedDocuments.Where(d => d.CaseId == id && d.Kind == DocumentKind.Receipt).Select(d => d.VerificationCode).SingleAsync());
        var status = await new PortalClient(app).GetAsync(Web.Features.Status.ReceiptLookup.Link("/status", number!, receipt));
        Assert.Contains("alert-warning", status.Document.QuerySelector("[data-testid=status-result]")!.ClassName);
        Assert.Single(status.Document.QuerySelectorAll("[data-testid=status-steps] li[data-state=done]"));

        // A case from the counter has no Center to go back to.
        var counter = (await new OfficeDesk(app).RegisterAsync(ServiceCode.GuardianshipCertificate)).CaseId;
        Assert.Null((await clerk.GetAsync($"/cases/{counter}")).Document.QuerySelector("[data-testid=center-return-form]"));
        var refused = await clerk.PostAsync($"/cases/{counter}/return-to-center", new Dictionary<string, string>
        {
            ["CenterReturn.Version"] = "1", ["CenterReturn.Reasons"] = "IncompleteDocuments", ["CenterReturn.Text"] = "x",
        });
        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        _own = null;
    }

    [Fact]
    public async Task A_callback_still_owed_when_the_portal_stops_is_delivered_once_by_the_portal_started_again()
    {
        using var receiver = new HttpReceiver((_, n) => n <= 2 ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.OK);
        const string secret = "restart-secret";
        await using var first = new PortalApp(Fixture.Provider);
        _own = first;
        var key = await Rig.PartnerAsync(Channel.EGov, "", receiver.Url + "hook", secret);
        var iin = OfficeDesk.NewIin(new DateOnly(1984, 6, 2), Sex.Female);
        var created = await Rig.PostAsync(key, TestPki.Sign(Rig.Citizen(iin), Content(Payload("restart-1", iin)), false));
        var id = Guid.Parse(created.Body.GetProperty("id").GetString()!);
        await DispatchAsync(first, rounds: 2); // the partner is down: two attempts fail

        // The portal goes down and comes up again on the same database and keys: what it owed the partner is still owed.
        await using var second = new PortalApp(Fixture.Provider, connectionString: first.ConnectionString,
            settings: new Dictionary<string, string> { ["DataProtection:KeysPath"] = Path.Combine(first.WorkDirectory, "keys") });
        await DispatchAsync(second, rounds: 3);

        var calls = receiver.Requests.Where(r => r.Body.Contains(id.ToString())).ToList();
        Assert.Equal(3, calls.Count);
        Assert.Equal([HttpStatusCode.ServiceUnavailable, HttpStatusCode.ServiceUnavailable, HttpStatusCode.OK], calls.Select(c => c.Answered));
        Assert.All(calls, c => Assert.Equal(Web.Features.Api.PartnerCallbacks.Sign(secret, c.Body), c.Headers["X-Signature"]));
        Assert.Equal(Messaging.OutboxStatus.Sent, await second.WithDbAsync(db => db.OutboxMessages.Where(m => m.CaseId == id && m.Event == "Partner_registered").Select(m => m.Status).SingleAsync()));
        _own = null;
    }

    [Fact]
    public async Task What_the_applicant_supplied_of_the_result_is_where_the_specialists_draft_starts()
    {
        var key = await Rig.PartnerAsync(Channel.EGov);
        var iin = OfficeDesk.NewIin(new DateOnly(1984, 6, 2), Sex.Female);
        var definition = App.Services.GetRequiredService<ServiceCatalog>()[ServiceCode.AdoptionLumpSum];
        var items = definition.Checklist.Where(c => c.Required).Select(c => c.Code).ToArray();
        JsonObject Request(string id, JsonObject fields)
        {
            var payload = JsonSerializer.SerializeToNode(Payload(id, iin, service: definition.SpecCode, items: items))!.AsObject();
            payload["serviceFields"] = fields;
            return payload;
        }
        async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(JsonObject payload)
        {
            var answer = await Rig.PostAsync(key, TestPki.Sign(Rig.Citizen(iin), System.Text.Encoding.UTF8.GetBytes(payload.ToJsonString()), false));
            return (answer.Status, answer.Body);
        }

        var badIban = await SendAsync(Request("ls-f-1", new JsonObject { ["iban"] = "KZ00 0000 0000 0000 0000" }));
        var longCourt = await SendAsync(Request("ls-f-2", new JsonObject { ["courtName"] = new string('С', 301) }));
        var nulls = await SendAsync(Request("ls-f-3", new JsonObject { ["courtName"] = null, ["bankName"] = null }));
        var good = await SendAsync(Request("ls-f-4", new JsonObject
        {
            ["courtName"] = "Қарағанды қаласының мамандандырылған ауданаралық ювеналдық соты", ["courtDecisionNumber"] = "2-777/2026",
            ["courtDecisionDate"] = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-30)).ToString("yyyy-MM-dd"),
            ["bankName"] = "Halyk Bank", ["iban"] = "KZ16 601A 8710 0123 4567",
            ["placementAddress"] = "not this service's", ["periodFrom"] = "2026-01-01",
        }));

        Assert.Equal(("malformed", "serviceFields.iban"), (badIban.Body.GetProperty("code").GetString(), badIban.Body.GetProperty("field").GetString()));
        Assert.Equal(("text_too_long", "serviceFields.courtName"), (longCourt.Body.GetProperty("code").GetString(), longCourt.Body.GetProperty("field").GetString()));
        Assert.Equal(HttpStatusCode.Created, nulls.Status);
        Assert.Equal(HttpStatusCode.Created, good.Status);
        var id = Guid.Parse(good.Body.GetProperty("id").GetString()!);
        var draft = await App.WithDbAsync(db => db.Drafts.SingleAsync(d => d.CaseId == id));
        Assert.Equal(("2-777/2026", "KZ16601A871001234567", "", null), (draft.CourtDecisionNumber, draft.Iban, draft.PlacementAddress, draft.PeriodFrom));

        var office = new OfficeDesk(App);
        var head = await office.AsAsync("head");
        Assert.Contains("2-777/2026", (await head.GetAsync($"/cases/{id}")).Text("[data-testid=draft]"));
        await office.ResolveAsync(id);
        var form = await (await office.AsAsync("specialist")).GetAsync($"/cases/{id}");
        Assert.Equal("KZ16601A871001234567", form.Document.QuerySelector("[name='Draft.Iban']")!.GetAttribute("value"));
        Assert.Equal("Halyk Bank", form.Document.QuerySelector("[name='Draft.BankName']")!.GetAttribute("value"));
    }

    [Fact]
    public async Task A_representative_with_a_power_of_attorney_may_sign_the_request_and_is_shown_on_the_case()
    {
        var key = await Rig.PartnerAsync(Channel.EGov);
        var applicant = OfficeDesk.NewIin(new DateOnly(1950, 2, 2), Sex.Female);
        var agent = OfficeDesk.NewIin(new DateOnly(1980, 3, 3), Sex.Male);
        object Representative(object? poa) => new { iin = agent, lastName = "Омаров", firstName = "Берік", middleName = "Сәкенұлы", powerOfAttorney = poa };
        var poa = new { number = "2-1457", date = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-20)), notary = "Қарағанды қ. нотариусы Ә. Жұмабаева" };

        var withoutPoa = await Rig.PostAsync(key, TestPki.Sign(Rig.Citizen(agent), Content(Payload("rep-1", applicant, representative: Representative(null))), false));
        var notNamed = await Rig.PostAsync(key, TestPki.Sign(Rig.Citizen(agent), Content(Payload("rep-2", applicant)), false));
        var tooLong = await Rig.PostAsync(key, TestPki.Sign(Rig.Citizen(applicant), Content(new
        {
            externalRequestId = "rep-3", service = "GUARDIANSHIP_CERTIFICATE", officeCode = "KRG-01", language = "kk",
            applicant = new { iin = applicant, lastName = new string('А', 101), firstName = "Айжан" },
            children = new[] { new { iin = OfficeDesk.NewIin(new DateOnly(2016, 9, 1), Sex.Male), lastName = "Ахметов", firstName = "Нұр" } },
            documents = new[] { new { checklistItem = "application", fileName = "a.pdf", contentType = "application/pdf", contentBase64 = Convert.ToBase64String(OfficeDesk.Pdf) } },
        }), false));
        var signed = await Rig.PostAsync(key, TestPki.Sign(Rig.Citizen(agent), Content(Payload("rep-4", applicant, representative: Representative(poa))), false));
        var self = await Rig.PostAsync(key, TestPki.Sign(Rig.Citizen(applicant), Content(Payload("rep-5", applicant,
            representative: new { iin = applicant, lastName = "Серікова", firstName = "Айжан", powerOfAttorney = poa })), false));
        Assert.Equal(("malformed", "representative.iin"), (self.Body.GetProperty("code").GetString(), self.Body.GetProperty("field").GetString()));

        Assert.Equal(("power_of_attorney", "representative.powerOfAttorney"), (withoutPoa.Body.GetProperty("code").GetString(), withoutPoa.Body.GetProperty("field").GetString()));
        Assert.Equal("signer_iin_mismatch", notNamed.Body.GetProperty("code").GetString());
        Assert.Equal(("text_too_long", "applicant.lastName"), (tooLong.Body.GetProperty("code").GetString(), tooLong.Body.GetProperty("field").GetString()));
        Assert.Equal(HttpStatusCode.Created, signed.Status);
        var id = Guid.Parse(signed.Body.GetProperty("id").GetString()!);
        var head = await new OfficeDesk(App).AsAsync("head");
        var shown = (await head.GetAsync($"/cases/{id}")).Text("[data-testid=representative]");
        Assert.Contains(agent, shown);
        Assert.Contains("Омаров Берік Сәкенұлы", shown);
        Assert.Contains("2-1457", shown);
    }

    [Fact]
    public async Task No_body_however_malformed_makes_the_intake_answer_500_or_save_half_a_case()
    {
        var key = await Rig.PartnerAsync(Channel.EGov);
        var iin = OfficeDesk.NewIin(new DateOnly(1984, 6, 2), Sex.Female);
        var citizen = Rig.Citizen(iin);
        var valid = JsonSerializer.SerializeToNode(Payload("fuzz-base", iin))!.AsObject();
        var random = new Random(20261203);
        JsonNode? Garbage() => random.Next(9) switch
        {
            0 => null,
            1 => JsonValue.Create(random.Next()),
            2 => JsonValue.Create(new string((char)random.Next(0x20, 0xFFFF), random.Next(0, 3000))),
            3 => new JsonArray(JsonValue.Create("x"), null),
            4 => new JsonObject { ["x"] = 1 },
            5 => JsonValue.Create("\u0000\u0007"),
            6 => JsonValue.Create(true),
            7 => JsonValue.Create(-1.5e300),
            _ => JsonValue.Create("2026-02-30T25:61:00+99:00"),
        };
        void Mutate(JsonNode node, int depth)
        {
            if (node is JsonObject o && o.Count > 0)
            {
                var name = o.ElementAt(random.Next(o.Count)).Key;
                if (depth < 3 && o[name] is JsonObject or JsonArray && random.Next(2) == 0) Mutate(o[name]!, depth + 1);
                else if (random.Next(4) == 0) o.Remove(name);
                else o[name] = Garbage();
            }
            else if (node is JsonArray a && a.Count > 0)
            {
                var i = random.Next(a.Count);
                if (depth < 3 && a[i] is JsonObject or JsonArray) Mutate(a[i]!, depth + 1); else a[i] = Garbage();
            }
        }
        var before = await App.WithDbAsync(db => db.Cases.CountAsync());
        var created = 0;
        for (var round = 0; round < 120; round++)
        {
            var payload = valid.DeepClone().AsObject();
            payload["externalRequestId"] = $"fuzz-{round}";
            for (var m = random.Next(1, 4); m > 0; m--) Mutate(payload, 0);
            var answer = await Rig.PostAsync(key, TestPki.Sign(citizen, System.Text.Encoding.UTF8.GetBytes(payload.ToJsonString()), false));
            Assert.True((int)answer.Status is 200 or 201 or 403 or 409 or 413 or 422, $"{answer.Status} for {payload.ToJsonString()[..Math.Min(400, payload.ToJsonString().Length)]}");
            if (answer.Status == HttpStatusCode.Created) created++;
        }
        foreach (var body in new[] { "", "{", "[]", "null", "{\"cms\":12}", "{\"cms\":\"%%%\"}", "{\"cms\":\"" + new string('A', 4096) + "\"}", "\u0000" })
        {
            var raw = await Rig.CallAsync(key, HttpMethod.Post, "/api/v1/requests", body, raw: true);
            Assert.True((int)raw.Status is >= 400 and < 500, $"{raw.Status} for '{body}'");
        }
        // Every case the intake made is whole: its applicant, its receipt and its signed original.
        Assert.Equal(before + created, await App.WithDbAsync(db => db.Cases.CountAsync()));
        Assert.Equal(0, await App.WithDbAsync(db => db.Cases.CountAsync(c => c.SubmissionKey!.Contains(":fuzz-")
            && (!db.IssuedDocuments.Any(d => d.CaseId == c.Id && d.Kind == DocumentKind.Receipt) || !db.ElectronicRequests.Any(r => r.CaseId == c.Id)))));
    }
}

public sealed class ElectronicResultTestsSqlite(SqlitePortal f) : ElectronicResultTests(f), IClassFixture<SqlitePortal>;
public sealed class ElectronicResultTestsPostgres(PostgresPortal f) : ElectronicResultTests(f), IClassFixture<PostgresPortal>;
