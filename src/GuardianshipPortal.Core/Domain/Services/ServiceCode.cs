namespace GuardianshipPortal.Domain.Services;

/// <summary>
/// The state services of SPEC §3, stored by number. What each one is and does is its <see cref="ServiceDefinition"/>
/// in the <see cref="ServiceCatalog"/>; a further service is a further number and definition.
/// </summary>
public enum ServiceCode
{
    FosterPlacement = 1,
    AdoptionLumpSum = 2,
    FosterMaintenance = 3,
    AdopterRegistration = 4,
    GuardianshipCertificate = 5,
}
