using System.Text.RegularExpressions;
using GuardianshipPortal.Domain.Cases;
using GuardianshipPortal.Domain.Services;
using GuardianshipPortal.Web.Features.Cases;
using Microsoft.Extensions.Localization;

namespace GuardianshipPortal.Web.Features.Drafting;

/// <summary>
/// What a draft needs before it goes for signature. The fields differ by service (SPEC §3, issue "steps" 3);
/// the rules are data-like checks over one form, not a separate code path per service.
/// </summary>
public static partial class DraftRules
{
    public static IEnumerable<string> Check(Case c, DraftForm f, IReadOnlyCollection<Guid> serviceGrounds, decimal? mrp, DateOnly today, IStringLocalizer l)
    {
        string Required(string key) => l["Validation_Required", l[key]];

        if (f.Outcome is null)
        {
            yield return Required("Draft_Outcome");
            yield break;
        }
        if (c.Service.NeedsCommission() && c.CommissionOpinion is null) yield return l["Draft_CommissionMissing"];

        if (f.Outcome == Outcome.Refused)
        {
            if (f.RefusalGroundIds.Count == 0 || f.RefusalGroundIds.Any(g => !serviceGrounds.Contains(g))) yield return l["Draft_GroundRequired"];
            if (string.IsNullOrWhiteSpace(f.RefusalText)) yield return Required("Draft_RefusalText");
            yield break;
        }

        if (c.Service.NeedsHousingInspection() && c.HousingInspection is null) yield return l["Draft_InspectionMissing"];
        switch (c.Service)
        {
            case ServiceCode.FosterPlacement:
                foreach (var e in Period(f, l)) yield return e;
                if (string.IsNullOrWhiteSpace(f.PlacementAddress)) yield return Required("Draft_PlacementAddress");
                break;
            case ServiceCode.FosterMaintenance:
                foreach (var e in Period(f, l)) yield return e;
                if (f.MonthlyAmount is not > 0) yield return l["Draft_AmountPositive"];
                break;
            case ServiceCode.AdoptionLumpSum:
                if (string.IsNullOrWhiteSpace(f.CourtName)) yield return Required("Draft_CourtName");
                if (string.IsNullOrWhiteSpace(f.CourtDecisionNumber)) yield return Required("Draft_CourtDecisionNumber");
                if (f.CourtDecisionDate is null) yield return Required("Draft_CourtDecisionDate");
                else if (f.CourtDecisionDate > today) yield return l["Validation_NotInFuture", l["Draft_CourtDecisionDate"]];
                if (string.IsNullOrWhiteSpace(f.BankName)) yield return Required("Draft_BankName");
                if (!IbanPattern().IsMatch(NormalizeIban(f.Iban))) yield return l["Draft_IbanInvalid"];
                if (mrp is null) yield return l["Draft_MrpMissing", today.Year];
                break;
            case ServiceCode.AdopterRegistration:
                if (string.IsNullOrWhiteSpace(f.ConclusionText)) yield return Required("Draft_ConclusionText");
                break;
            case ServiceCode.GuardianshipCertificate:
                if (string.IsNullOrWhiteSpace(f.GuardianshipDecisionNumber)) yield return Required("Draft_GuardianshipDecisionNumber");
                if (f.GuardianshipDecisionDate is null) yield return Required("Draft_GuardianshipDecisionDate");
                if (string.IsNullOrWhiteSpace(f.GuardianshipDecisionIssuer)) yield return Required("Draft_GuardianshipDecisionIssuer");
                break;
        }
    }

    private static IEnumerable<string> Period(DraftForm f, IStringLocalizer l)
    {
        if (f.PeriodFrom is null) yield return l["Validation_Required", l["Draft_PeriodFrom"]];
        if (f.PeriodTo is null) yield return l["Validation_Required", l["Draft_PeriodTo"]];
        if (f.PeriodFrom is { } from && f.PeriodTo is { } to && to <= from) yield return l["Draft_PeriodOrder"];
    }

    public static string NormalizeIban(string iban) => iban.Replace(" ", "").ToUpperInvariant();

    // Kazakhstan IBAN: KZ, 2 check digits, 3-digit bank code, 13 alphanumerics (20 characters).
    [GeneratedRegex("^KZ[0-9]{2}[0-9A-Z]{16}$")]
    private static partial Regex IbanPattern();
}
