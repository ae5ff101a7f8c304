namespace GuardianshipPortal.Domain.Services;

/// <summary>The five state services of SPEC §3.</summary>
public enum ServiceCode
{
    FosterPlacement = 1,
    AdoptionLumpSum = 2,
    FosterMaintenance = 3,
    AdopterRegistration = 4,
    GuardianshipCertificate = 5,
}

public static class ServiceCodes
{
    public static readonly IReadOnlyList<ServiceCode> All = Enum.GetValues<ServiceCode>();

    /// <summary>The prefix of a registration number, e.g. FP-2026-00017.</summary>
    public static string Prefix(this ServiceCode code) => code switch
    {
        ServiceCode.FosterPlacement => "FP",
        ServiceCode.AdoptionLumpSum => "LS",
        ServiceCode.FosterMaintenance => "FM",
        ServiceCode.AdopterRegistration => "AR",
        ServiceCode.GuardianshipCertificate => "GC",
        _ => throw new ArgumentOutOfRangeException(nameof(code)),
    };

    /// <summary>The SPEC's code, e.g. FOSTER_PLACEMENT.</summary>
    public static string SpecCode(this ServiceCode code) => code switch
    {
        ServiceCode.FosterPlacement => "FOSTER_PLACEMENT",
        ServiceCode.AdoptionLumpSum => "ADOPTION_LUMP_SUM",
        ServiceCode.FosterMaintenance => "FOSTER_MAINTENANCE",
        ServiceCode.AdopterRegistration => "ADOPTER_REGISTRATION",
        ServiceCode.GuardianshipCertificate => "GUARDIANSHIP_CERTIFICATE",
        _ => throw new ArgumentOutOfRangeException(nameof(code)),
    };

    /// <summary>Services whose application names one or more children at registration.</summary>
    public static bool ConcernsChildren(this ServiceCode code) => code != ServiceCode.AdopterRegistration;

    /// <summary>Services whose draft needs a housing inspection act (акт обследования жилищно-бытовых условий).</summary>
    public static bool NeedsHousingInspection(this ServiceCode code) =>
        code is ServiceCode.FosterPlacement or ServiceCode.AdopterRegistration;

    /// <summary>Only adopter registration involves the commission's opinion.</summary>
    public static bool NeedsCommission(this ServiceCode code) => code == ServiceCode.AdopterRegistration;
}
