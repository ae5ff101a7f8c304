using System.Security.Cryptography;
using FluentValidation;
using GuardianshipPortal.Data;
using GuardianshipPortal.Domain;
using GuardianshipPortal.Domain.Cases;
using GuardianshipPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace GuardianshipPortal.Web.Features.Admin;

public sealed class UserForm
{
    [WritesTo(typeof(PortalUser), nameof(PortalUser.UserName), "Login_UserName")]
    public string UserName { get; set; } = "";
    [WritesTo(typeof(PortalUser), nameof(PortalUser.FullName), "Person_FullName")]
    public string FullName { get; set; } = "";
    [WritesTo(typeof(PortalUser), nameof(PortalUser.PositionKk), "Users_PositionKk")]
    public string PositionKk { get; set; } = "";
    [WritesTo(typeof(PortalUser), nameof(PortalUser.PositionRu), "Users_PositionRu")]
    public string PositionRu { get; set; } = "";
    /// <summary>The person's IIN: the head's digital signature is accepted only with a certificate of it.</summary>
    [WritesTo(typeof(PortalUser), nameof(PortalUser.Iin), "Users_Iin")]
    public string Iin { get; set; } = "";
    public string Role { get; set; } = "";
    [Label("Layout_Office")]
    public Guid? OfficeId { get; set; }
}

public sealed class UserFormValidator : AbstractValidator<UserForm>
{
    public UserFormValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.UserName).NotEmpty().WithMessage(_ => l["Validation_Required", l["Login_UserName"]])
            .Matches("^[a-zA-Z0-9._-]{3,50}$").WithMessage(_ => l["Users_UserNameFormat"]);
        RuleFor(x => x.FullName).NotEmpty().WithMessage(_ => l["Validation_Required", l["Person_FullName"]]).MaximumLength(300);
        RuleFor(x => x.Iin).Must(i => string.IsNullOrWhiteSpace(i) || Domain.Persons.Iin.IsValid(i.Trim()))
            .WithMessage(x => Domain.Persons.Iin.TryParse(x.Iin.Trim(), out _, out var error) ? "" : l["Iin_" + error]);
        RuleFor(x => x.Role).Must(r => Roles.All.Contains(r)).WithMessage(_ => l["Validation_Required", l["Users_Role"]]);
        RuleFor(x => x.OfficeId).NotNull().When(x => Roles.All.Contains(x.Role) && Roles.IsOfficeBound(x.Role))
            .WithMessage(_ => l["Users_OfficeRequired"]);
    }
}

public sealed record UserRow(Guid Id, string UserName, string FullName, string Role, string? Office, bool Active, bool Locked, bool TwoFactor);
public sealed record UserEditPage(Guid? Id, UserForm Form, IReadOnlyList<Office> Offices);

/// <summary>Staff accounts of the region: create, change role and office, deactivate, reset the password.</summary>
[Authorize(Roles = Roles.Admin)]
[Route("admin/users")]
public sealed class UsersController(
    PortalDbContext db, UserManager<PortalUser> users, CurrentUser me, TimeProvider clock, AuditLog audit, IStringLocalizer<SharedResource> l) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var lang = LocalizationSetup.CurrentLanguage;
        var list = await db.Users.AsNoTracking().Where(u => u.RegionId == me.RegionId).Include(u => u.Office).OrderBy(u => u.UserName).ToListAsync(ct);
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name }).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var rows = list.Select(u => new UserRow(u.Id, u.UserName ?? "", u.FullName,
            string.Join(", ", roles.Where(r => r.UserId == u.Id).Select(r => r.Name)), u.Office?.Name(lang), u.IsActive, u.LockoutEnd > now, u.TwoFactorEnabled)).ToList();
        return View("/Features/Admin/Users.cshtml", rows);
    }

    [HttpGet("new")]
    public async Task<IActionResult> New(CancellationToken ct) => View("/Features/Admin/UserEdit.cshtml", await PageAsync(null, new UserForm { Role = Roles.Clerk }, ct));

    [HttpPost("new")]
    public async Task<IActionResult> New(UserForm form, CancellationToken ct)
    {
        await CheckOfficeAsync(form, ct);
        if (!ModelState.IsValid) return await InvalidAsync(null, form, ct);
        var password = NewPassword();
        var user = new PortalUser
        {
            UserName = form.UserName.Trim(), FullName = form.FullName.Trim(), PositionKk = form.PositionKk.Trim(), PositionRu = form.PositionRu.Trim(), Iin = form.Iin.Trim(),
            RegionId = me.RegionId!.Value, OfficeId = Roles.IsOfficeBound(form.Role) ? form.OfficeId : null,
            MustChangePassword = true, // the temporary password is the administrator's: the user chooses their own at once
        };
        var result = await users.CreateAsync(user, password);
        if (result.Succeeded) result = await users.AddToRoleAsync(user, form.Role);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors) ModelState.AddModelError("", e.Description);
            return await InvalidAsync(null, form, ct);
        }
        audit.Change(AuditAction.CreateUser, user.UserName, "", Describe(user, form.Role));
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = l["Users_Created", user.UserName, password].Value;
        return Redirect("/admin/users");
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Edit(Guid id, CancellationToken ct)
    {
        var user = await FindAsync(id, ct);
        if (user is null) return NotFound();
        var role = (await users.GetRolesAsync(user)).FirstOrDefault() ?? "";
        var form = new UserForm { UserName = user.UserName ?? "", FullName = user.FullName, PositionKk = user.PositionKk, PositionRu = user.PositionRu, Iin = user.Iin, Role = role, OfficeId = user.OfficeId };
        return View("/Features/Admin/UserEdit.cshtml", await PageAsync(id, form, ct));
    }

    [HttpPost("{id:guid}")]
    public async Task<IActionResult> Edit(Guid id, UserForm form, CancellationToken ct)
    {
        var user = await FindAsync(id, ct);
        if (user is null) return NotFound();
        await CheckOfficeAsync(form, ct);
        if (!ModelState.IsValid) return await InvalidAsync(id, form, ct);
        var oldRoles = await users.GetRolesAsync(user);
        if (oldRoles.Contains(Roles.Admin) && form.Role != Roles.Admin && await IsLastActiveAdminAsync(user))
        {
            ModelState.AddModelError("", l["Users_LastAdmin"]);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View("/Features/Admin/UserEdit.cshtml", await PageAsync(id, form, ct));
        }
        var before = Describe(user, string.Join(",", oldRoles));
        user.FullName = form.FullName.Trim();
        user.PositionKk = form.PositionKk.Trim();
        user.PositionRu = form.PositionRu.Trim();
        user.Iin = form.Iin.Trim();
        user.OfficeId = Roles.IsOfficeBound(form.Role) ? form.OfficeId : null;
        var result = await users.UpdateAsync(user);
        if (IsConflict(result)) return await ConflictAsync(id, form, ct);
        if (result.Succeeded && !oldRoles.SequenceEqual([form.Role]))
        {
            result = await users.RemoveFromRolesAsync(user, oldRoles);
            if (result.Succeeded) result = await users.AddToRoleAsync(user, form.Role);
        }
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors) ModelState.AddModelError("", e.Description);
            return await InvalidAsync(id, form, ct);
        }
        await users.UpdateSecurityStampAsync(user); // a new role or office takes effect at once
        audit.Change(AuditAction.EditUser, user.UserName ?? "", before, Describe(user, form.Role));
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = l["Users_Saved"].Value;
        return Redirect("/admin/users");
    }

    [HttpPost("{id:guid}/active")]
    public async Task<IActionResult> SetActive(Guid id, bool active, CancellationToken ct)
    {
        var user = await FindAsync(id, ct);
        if (user is null) return NotFound();
        if (!active && (await users.IsInRoleAsync(user, Roles.Admin)) && await IsLastActiveAdminAsync(user))
        {
            TempData["Flash"] = l["Users_LastAdmin"].Value;
            return StatusCode(StatusCodes.Status409Conflict);
        }
        if (user.Id == me.Id && !active) return BadRequest();
        var before = user.IsActive;
        user.IsActive = active;
        // The security stamp changes with it: a deactivated user is signed out. Two admins toggling at once: one wins.
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        var result = await users.UpdateAsync(user);
        if (IsConflict(result))
        {
            TempData["Flash"] = l["Users_Conflict", user.UserName ?? ""].Value;
            return Redirect("/admin/users");
        }
        audit.Change(active ? AuditAction.ActivateUser : AuditAction.DeactivateUser, user.UserName ?? "", before.ToString(), active.ToString());
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = l[active ? "Users_Activated" : "Users_Deactivated", user.UserName ?? ""].Value;
        return Redirect("/admin/users");
    }

    [HttpPost("{id:guid}/password")]
    public async Task<IActionResult> ResetPassword(Guid id, CancellationToken ct)
    {
        var user = await FindAsync(id, ct);
        if (user is null) return NotFound();
        var password = NewPassword();
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var result = await users.ResetPasswordAsync(user, token, password);
        if (!result.Succeeded) return BadRequest();
        user.MustChangePassword = true;
        await users.UpdateAsync(user);
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        audit.Change(AuditAction.ResetPassword, user.UserName ?? "", "", "");
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = l["Users_PasswordReset", user.UserName ?? "", password].Value;
        return Redirect("/admin/users");
    }

    /// <summary>A lost phone: the second factor and its recovery codes are removed, every session ends, and the user sets it up again at the next sign-in.</summary>
    [HttpPost("{id:guid}/two-factor")]
    public async Task<IActionResult> ResetTwoFactor(Guid id, CancellationToken ct)
    {
        var user = await FindAsync(id, ct);
        if (user is null) return NotFound();
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await users.RemoveAuthenticationTokenAsync(user, "[AspNetUserStore]", "RecoveryCodes"); // the store's recovery codes
        await users.UpdateSecurityStampAsync(user);
        audit.Change(AuditAction.ResetTwoFactor, user.UserName ?? "", "", "");
        await db.SaveChangesAsync(ct);
        TempData["Flash"] = l["Users_TwoFactorReset", user.UserName ?? ""].Value;
        return Redirect("/admin/users");
    }

    private static bool IsConflict(IdentityResult result) =>
        !result.Succeeded && result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.ConcurrencyFailure));

    private async Task<IActionResult> ConflictAsync(Guid id, UserForm form, CancellationToken ct)
    {
        ModelState.AddModelError("", l["Users_Conflict", form.UserName]);
        Response.StatusCode = StatusCodes.Status409Conflict;
        return View("/Features/Admin/UserEdit.cshtml", await PageAsync(id, form, ct));
    }

    /// <summary>Whether <paramref name="user"/> is the region's only active administrator (who must not lock everyone out).</summary>
    private async Task<bool> IsLastActiveAdminAsync(PortalUser user)
    {
        if (!user.IsActive) return false;
        var admins = await users.GetUsersInRoleAsync(Roles.Admin);
        return !admins.Any(a => a.Id != user.Id && a.IsActive && a.RegionId == user.RegionId);
    }

    private Task<PortalUser?> FindAsync(Guid id, CancellationToken ct) => db.Users.FirstOrDefaultAsync(u => u.Id == id && u.RegionId == me.RegionId, ct);

    private async Task CheckOfficeAsync(UserForm form, CancellationToken ct)
    {
        if (form.OfficeId is { } office && !await db.Offices.AnyAsync(o => o.Id == office && o.RegionId == me.RegionId, ct))
            ModelState.AddModelError("", l["Users_OfficeRequired"]);
    }

    private async Task<IActionResult> InvalidAsync(Guid? id, UserForm form, CancellationToken ct)
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("/Features/Admin/UserEdit.cshtml", await PageAsync(id, form, ct));
    }

    private async Task<UserEditPage> PageAsync(Guid? id, UserForm form, CancellationToken ct) =>
        new(id, form, await db.Offices.AsNoTracking().Where(o => o.RegionId == me.RegionId).OrderBy(o => o.Code).ToListAsync(ct));


    private static string Describe(PortalUser u, string role) =>
        $"{u.UserName}; {u.FullName}; {role}; office {u.OfficeId}; active {u.IsActive}; IIN {(u.Iin.Length == 12 ? "********" + u.Iin[8..] : "none")}";

    /// <summary>A temporary password that meets the policy: shown once to the admin, to be changed by the user.</summary>
    private static string NewPassword()
    {
        const string lower = "abcdefghjkmnpqrstuvwxyz", upper = "ABCDEFGHJKMNPQRSTUVWXYZ", digits = "23456789";
        var chars = new char[12];
        for (var i = 0; i < chars.Length; i++)
        {
            var set = (i % 3) switch { 0 => upper, 1 => lower, _ => digits };
            chars[i] = set[RandomNumberGenerator.GetInt32(set.Length)];
        }
        return new string(chars);
    }
}
