using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace GuardianshipPortal.IntegrationTests.Infrastructure;

/// <summary>Settings of the whole test process, made before any portal host starts.</summary>
internal static class TestProcess
{
    /// <summary>
    /// Every test host would watch its appsettings files and wwwroot with inotify, and a suite of a few hundred hosts (two
    /// providers, several instances, browsers) runs out of the user's 128 inotify instances: the next host then fails to
    /// start. Tests never edit those files, so configuration is not reloaded and the file providers poll instead.
    /// </summary>
    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255", Justification = "The test assembly sets up its own process before any host starts.")]
    internal static void WithoutFileWatchers()
    {
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
    }
}
