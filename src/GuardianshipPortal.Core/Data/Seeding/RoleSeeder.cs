using GuardianshipPortal.Domain;
using Microsoft.AspNetCore.Identity;

namespace GuardianshipPortal.Data.Seeding;

/// <summary>Makes sure every role of <see cref="Roles.All"/> exists. Runs in every environment; idempotent.</summary>
public class RoleSeeder(RoleManager<IdentityRole<Guid>> roles)
{
    public async Task SeedAsync()
    {
        foreach (var name in Roles.All)
        {
            if (!await roles.RoleExistsAsync(name))
            {
                var result = await roles.CreateAsync(new IdentityRole<Guid>(name));
                if (!result.Succeeded)
                    throw new InvalidOperationException($"Could not create role {name}: {Describe(result)}");
            }
        }
    }

    internal static string Describe(IdentityResult result) =>
        string.Join("; ", result.Errors.Select(e => e.Code + ": " + e.Description));
}
