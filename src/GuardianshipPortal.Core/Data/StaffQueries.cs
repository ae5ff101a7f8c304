using GuardianshipPortal.Domain;

namespace GuardianshipPortal.Data;

public static class StaffQueries
{
    /// <summary>The active staff of an office who hold a role (the specialists a head assigns, the head who signs).</summary>
    public static IQueryable<PortalUser> StaffInRole(this PortalDbContext db, Guid officeId, string role) =>
        from u in db.Users
        join ur in db.UserRoles on u.Id equals ur.UserId
        join r in db.Roles on ur.RoleId equals r.Id
        where r.Name == role && u.OfficeId == officeId && u.IsActive
        select u;
}
