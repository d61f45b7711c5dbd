using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Checkout.Testing;

/// <summary>
/// The shop as a real process of its own (as <c>.ci/crash-test</c> runs it): <c>dotnet Checkout.Web.dll</c> from the build
/// next to the tests, on a free loopback port, with the test's settings as environment variables — so a test can kill it
/// with SIGKILL (no shutdown, no flush) and start it again on the same database and files.
/// </summary>
public sealed class ShopProcess : IDisposable
{
    private readonly Dictionary<string, string> _settings;

    private Process? _process;

    public ShopProcess(IDictionary<string, string> settings)
    {
        Port = FreePort();
        _settings = new Dictionary<string, string>(settings)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Serilog__MinimumLevel__Default"] = "Warning",
            ["RateLimits__Enabled"] = "false",
        };
    }

    public int Port { get; }

    public Uri Address => new($"http://127.0.0.1:{Port}/");

    /// <summary>Changes a setting for the next start.</summary>
    public string this[string key]
    {
        set => _settings[key] = value;
    }

    public async Task StartAsync()
    {
        var root = RepositoryRoot();
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var web = Path.Combine(root, "src", "Checkout.Web");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = web, // the content root, as `dotnet run` has it
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(web, "bin", configuration, "net10.0", "Checkout.Web.dll"));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add($"http://127.0.0.1:{Port}");
        foreach (var (key, value) in _settings)
        {
            start.Environment[key] = value;
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("The shop's process did not start.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(2) };
        await Poll.UntilAsync(async () =>
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The shop exited with {_process.ExitCode} while starting.");
            }

            try
            {
                return (await http.GetAsync("/health")).StatusCode == HttpStatusCode.OK;
            }
            catch (HttpRequestException)
            {
                return false;
            }
            catch (TaskCanceledException)
            {
                return false;
            }
        }, $"the shop on port {Port} healthy");
    }

    /// <summary>SIGKILL: the process ends at once, whatever it was doing.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false } running)
        {
            running.Kill(entireProcessTree: true);
            running.WaitForExit();
        }
    }

    /// <summary>A visitor of the process over real HTTP, cookies and all.</summary>
    public Shopper CreateShopper()
    {
        var cookies = new CookieContainer();
        return new Shopper(new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = cookies })
        {
            BaseAddress = Address,
        }, cookies);
    }

    public void Dispose()
    {
        Kill();
        _process?.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Checkout.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No Checkout.sln above {AppContext.BaseDirectory}.");
    }
}
