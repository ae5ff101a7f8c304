using System.Globalization;
using GuardianshipPortal.Domain;

namespace GuardianshipPortal.Web.Infrastructure;

/// <summary>How times, dates and money look on screen: stored in UTC, shown in the office's zone and the UI's culture.</summary>
public static class Display
{
    /// <summary>The office's zone; without an office (admins, supervisors) the region's default.</summary>
    public static TimeZoneInfo Zone(Office? office) => office?.Zone() ?? Office.ZoneOf(null);

    public static string DateTime(DateTimeOffset? utc, Office? office) =>
        utc is { } t ? TimeZoneInfo.ConvertTime(t, Zone(office)).ToString("dd.MM.yyyy HH:mm", CultureInfo.InvariantCulture) : "";

    public static string Date(DateTimeOffset? utc, Office? office) =>
        utc is { } t ? TimeZoneInfo.ConvertTime(t, Zone(office)).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture) : "";

    public static string Date(DateOnly? date) => date?.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture) ?? "";

    /// <summary>"1 234 567,00 ₸" in the UI's culture.</summary>
    public static string Money(decimal? amount) =>
        amount is { } a ? a.ToString("N2", CultureInfo.CurrentCulture) + " ₸" : "";

    /// <summary>"72 %": a probability as a whole percentage.</summary>
    public static string Percent(double probability) => Math.Round(probability * 100).ToString("0", CultureInfo.InvariantCulture) + " %";

    /// <summary>A form's date input value (ISO).</summary>
    public static string InputDate(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
}
