namespace GuardianshipPortal.Domain;

/// <summary>The roles of SPEC §1. Names are stored in the database and used in authorization attributes.</summary>
public static class Roles
{
    public const string Clerk = "Clerk";
    public const string Head = "Head";
    public const string Specialist = "Specialist";
    public const string Commission = "Commission";
    public const string Admin = "Admin";
    public const string Supervisor = "Supervisor";

    /// <summary>All roles, in the order a user's "primary" role is chosen when they hold several.</summary>
    public static readonly IReadOnlyList<string> All = [Clerk, Head, Specialist, Commission, Admin, Supervisor];

    /// <summary>Roles whose users work inside one office; the others may span the region.</summary>
    public static bool IsOfficeBound(string role) => role is not (Admin or Supervisor);
}
