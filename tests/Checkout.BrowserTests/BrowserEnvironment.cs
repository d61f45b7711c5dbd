namespace Checkout.BrowserTests;

/// <summary>
/// Where the browser tests find Debian's Chromium and its driver, and what happens when they are missing:
/// skipped on a developer's machine, a failure in CI (<c>CI=true</c>) so CI never skips silently.
/// </summary>
public static class BrowserEnvironment
{
    public const string InstallHint = "apt-get update && apt-get install -y --no-install-recommends chromium chromium-driver";

    /// <summary>The browser; <c>CHECKOUT_CHROMIUM</c> overrides <c>/usr/bin/chromium</c>.</summary>
    public static string ChromiumPath => FromEnvironment("CHECKOUT_CHROMIUM", "/usr/bin/chromium");

    /// <summary>The driver; <c>CHECKOUT_CHROMEDRIVER</c> overrides <c>/usr/bin/chromedriver</c>.</summary>
    public static string ChromeDriverPath => FromEnvironment("CHECKOUT_CHROMEDRIVER", "/usr/bin/chromedriver");

    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Why the browser tests can't run here, or <c>null</c> when Chromium and chromedriver are both present.</summary>
    public static string? MissingReason()
    {
        var missing = new[] { ChromiumPath, ChromeDriverPath }.Where(path => !File.Exists(path)).ToList();
        return missing.Count == 0
            ? null
            : $"Browser tests need Chromium and chromedriver: {string.Join(" and ", missing)} not found (install: {InstallHint})";
    }

    /// <summary>Throws with the reason when the browser is missing: reached only in CI, where the tests are not skipped.</summary>
    public static void EnsureAvailable()
    {
        if (MissingReason() is { } reason)
        {
            throw new InvalidOperationException(InCi ? $"{reason}. CI=true: browser tests must run in CI, not be skipped." : reason);
        }
    }

    private static string FromEnvironment(string variable, string fallback) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value ? value : fallback;
}
