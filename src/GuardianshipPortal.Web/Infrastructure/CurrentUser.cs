using System.Security.Claims;
using GuardianshipPortal.Data;
using GuardianshipPortal.Domain;
using Microsoft.EntityFrameworkCore;

namespace GuardianshipPortal.Web.Infrastructure;

/// <summary>The signed-in staff member of this request, read from the sign-in cookie's claims.</summary>
public sealed class CurrentUser(IHttpContextAccessor accessor, PortalDbContext db)
{
    private Office? _office;
    private bool _officeLoaded;

    private ClaimsPrincipal Principal => accessor.HttpContext?.User ?? new ClaimsPrincipal();

    public bool IsSignedIn => Principal.Identity?.IsAuthenticated == true;
    public Guid Id => Guid.TryParse(Principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : Guid.Empty;
    public string FullName => Principal.FindFirstValue(IdentitySetup.FullNameClaim) ?? Principal.Identity?.Name ?? "";
    public Guid? OfficeId => Guid.TryParse(Principal.FindFirstValue(IdentitySetup.OfficeClaim), out var id) ? id : null;
    public Guid? RegionId => Guid.TryParse(Principal.FindFirstValue(IdentitySetup.RegionClaim), out var id) ? id : null;

    public IReadOnlyList<string> Roles => [.. Domain.Roles.All.Where(Principal.IsInRole)];

    /// <summary>The role whose home page the user sees: the first of <see cref="Domain.Roles.All"/> the user holds.</summary>
    public string? PrimaryRole => Roles.Count > 0 ? Roles[0] : null;

    public bool IsInRole(string role) => Principal.IsInRole(role);

    public Cases.Actor Actor => new(Id, FullName, Roles, OfficeId, RegionId);

    /// <summary>May this user read the case of <paramref name="officeId"/>? Office staff: their own office; the supervisor: the region.</summary>
    public async Task<bool> CanViewCaseOfAsync(Guid officeId)
    {
        if (OfficeId == officeId && Roles.Any(Domain.Roles.IsOfficeBound)) return true;
        if (!IsInRole(Domain.Roles.Supervisor) || RegionId is not { } region) return false;
        return await db.Offices.AnyAsync(o => o.Id == officeId && o.RegionId == region);
    }

    public async Task<Office?> GetOfficeAsync()
    {
        if (!_officeLoaded)
        {
            _office = OfficeId is { } id ? await db.Offices.AsNoTracking().Where(o => o.Id == id).Select(Office.WithoutEmblem).FirstOrDefaultAsync() : null;
            _officeLoaded = true;
        }
        return _office;
    }

    /// <summary>
    /// The offices whose registers and figures this user may look at (the supervisor: every active office of the
    /// region; staff: their own), and the one asked for — or the user's own, or the first. Selected is null when the
    /// office asked for is not among them.
    /// </summary>
    public async Task<(IReadOnlyList<Office> Offices, Office? Selected)> ChooseOfficeAsync(Guid? asked, CancellationToken ct = default)
    {
        IReadOnlyList<Office> offices = IsInRole(Domain.Roles.Supervisor) && RegionId is { } region
            ? await db.Offices.AsNoTracking().Where(o => o.RegionId == region && o.IsActive).OrderBy(o => o.Code).ToListAsync(ct)
            : OfficeId is { } own ? await db.Offices.AsNoTracking().Where(o => o.Id == own).ToListAsync(ct) : [];
        if (asked is { } id && offices.All(o => o.Id != id)) return (offices, null);
        return (offices, offices.FirstOrDefault(o => o.Id == (asked ?? OfficeId)) ?? offices.FirstOrDefault());
    }

    public async Task<Region?> GetRegionAsync() =>
        RegionId is { } id ? await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id) : null;
}
