using FluentValidation;
using GuardianshipPortal.Domain;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace GuardianshipPortal.Web.Features.Account;

public sealed class LoginForm
{
    public string UserName { get; set; } = "";
    public string Password { get; set; } = "";
    public string? ReturnUrl { get; set; }
}

public sealed class LoginFormValidator : AbstractValidator<LoginForm>
{
    public LoginFormValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.UserName).NotEmpty().WithMessage(_ => l["Validation_Required", l["Login_UserName"]]);
        RuleFor(x => x.Password).NotEmpty().WithMessage(_ => l["Validation_Required", l["Login_Password"]]);
    }
}

public sealed class ChangePasswordForm
{
    public string CurrentPassword { get; set; } = "";
    public string NewPassword { get; set; } = "";
    public string ConfirmPassword { get; set; } = "";
}

public sealed class ChangePasswordFormValidator : AbstractValidator<ChangePasswordForm>
{
    public ChangePasswordFormValidator(IStringLocalizer<SharedResource> l)
    {
        RuleFor(x => x.CurrentPassword).NotEmpty().WithMessage(_ => l["Validation_Required", l["Password_Current"]]);
        RuleFor(x => x.NewPassword).NotEmpty().WithMessage(_ => l["Validation_Required", l["Password_New"]]);
        RuleFor(x => x.ConfirmPassword).Equal(x => x.NewPassword).WithMessage(_ => l["Password_ConfirmMismatch"]);
    }
}

[Route("account")]
public sealed class AccountController(
    SignInManager<PortalUser> signIn,
    UserManager<PortalUser> users,
    DecoyPassword decoy,
    IStringLocalizer<SharedResource> l,
    ILogger<AccountController> logger) : Controller
{
    [AllowAnonymous, HttpGet("login")]
    public IActionResult Login(string? returnUrl) =>
        User.Identity?.IsAuthenticated == true ? LocalRedirect(SafeReturnUrl(returnUrl)) : View(new LoginForm { ReturnUrl = returnUrl });

    [AllowAnonymous, HttpPost("login")]
    public async Task<IActionResult> Login(LoginForm form)
    {
        if (!ModelState.IsValid) return Invalid(form);

        // Whoever asks learns nothing from the answer: an unknown name, a deactivated or locked account and a wrong
        // password get the same message, and each costs one password hash, so that neither words nor time tell them apart.
        var user = await users.FindByNameAsync(form.UserName.Trim());
        if (user is null || !user.IsActive || await users.IsLockedOutAsync(user))
        {
            users.PasswordHasher.VerifyHashedPassword(user ?? new PortalUser { FullName = "" }, decoy.Hash, form.Password);
            ModelState.AddModelError("", l["Login_Invalid"]);
            return Invalid(form);
        }

        var result = await signIn.PasswordSignInAsync(user, form.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor) return Redirect("/account/login-code" + QueryString.Create("returnUrl", SafeReturnUrl(form.ReturnUrl)));
        if (result.Succeeded)
        {
            logger.LogInformation("User {UserId} signed in", user.Id);
            return LocalRedirect(SafeReturnUrl(form.ReturnUrl));
        }
        if (result.IsLockedOut) logger.LogWarning("User {UserId} is locked out", user.Id);
        ModelState.AddModelError("", l["Login_Invalid"]);
        return Invalid(form);
    }


    [HttpPost("logout")]
    public async Task<IActionResult> Logout()
    {
        // A new security stamp ends this session everywhere: the old cookie, replayed, is refused.
        if (await signIn.UserManager.GetUserAsync(User) is { } user) await signIn.UserManager.UpdateSecurityStampAsync(user);
        await signIn.SignOutAsync();
        return RedirectToAction(nameof(Login));
    }

    [HttpGet("password")]
    public IActionResult ChangePassword() => View(new ChangePasswordForm());

    [HttpPost("password")]
    public async Task<IActionResult> ChangePassword(ChangePasswordForm form)
    {
        if (!ModelState.IsValid) return Invalid(form);
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();

        var result = await users.ChangePasswordAsync(user, form.CurrentPassword, form.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors) ModelState.AddModelError("", error.Description);
            return Invalid(form);
        }
        if (user.MustChangePassword)
        {
            user.MustChangePassword = false;
            await users.UpdateAsync(user);
        }
        await signIn.RefreshSignInAsync(user);
        logger.LogInformation("User {UserId} changed the password", user.Id);
        TempData["Flash"] = l["Password_Changed"].Value;
        return RedirectToAction(nameof(ChangePassword));
    }

    [AllowAnonymous, HttpGet("access-denied")]
    public IActionResult AccessDenied()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View();
    }

    /// <summary>Re-shows a form with its errors and a 400, so that bad input never looks like success.</summary>
    private ViewResult Invalid(object form)
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View(form);
    }

    private string SafeReturnUrl(string? url) => Url.IsLocalUrl(url) ? url! : "/";
}

/// <summary>
/// A hash made with the portal's own hasher and cost, checked when there is no real one to check (an unknown, inactive or
/// locked account), so that such a sign-in costs what a real one costs. One per application, made at the first need.
/// </summary>
public sealed class DecoyPassword(Microsoft.Extensions.Options.IOptions<PasswordHasherOptions> options)
{
    private readonly Lazy<string> _hash = new(() =>
        new PasswordHasher<PortalUser>(options).HashPassword(new PortalUser { FullName = "" }, Guid.NewGuid().ToString("N")));

    public string Hash => _hash.Value;
}
