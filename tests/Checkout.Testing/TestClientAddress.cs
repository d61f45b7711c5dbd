using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Checkout.Testing;

/// <summary>
/// Lets a test's visitor come from an IP address of its own: a request carrying <see cref="Header"/> gets that
/// connection address before the shop's pipeline (forwarded headers included) sees it, as Kestrel would set it.
/// </summary>
public sealed class TestClientAddress : IStartupFilter
{
    public const string Header = "X-Test-Client-Address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (context.Request.Headers.TryGetValue(Header, out var address) && IPAddress.TryParse(address, out var ip))
            {
                context.Connection.RemoteIpAddress = ip;
                context.Request.Headers.Remove(Header);
            }

            return nextMiddleware(context);
        });
        next(app);
    };
}
