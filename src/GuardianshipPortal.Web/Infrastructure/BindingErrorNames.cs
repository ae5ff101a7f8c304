using System.Collections;
using System.Reflection;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace GuardianshipPortal.Web.Infrastructure;

/// <summary>The resource key of the label a form shows beside a field: the field's name in its errors.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class LabelAttribute(string key) : Attribute
{
    public string Key { get; } = key;
}

/// <summary>
/// The model binder's own messages («Енгізілген мән жарамсыз.», «Введите дату…») name no field: on every form they get
/// the field's label in front, «Бөлмелер саны: Енгізілген мән жарамсыз.», found through the form's
/// <see cref="LabelAttribute"/> (or <see cref="WritesToAttribute"/>) on the property path the error is recorded under;
/// a nested field without one of its own takes its parent's ("Тіркеу: …" for the registration step's amount).
/// </summary>
public sealed class BindingErrorNames(IStringLocalizer<SharedResource> l) : IActionFilter
{
    private static readonly string[] BinderKeys = ["Binding_ValueInvalid", "Binding_DateFormat", "Binding_NumberRequired", "Binding_Required"];

    public void OnActionExecuting(ActionExecutingContext context)
    {
        var state = context.ModelState;
        if (state.IsValid) return;
        var unnamed = BinderKeys.Select(k => l[k].Value).ToHashSet(StringComparer.Ordinal);
        foreach (var (key, entry) in state)
        {
            for (var i = 0; i < entry.Errors.Count; i++)
            {
                var message = entry.Errors[i].ErrorMessage;
                if (!unnamed.Contains(message) || LabelOf(context, key) is not { } label) continue;
                entry.Errors[i] = new ModelError($"{l[label].Value}: {message}");
            }
        }
    }

    public void OnActionExecuted(ActionExecutedContext context)
    {
    }

    /// <summary>The label key for a model-state key such as "Draft.Amount", "Rooms" or "Registration.Amount".</summary>
    private static string? LabelOf(ActionExecutingContext context, string key)
    {
        foreach (var parameter in context.ActionDescriptor.Parameters)
        {
            var prefix = parameter.BindingInfo?.BinderModelName ?? parameter.Name;
            // MVC records a form's fields under its prefix, or under none when the form came without it.
            var path = key.StartsWith(prefix + ".", StringComparison.Ordinal) ? key[(prefix.Length + 1)..] : key;
            if (Walk(parameter.ParameterType, path) is { } label) return label;
        }
        return null;
    }

    private static string? Walk(Type type, string path)
    {
        string? label = null;
        foreach (var part in path.Split('.'))
        {
            var name = part.Split('[')[0];
            var property = type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance);
            if (property is null) return null;
            label = property.GetCustomAttribute<LabelAttribute>()?.Key ?? property.GetCustomAttribute<WritesToAttribute>()?.LabelKey ?? label;
            type = ElementOf(property.PropertyType);
        }
        return label;
    }

    private static Type ElementOf(Type type) =>
        type != typeof(string) && type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type) ? type.GetGenericArguments()[^1] : type;
}
