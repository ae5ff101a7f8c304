using GuardianshipPortal.Domain;

namespace GuardianshipPortal.Web.Infrastructure;

/// <param name="Exact">Current only at its own address: Search ("/cases") is not the current page on a case ("/cases/{id}").</param>
public sealed record NavItem(string LabelKey, string Href, IReadOnlyList<string> Roles, bool Exact = false);

/// <summary>The main menu. An item shows only to the roles that may use it (the server checks again on every action).</summary>
public static class Navigation
{
    public static readonly IReadOnlyList<NavItem> Items =
    [
        new("Nav_Home", "/", Roles.All),
        new("Nav_Register", "/cases/new", [Roles.Clerk]),
        new("Nav_Search", "/cases", [Roles.Clerk, Roles.Head, Roles.Specialist, Roles.Commission, Roles.Supervisor], Exact: true),
        new("Nav_Dashboard", "/dashboard", [Roles.Head, Roles.Supervisor]),
        new("Nav_Journals", "/journals/Registration", [Roles.Clerk, Roles.Head, Roles.Supervisor]),
        new("Nav_Users", "/admin/users", [Roles.Admin]),
        new("Nav_Offices", "/admin/offices", [Roles.Admin]),
        new("Nav_Catalogues", "/admin/catalogues", [Roles.Admin]),
        new("Nav_Regulations", "/admin/regulations", [Roles.Admin]),
        new("Nav_Calendar", "/admin/calendar", [Roles.Admin]),
        new("Nav_Mrp", "/admin/mrp", [Roles.Admin]),
        new("Nav_Templates", "/admin/templates", [Roles.Admin]),
        new("Nav_Phrases", "/resolution/phrases", [Roles.Admin]),
        new("Nav_Messages", "/admin/messages", [Roles.Admin]),
        new("Nav_Trust", "/admin/trust", [Roles.Admin]),
        new("Nav_Partners", "/admin/partners", [Roles.Admin]),
        new("Nav_Outbox", "/admin/outbox", [Roles.Admin]),
        new("Nav_Audit", "/audit", [Roles.Admin, Roles.Supervisor]),
    ];

    public static IEnumerable<NavItem> For(CurrentUser user) => Items.Where(i => i.Roles.Any(user.IsInRole));
}
