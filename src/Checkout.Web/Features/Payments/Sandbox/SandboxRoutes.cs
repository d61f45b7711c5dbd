namespace Checkout.Web.Features.Payments.Sandbox;

public static class SandboxRoutes
{
    /// <summary>Where the sandbox lives in the shop: its API (the adapter's base URL) and its hosted payment page.</summary>
    public const string Prefix = "/sandbox/cloudpayments";

    /// <summary>Whether <paramref name="url"/> points at a sandbox (what Production refuses).</summary>
    public static bool IsSandbox(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var absolute)
        && absolute.AbsolutePath.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase);
}
