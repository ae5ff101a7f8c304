using Serilog.Core;
using Serilog.Events;

namespace GuardianshipPortal.Web.Infrastructure;

/// <summary>
/// Masks request paths wherever a log event carries them (ASP.NET Core's own scopes add "RequestPath" to every event of a
/// request): IINs and verification codes never reach the log, whoever wrote the line.
/// </summary>
public sealed class MaskingEnricher : ILogEventEnricher
{
    private static readonly string[] PathProperties = ["RequestPath", "Path"];

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory factory)
    {
        foreach (var name in PathProperties)
        {
            if (logEvent.Properties.TryGetValue(name, out var value) && value is ScalarValue { Value: string path })
            {
                var masked = RequestLoggingMiddleware.MaskDigits(path);
                if (masked != path) logEvent.AddOrUpdateProperty(factory.CreateProperty(name, masked));
            }
        }
    }
}
