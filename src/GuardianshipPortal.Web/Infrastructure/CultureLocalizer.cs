using Microsoft.Extensions.Localization;

namespace GuardianshipPortal.Web.Infrastructure;

/// <summary>
/// A localizer fixed to one language, whatever the request's: messages and reminders are written in the recipient's
/// language (the applicant's, recorded on the case), also in the background where there is no request at all.
/// </summary>
public sealed class CultureLocalizer(IStringLocalizer inner, System.Globalization.CultureInfo culture) : IStringLocalizer
{
    public static IStringLocalizer For(IStringLocalizerFactory factory, string language) =>
        new CultureLocalizer(factory.Create(typeof(SharedResource)), System.Globalization.CultureInfo.GetCultureInfo(language));

    public System.Globalization.CultureInfo Culture => culture;

    public LocalizedString this[string name] => With(() => inner[name]);
    public LocalizedString this[string name, params object[] arguments] => With(() => inner[name, arguments]);
    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => With(() => inner.GetAllStrings(includeParentCultures).ToList());

    private T With<T>(Func<T> work)
    {
        var (ui, format) = (System.Globalization.CultureInfo.CurrentUICulture, System.Globalization.CultureInfo.CurrentCulture);
        System.Globalization.CultureInfo.CurrentUICulture = culture;
        System.Globalization.CultureInfo.CurrentCulture = culture;
        try { return work(); }
        finally { (System.Globalization.CultureInfo.CurrentUICulture, System.Globalization.CultureInfo.CurrentCulture) = (ui, format); }
    }
}
