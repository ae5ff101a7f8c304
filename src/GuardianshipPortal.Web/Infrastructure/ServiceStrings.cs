using System.Globalization;
using GuardianshipPortal.Domain.Services;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace GuardianshipPortal.Web.Infrastructure;

/// <summary>
/// The portal's localizers: the resource files, and before them the texts that service definitions bring (so that a
/// service added as a module carries its own names in Kazakh and Russian).
/// </summary>
public sealed class ServiceStringsLocalizerFactory(IOptions<LocalizationOptions> options, ILoggerFactory loggers, ServiceCatalog services)
    : IStringLocalizerFactory
{
    private readonly ResourceManagerStringLocalizerFactory _resources = new(options, loggers);
    private readonly Dictionary<string, (string Kk, string Ru)> _strings =
        services.All.SelectMany(s => s.Strings).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.First().Value);

    public IStringLocalizer Create(Type resourceSource) => Wrap(_resources.Create(resourceSource));

    public IStringLocalizer Create(string baseName, string location) => Wrap(_resources.Create(baseName, location));

    private IStringLocalizer Wrap(IStringLocalizer inner) => _strings.Count == 0 ? inner : new Localizer(inner, _strings);

    private sealed class Localizer(IStringLocalizer inner, Dictionary<string, (string Kk, string Ru)> strings) : IStringLocalizer
    {
        public LocalizedString this[string name] =>
            strings.TryGetValue(name, out var text) ? new LocalizedString(name, Pick(text)) : inner[name];

        public LocalizedString this[string name, params object[] arguments] =>
            strings.TryGetValue(name, out var text)
                ? new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, Pick(text), arguments))
                : inner[name, arguments];

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
            inner.GetAllStrings(includeParentCultures).Concat(strings.Select(s => new LocalizedString(s.Key, Pick(s.Value))));

        private static string Pick((string Kk, string Ru) text) => Domain.Language.Pick(LocalizationSetup.CurrentLanguage, text.Kk, text.Ru);
    }
}
