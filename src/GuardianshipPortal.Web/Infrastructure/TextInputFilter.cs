using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using GuardianshipPortal.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace GuardianshipPortal.Web.Infrastructure;

/// <summary>
/// Marks a form field as written into a database column: its limit is the column's maximum length in the EF model (one
/// source of truth), checked for every request with a message naming the field.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = true)]
public sealed class WritesToAttribute(Type entity, string property, string labelKey) : Attribute
{
    public Type Entity { get; } = entity;
    public string Property { get; } = property;
    public string LabelKey { get; } = labelKey;
}

/// <summary>
/// Every text that comes in, in every form and query: no control characters (a tab, a line feed and a carriage return
/// only, which multi-line fields have), and no more characters than its column holds. Refused with a 400 and a message
/// in the user's language, before anything is saved — and before PostgreSQL could fail on a NUL byte or a long value.
/// </summary>
public sealed class TextInputFilter(PortalDbContext db, IStringLocalizer<SharedResource> l) : IAsyncActionFilter
{
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();

    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var before = context.ModelState.ErrorCount;
        foreach (var (name, argument) in context.ActionArguments)
        {
            var prefix = context.ActionDescriptor.Parameters.FirstOrDefault(p => p.Name == name)?.BindingInfo?.BinderModelName;
            Check(context, argument, string.IsNullOrEmpty(prefix) ? name : prefix, [], depth: 0, isArgument: true);
        }
        // A form (POST) comes back with its errors from its action; a query (a search, a filter) has no form to return to.
        if (context.ModelState.ErrorCount > before && HttpMethods.IsGet(context.HttpContext.Request.Method))
        {
            var messages = context.ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage).ToList();
            context.Result = new ViewResult
            {
                ViewName = "/Features/Errors/Show.cshtml",
                StatusCode = StatusCodes.Status400BadRequest,
                ViewData = new ViewDataDictionary(new EmptyModelMetadataProvider(), context.ModelState)
                {
                    Model = new Features.Errors.ErrorModel(StatusCodes.Status400BadRequest, messages),
                },
            };
            return;
        }
        await next();
    }

    private void Check(ActionExecutingContext context, object? value, string path, IReadOnlyList<WritesToAttribute> columns, int depth, bool isArgument = false)
    {
        switch (value)
        {
            case null:
                return;
            case string text:
                if (HasControlCharacters(text))
                    context.ModelState.AddModelError(path, l["Validation_ControlCharacters", Label(columns, path)]);
                else if (MaxLength(columns) is { } max && text.Trim().Length > max)
                    context.ModelState.AddModelError(path, l["Validation_MaxLength", Label(columns, path), max]);
                return;
            case IFormFile or IFormFileCollection or CancellationToken:
                return;
            case IEnumerable items when depth < 4:
                var i = 0;
                foreach (var item in items) Check(context, item, $"{path}[{i++}]", columns, depth + 1);
                return;
        }
        var type = value.GetType();
        if (depth >= 4 || type.IsPrimitive || type.IsEnum || type == typeof(Guid) || type == typeof(decimal) || type == typeof(DateOnly)
            || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(TimeOnly) || !type.Namespace!.StartsWith("GuardianshipPortal", StringComparison.Ordinal))
            return;
        foreach (var property in Properties.GetOrAdd(type, t => [.. t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.GetIndexParameters().Length == 0)]))
            Check(context, property.GetValue(value), isArgument && path.Length == 0 ? property.Name : $"{path}.{property.Name}",
                [.. property.GetCustomAttributes<WritesToAttribute>()], depth + 1);
    }

    private string Label(IReadOnlyList<WritesToAttribute> columns, string path) =>
        columns.Count > 0 ? l[columns[0].LabelKey] : l[$"Field_{path}"] is { ResourceNotFound: false } known ? known : l["Field_Text"];

    /// <summary>The smallest maximum length of the columns the field is written to (null: no limit known).</summary>
    private int? MaxLength(IReadOnlyList<WritesToAttribute> columns) =>
        columns.Select(c => db.Model.FindEntityType(c.Entity)?.FindProperty(c.Property)?.GetMaxLength()).Where(m => m is not null).Min();

    /// <summary>Control characters (Unicode Cc) other than tab, line feed and carriage return.</summary>
    public static bool HasControlCharacters(string text)
    {
        foreach (var ch in text)
            if (char.IsControl(ch) && ch is not ('\t' or '\n' or '\r')) return true;
        return false;
    }
}
