using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.WebEncoders;

namespace GuardianshipPortal.Web.Infrastructure;

public static class LocalizationSetup
{
    public static readonly CultureInfo[] Cultures = [new("kk-KZ"), new("ru-RU")];

    public static IServiceCollection AddPortalLocalization(this IServiceCollection services)
    {
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        // Resource files, with the texts of any further service definition before them.
        services.AddSingleton<IStringLocalizerFactory, ServiceStringsLocalizerFactory>();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("kk-KZ");
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            o.FallBackToParentCultures = true;
            o.FallBackToParentUICultures = true;
            o.RequestCultureProviders = [new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        });
        // Emit Kazakh and Russian as text, not as &#x...; entities.
        services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(
            UnicodeRanges.BasicLatin, UnicodeRanges.Latin1Supplement, UnicodeRanges.Cyrillic,
            UnicodeRanges.CyrillicSupplement, UnicodeRanges.GeneralPunctuation, UnicodeRanges.LetterlikeSymbols,
            UnicodeRanges.CurrencySymbols));
        services.AddOptions<MvcOptions>().Configure<IStringLocalizerFactory>((mvc, factory) =>
        {
            var l = factory.Create(typeof(SharedResource));
            var m = mvc.ModelBindingMessageProvider;
            m.SetAttemptedValueIsInvalidAccessor((_, _) => l["Binding_ValueInvalid"]);
            m.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => l["Binding_ValueInvalid"]);
            m.SetUnknownValueIsInvalidAccessor(_ => l["Binding_ValueInvalid"]);
            m.SetNonPropertyUnknownValueIsInvalidAccessor(() => l["Binding_ValueInvalid"]);
            m.SetValueIsInvalidAccessor(_ => l["Binding_ValueInvalid"]);
            m.SetValueMustBeANumberAccessor(_ => l["Binding_NumberRequired"]);
            m.SetNonPropertyValueMustBeANumberAccessor(() => l["Binding_NumberRequired"]);
            m.SetMissingBindRequiredValueAccessor(_ => l["Binding_Required"]);
            m.SetMissingKeyOrValueAccessor(() => l["Binding_Required"]);
            m.SetMissingRequestBodyRequiredValueAccessor(() => l["Binding_Required"]);
            m.SetValueMustNotBeNullAccessor(_ => l["Binding_Required"]);
        });
        return services;
    }

    /// <summary>The two-letter language of the current request: "kk" or "ru".</summary>
    public static string CurrentLanguage => Domain.Language.Normalize(CultureInfo.CurrentUICulture.Name);
}
