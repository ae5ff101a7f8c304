using System.Security.Claims;
using GuardianshipPortal.Data;
using GuardianshipPortal.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace GuardianshipPortal.Web.Infrastructure;

public static class IdentitySetup
{
    /// <summary>Present while the user still has a temporary password: every page leads to the change of password.</summary>
    public const string MustChangePasswordClaim = "gp:must_change_password";

    /// <summary>Present while the user's role requires a second factor and none is set up: every page leads to setting it up.</summary>
    public const string MustEnrollTwoFactorClaim = "gp:must_enroll_2fa";

    /// <summary>
    /// Sends a user with a temporary password to the change-password page, and then a user whose role requires a second
    /// factor to setting it up, whatever they ask for.
    /// </summary>
    public static IApplicationBuilder UseTemporaryPasswordChange(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var path = context.Request.Path;
        var free = path.StartsWithSegments("/account") || path.StartsWithSegments("/error") || path.StartsWithSegments("/health")
            || path.StartsWithSegments("/language");
        if (!free && context.User.HasClaim(c => c.Type == MustChangePasswordClaim))
        {
            context.Response.Redirect("/account/password");
            return;
        }
        if (!free && context.User.HasClaim(c => c.Type == MustEnrollTwoFactorClaim))
        {
            context.Response.Redirect("/account/two-factor");
            return;
        }
        await next();
    });

    public const string OfficeClaim = "gp:office";
    public const string RegionClaim = "gp:region";
    public const string FullNameClaim = "gp:name";

    public static IServiceCollection AddPortalIdentity(
        this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment environment)
    {
        // Keys that protect sign-in cookies and antiforgery tokens survive restarts and are shared by every instance on the
        // database: they are kept in it (DataProtectionKeys).
        services.AddPortalDataProtection();

        services.AddSingleton<Features.Account.DecoyPassword>();
        services.AddSingleton<Features.Account.TwoFactorPolicy>();
        services.AddIdentity<PortalUser, IdentityRole<Guid>>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.User.RequireUniqueEmail = false;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<PortalClaimsPrincipalFactory>()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>()
            .AddPasswordValidator<Passwords.PortalPasswordValidator>();
        services.AddSingleton<Passwords.CommonPasswords>();

        services.AddAuthentication().AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, Features.Api.PartnerAuthenticationHandler>(
            Features.Api.PartnerAuthenticationHandler.SchemeName, null);

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "gp.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            // In Production the cookie is sent over HTTPS only (the proxy's X-Forwarded-Proto tells the portal it is HTTPS).
            o.Cookie.SecurePolicy = environment.IsProduction() ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/access-denied";
            o.ExpireTimeSpan = TimeSpan.FromHours(10);
            o.SlidingExpiration = true;
            // A signed-in user without the right role gets a 403 (shown as the access-denied page), not a redirect.
            // The session is checked against the user's security stamp on every request (see SessionCheck).
            o.Events.OnValidatePrincipal = SessionCheck.ValidateAsync;
            o.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        services.AddScoped<CurrentUser>();
        services.AddScoped<AuditLog>();
        return services;
    }
}

/// <summary>Adds the office, region and display name to the sign-in cookie so that every request knows them.</summary>
public sealed class PortalClaimsPrincipalFactory(
    UserManager<PortalUser> users, RoleManager<IdentityRole<Guid>> roles, IOptions<IdentityOptions> options, Features.Account.TwoFactorPolicy twoFactor)
    : UserClaimsPrincipalFactory<PortalUser, IdentityRole<Guid>>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PortalUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(IdentitySetup.RegionClaim, user.RegionId.ToString()));
        if (user.OfficeId is { } office) identity.AddClaim(new Claim(IdentitySetup.OfficeClaim, office.ToString()));
        identity.AddClaim(new Claim(IdentitySetup.FullNameClaim, user.FullName));
        if (user.MustChangePassword) identity.AddClaim(new Claim(IdentitySetup.MustChangePasswordClaim, "1"));
        if (!user.TwoFactorEnabled && twoFactor.IsRequired(await UserManager.GetRolesAsync(user)))
            identity.AddClaim(new Claim(IdentitySetup.MustEnrollTwoFactorClaim, "1"));
        return identity;
    }
}
