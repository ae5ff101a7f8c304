namespace GuardianshipPortal.Domain.Cases;

/// <summary>
/// The fields a draft result may carry, shared by the stored draft and the form that edits it, so that they are copied
/// in one place (<see cref="DraftFieldsExtensions.CopyTo"/>). Which of them a service asks for is said by its definition.
/// </summary>
public interface IDraftFields
{
    DateOnly? PeriodFrom { get; set; }
    DateOnly? PeriodTo { get; set; }
    string PlacementAddress { get; set; }
    string CourtName { get; set; }
    string CourtDecisionNumber { get; set; }
    DateOnly? CourtDecisionDate { get; set; }
    string BankName { get; set; }
    string Iban { get; set; }
    /// <summary>Maintenance: the monthly amount per child typed by the specialist; lump sum: computed.</summary>
    decimal? Amount { get; set; }
    string GuardianshipDecisionNumber { get; set; }
    DateOnly? GuardianshipDecisionDate { get; set; }
    string GuardianshipDecisionIssuer { get; set; }
    string ConclusionText { get; set; }
}

public static class DraftFieldsExtensions
{
    /// <summary>Copies every draft field; texts are trimmed and an IBAN is written without spaces in capitals.</summary>
    public static void CopyTo(this IDraftFields from, IDraftFields to)
    {
        to.PeriodFrom = from.PeriodFrom;
        to.PeriodTo = from.PeriodTo;
        to.PlacementAddress = from.PlacementAddress.Trim();
        to.CourtName = from.CourtName.Trim();
        to.CourtDecisionNumber = from.CourtDecisionNumber.Trim();
        to.CourtDecisionDate = from.CourtDecisionDate;
        to.BankName = from.BankName.Trim();
        to.Iban = Services.Iban.Normalize(from.Iban);
        to.Amount = from.Amount;
        to.GuardianshipDecisionNumber = from.GuardianshipDecisionNumber.Trim();
        to.GuardianshipDecisionDate = from.GuardianshipDecisionDate;
        to.GuardianshipDecisionIssuer = from.GuardianshipDecisionIssuer.Trim();
        to.ConclusionText = from.ConclusionText.Trim();
    }
}
