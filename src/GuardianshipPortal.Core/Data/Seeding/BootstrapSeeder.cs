using GuardianshipPortal.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace GuardianshipPortal.Data.Seeding;

/// <summary>Settings for the first start of a real deployment (configuration section "Bootstrap").</summary>
public sealed class BootstrapOptions
{
    public string RegionCode { get; set; } = "";
    public string RegionNameKk { get; set; } = "";
    public string RegionNameRu { get; set; } = "";
    public string AdminUserName { get; set; } = "admin";
    public string AdminFullName { get; set; } = "Administrator";
    public string AdminPassword { get; set; } = "";

    public bool IsConfigured => AdminPassword.Length > 0 && RegionCode.Length > 0;
}

/// <summary>
/// On an empty database, creates the region and its first administrator from configuration, so that a
/// production deployment (which never gets demo users) can be signed into and set up.
/// </summary>
public class BootstrapSeeder(PortalDbContext db, UserManager<PortalUser> users)
{
    public async Task<bool> SeedAsync(BootstrapOptions options, CancellationToken ct = default)
    {
        if (!options.IsConfigured || await db.Users.AnyAsync(ct)) return false;

        var region = await db.Regions.FirstOrDefaultAsync(r => r.Code == options.RegionCode, ct);
        if (region is null)
        {
            region = new Region
            {
                Id = Guid.NewGuid(), Code = options.RegionCode,
                NameKk = options.RegionNameKk.Length > 0 ? options.RegionNameKk : options.RegionCode,
                NameRu = options.RegionNameRu.Length > 0 ? options.RegionNameRu : options.RegionCode,
            };
            db.Regions.Add(region);
            await db.SaveChangesAsync(ct);
        }

        var admin = new PortalUser { UserName = options.AdminUserName, FullName = options.AdminFullName, RegionId = region.Id };
        var result = await users.CreateAsync(admin, options.AdminPassword);
        if (result.Succeeded) result = await users.AddToRoleAsync(admin, Roles.Admin);
        if (!result.Succeeded)
            throw new InvalidOperationException($"Could not create the first administrator: {RoleSeeder.Describe(result)}");
        return true;
    }
}
