using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace GuardianshipPortal.Web.Infrastructure.Passwords;

/// <summary>
/// The passwords everyone tries first (a bundled list of more than 10,000, see common-passwords.txt). A password is
/// refused when it is on the list, or is a listed one with digits and signs added at its end («Password2026»,
/// «qwerty123!»), whatever its letter case.
/// </summary>
public sealed class CommonPasswords
{
    private readonly HashSet<string> _list;

    public CommonPasswords()
    {
        using var stream = typeof(CommonPasswords).Assembly.GetManifestResourceStream("Passwords.common-passwords.txt")
            ?? throw new InvalidOperationException("The list of common passwords is not embedded.");
        using var reader = new StreamReader(stream);
        _list = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
            if (line.Length > 0 && !line.StartsWith('#')) _list.Add(line);
    }

    public int Count => _list.Count;

    public bool IsCommon(string password)
    {
        var lower = password.Trim().ToLowerInvariant();
        var stem = lower.TrimEnd(lower.Where(c => !char.IsLetter(c)).Distinct().ToArray());
        return _list.Contains(lower) || (stem.Length >= 4 && _list.Contains(stem));
    }
}

/// <summary>Refuses a common password and one that contains the account's user name.</summary>
public sealed class PortalPasswordValidator(CommonPasswords common, IStringLocalizer<SharedResource> l) : IPasswordValidator<Domain.PortalUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<Domain.PortalUser> manager, Domain.PortalUser user, string? password)
    {
        var errors = new List<IdentityError>();
        if (string.IsNullOrEmpty(password)) return Task.FromResult(IdentityResult.Success);
        if (common.IsCommon(password))
            errors.Add(new IdentityError { Code = "PasswordCommon", Description = l["Identity_PasswordCommon"] });
        if (user.UserName is { Length: >= 3 } name && password.Contains(name, StringComparison.OrdinalIgnoreCase))
            errors.Add(new IdentityError { Code = "PasswordContainsUserName", Description = l["Identity_PasswordContainsUserName"] });
        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }
}
