using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace GuardianshipPortal.Web.Infrastructure;

public static class MvcSetup
{
    public static IServiceCollection AddPortalMvc(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddControllersWithViews(o =>
            {
                o.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
                // First: the binder's messages get their field's name before any filter lists them.
                o.Filters.Add<BindingErrorNames>();
                o.Filters.Add<TextInputFilter>();
                o.Filters.Add<FluentValidationFilter>();
                o.ModelBinderProviders.Insert(0, new ServiceCodeBinderProvider());
                o.ModelBinderProviders.Insert(0, new DecimalBinderProvider());
                o.ModelBinderProviders.Insert(0, new DateBinderProvider());
                // Validation is FluentValidation's job; MVC's implicit [Required] would answer in English.
                o.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
                // An empty field stays "", as the forms' non-nullable strings promise.
                o.ModelMetadataDetailsProviders.Add(new KeepEmptyStrings());
            })
            .AddViewLocalization()
            .AddRazorOptions(o =>
            {
                // Features are folders: a controller's views live beside it.
                o.ViewLocationFormats.Clear();
                o.ViewLocationFormats.Add("/Features/{1}/{0}.cshtml");
                o.ViewLocationFormats.Add("/Features/Shared/{0}.cshtml");
            });

        // Every page requires a signed-in user unless it says [AllowAnonymous].
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());

        ValidatorOptions.Global.LanguageManager.Enabled = true;
        foreach (var v in AssemblyScanner.FindValidatorsInAssemblyContaining<SharedResource>())
            services.AddScoped(v.InterfaceType, v.ValidatorType);
        return services;
    }
}

internal sealed class KeepEmptyStrings : IDisplayMetadataProvider
{
    public void CreateDisplayMetadata(DisplayMetadataProviderContext context) =>
        context.DisplayMetadata.ConvertEmptyStringToNull = false;
}
