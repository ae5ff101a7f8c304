using System.Globalization;
using GuardianshipPortal.Cases;
using GuardianshipPortal.Documents;
using GuardianshipPortal.Documents.Layout;
using GuardianshipPortal.Domain.Cases;
using GuardianshipPortal.Domain.Documents;
using GuardianshipPortal.Domain.Services;
using GuardianshipPortal.Web.Infrastructure;
using Microsoft.Extensions.Localization;

namespace GuardianshipPortal.Web.Features.Documents;

/// <summary>
/// Builds a document's model from a case and a template, in the case's language (not the user's): fills the
/// {placeholders}, turns [blocks] into tables and lists, adds header, signature and verification.
/// </summary>
public sealed class DocumentComposer(IStringLocalizer<SharedResource> l)
{
    /// <summary>The dates a template may also write in words: {due_date_words} and, for the case a Kazakh sentence needs, {due_date_words:abl}…</summary>
    private static readonly string[] DatesInWords = ["date", "registered_at", "due_date", "inspected_on", "period_from", "period_to", "court_date", "decision_date"];

    /// <summary>The suffix naming each case in a placeholder ("abl" → {due_date_words:abl}).</summary>
    private static readonly IReadOnlyDictionary<string, GuardianshipPortal.Documents.GrammaticalCase> CaseSuffixes = new Dictionary<string, GuardianshipPortal.Documents.GrammaticalCase>
    {
        ["gen"] = GuardianshipPortal.Documents.GrammaticalCase.Genitive, ["dat"] = GuardianshipPortal.Documents.GrammaticalCase.Dative,
        ["acc"] = GuardianshipPortal.Documents.GrammaticalCase.Accusative, ["loc"] = GuardianshipPortal.Documents.GrammaticalCase.Locative,
        ["abl"] = GuardianshipPortal.Documents.GrammaticalCase.Ablative, ["attr"] = GuardianshipPortal.Documents.GrammaticalCase.LocativeAttributive,
    };

    /// <summary>
    /// Every {placeholder} a template may use: what <see cref="Values"/> fills for a case that has every part (a test ties
    /// the two), and all the template editor accepts.
    /// </summary>
    public static readonly IReadOnlySet<string> Placeholders = new HashSet<string>(
    [
        "office", "office_address", "number", "date", "registered_at", "due_date", "service", "applicant", "applicant_iin",
        "applicant_address", "signer", "signer_position", "children_count", "result_name", "inspected_on", "inspection_address",
        "findings", "inspection_conclusion", "commission_opinion", "period_from", "period_to", "placement_address", "court",
        "court_number", "court_date", "bank", "iban", "mrp_count", "mrp_value", "year", "amount", "amount_words", "monthly_amount",
        "monthly_amount_words", "monthly_total", "decision_number", "decision_date", "decision_issuer", "conclusion",
        "refusal_text", "specialist", "registered_time", "dear", "he_she", "appointed",
        .. DateWordPlaceholders(DatesInWords),
    ]);

    private static IEnumerable<string> DateWordPlaceholders(IEnumerable<string> dates) =>
        dates.SelectMany(d => CaseSuffixes.Keys.Select(k => $"{d}_words:{k}").Prepend($"{d}_words"));

    /// <summary>Adds a date in words in the document's language, in every case (a Russian date reads the same in all).</summary>
    private static void AddDateWords(Dictionary<string, string> values, string name, DateOnly? date, string language)
    {
        // A date the case does not have yet is empty, as its plain placeholder is.
        values[name + "_words"] = date is { } d ? GuardianshipPortal.Documents.DateWords.For(language, d) : "";
        foreach (var (suffix, @case) in CaseSuffixes)
            values[$"{name}_words:{suffix}"] = date is { } day ? GuardianshipPortal.Documents.DateWords.For(language, day, @case) : "";
    }

    public DocumentModel Compose(
        Case c, DocumentTemplate template, DocumentSigner signer, string specialistName, DateTimeOffset date, Verification? verification, bool draft,
        string? outgoingNumber = null)
    {
        var culture = CultureInfo.GetCultureInfo(Domain.Language.CultureName(c.Language));
        var saved = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = culture; // the localizer answers in the document's language
        try
        {
            var office = c.Office!;
            var values = Values(c, signer, specialistName, date, culture);
            var body = new List<Block>();
            foreach (var text in TemplateText.Paragraphs(template.Body))
            {
                body.AddRange(text switch
                {
                    "[children]" => [ChildrenTable(c)],
                    "[documents]" => [DocumentsTable(c)],
                    "[grounds]" => Grounds(c),
                    _ => [new Paragraph(TemplateText.Fill(text, values))],
                });
            }
            return new DocumentModel
            {
                HeaderLines = Letterhead.Lines(office, c.Language, culture),
                HeaderNote = Letterhead.Details(office, c.Language),
                Emblem = office.Emblem,
                Number = Letterhead.Number(template.Kind, c, outgoingNumber, office.LocalDate(date)),
                Date = Letterhead.Date(template.Kind, c, office.LocalDate(date)),
                Title = template.Title.ToUpper(culture),
                Body = body,
                // The receipt is signed by the clerk who accepted the application, without the office's seal.
                Signature = new SignatureBlock(signer.Position, signer.Name, template.Kind == DocumentKind.Receipt ? "" : l["Doc_Seal"]),
                Verification = verification,
                DraftMark = draft ? l["Doc_DraftMark"].Value : null,
                PageLabel = l["Doc_Page"],
            };
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }

    /// <summary>The values of the placeholders for a case (those of parts the case does not have are left out).</summary>
    public Dictionary<string, string> Values(Case c, DocumentSigner signer, string specialistName, DateTimeOffset date, CultureInfo culture)
    {
        var lang = c.Language;
        var office = c.Office!;
        var d = c.Draft;
        var money = (decimal? v) => v is { } x ? AmountInWords.Digits(x, lang) : "";
        var words = (decimal? v) => v is { } x ? AmountInWords.Tenge(x, lang) : "";
        var children = c.Children.Count;
        var values = new Dictionary<string, string>
        {
            ["office"] = office.Name(lang),
            ["office_address"] = office.Address(lang),
            ["number"] = c.Number,
            ["date"] = Display.Date(date, office),
            ["registered_at"] = Display.Date(c.RegisteredAt, office),
            ["due_date"] = Display.Date(c.DueAt, office),
            ["service"] = l["Service_" + c.Service],
            ["applicant"] = c.Applicant!.FullName,
            ["applicant_iin"] = c.Applicant.Iin,
            ["applicant_address"] = c.Applicant.Address,
            ["signer"] = signer.Name,
            ["signer_position"] = signer.Position,
            ["children_count"] = children.ToString(culture),
            ["result_name"] = l["Outcome_" + c.Service + "_" + (c.Outcome ?? Outcome.Approved)],
        };
        if (c.HousingInspection is { } hi)
        {
            values["inspected_on"] = Display.Date(hi.InspectedOn);
            values["inspection_address"] = hi.Address;
            values["findings"] = hi.Findings;
            values["inspection_conclusion"] = hi.Satisfactory ? l["Doc_ConditionsGood"] : l["Doc_ConditionsBad"];
        }
        if (c.CommissionOpinion is { } co)
            values["commission_opinion"] = (co.Positive ? l["Commission_Positive"] : l["Commission_Negative"]).Value.ToLower(culture) + ": " + co.Text;
        if (d is not null)
        {
            values["period_from"] = Display.Date(d.PeriodFrom);
            values["period_to"] = Display.Date(d.PeriodTo);
            values["placement_address"] = d.PlacementAddress;
            values["court"] = d.CourtName;
            values["court_number"] = d.CourtDecisionNumber;
            values["court_date"] = Display.Date(d.CourtDecisionDate);
            values["bank"] = d.BankName;
            values["iban"] = d.Iban;
            values["mrp_count"] = d.MrpCount?.ToString(culture) ?? "";
            values["mrp_value"] = money(d.MrpValue);
            values["year"] = Display.Date(date, office)[^4..];
            values["amount"] = money(d.Amount);
            values["amount_words"] = words(d.Amount);
            values["monthly_amount"] = money(d.Amount);
            values["monthly_amount_words"] = words(d.Amount);
            values["monthly_total"] = money(d.Amount * children);
            values["decision_number"] = d.GuardianshipDecisionNumber;
            values["decision_date"] = Display.Date(d.GuardianshipDecisionDate);
            values["decision_issuer"] = d.GuardianshipDecisionIssuer;
            values["conclusion"] = d.ConclusionText;
            values["refusal_text"] = d.RefusalText;
        }
        values["specialist"] = specialistName;
        // Words that agree with the applicant's sex (the IIN's seventh digit): Russian has no neutral form for them.
        var female = c.Applicant.Sex == GuardianshipPortal.Domain.Persons.Sex.Female;
        var russian = lang.StartsWith("ru", StringComparison.Ordinal);
        values["dear"] = russian ? (female ? "Уважаемая" : "Уважаемый") : "Құрметті";
        values["he_she"] = russian ? (female ? "она" : "он") : "ол";
        values["appointed"] = russian ? (female ? "назначена" : "назначен") : "тағайындалды";
        values["registered_time"] = TimeZoneInfo.ConvertTime(c.RegisteredAt, office.Zone()).ToString("HH:mm", CultureInfo.InvariantCulture);
        AddDateWords(values, "date", office.LocalDate(date), lang);
        AddDateWords(values, "registered_at", office.LocalDate(c.RegisteredAt), lang);
        AddDateWords(values, "due_date", office.LocalDate(c.DueAt), lang);
        AddDateWords(values, "inspected_on", c.HousingInspection?.InspectedOn, lang);
        AddDateWords(values, "period_from", d?.PeriodFrom, lang);
        AddDateWords(values, "period_to", d?.PeriodTo, lang);
        AddDateWords(values, "court_date", d?.CourtDecisionDate, lang);
        AddDateWords(values, "decision_date", d?.GuardianshipDecisionDate, lang);
        return values;
    }

    private Table ChildrenTable(Case c) => new(
        ["№", l["Person_Iin"], l["Person_FullName"], l["Person_BirthDate"]],
        [.. c.Children.OrderBy(ch => ch.Order).Select((ch, i) => (IReadOnlyList<string>)
            [(i + 1).ToString(CultureInfo.InvariantCulture), ch.Person!.Iin, ch.Person.FullName, Display.Date(ch.Person.BirthDate)])],
        [0.6, 2.2, 5, 2.2]);

    private Table DocumentsTable(Case c) => new(
        ["№", l["Doc_Document"], l["Doc_Received"]],
        [.. c.Documents.OrderBy(d => d.DocumentType!.Order).Select((d, i) => (IReadOnlyList<string>)
            [(i + 1).ToString(CultureInfo.InvariantCulture), d.DocumentType!.Name(c.Language), d.Received ? l["Doc_Yes"] : l["Doc_No"]])],
        [0.6, 7.4, 2]);

    private static IEnumerable<Block> Grounds(Case c) =>
        (c.Draft?.RefusalGrounds ?? []).Select(g => g.RefusalGround!).OrderBy(g => g.Order)
            .Select((g, i) => (Block)new Paragraph($"{i + 1}) {g.Text(c.Language)}", Align.Justify, Indent: true));
}
