namespace Checkout.Web.Infrastructure;

/// <summary>
/// Configuration section <c>ForwardedHeaders</c>: the TLS-terminating proxies whose <c>X-Forwarded-For</c> and
/// <c>X-Forwarded-Proto</c> the shop believes (besides loopback); anyone else's are ignored.
/// </summary>
public sealed class ProxyOptions
{
    public const string Section = "ForwardedHeaders";

    /// <summary>IP addresses, e.g. <c>10.0.0.2</c>.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks in CIDR notation, e.g. <c>10.0.0.0/8</c>.</summary>
    public List<string> KnownNetworks { get; set; } = [];
}
