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
public sealed class DocumentComposer(IStringLocalizer<SharedResource> l, ServiceCatalog services)
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
    /// The names, positions and office names a template may also ask in a case: {applicant:gen}, {office:dat},
    /// {signer_short:gen} (surname and initials), {signer_position:nom} (a position inside a sentence, lower-case)…
    /// </summary>
    private static readonly string[] Declined =
        ["applicant", "spouse", "applicants", "signer", "signer_short", "signer_position", "specialist", "specialist_short", "office", "court", "decision_issuer"];

    /// <summary>The suffix naming each case a name may take ("nom": as it stands inside a sentence).</summary>
    private static readonly IReadOnlyDictionary<string, GuardianshipPortal.Documents.GrammaticalCase> NameCases = new Dictionary<string, GuardianshipPortal.Documents.GrammaticalCase>
    {
        ["nom"] = GuardianshipPortal.Documents.GrammaticalCase.Nominative,
        ["gen"] = GuardianshipPortal.Documents.GrammaticalCase.Genitive, ["dat"] = GuardianshipPortal.Documents.GrammaticalCase.Dative,
        ["acc"] = GuardianshipPortal.Documents.GrammaticalCase.Accusative, ["loc"] = GuardianshipPortal.Documents.GrammaticalCase.Locative,
        ["abl"] = GuardianshipPortal.Documents.GrammaticalCase.Ablative, ["ins"] = GuardianshipPortal.Documents.GrammaticalCase.Instrumental,
    };

    /// <summary>
    /// Every {placeholder} a template may use: what <see cref="Values"/> fills for a case that has every part (a test ties
    /// the two), and all the template editor accepts.
    /// </summary>
    public static readonly IReadOnlySet<string> Placeholders = new HashSet<string>(
    [
        "office", "office_address", "number", "date", "registered_at", "due_date", "service", "applicant", "applicant_iin", "spouse", "applicants",
        "applicant_address", "signer", "signer_position", "children_count", "result_name", "inspected_on", "inspection_address",
        "findings", "inspection_conclusion", "commission_opinion", "period_from", "period_to", "placement_address", "court",
        "court_number", "court_date", "bank", "iban", "mrp_count", "mrp_value", "year", "amount", "amount_words", "monthly_amount",
        "monthly_amount_words", "monthly_total", "decision_number", "decision_date", "decision_issuer", "conclusion",
        "refusal_text", "specialist", "registered_time", "dear", "he_she", "appointed", "other_inspectors", "persons_present", "family",
        "rooms", "area", "amenities", "condition", "income", "signer_short", "specialist_short", "signer_acting", "spouse_iin", "spouse_address",
        .. DateWordPlaceholders(DatesInWords),
        .. Declined.SelectMany(n => NameCases.Keys.Select(k => $"{n}:{k}")),
    ]);

    /// <summary>A name's value in the nominative and in every case of <see cref="NameCases"/>.</summary>
    private static void AddDeclined(Dictionary<string, string> values, string name, string nominative, Func<GuardianshipPortal.Documents.GrammaticalCase, string> decline)
    {
        values[name] = nominative;
        foreach (var (suffix, @case) in NameCases) values[$"{name}:{suffix}"] = decline(@case);
    }

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
        Case c, DocumentTemplate template, DocumentSigner signer, DocumentSigner specialist, DateTimeOffset date, Verification? verification, bool draft,
        string? outgoingNumber = null)
    {
        var culture = CultureInfo.GetCultureInfo(Domain.Language.CultureName(c.Language));
        var saved = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = culture; // the localizer answers in the document's language
        try
        {
            var office = c.Office!;
            var values = Values(c, signer, specialist, date, culture);
            var body = new List<Block>();
            var paragraphs = TemplateText.Paragraphs(template.Body, new HashSet<string> { c.Spouse is null ? "without_spouse" : "with_spouse" }).ToList();
            foreach (var text in paragraphs)
            {
                body.AddRange(text switch
                {
                    "[children]" => [ChildrenTable(c)],
                    "[documents]" => [DocumentsTable(c)],
                    "[grounds]" => Grounds(c),
                    "[inspectors]" => [InspectorsTable(c, specialist.Name)],
                    "[parties]" => [PartiesTable(values, signer)],
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
                // A document its own signers sign carries no head's signature below it: an act is signed by those who
                // inspected, a contract by both parties in its [parties] table (the seal's place is in the body's column);
                // the receipt is signed by the clerk who accepted the application, without the office's seal.
                Signature = paragraphs.Contains("[inspectors]") || paragraphs.Contains("[parties]") ? null
                    : new SignatureBlock(signer.Position, signer.Name, template.Kind == DocumentKind.Receipt ? "" : l["Doc_Seal"]),
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
    public Dictionary<string, string> Values(Case c, DocumentSigner signer, DocumentSigner specialist, DateTimeOffset date, CultureInfo culture)
    {
        var lang = c.Language;
        var office = c.Office!;
        var d = c.Draft;
        var money = (decimal? v) => v is { } x ? AmountInWords.Digits(x, lang) : "";
        var words = (decimal? v) => v is { } x ? AmountInWords.Tenge(x, lang) : "";
        var children = c.Children.Count;
        var values = new Dictionary<string, string>
        {
            ["office_address"] = office.Address(lang),
            ["number"] = c.Number,
            ["date"] = Display.Date(date, office),
            ["registered_at"] = Display.Date(c.RegisteredAt, office),
            ["due_date"] = Display.Date(c.DueAt, office),
            ["service"] = l["Service_" + c.Service],
            ["applicant_iin"] = c.Applicant!.Iin,
            ["applicant_address"] = c.Applicant.Address,
            ["children_count"] = children.ToString(culture),
            ["result_name"] = l["Outcome_" + c.Service + "_" + (c.Outcome ?? Outcome.Approved)],
        };
        if (c.HousingInspection is { } hi)
        {
            values["inspected_on"] = Display.Date(hi.InspectedOn);
            values["inspection_address"] = hi.Address;
            values["findings"] = hi.Findings;
            values["inspection_conclusion"] = hi.Satisfactory ? l["Doc_ConditionsGood"] : l["Doc_ConditionsBad"];
            var none = (string v) => v.Length > 0 ? v : "—";
            values["other_inspectors"] = none(string.Join(", ", hi.OtherInspectorLines()));
            values["persons_present"] = none(hi.PersonsPresent);
            values["family"] = none(hi.Family);
            values["rooms"] = hi.Rooms?.ToString(culture) ?? "—";
            values["area"] = hi.Area?.ToString("0.##", culture) ?? "—";
            values["amenities"] = none(hi.Amenities);
            values["condition"] = none(hi.Condition);
            values["income"] = none(hi.Income);
        }
        if (c.CommissionOpinion is { } co)
        {
            // Printed inside brackets in the middle of a sentence: the member's closing full stop would end the sentence there.
            var opinion = co.Text.Trim();
            if (opinion.EndsWith('.') && !opinion.EndsWith("..", StringComparison.Ordinal)) opinion = opinion[..^1];
            values["commission_opinion"] = (co.Positive ? l["Commission_Positive"] : l["Commission_Negative"]).Value.ToLower(culture) + ": " + opinion;
        }
        if (d is not null)
        {
            values["period_from"] = Display.Date(d.PeriodFrom);
            values["period_to"] = Display.Date(d.PeriodTo);
            values["placement_address"] = d.PlacementAddress;
            AddDeclined(values, "court", d.CourtName, @case => Names.Office(lang, d.CourtName, @case));
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
            AddDeclined(values, "decision_issuer", d.GuardianshipDecisionIssuer, @case => Names.Office(lang, d.GuardianshipDecisionIssuer, @case));
            values["conclusion"] = d.ConclusionText;
            values["refusal_text"] = d.RefusalText;
        }
        // Words that agree with the applicant's sex (the IIN's seventh digit): Russian has no neutral form for them.
        var applicant = c.Applicant;
        var female = applicant.Sex == GuardianshipPortal.Domain.Persons.Sex.Female;
        var russian = lang.StartsWith("ru", StringComparison.Ordinal);
        var gender = female ? Gender.Female : Gender.Male;
        AddDeclined(values, "applicant", applicant.FullName,
            @case => Names.Full(lang, applicant.LastName, applicant.FirstName, applicant.MiddleName, gender, @case));
        // The spouse applying too (empty without one); {applicants} names both spouses together, or the applicant alone.
        (string, string, string, Gender) applicantName = (applicant.LastName, applicant.FirstName, applicant.MiddleName, gender);
        if (c.Spouse is { } spouse)
        {
            (string, string, string, Gender) spouseName = (spouse.LastName, spouse.FirstName, spouse.MiddleName,
                spouse.Sex == GuardianshipPortal.Domain.Persons.Sex.Female ? Gender.Female : Gender.Male);
            AddDeclined(values, "spouse", spouse.FullName, @case => Names.Full(lang, spouse.LastName, spouse.FirstName, spouse.MiddleName, spouseName.Item4, @case));
            AddDeclined(values, "applicants", Names.Together(lang, applicantName, spouseName, GuardianshipPortal.Documents.GrammaticalCase.Nominative),
                @case => Names.Together(lang, applicantName, spouseName, @case));
        }
        else
        {
            AddDeclined(values, "spouse", "", _ => "");
            AddDeclined(values, "applicants", applicant.FullName,
                @case => Names.Full(lang, applicant.LastName, applicant.FirstName, applicant.MiddleName, gender, @case));
        }
        values["spouse_iin"] = c.Spouse?.Iin ?? "";
        values["spouse_address"] = c.Spouse?.Address ?? "";
        AddDeclined(values, "office", office.Name(lang), @case => Names.Office(lang, office.Name(lang), @case));
        // Staff agree with the sex their IIN states; one whose IIN the administrator has not entered, with the sex their name shows.
        var signerGender = GenderOf(signer);
        AddDeclined(values, "signer", signer.Name, @case => Names.Full(lang, signer.Name, signerGender, @case));
        AddDeclined(values, "signer_short", Names.Short(lang, signer.Name, signerGender, GuardianshipPortal.Documents.GrammaticalCase.Nominative),
            @case => Names.Short(lang, signer.Name, signerGender, @case));
        AddDeclined(values, "signer_position", signer.Position, @case => Names.Position(lang, signer.Position, @case));
        values["signer_acting"] = russian ? (signerGender == Gender.Female ? "действующей" : "действующего") : "әрекет ететін";
        var specialistName = specialist.Name;
        var specialistGender = GenderOf(specialist);
        AddDeclined(values, "specialist", specialistName, @case => Names.Full(lang, specialistName, specialistGender, @case));
        AddDeclined(values, "specialist_short", Names.Short(lang, specialistName, specialistGender, GuardianshipPortal.Documents.GrammaticalCase.Nominative),
            @case => Names.Short(lang, specialistName, specialistGender, @case));
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

    /// <summary>The sex of a staff member: the IIN's seventh digit when the IIN is known, else what the name shows.</summary>
    private static Gender GenderOf(DocumentSigner person) =>
        GuardianshipPortal.Domain.Persons.Iin.TryParse(person.Iin, out var iin, out _)
            ? (iin.Sex == GuardianshipPortal.Domain.Persons.Sex.Female ? Gender.Female : Gender.Male)
            : Names.Guess(person.Name);

    private Table ChildrenTable(Case c) => new(
        ["№", l["Person_Iin"], l["Person_FullName"], l["Person_BirthDate"]],
        [.. c.Children.OrderBy(ch => ch.Order).Select((ch, i) => (IReadOnlyList<string>)
            [(i + 1).ToString(CultureInfo.InvariantCulture), ch.Person!.Iin, ch.Person.FullName, Display.Date(ch.Person.BirthDate)])],
        [0.6, 2.2, 5, 2.2]);

    /// <summary>The act's signatures: the specialist who inspected, each other inspector, and the applicant (and the spouse applying too) acquainted with it.</summary>
    private Table InspectorsTable(Case c, string specialistName) => new(
        [l["Doc_SignedBy"], l["Doc_Name"], l["Doc_Signature"]],
        [
            [l["Doc_InspectorSpecialist"], specialistName, "____________"],
            .. (c.HousingInspection?.OtherInspectorLines() ?? []).Select(line => (IReadOnlyList<string>)[l["Doc_InspectorOther"], line, "____________"]),
            [l["Doc_ActAcquainted"], c.Applicant!.FullName, "____________"],
            .. (c.Spouse is { } spouse ? [(IReadOnlyList<string>)[l["Doc_ActAcquainted"], spouse.FullName, "____________"]] : Array.Empty<IReadOnlyList<string>>()),
        ],
        [3.2, 4.6, 2.2]);

    private Table DocumentsTable(Case c) => new(
        ["№", l["Doc_Document"], l["Doc_Received"]],
        [.. c.Documents.OrderBy(d => d.DocumentType!.Order).Select((d, i) => (IReadOnlyList<string>)
            [(i + 1).ToString(CultureInfo.InvariantCulture), d.DocumentType!.Name(c.Language), d.Received ? l["Doc_Yes"] : l["Doc_No"]])],
        [0.6, 7.4, 2]);

    /// <summary>
    /// The grounds chosen, numbered: those without a legal basis of their own first, then each basis's heading (e.g.
    /// Article 91 of the Code) over its grounds — so a document cites a provision only when one of its grounds was chosen.
    /// </summary>
    private IEnumerable<Block> Grounds(Case c)
    {
        var catalogue = services.IsDefined(c.Service)
            ? services[c.Service].RefusalGrounds.Where(g => g.Basis is not null).ToDictionary(g => g.Code, g => g.Basis!)
            : [];
        var chosen = (c.Draft?.RefusalGrounds ?? []).Select(g => g.RefusalGround!).OrderBy(g => g.Order)
            .Select(g => (Ground: g, Basis: catalogue.GetValueOrDefault(g.Code)))
            .GroupBy(g => g.Basis).OrderBy(group => group.Key is null ? 0 : 1);
        var lines = chosen.SelectMany(group => group.Select((g, i) => (Heading: i == 0 ? group.Key?.Heading(c.Language) : null, Text: g.Ground.Text(c.Language))))
            .ToList();
        for (var n = 0; n < lines.Count; n++)
        {
            if (lines[n].Heading is { } heading) yield return new Paragraph(heading, Align.Justify, Indent: true);
            // An enumeration inside a sentence: each item ends with a semicolon, the last with a full stop.
            var text = lines[n].Text.TrimEnd();
            if (text.Length > 0 && !char.IsPunctuation(text[^1])) text += n == lines.Count - 1 ? "." : ";";
            yield return new Paragraph($"{n + 1}) {text}", Align.Justify, Indent: true);
        }
    }

    /// <summary>
    /// A contract's parties side by side: the body and the carer, their details and signature lines — the only signatures the
    /// contract has, so the place of the body's seal is under its head's line.
    /// </summary>
    private Table PartiesTable(IReadOnlyDictionary<string, string> values, DocumentSigner signer) => new(
        [l["Doc_PartyBody"], l["Doc_PartyCarer"]],
        [
            [values["office"], values["applicant"]],
            [values["office_address"], $"{l["Person_Iin"]} {values["applicant_iin"]}, {values["applicant_address"]}"],
            // The position on a line of its own, so that the signature line and the name with its initials are never split.
            [$"{signer.Position}\n____________ {values["signer_short"]}\n{l["Doc_Seal"]}", $"\n____________ {values["applicant"]}"],
        ],
        [5, 5]);
}
