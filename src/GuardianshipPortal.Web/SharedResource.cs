namespace GuardianshipPortal.Web;

/// <summary>Marker for the shared UI strings in Resources/SharedResource.kk.resx and SharedResource.ru.resx.</summary>
public sealed class SharedResource;
