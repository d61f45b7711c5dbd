using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using IPNetwork = System.Net.IPNetwork;
using Microsoft.Extensions.Options;

namespace Checkout.Web.Infrastructure;

public static class ForwardedHeadersSetup
{
    /// <summary>
    /// Behind a proxy that ends TLS: a request from a known proxy takes its client address and scheme from
    /// <c>X-Forwarded-For</c>/<c>X-Forwarded-Proto</c>, so Secure cookies, HSTS and absolute URLs see HTTPS.
    /// </summary>
    public static IServiceCollection AddShopForwardedHeaders(this IServiceCollection services)
    {
        services.AddOptions<ProxyOptions>().BindConfiguration(ProxyOptions.Section)
            .Validate(o => o.KnownProxies.TrueForAll(ip => IPAddress.TryParse(ip, out _)),
                "ForwardedHeaders:KnownProxies must list IP addresses, e.g. 10.0.0.2.")
            .Validate(o => o.KnownNetworks.TrueForAll(network => IPNetwork.TryParse(network, out _)),
                "ForwardedHeaders:KnownNetworks must list networks in CIDR notation, e.g. 10.0.0.0/8.")
            .ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxyOptions>>((forwarded, proxies) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in proxies.Value.KnownProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in proxies.Value.KnownNetworks)
            {
                forwarded.KnownIPNetworks.Add(IPNetwork.Parse(network));
            }
        });
        return services;
    }
}
