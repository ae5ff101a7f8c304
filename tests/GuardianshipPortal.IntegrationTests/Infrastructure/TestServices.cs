using GuardianshipPortal.Domain.Services;

namespace GuardianshipPortal.IntegrationTests.Infrastructure;

/// <summary>The five services' definitions, as the tests ask them what each service needs.</summary>
public static class TestServices
{
    public static IReadOnlyList<ServiceCode> All { get; } = [.. ServiceCatalog.Standard.Codes];

    public static ServiceDefinition Definition(this ServiceCode code) => ServiceCatalog.Standard[code];
}
