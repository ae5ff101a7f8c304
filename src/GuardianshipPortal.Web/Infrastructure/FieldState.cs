using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace GuardianshipPortal.Web.Infrastructure;

/// <summary>
/// How one form field shows its error next to itself: a red outline (is-invalid), aria-invalid and aria-describedby
/// pointing at the message under it.
/// </summary>
public sealed record FieldState(string Id, string? Message)
{
    public static string IdOf(string name) => name.Replace("[", "_").Replace("]", "_").Replace(".", "_");

    public static FieldState For(ModelStateDictionary state, string name) =>
        new(IdOf(name), state.TryGetValue(name, out var entry) && entry.Errors.Count > 0
            ? string.Join(" ", entry.Errors.Select(e => e.ErrorMessage).Distinct())
            : null);

    public string ErrorId => Id + "_error";
    public string Css => Message is null ? "" : "is-invalid";
    public string? Invalid => Message is null ? null : "true";
    public string? DescribedBy => Message is null ? null : ErrorId;
}
