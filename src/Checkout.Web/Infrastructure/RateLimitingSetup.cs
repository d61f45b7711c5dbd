using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Checkout.Web.Infrastructure;

/// <summary>
/// Limits on what a script hammers and a shopper does a few times a minute: sign-in, registration, payment, cart
/// changes and the order posts. Each policy counts per visitor: a signed-in shopper by account, anyone else by
/// address (the client's, after forwarded headers); sign-in and registration always by address. Past the limit the
/// request is refused before it runs, with 429, <c>Retry-After</c> and the shop's error answer (page or JSON).
/// Counts are kept in each instance's memory.
/// </summary>
public static class RateLimitingSetup
{
    public const string Login = "Login";
    public const string Register = "Register";
    public const string Payment = "Payment";
    public const string Cart = "Cart";
    public const string Orders = "Orders";

    /// <summary>Each policy (named as its section in <c>RateLimits:*</c>), its limit, and whom it counts.</summary>
    private static readonly (string Policy, Func<RateLimitOptions, RateLimitOptions.RateLimit> Limit, Func<HttpContext, string> Visitor)[] Policies =
    [
        (Login, o => o.Login, Address),
        (Register, o => o.Register, Address),
        (Payment, o => o.Payment, AccountOrAddress),
        (Cart, o => o.Cart, AccountOrAddress),
        (Orders, o => o.Orders, AccountOrAddress),
    ];

    public static IServiceCollection AddShopRateLimits(this IServiceCollection services)
    {
        var options = services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section);
        foreach (var (policy, limit, _) in Policies)
        {
            options.Validate(o => limit(o).PermitLimit >= 1, $"RateLimits:{policy}:PermitLimit must be at least 1.")
                .Validate(o => limit(o).Window > TimeSpan.Zero, $"RateLimits:{policy}:Window must be positive.");
        }

        options.ValidateOnStart();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((limiter, configured) =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests; // the body: the error page, see ErrorController
            limiter.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait))
                {
                    context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                return ValueTask.CompletedTask;
            };
            foreach (var (policy, limit, visitor) in Policies)
            {
                var chosen = limit(configured.Value);
                limiter.AddPolicy(policy, http => RateLimitPartition.GetFixedWindowLimiter(visitor(http), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = chosen.PermitLimit,
                    Window = chosen.Window,
                    QueueLimit = 0, // refused at once, never held waiting
                }));
            }
        });
        return services;
    }

    /// <summary>The limits, unless <c>RateLimits:Enabled</c> is false. After authentication, which says whose account it is.</summary>
    public static IApplicationBuilder UseShopRateLimits(this IApplicationBuilder app) =>
        app.ApplicationServices.GetRequiredService<IOptions<RateLimitOptions>>().Value.Enabled ? app.UseRateLimiter() : app;

    /// <summary>
    /// Puts each route that changes something under its policy by its method and path: every cart and order post, the
    /// API's token, cart and order routes, and any added later.
    /// </summary>
    public static ControllerActionEndpointConventionBuilder WithShopRateLimits(this ControllerActionEndpointConventionBuilder controllers)
    {
        controllers.Add(endpoint =>
        {
            if (endpoint is RouteEndpointBuilder { RoutePattern.RawText: { } route } limited
                && limited.Metadata.OfType<IHttpMethodMetadata>().SelectMany(m => m.HttpMethods)
                    .Select(method => PolicyFor(method, route.TrimStart('/'))).FirstOrDefault(p => p is not null) is { } policy)
            {
                limited.Metadata.Add(new EnableRateLimitingAttribute(policy));
            }
        });
        return controllers;
    }

    /// <summary>The policy a request of <paramref name="method"/> to <paramref name="route"/> (no leading slash) comes under, if any.</summary>
    public static string? PolicyFor(string method, string route) => method.ToUpperInvariant() switch
    {
        "POST" => route switch
        {
            "account/login" or "account/password" => Login, // both try a password
            "api/v1/auth/token" or "api/v1/auth/refresh" => Login,
            "account/register" or "account/confirm" => Register,
            "process_payment" or "api/v1/orders" => Payment,
            _ when IsCart(route) || route.StartsWith("cart/", StringComparison.Ordinal) => Cart,
            _ when route.StartsWith("orders/", StringComparison.Ordinal) || route.StartsWith("api/v1/orders/", StringComparison.Ordinal) => Orders,
            _ => null,
        },
        "PUT" or "DELETE" when IsCart(route) => Cart,
        _ => null,
    };

    private static bool IsCart(string route) =>
        route == "api/v1/carts" || route.StartsWith("api/v1/carts/", StringComparison.Ordinal);

    private static string AccountOrAddress(HttpContext http) =>
        http.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId ? "account " + userId : Address(http);

    /// <summary>The client's address; an IPv6 one by its /64, the network one household gets (a script has all of it).</summary>
    private static string Address(HttpContext http)
    {
        var address = http.Connection.RemoteIpAddress;
        if (address is { IsIPv4MappedToIPv6: true })
        {
            address = address.MapToIPv4();
        }
        else if (address is { AddressFamily: AddressFamily.InterNetworkV6 })
        {
            var bytes = address.GetAddressBytes();
            Array.Clear(bytes, 8, 8);
            address = new IPAddress(bytes);
        }

        return "address " + address;
    }
}
