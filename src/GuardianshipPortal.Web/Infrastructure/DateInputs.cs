using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Localization;

namespace GuardianshipPortal.Web.Infrastructure;

/// <summary>
/// Dates are typed as the portal shows them, dd.MM.yyyy, whatever the browser's language (a browser in English shows a
/// native date input as mm/dd/yyyy). Every <c>&lt;input type="date"&gt;</c> of a view becomes a text input with that
/// pattern and the value in that form; the server reads dd.MM.yyyy (and ISO yyyy-MM-dd, as links and older forms send).
/// </summary>
[HtmlTargetElement("input", Attributes = "[type=date]")]
public sealed class DateInputTagHelper(IStringLocalizer<SharedResource> l) : TagHelper
{
    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.Attributes.SetAttribute("type", "text");
        output.Attributes.SetAttribute("inputmode", "numeric");
        output.Attributes.SetAttribute("pattern", @"\d{2}\.\d{2}\.\d{4}");
        output.Attributes.SetAttribute("maxlength", "10");
        output.Attributes.SetAttribute("autocomplete", "off");
        output.Attributes.SetAttribute("data-date", "");
        if (!output.Attributes.ContainsName("placeholder")) output.Attributes.SetAttribute("placeholder", l["Date_Placeholder"].Value);
        if (output.Attributes.TryGetAttribute("value", out var value) && DateBinder.TryRead(value.Value?.ToString(), out var date))
            output.Attributes.SetAttribute("value", Display.Date(date));
    }
}

public sealed class DateBinder(IStringLocalizer<SharedResource> l) : IModelBinder
{
    private static readonly string[] Formats = ["dd.MM.yyyy", "d.M.yyyy", "yyyy-MM-dd"];

    public static bool TryRead(string? text, out DateOnly date) =>
        DateOnly.TryParseExact((text ?? "").Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public Task BindModelAsync(ModelBindingContext context)
    {
        var value = context.ValueProvider.GetValue(context.ModelName);
        if (value == ValueProviderResult.None) return Task.CompletedTask;
        context.ModelState.SetModelValue(context.ModelName, value);
        var text = value.FirstValue?.Trim() ?? "";
        if (text.Length == 0)
        {
            if (context.ModelMetadata.IsReferenceOrNullableType) context.Result = ModelBindingResult.Success(null);
            else context.ModelState.TryAddModelError(context.ModelName, l["Binding_Required"]);
        }
        else if (TryRead(text, out var date))
            context.Result = ModelBindingResult.Success(date);
        else
            context.ModelState.TryAddModelError(context.ModelName, l["Binding_DateFormat"]);
        return Task.CompletedTask;
    }
}

public sealed class DateBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.UnderlyingOrModelType == typeof(DateOnly)
            ? new DateBinder(context.Services.GetRequiredService<IStringLocalizer<SharedResource>>())
            : null;
}
