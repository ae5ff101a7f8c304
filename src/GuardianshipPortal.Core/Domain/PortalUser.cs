using Microsoft.AspNetCore.Identity;

namespace GuardianshipPortal.Domain;

/// <summary>A staff member. Office-bound roles belong to one office; admins and supervisors span the region.</summary>
public class PortalUser : IdentityUser<Guid>
{
    public required string FullName { get; set; }
    public string PositionKk { get; set; } = "";
    public string PositionRu { get; set; } = "";
    public Guid RegionId { get; set; }
    public Region? Region { get; set; }
    public Guid? OfficeId { get; set; }
    public Office? Office { get; set; }
    public bool IsActive { get; set; } = true;
    /// <summary>The person's IIN: a digital signature is accepted only with a certificate of this IIN (SERIALNUMBER "IIN…").</summary>
    public string Iin { get; set; } = "";
    /// <summary>The password was set by an administrator (a new account, a reset): it must be changed at the next sign-in.</summary>
    public bool MustChangePassword { get; set; }

    public string Position(string language) => Language.Pick(language, PositionKk, PositionRu);
}
