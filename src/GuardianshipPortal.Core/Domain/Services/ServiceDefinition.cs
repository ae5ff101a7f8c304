using System.Text.RegularExpressions;
using GuardianshipPortal.Domain.Calendar;
using GuardianshipPortal.Domain.Cases;
using GuardianshipPortal.Domain.Documents;

namespace GuardianshipPortal.Domain.Services;

/// <summary>A part of a draft result a service asks for; each has its inputs, its checks and its summary.</summary>
public enum DraftPart
{
    /// <summary>From and to (foster placement, maintenance).</summary>
    Period = 1,
    /// <summary>Where the child will live (foster placement).</summary>
    PlacementAddress = 2,
    /// <summary>The monthly amount per child, typed on the decision (maintenance); a configured default is offered.</summary>
    MonthlyAmount = 3,
    /// <summary>The court decision on adoption (lump sum).</summary>
    CourtDecision = 4,
    /// <summary>Bank and IBAN of the recipient (lump sum).</summary>
    BankAccount = 5,
    /// <summary>The amount computed as the configured number of MRP times the MRP of the year (lump sum).</summary>
    LumpSum = 6,
    /// <summary>Reasons of a conclusion (adopter registration).</summary>
    Conclusion = 7,
    /// <summary>The decision that established guardianship (guardianship certificate).</summary>
    GuardianshipDecision = 8,
}

/// <summary>A problem with a draft, as a resource key and its arguments (the caller words it in the user's language).</summary>
public sealed record DraftProblem(string Key, params object[] Args);

/// <summary>What checking a draft needs beyond the draft itself.</summary>
public sealed record DraftContext(DateOnly Today, bool HasInspection, bool HasCommissionOpinion, decimal? Mrp, IReadOnlyCollection<Guid> ActiveGrounds);

/// <summary>The lump sum's terms in force: how many MRP per child and the MRP of the year (null when not set).</summary>
public sealed record LumpSumTerms(int MrpCount, decimal? Mrp);

/// <summary>The first version of a document template in one language.</summary>
public sealed record TemplateSeed(DocumentKind Kind, string Language, string Title, string Body);

/// <summary>A line of a service's default checklist or refusal-ground catalogue (seeded; then the administrator's).</summary>
public sealed record CatalogueEntry(string Code, string Kk, string Ru, bool Required = true, GroundBasis? Basis = null);

/// <summary>
/// The legal provision a refusal ground comes from, as the heading a document prints over the grounds it covers (a
/// negative conclusion cites Article 91 of the Code only when an Article 91 ground was chosen).
/// </summary>
public sealed record GroundBasis(string Kk, string Ru)
{
    public string Heading(string language) => Language.Pick(language, Kk, Ru);
}

/// <summary>
/// Everything that makes one state service different from another (SPEC §3): its code and number prefix, whether it
/// concerns children, needs a housing inspection act or the commission's opinion, the parts of its draft result and their
/// checks, the documents each outcome produces on each channel, how an amount is computed, and its default regulation,
/// checklist and refusal grounds. The rest of the portal asks the definition and never names a service.
/// </summary>
public sealed partial class ServiceDefinition
{
    public required ServiceCode Code { get; init; }
    /// <summary>The resource key stem: "Service_{Key}" names it, "Outcome_{Key}_{Outcome}" names its results.</summary>
    public string Key => Code.ToString();
    /// <summary>The prefix of its registration numbers, e.g. "FP".</summary>
    public required string Prefix { get; init; }
    /// <summary>
    /// The short name a queue shows in its narrow column (the full name on hover), in Kazakh and Russian; without one the
    /// number prefix stands for the service.
    /// </summary>
    public (string Kk, string Ru)? ShortName { get; init; }
    /// <summary>The SPEC's code, e.g. FOSTER_PLACEMENT (what the partner API sends).</summary>
    public required string SpecCode { get; init; }
    public bool ConcernsChildren { get; init; } = true;
    public bool NeedsHousingInspection { get; init; }
    public bool NeedsCommission { get; init; }
    /// <summary>
    /// Whether the applicant's spouse may apply on the same case as a second applicant (spouses registered together as
    /// candidate adopters, both named on the conclusion); otherwise a spouse given with an application is refused.
    /// </summary>
    public bool SpouseMayApply { get; init; }
    public required IReadOnlyList<DraftPart> DraftParts { get; init; }
    public required DocumentKind ApprovedDocument { get; init; }
    public DocumentKind RefusedDocument { get; init; } = DocumentKind.Refusal;
    /// <summary>
    /// Outcomes after which an applicant of the e-government portal gets a readiness notice instead of the result, and comes
    /// to the office for it (a foster placement contract is concluded there; an adopter's conclusion either way is collected there).
    /// </summary>
    public IReadOnlyList<Outcome> PortalNoticeOutcomes { get; init; } = [];
    public required Regulation DefaultRegulation { get; init; }
    public required IReadOnlyList<CatalogueEntry> Checklist { get; init; }
    /// <summary>This service's own refusal grounds; the grounds common to every service are added to them.</summary>
    public IReadOnlyList<CatalogueEntry> RefusalGrounds { get; init; } = [];
    /// <summary>
    /// Interface texts this service brings beside the portal's resource files (a service added as a module: "Service_{Key}",
    /// "Outcome_{Key}_Approved", "DocKind_{kind}"…), each in Kazakh and Russian. The five services' texts are in the resource files.
    /// </summary>
    public IReadOnlyDictionary<string, (string Kk, string Ru)> Strings { get; init; } = new Dictionary<string, (string, string)>();
    /// <summary>Templates of documents only this service has (the five services' are in <c>DefaultTemplates</c>).</summary>
    public IReadOnlyList<TemplateSeed> Templates { get; init; } = [];

    public bool Has(DraftPart part) => DraftParts.Contains(part);

    /// <summary>The short name in a language ("kk" or "ru").</summary>
    public string Short(string language) => ShortName is { } s ? Language.Pick(language, s.Kk, s.Ru) : Prefix;

    /// <summary>The document that states the result of an outcome.</summary>
    public DocumentKind ResultDocument(Outcome outcome) => outcome == Outcome.Approved ? ApprovedDocument : RefusedDocument;

    /// <summary>The documents the head's signature freezes: the result, the inspection act if there is one, and the readiness notice of portal requests.</summary>
    public IReadOnlyList<DocumentKind> SignedDocuments(Outcome outcome, Channel channel, bool hasInspection)
    {
        var kinds = new List<DocumentKind> { ResultDocument(outcome) };
        if (hasInspection) kinds.Add(DocumentKind.HousingInspectionAct);
        if (ResultCollectedAtOffice(outcome, channel)) kinds.Add(DocumentKind.ReadinessNotification);
        return kinds;
    }

    /// <summary>The documents the head's signature freezes for a case as it stands, or none while it has no decided outcome.</summary>
    public IReadOnlyList<DocumentKind>? SignedDocuments(Case c) =>
        c.Draft is not null && c.Outcome is { } outcome ? SignedDocuments(outcome, c.Channel, c.HousingInspection is not null) : null;

    /// <summary>
    /// Whether the result of a request of this channel is handed over at the office (the partner gets the readiness notice)
    /// rather than sent back through the partner as the signed document, whose delivery the partner confirms.
    /// </summary>
    public bool ResultCollectedAtOffice(Outcome outcome, Channel channel) => channel == Channel.EGov && PortalNoticeOutcomes.Contains(outcome);

    /// <summary>What keeps a draft from going for signature.</summary>
    public IEnumerable<DraftProblem> Check(Outcome? outcome, IDraftFields f, IReadOnlyCollection<Guid> grounds, string refusalText, DraftContext context)
    {
        if (outcome is null)
        {
            yield return Required("Draft_Outcome");
            yield break;
        }
        if (NeedsCommission && !context.HasCommissionOpinion) yield return new("Draft_CommissionMissing");
        if (outcome == Outcome.Refused)
        {
            if (grounds.Count == 0 || grounds.Any(g => !context.ActiveGrounds.Contains(g))) yield return new("Draft_GroundRequired");
            if (string.IsNullOrWhiteSpace(refusalText)) yield return Required("Draft_RefusalText");
            yield break;
        }
        if (NeedsHousingInspection && !context.HasInspection) yield return new("Draft_InspectionMissing");
        foreach (var part in DraftParts)
            foreach (var problem in Check(part, f, context))
                yield return problem;
    }

    private static IEnumerable<DraftProblem> Check(DraftPart part, IDraftFields f, DraftContext context)
    {
        switch (part)
        {
            case DraftPart.Period:
                if (f.PeriodFrom is null) yield return Required("Draft_PeriodFrom");
                if (f.PeriodTo is null) yield return Required("Draft_PeriodTo");
                if (f.PeriodFrom is { } from && f.PeriodTo is { } to && to <= from) yield return new("Draft_PeriodOrder");
                break;
            case DraftPart.PlacementAddress:
                if (string.IsNullOrWhiteSpace(f.PlacementAddress)) yield return Required("Draft_PlacementAddress");
                break;
            case DraftPart.MonthlyAmount:
                if (f.Amount is not > 0) yield return new("Draft_AmountPositive");
                break;
            case DraftPart.CourtDecision:
                if (string.IsNullOrWhiteSpace(f.CourtName)) yield return Required("Draft_CourtName");
                if (string.IsNullOrWhiteSpace(f.CourtDecisionNumber)) yield return Required("Draft_CourtDecisionNumber");
                if (f.CourtDecisionDate is null) yield return Required("Draft_CourtDecisionDate");
                else if (f.CourtDecisionDate > context.Today) yield return new("Validation_NotInFuture", new Label("Draft_CourtDecisionDate"));
                break;
            case DraftPart.BankAccount:
                if (string.IsNullOrWhiteSpace(f.BankName)) yield return Required("Draft_BankName");
                if (!Iban.IsValidKazakh(f.Iban)) yield return new("Draft_IbanInvalid");
                break;
            case DraftPart.LumpSum:
                if (context.Mrp is null) yield return new("Draft_MrpMissing", context.Today.Year);
                break;
            case DraftPart.Conclusion:
                if (string.IsNullOrWhiteSpace(f.ConclusionText)) yield return Required("Draft_ConclusionText");
                break;
            case DraftPart.GuardianshipDecision:
                if (string.IsNullOrWhiteSpace(f.GuardianshipDecisionNumber)) yield return Required("Draft_GuardianshipDecisionNumber");
                if (f.GuardianshipDecisionDate is null) yield return Required("Draft_GuardianshipDecisionDate");
                if (string.IsNullOrWhiteSpace(f.GuardianshipDecisionIssuer)) yield return Required("Draft_GuardianshipDecisionIssuer");
                break;
        }
    }

    /// <summary>
    /// Keeps only the fields this service's result has and computes what is computed: the lump sum is the configured number
    /// of MRP times the MRP of the decision's year (SPEC §8), per adopted child.
    /// </summary>
    public void Complete(Draft draft, LumpSumTerms terms, int children)
    {
        KeepOwn(draft);
        if (Has(DraftPart.LumpSum))
        {
            draft.MrpCount = terms.MrpCount;
            draft.MrpValue = terms.Mrp;
            draft.Amount = terms.MrpCount * terms.Mrp * Math.Max(1, children);
        }
        else
        {
            (draft.MrpCount, draft.MrpValue) = (null, null);
            if (!Has(DraftPart.MonthlyAmount)) draft.Amount = null;
        }
    }

    /// <summary>Clears the fields this service's result does not have (what an applicant supplied for another service is dropped).</summary>
    public void KeepOwn(IDraftFields draft)
    {
        if (!Has(DraftPart.Period)) (draft.PeriodFrom, draft.PeriodTo) = (null, null);
        if (!Has(DraftPart.PlacementAddress)) draft.PlacementAddress = "";
        if (!Has(DraftPart.CourtDecision)) (draft.CourtName, draft.CourtDecisionNumber, draft.CourtDecisionDate) = ("", "", null);
        if (!Has(DraftPart.BankAccount)) (draft.BankName, draft.Iban) = ("", "");
        if (!Has(DraftPart.Conclusion)) draft.ConclusionText = "";
        if (!Has(DraftPart.GuardianshipDecision))
            (draft.GuardianshipDecisionNumber, draft.GuardianshipDecisionDate, draft.GuardianshipDecisionIssuer) = ("", null, "");
        if (!Has(DraftPart.MonthlyAmount) && !Has(DraftPart.LumpSum)) draft.Amount = null;
    }

    private static DraftProblem Required(string labelKey) => new("Validation_Required", new Label(labelKey));
}


/// <summary>Kazakh IBANs: KZ, two check digits, a 3-digit bank code and 13 alphanumerics, with the ISO 13616 mod-97 check.</summary>
public static partial class Iban
{
    public static string Normalize(string iban) => iban.Replace(" ", "").Trim().ToUpperInvariant();

    public static bool IsValidKazakh(string iban)
    {
        var value = Normalize(iban);
        if (!Pattern().IsMatch(value)) return false;
        var rearranged = value[4..] + value[..4];
        var remainder = 0;
        foreach (var ch in rearranged)
        {
            var digits = char.IsAsciiDigit(ch) ? ch - '0' : ch - 'A' + 10;
            remainder = digits >= 10 ? (remainder * 100 + digits) % 97 : (remainder * 10 + digits) % 97;
        }
        return remainder == 1;
    }

    [GeneratedRegex("^KZ[0-9]{2}[0-9]{3}[0-9A-Z]{13}$")]
    private static partial Regex Pattern();
}
