using System.Text;
using FluentValidation;
using GuardianshipPortal.Data;
using GuardianshipPortal.Domain;
using GuardianshipPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using QRCoder;

namespace GuardianshipPortal.Web.Features.Account;

/// <summary>
/// Which roles must sign in with a second factor (an authenticator app's code), from <c>Security:TwoFactorRoles</c>
/// (comma-separated; by default heads, administrators and supervisors; empty for none).
/// </summary>
public sealed class TwoFactorPolicy(IConfiguration configuration)
{
    public const string DefaultRoles = $"{Roles.Head},{Roles.Admin},{Roles.Supervisor}";

    public IReadOnlySet<string> RequiredFor { get; } =
        (configuration["Security:TwoFactorRoles"] ?? DefaultRoles).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Where(Roles.All.Contains).ToHashSet();

    public bool IsRequired(IEnumerable<string> roles) => roles.Any(RequiredFor.Contains);
}

public sealed class TwoFactorCodeForm
{
    public string Code { get; set; } = "";
    public string? ReturnUrl { get; set; }
}

public sealed class TwoFactorCodeFormValidator : AbstractValidator<TwoFactorCodeForm>
{
    public TwoFactorCodeFormValidator(IStringLocalizer<SharedResource> l) =>
        RuleFor(x => x.Code).NotEmpty().WithMessage(_ => l["Validation_Required", l["TwoFactor_Code"]]).MaximumLength(32);
}

public sealed record TwoFactorPage(bool Enabled, bool Required, string? Key, string? QrSvg, int RecoveryCodesLeft, IReadOnlyList<string> NewRecoveryCodes, TwoFactorCodeForm Form);

/// <summary>
/// Two-factor sign-in with ASP.NET Core Identity's authenticator support: enrolment (a QR code and the key for the
/// authenticator app, confirmed by a first code), ten one-time recovery codes, and the second step of signing in.
/// </summary>
[Route("account")]
public sealed class TwoFactorController(
    SignInManager<PortalUser> signIn, UserManager<PortalUser> users, TwoFactorPolicy policy, AuditLog audit, PortalDbContext db,
    IStringLocalizer<SharedResource> l, ILogger<TwoFactorController> logger) : Controller
{
    public const string Issuer = "GuardianshipPortal";

    [Authorize, HttpGet("two-factor")]
    public async Task<IActionResult> Index() =>
        await users.GetUserAsync(User) is { } user ? View("/Features/Account/TwoFactor.cshtml", await PageAsync(user, new TwoFactorCodeForm(), [])) : Challenge();

    [Authorize, HttpPost("two-factor")]
    public async Task<IActionResult> Enable(TwoFactorCodeForm form, CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        if (user.TwoFactorEnabled) return RedirectToAction(nameof(Index));
        if (ModelState.IsValid && !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, Digits(form.Code)))
            ModelState.AddModelError(nameof(form.Code), l["TwoFactor_WrongCode"]);
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return View("/Features/Account/TwoFactor.cshtml", await PageAsync(user, form, []));
        }
        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList() ?? [];
        await signIn.RefreshSignInAsync(user);
        audit.Change(AuditAction.EnableTwoFactor, user.UserName ?? "", "", "");
        await db.SaveChangesAsync(ct);
        logger.LogInformation("User {UserId} enabled two-factor sign-in", user.Id);
        return View("/Features/Account/TwoFactor.cshtml", await PageAsync(user, new TwoFactorCodeForm(), codes));
    }

    [Authorize, HttpPost("two-factor/recovery-codes")]
    public async Task<IActionResult> NewRecoveryCodes()
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        if (!user.TwoFactorEnabled) return RedirectToAction(nameof(Index));
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList() ?? [];
        return View("/Features/Account/TwoFactor.cshtml", await PageAsync(user, new TwoFactorCodeForm(), codes));
    }

    [AllowAnonymous, HttpGet("login-code")]
    public async Task<IActionResult> LoginCode(string? returnUrl) =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null
            ? Redirect("/account/login")
            : View("/Features/Account/LoginCode.cshtml", new TwoFactorCodeForm { ReturnUrl = returnUrl });

    /// <summary>The second step: a code of the authenticator app (six digits) or one of the recovery codes.</summary>
    [AllowAnonymous, HttpPost("login-code")]
    public async Task<IActionResult> LoginCode(TwoFactorCodeForm form)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return Redirect("/account/login");
        if (ModelState.IsValid)
        {
            var digits = Digits(form.Code);
            var result = digits.Length == 6 && digits.All(char.IsAsciiDigit)
                ? await signIn.TwoFactorAuthenticatorSignInAsync(digits, isPersistent: false, rememberClient: false)
                : await signIn.TwoFactorRecoveryCodeSignInAsync(form.Code.Replace(" ", "", StringComparison.Ordinal));
            if (result.Succeeded)
            {
                logger.LogInformation("User {UserId} signed in with a second factor", user.Id);
                return LocalRedirect(Url.IsLocalUrl(form.ReturnUrl) ? form.ReturnUrl! : "/");
            }
            ModelState.AddModelError(nameof(form.Code), l[result.IsLockedOut ? "Login_Invalid" : "TwoFactor_WrongCode"]);
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return View("/Features/Account/LoginCode.cshtml", form);
    }

    private static string Digits(string code) => code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);

    private async Task<TwoFactorPage> PageAsync(PortalUser user, TwoFactorCodeForm form, IReadOnlyList<string> newCodes)
    {
        var required = policy.IsRequired(await users.GetRolesAsync(user));
        if (user.TwoFactorEnabled)
            return new TwoFactorPage(true, required, null, null, await users.CountRecoveryCodesAsync(user), newCodes, form);
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? "";
            await signIn.RefreshSignInAsync(user); // a new key changes the security stamp: this session goes on
        }
        var uri = $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(user.UserName ?? "")}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6";
        return new TwoFactorPage(false, required, Grouped(key), QrSvg(uri), 0, newCodes, form);
    }

    private static string Grouped(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4) text.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        return text.ToString().TrimEnd().ToLowerInvariant();
    }

    /// <summary>The QR code as an inline SVG (no script, no data address): one path of the dark modules.</summary>
    public static string QrSvg(string text)
    {
        using var generator = new QRCodeGenerator();
        var matrix = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M).ModuleMatrix;
        var size = matrix.Count;
        var path = new StringBuilder();
        for (var y = 0; y < size; y++)
            for (var x = 0; x < size; x++)
                if (matrix[y][x]) path.Append($"M{x} {y}h1v1h-1z");
        return $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\" width=\"220\" height=\"220\" shape-rendering=\"crispEdges\" role=\"img\" data-testid=\"qr\"><rect width=\"{size}\" height=\"{size}\" fill=\"#fff\"/><path d=\"{path}\" fill=\"#000\"/></svg>";
    }
}
