namespace GuardianshipPortal.Cases;

/// <summary>Who acts on a case: the signed-in staff member in one of their roles.</summary>
public sealed record Actor(Guid UserId, string Name, IReadOnlyList<string> Roles, Guid? OfficeId, Guid? RegionId)
{
    public bool Is(string role) => Roles.Contains(role);
}
