using System.Runtime.CompilerServices;

namespace Checkout.Testing;

internal static class PollingFileWatchers
{
    /// <summary>
    /// Dozens of shops run in parallel here, each watching its configuration files and wwwroot; with inotify that
    /// exhausts the per-user limit (128 instances on Linux by default) and pages fail to render. Polling watchers
    /// need no inotify instance.
    /// </summary>
    [ModuleInitializer]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2255", Justification = "Must run before any host starts.")]
    internal static void Use() => Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
}
