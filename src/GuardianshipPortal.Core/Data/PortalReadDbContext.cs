using Microsoft.EntityFrameworkCore;

namespace GuardianshipPortal.Data;

/// <summary>
/// The portal's model for pages that only read — journals, dashboards, search — over <c>ConnectionStrings:PortalRead</c>
/// (a PostgreSQL streaming replica) when it is set, over the primary otherwise. Nothing is tracked and nothing can be
/// saved through it: a replica refuses writes, and a page that reads from it must not try.
/// </summary>
public sealed class PortalReadDbContext(DbContextOptions<PortalReadDbContext> options) : PortalDbContext(options)
{
    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new InvalidOperationException("The read-only context saves nothing; write through PortalDbContext.");

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException("The read-only context saves nothing; write through PortalDbContext.");
}
