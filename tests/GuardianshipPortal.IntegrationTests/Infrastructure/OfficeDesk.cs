using System.Net;
using GuardianshipPortal.Domain.Persons;
using GuardianshipPortal.Domain.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GuardianshipPortal.IntegrationTests.Infrastructure;

/// <summary>
/// The people of one demo office, each in a browser session of their own, doing the office's steps through the
/// real forms. Suffix "" is office KRG-01, "2" is office KRG-02.
/// </summary>
public sealed class OfficeDesk(PortalApp app, string suffix = "")
{
    private static int _serial = 1000;
    private readonly Dictionary<string, PortalClient> _clients = [];

    public const string SpecialistName = "Асель Ержанқызы Төлеуова";

    public async Task<PortalClient> AsAsync(string role)
    {
        if (_clients.TryGetValue(role, out var client)) return client;
        client = new PortalClient(app);
        var home = await client.SignInAsync(role + suffix);
        if (home.Status != HttpStatusCode.OK) throw new InvalidOperationException($"{role}{suffix} could not sign in.");
        _clients[role] = client;
        return client;
    }

    /// <summary>A fresh valid IIN, so that tests do not share persons unless they mean to.</summary>
    public static string NewIin(DateOnly birth, Sex sex) => Iin.Compose(birth, sex, Interlocked.Increment(ref _serial));

    public static byte[] Pdf => "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray();

    /// <summary>The clerk registers an application through the registration form; returns the case page reached.</summary>
    public async Task<Page> RegisterAsync(ServiceCode service, string? applicantIin = null, string? childIin = null,
        string language = "kk", IDictionary<string, string>? overrides = null, bool withScan = true, bool allowUnknownFields = false)
    {
        var clerk = await AsAsync("clerk");
        var form = await clerk.GetAsync($"/cases/new?service={service}");
        form.Check("input[name=Received]");
        var values = new Dictionary<string, string>
        {
            ["Channel"] = "Office",
            ["Language"] = language,
            ["Applicant.Iin"] = applicantIin ?? NewIin(new DateOnly(1985, 3, 14), Sex.Female),
            ["Applicant.LastName"] = "Серікова",
            ["Applicant.FirstName"] = "Айжан",
            ["Applicant.MiddleName"] = "Болатқызы",
            ["Applicant.Address"] = "Қарағанды қ., Ерубаев к-сі, 12-5",
            ["Applicant.Phone"] = "+7 701 111 22 33",
        };
        if (app.Services.GetRequiredService<ServiceCatalog>()[service].ConcernsChildren)
        {
            values["Children[0].Iin"] = childIin ?? NewIin(new DateOnly(2016, 9, 1), Sex.Male);
            values["Children[0].LastName"] = "Ахметов";
            values["Children[0].FirstName"] = "Нұрсұлтан";
            values["Children[0].MiddleName"] = "Ерланұлы";
        }
        foreach (var (k, v) in overrides ?? new Dictionary<string, string>()) values[k] = v;
        var firstScan = form.Document.QuerySelector("input[type=file]")!.GetAttribute("name")!;
        return await clerk.SubmitAsync(form, "form#registration", values,
            files: withScan ? [new FileUpload(firstScan, "application.pdf", "application/pdf", Pdf)] : [], allowUnknownFields: allowUnknownFields);
    }

    public async Task<Page> ResolveAsync(Guid caseId, string text = "Қарап, заңға сәйкес шешім дайындалсын.")
    {
        var head = await AsAsync("head");
        var page = await head.GetAsync($"/cases/{caseId}");
        page.Select("#Resolution_SpecialistId", SpecialistName);
        return await head.SubmitAsync(page, "[data-testid=resolution-form]", new Dictionary<string, string> { ["Resolution.Text"] = text });
    }

    public async Task<Page> CommissionAsync(Guid caseId, bool positive = true)
    {
        var commission = await AsAsync("commission");
        var page = await commission.GetAsync($"/cases/{caseId}");
        page.Check($"#Commission_Positive_{(positive ? "true" : "false")}");
        return await commission.SubmitAsync(page, "[data-testid=commission-form]",
            new Dictionary<string, string> { ["Commission.Text"] = "Үміткер талаптарға сай келеді." });
    }

    public async Task<Page> InspectAsync(Guid caseId)
    {
        var specialist = await AsAsync("specialist");
        var page = await specialist.GetAsync($"/cases/{caseId}");
        page.Check("#Inspection_Satisfactory");
        return await specialist.SubmitAsync(page, "[data-testid=inspection-form]", new Dictionary<string, string>
        {
            ["Inspection.InspectedOn"] = app.Today.AddDays(-1).ToString("yyyy-MM-dd"),
            ["Inspection.Findings"] = "Екі бөлмелі пәтер, балаға жеке бөлме бар, жағдайы жақсы.",
            ["Inspection.OtherInspectors"] = "Ахметова Сәуле Қайратқызы, мектеп психологы",
            ["Inspection.PersonsPresent"] = "Өтініш беруші және оның жұбайы",
            ["Inspection.Family"] = "Өтініш беруші, жұбайы, 2015 ж.т. ұлы",
            ["Inspection.Rooms"] = "2",
            ["Inspection.Area"] = "54.5",
            ["Inspection.Amenities"] = "орталық жылу, су, кәріз, газ",
            ["Inspection.Condition"] = "Пәтер таза, жөндеуі жақсы, балаға жеке бөлме бар.",
            ["Inspection.Income"] = "Жалақы, айына 420 000 теңге",
        });
    }

    /// <summary>
    /// The dates a positive draft states, counted from the office's today so that no test depends on the year: a period
    /// from the first of next month (a year of placement, half a year of maintenance), a court decision a month ago.
    /// </summary>
    public sealed record DraftDates(DateOnly Today)
    {
        public DateOnly PeriodFrom => new DateOnly(Today.Year, Today.Month, 1).AddMonths(1);
        public DateOnly PlacementTo => PeriodFrom.AddYears(1).AddDays(-1);
        public DateOnly MaintenanceTo => PeriodFrom.AddMonths(6).AddDays(-1);
        public DateOnly CourtDecision => Today.AddMonths(-1);
        public string CourtDecisionNumber => $"2-1234/{CourtDecision.Year}";
    }

    /// <summary>The fields a positive draft of each service needs, dated from <paramref name="today"/> (<see cref="PortalApp.Today"/>).</summary>
    public static Dictionary<string, string> ApprovedFields(ServiceCode service, DateOnly today)
    {
        var dates = new DraftDates(today);
        static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd");
        return service switch
        {
            ServiceCode.FosterPlacement => new()
            {
                ["Draft.PeriodFrom"] = Iso(dates.PeriodFrom), ["Draft.PeriodTo"] = Iso(dates.PlacementTo), ["Draft.PlacementAddress"] = "Қарағанды қ., Ерубаев к-сі, 12-5",
            },
            ServiceCode.FosterMaintenance => new()
            {
                ["Draft.PeriodFrom"] = Iso(dates.PeriodFrom), ["Draft.PeriodTo"] = Iso(dates.MaintenanceTo), ["Draft.Amount"] = "44580",
            },
            ServiceCode.AdoptionLumpSum => new()
            {
                ["Draft.CourtName"] = "Қарағанды қаласының мамандандырылған ауданаралық ювеналдық соты",
                ["Draft.CourtDecisionNumber"] = dates.CourtDecisionNumber, ["Draft.CourtDecisionDate"] = Iso(dates.CourtDecision),
                ["Draft.BankName"] = BankName, ["Draft.Iban"] = "KZ16 601A 8710 0123 4567",
            },
            ServiceCode.AdopterRegistration => new() { ["Draft.ConclusionText"] = "Үміткер асырап алушы бола алады." },
            ServiceCode.GuardianshipCertificate => new()
            {
                ["Draft.GuardianshipDecisionNumber"] = "145", ["Draft.GuardianshipDecisionDate"] = "2024-05-20",
                ["Draft.GuardianshipDecisionIssuer"] = "Қарағанды қаласының білім бөлімі",
            },
            _ => throw new ArgumentOutOfRangeException(nameof(service)),
        };
    }

    /// <summary>The bank of the lump sum's account: a Latin name a Kazakh sentence must leave as it stands.</summary>
    public const string BankName = "Halyk Bank";

    /// <summary>Drafts the result; a refusal cites the ground <paramref name="groundCode"/> (the first in the list if none).</summary>
    public async Task<Page> DraftAsync(Guid caseId, ServiceCode service, bool refuse = false, bool submit = true, string? groundCode = null)
    {
        var specialist = await AsAsync("specialist");
        var page = await specialist.GetAsync($"/cases/{caseId}");
        page.Check(refuse ? "#Draft_Outcome_Refused" : "#Draft_Outcome_Approved");
        var values = refuse ? new Dictionary<string, string> { ["Draft.RefusalText"] = "Құжаттар толық ұсынылмады." } : ApprovedFields(service, app.Today);
        if (refuse && groundCode is null) page.Check("input[name='Draft.RefusalGroundIds']");
        if (refuse && groundCode is not null)
        {
            var ground = await app.WithDbAsync(db => db.RefusalGrounds.SingleAsync(g => g.Service == service && g.Code == groundCode));
            page.Check($"input[name='Draft.RefusalGroundIds'][value='{ground.Id}']");
        }
        return await specialist.SubmitAsync(page, "[data-testid=draft-form]", values, submitName: "Draft.Submit", submitValue: submit ? "true" : "false");
    }

    public async Task<Page> SignAsync(Guid caseId)
    {
        var head = await AsAsync("head");
        var page = await head.GetAsync($"/cases/{caseId}");
        return await head.SubmitAsync(page, "[data-testid=sign-form]");
    }

    public async Task<Page> ReturnAsync(Guid caseId, string comment)
    {
        var head = await AsAsync("head");
        var page = await head.GetAsync($"/cases/{caseId}");
        return await head.SubmitAsync(page, "[data-testid=return-form]", new Dictionary<string, string> { ["Return.Comment"] = comment });
    }

    public async Task<Page> IssueAsync(Guid caseId)
    {
        var clerk = await AsAsync("clerk");
        var page = await clerk.GetAsync($"/cases/{caseId}");
        page.Check("#Issue_SignedForReceipt");
        return await clerk.SubmitAsync(page, "[data-testid=issue-form]", new Dictionary<string, string> { ["Issue.RecipientDocument"] = "Жеке куәлік № 045678912" });
    }
}
