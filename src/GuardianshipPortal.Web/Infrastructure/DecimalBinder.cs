using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace GuardianshipPortal.Web.Infrastructure;

/// <summary>
/// Binds an amount or an area as people type it in Kazakhstan, whatever the interface language: "54,5", "54.5",
/// "95 000,50" (spaces, including no-break spaces, group the thousands). Anything else is a binding error.
/// </summary>
public sealed class DecimalBinder : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext context)
    {
        var value = context.ValueProvider.GetValue(context.ModelName);
        if (value == ValueProviderResult.None) return Task.CompletedTask;
        context.ModelState.SetModelValue(context.ModelName, value);
        var text = value.FirstValue?.Trim() ?? "";
        if (text.Length == 0)
        {
            if (context.ModelMetadata.IsReferenceOrNullableType) context.Result = ModelBindingResult.Success(null);
            else context.ModelState.TryAddModelError(context.ModelName, context.ModelMetadata.ModelBindingMessageProvider.ValueMustNotBeNullAccessor(text));
            return Task.CompletedTask;
        }
        if (TryParse(text, out var number)) context.Result = ModelBindingResult.Success(number);
        else context.ModelState.TryAddModelError(context.ModelName, context.ModelMetadata.ModelBindingMessageProvider.AttemptedValueIsInvalidAccessor(text, context.ModelMetadata.GetDisplayName()));
        return Task.CompletedTask;
    }

    /// <summary>One decimal separator (a comma or a point), digits grouped by spaces at most; no exponent, no thousands commas.</summary>
    public static bool TryParse(string text, out decimal number)
    {
        var plain = text.Replace(" ", "", StringComparison.Ordinal).Replace("\u00A0", "", StringComparison.Ordinal)
            .Replace("\u202F", "", StringComparison.Ordinal).Replace(',', '.');
        return decimal.TryParse(plain, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number);
    }
}

public sealed class DecimalBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.UnderlyingOrModelType == typeof(decimal) ? new DecimalBinder() : null;
}
