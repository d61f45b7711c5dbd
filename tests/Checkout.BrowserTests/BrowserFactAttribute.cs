namespace Checkout.BrowserTests;

/// <summary>
/// A <see cref="FactAttribute"/> that skips itself, with the reason, when Chromium or chromedriver is missing —
/// unless <c>CI=true</c>: there the test runs and fails, so a CI machine without a browser can't pass by skipping.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (BrowserEnvironment.MissingReason() is { } reason && !BrowserEnvironment.InCi)
        {
            Skip = reason;
        }
    }
}
