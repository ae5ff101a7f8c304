using System.Globalization;
using GuardianshipPortal.Cases;
using GuardianshipPortal.Documents;
using GuardianshipPortal.Domain;
using GuardianshipPortal.Domain.Cases;
using GuardianshipPortal.Domain.Documents;

namespace GuardianshipPortal.Web.Features.Documents;

/// <summary>
/// The top of an official document, in the document's language: the state institution's full name, its BIN, address,
/// phone and e-mail (the emblem above them is drawn by the renderer), then the document's numbers — the registration
/// number on the receipt, the outgoing number with its date in words on a result or a notice.
/// </summary>
public static class Letterhead
{
    public static IReadOnlyList<string> Lines(Office office, string language, CultureInfo culture) => [office.FullName(language).ToUpper(culture)];

    /// <summary>«БСН 990440001234, Қарағанды қ., …, тел. +7 7212 41-00-00, e-mail: …»: what of it the office has.</summary>
    public static string Details(Office office, string language)
    {
        var russian = language.StartsWith("ru", StringComparison.Ordinal);
        var parts = new List<string>();
        if (office.Bin.Length > 0) parts.Add((russian ? "БИН " : "БСН ") + office.Bin);
        if (office.Address(language).Length > 0) parts.Add(office.Address(language));
        if (office.Phone.Length > 0) parts.Add("тел. " + office.Phone);
        if (office.Email.Length > 0) parts.Add("e-mail: " + office.Email);
        return string.Join(", ", parts);
    }

    /// <summary>
    /// «Шығыс № 01-15/123, 2026 жылғы 3 желтоқсан» / «Исх. № 01-15/123 от 3 декабря 2026 года» on a result or a notice (a blank
    /// for the number on a preview); «№ KRG-01-FP-2026-00001» on the receipt.
    /// </summary>
    public static string Number(DocumentKind kind, Case c, string? outgoingNumber, DateOnly date)
    {
        if (!OutgoingRegister.Numbers(kind)) return "№ " + c.Number;
        var number = outgoingNumber ?? "________";
        return c.Language.StartsWith("ru", StringComparison.Ordinal)
            ? $"Исх. № {number} от {DateWords.Russian(date)}"
            : $"Шығыс № {number}, {DateWords.Kazakh(date)}";
    }

    /// <summary>Beside the number: the receipt's date; on a result, the registration number of the application it answers.</summary>
    public static string Date(DocumentKind kind, Case c, DateOnly date) => !OutgoingRegister.Numbers(kind)
        ? Web.Infrastructure.Display.Date(date)
        : (c.Language.StartsWith("ru", StringComparison.Ordinal) ? "Рег. № " : "Тіркеу № ") + c.Number;
}
