namespace GuardianshipPortal.Domain;

/// <summary>
/// An argument of a problem or message that is itself a resource key (a field's label, a step's name): the domain names
/// it, the portal words it in the user's language.
/// </summary>
public sealed record Label(string Key);
