using GuardianshipPortal.Domain.Services;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace GuardianshipPortal.Web.Infrastructure;

/// <summary>
/// Binds a service code by name or number when the catalogue defines it (a service added by definition has a number
/// the enum does not name); anything else is a binding error, as for any other enum.
/// </summary>
public sealed class ServiceCodeBinder(ServiceCatalog services) : IModelBinder
{
    public Task BindModelAsync(ModelBindingContext context)
    {
        var value = context.ValueProvider.GetValue(context.ModelName);
        if (value == ValueProviderResult.None) return Task.CompletedTask;
        context.ModelState.SetModelValue(context.ModelName, value);
        var text = value.FirstValue?.Trim() ?? "";
        if (Enum.TryParse<ServiceCode>(text, ignoreCase: true, out var code) && services.IsDefined(code))
            context.Result = ModelBindingResult.Success(code);
        else
            context.ModelState.TryAddModelError(context.ModelName, context.ModelMetadata.ModelBindingMessageProvider.ValueIsInvalidAccessor(text));
        return Task.CompletedTask;
    }
}

public sealed class ServiceCodeBinderProvider : IModelBinderProvider
{
    public IModelBinder? GetBinder(ModelBinderProviderContext context) =>
        context.Metadata.UnderlyingOrModelType == typeof(ServiceCode)
            ? new ServiceCodeBinder(context.Services.GetRequiredService<ServiceCatalog>())
            : null;
}
