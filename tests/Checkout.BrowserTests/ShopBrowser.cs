using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;
using Xunit.Abstractions;

namespace Checkout.BrowserTests;

/// <summary>
/// One test's browser: the shop on a fresh copy of the seeded database, served by Kestrel on a real port,
/// and a headless Chromium with a fresh profile driving it. Every page it reaches is saved as a PNG under
/// <c>&lt;test output&gt;/screenshots/</c>.
/// </summary>
public sealed class ShopBrowser : IDisposable
{
    /// <summary>How long any wait lasts: generous, for a loaded two-core machine.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly ITestOutputHelper _output;
    private readonly string _testName;
    private readonly string _profileDirectory;
    private readonly ChromeDriverService _service;
    private int _shots;

    private ShopBrowser(ITestOutputHelper output, string testName, ShopFactory shop, Uri baseAddress, string profileDirectory,
        ChromeDriverService service, ChromeDriver driver)
    {
        _output = output;
        _testName = testName;
        Shop = shop;
        BaseAddress = baseAddress;
        _profileDirectory = profileDirectory;
        _service = service;
        Driver = driver;
    }

    public static string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public ShopFactory Shop { get; }

    public Uri BaseAddress { get; }

    public ChromeDriver Driver { get; }

    /// <summary>Errors the pages wrote to the browser console (failed loads, script errors, CSP violations).</summary>
    public List<string> ConsoleErrors { get; } = [];

    /// <summary>The path of the page the browser shows, e.g. <c>/cart</c>.</summary>
    public string CurrentPath => new Uri(Driver.Url).AbsolutePath;

    /// <summary>Starts the shop (with a test's services and settings, if any) and a browser on it, on <paramref name="port"/> when the test must know it beforehand (0: any free one).</summary>
    public static ShopBrowser Start(ITestOutputHelper output, bool javaScript = true, Action<IServiceCollection>? services = null,
        IDictionary<string, string>? settings = null, [CallerMemberName] string testName = "", int port = 0)
    {
        BrowserEnvironment.EnsureAvailable();

        var shop = new ShopFactory { TestServices = services, Settings = settings ?? new Dictionary<string, string>() };
        string? profile = null;
        ChromeDriverService? service = null;
        try
        {
            shop.UseKestrel(port);
            shop.StartServer();
            var address = shop.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
                ?? throw new InvalidOperationException("Kestrel reported no address.");

            profile = Directory.CreateTempSubdirectory("checkout-chromium-").FullName;
            var options = new ChromeOptions { BinaryLocation = BrowserEnvironment.ChromiumPath, PageLoadStrategy = PageLoadStrategy.Normal };
            options.AddArguments(
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                $"--user-data-dir={profile}", "--window-size=1280,1000");
            if (!javaScript)
            {
                options.AddUserProfilePreference("profile.managed_default_content_settings.javascript", 2);
            }

            options.SetLoggingPreference(LogType.Browser, LogLevel.All);

            service = ChromeDriverService.CreateDefaultService(
                Path.GetDirectoryName(BrowserEnvironment.ChromeDriverPath)!, Path.GetFileName(BrowserEnvironment.ChromeDriverPath));
            service.SuppressInitialDiagnosticInformation = true;
            service.HideCommandPromptWindow = true;
            service.InitializationTimeout = TimeSpan.FromSeconds(60);

            var driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(120));
            driver.Manage().Timeouts().PageLoad = TimeSpan.FromSeconds(60);
            driver.Manage().Timeouts().AsynchronousJavaScript = Patience;
            driver.Manage().Timeouts().ImplicitWait = TimeSpan.Zero;

            output.WriteLine($"Shop at {address}, Chromium {(javaScript ? "with" : "WITHOUT")} JavaScript, profile {profile}");
            var browser = new ShopBrowser(output, testName, shop, new Uri(address), profile, service, driver);
            browser.ForgetOldScreenshots();
            return browser;
        }
        catch
        {
            service?.Dispose();
            shop.Dispose();
            DeleteQuietly(profile);
            throw;
        }
    }

    /// <summary>Loads a page of the shop by its path and saves its screenshot.</summary>
    public void Open(string path, string step)
    {
        Driver.Navigate().GoToUrl(new Uri(BaseAddress, path));
        WaitFor(_ => CurrentPath == new Uri(BaseAddress, path).AbsolutePath, $"page {path} to load");
        Snap(step);
    }

    /// <summary>Clicks something that loads a new page (a link, a form's button), waits for that page at <paramref name="path"/>, saves its screenshot.</summary>
    public void ClickToPage(IWebElement target, string path, string step)
    {
        var before = Driver.FindElement(By.TagName("html"));
        target.Click();
        WaitFor(_ => IsGone(before) && CurrentPath == path, $"a new page at {path} after the click");
        Snap(step);
    }

    /// <summary>Signs in on the login page and lands on <paramref name="returnUrl"/>.</summary>
    public void SignIn(string email, string password, string returnUrl)
    {
        Open($"/account/login?returnUrl={Uri.EscapeDataString(returnUrl)}", "login");
        Find("input[name=Email]").SendKeys(email);
        Find("input[name=Password]").SendKeys(password);
        ClickToPage(Find("form[action='/account/login'] button[type=submit]"), new Uri(BaseAddress, returnUrl).AbsolutePath, $"signed-in-{email.Split('@')[0]}");
    }

    /// <summary>Makes the page's viewport exactly this size (CSS pixels, as a phone's or a laptop's screen), whatever the window's frame takes.</summary>
    public void SetViewport(int width, int height)
    {
        Driver.ExecuteCdpCommand("Emulation.setDeviceMetricsOverride", new Dictionary<string, object?>
        {
            ["width"] = width, ["height"] = height, ["deviceScaleFactor"] = 1, ["mobile"] = false, // a desktop viewport never zooms out to fit what overflows: the overflow stays measurable
        });
        _output.WriteLine($"viewport {width}×{height}");
    }

    /// <summary>A number the page's script computes, e.g. <c>document.documentElement.scrollWidth</c>.</summary>
    public double Measure(string expression, params object[] arguments) =>
        Convert.ToDouble(Driver.ExecuteScript($"return {expression};", arguments), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Adds <paramref name="quantity"/> of a product from its page's form, which comes back to the product page.</summary>
    public void AddToCart(int productId, int quantity)
    {
        Open($"/products/{productId}", $"product-{productId}");
        var field = Find("form.add-form input[name=quantity]");
        field.Clear();
        field.SendKeys($"{quantity}");
        ClickToPage(Find("form.add-form button[type=submit]"), $"/products/{productId}", $"product-{productId}-added");
    }

    /// <summary>
    /// Waits for the receipt the payment page lands on, <c>/orders/{number}?placed=true</c>, and returns the order number.
    /// Only the new page is awaited (no panel of the old one is read on its way out), so a slow machine can't race it.
    /// </summary>
    public string WaitForReceipt(string step)
    {
        var number = WaitFor(d =>
        {
            var url = new Uri(d.Url);
            return url.AbsolutePath.StartsWith("/orders/ORD-", StringComparison.Ordinal) && url.Query == "?placed=true"
                && d.FindElement(By.Id("receipt")).Displayed
                ? Uri.UnescapeDataString(url.AbsolutePath["/orders/".Length..])
                : null;
        }, "the receipt page /orders/{number}?placed=true");
        Snap(step);
        return number;
    }

    public IWebElement Find(string css) => WaitFor(d => d.FindElement(By.CssSelector(css)), $"element {css}");

    /// <summary>Visible text with the non-breaking spaces of money amounts made plain.</summary>
    public string TextOf(string css) => Plain(Find(css).Text);

    public static string Plain(string text) => text.Replace('\u00a0', ' ').Replace('\u202f', ' ').Trim();

    /// <summary>The number in the header's cart badge.</summary>
    public string CartBadge => TextOf("[data-cart-count]");

    /// <summary>Waits (polling) until <paramref name="condition"/> is true; on timeout saves a screenshot and says what was awaited, and where.</summary>
    public void WaitFor(Func<IWebDriver, bool> condition, string what) => WaitFor(d => condition(d) ? (object)true : null, what);

    /// <summary>
    /// Waits (polling) until <paramref name="condition"/> gives a value. What the driver throws while it polls just means
    /// "not yet": a missing or stale element, or one of the errors Chromium answers when asked mid-navigation (the old
    /// page's context gone); the last one is kept in the timeout's error.
    /// </summary>
    public T WaitFor<T>(Func<IWebDriver, T?> condition, string what)
        where T : class
    {
        var wait = new WebDriverWait(Driver, Patience) { PollingInterval = TimeSpan.FromMilliseconds(100) };
        wait.IgnoreExceptionTypes(typeof(WebDriverException));
        try
        {
            return wait.Until(condition)!;
        }
        catch (WebDriverTimeoutException timeout)
        {
            var url = Driver.Url;
            Snap("timeout");
            throw new WebDriverTimeoutException($"Waited {Patience.TotalSeconds:0} s for {what}; the browser is at {url}.", timeout);
        }
    }

    /// <summary>Saves what the browser shows as <c>screenshots/&lt;test&gt;-&lt;NN&gt;-&lt;step&gt;.png</c> and prints the path.</summary>
    public string Snap(string step)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        var file = Path.Combine(ScreenshotDirectory, $"{_testName}-{++_shots:00}-{step}.png");
        Driver.GetScreenshot().SaveAsFile(file);
        _output.WriteLine($"screenshot: {file}  ({Driver.Url})");
        CollectConsole();
        return file;
    }

    public void Dispose()
    {
        try
        {
            Driver.Quit();
        }
        catch (WebDriverException quitFailed)
        {
            _output.WriteLine($"Chromium did not quit cleanly: {quitFailed.Message}");
        }

        Driver.Dispose();
        _service.Dispose();
        Shop.Dispose();
        DeleteQuietly(_profileDirectory);
    }

    /// <summary>Whether the element has left the page (the browser moved on to another one).</summary>
    public static bool IsGone(IWebElement element)
    {
        try
        {
            _ = element.Enabled;
            return false;
        }
        catch (WebDriverException)
        {
            return true; // stale, or mid-navigation Chromium's "does not belong to the document" / "no such execution context"
        }
    }

    private void CollectConsole()
    {
        foreach (var entry in Driver.Manage().Logs.GetLog(LogType.Browser))
        {
            if (entry.Level >= LogLevel.Warning)
            {
                var line = $"[{entry.Level}] {entry.Message}";
                ConsoleErrors.Add(line);
                _output.WriteLine($"browser console: {line}");
            }
        }
    }

    private void ForgetOldScreenshots()
    {
        if (Directory.Exists(ScreenshotDirectory))
        {
            foreach (var old in Directory.EnumerateFiles(ScreenshotDirectory, $"{_testName}-*.png"))
            {
                File.Delete(old);
            }
        }
    }

    private static void DeleteQuietly(string? directory)
    {
        if (directory is null)
        {
            return;
        }

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            try
            {
                Directory.Delete(directory, recursive: true);
                return;
            }
            catch (DirectoryNotFoundException)
            {
                return;
            }
            catch (IOException) when (attempt < 5)
            {
                Thread.Sleep(200 * attempt); // Chromium's last child processes are still writing to the profile
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return; // the temp folder is cleaned by the OS
            }
        }
    }
}
