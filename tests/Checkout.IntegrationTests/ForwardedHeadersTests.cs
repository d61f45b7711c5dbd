using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;

namespace Checkout.IntegrationTests;

/// <summary>
/// Behind a TLS-terminating proxy: a request from a known proxy (<c>ForwardedHeaders:KnownProxies</c> or
/// <c>…:KnownNetworks</c>) that says <c>X-Forwarded-Proto: https</c> is treated as HTTPS; from anyone else the
/// same headers change nothing. Requests are sent with the connection's address set, as Kestrel would see it.
/// </summary>
public sealed class ForwardedHeadersTests : IDisposable
{
    private const string Host = "shop.example"; // not localhost, which HSTS leaves out
    private const string Client = "198.51.100.7";

    private readonly ShopFactory _shop = new()
    {
        Settings =
        {
            ["ForwardedHeaders:KnownProxies:0"] = "10.0.0.2",
            ["ForwardedHeaders:KnownNetworks:0"] = "192.168.10.0/24",
            ["AllowedHosts"] = Host,
        },
    };

    public void Dispose() => _shop.Dispose();

    [Theory]
    [InlineData("10.0.0.2")]
    [InlineData("192.168.10.7")]
    public async Task An_https_request_through_a_known_proxy_gets_secure_cookies_and_hsts(string proxy)
    {
        var cart = await AddToCartAsGuestAsync(proxy);
        cart.Response.StatusCode.Should().Be(StatusCodes.Status302Found);
        SetCookie(cart, "checkout_cart").Should().Contain("secure");
        cart.Response.Headers.StrictTransportSecurity.ToString().Should().NotBeEmpty();
        cart.Connection.RemoteIpAddress.Should().Be(IPAddress.Parse(Client));

        var checkout = await SendAsync(proxy, HttpMethods.Get, "/checkout");
        checkout.Response.Headers.Location.ToString().Should().Be("/account/login?ReturnUrl=%2Fcheckout", "a path: the Host header never goes back out");
    }

    [Fact]
    public async Task The_same_headers_from_an_unknown_address_are_ignored()
    {
        const string stranger = "203.0.113.9";

        var cart = await AddToCartAsGuestAsync(stranger);
        cart.Response.StatusCode.Should().Be(StatusCodes.Status302Found);
        SetCookie(cart, "checkout_cart").Should().NotContain("secure");
        cart.Response.Headers.StrictTransportSecurity.ToString().Should().BeEmpty();
        cart.Connection.RemoteIpAddress.Should().Be(IPAddress.Parse(stranger));

        var checkout = await SendAsync(stranger, HttpMethods.Get, "/checkout");
        checkout.Response.Headers.Location.ToString().Should().Be("/account/login?ReturnUrl=%2Fcheckout");
    }

    /// <summary>A guest's first add, which starts a cart and sets its cookie; the form's token comes from the product page.</summary>
    private async Task<HttpContext> AddToCartAsGuestAsync(string from)
    {
        var page = await SendAsync(from, HttpMethods.Get, "/products/1");
        var antiforgeryCookie = page.Response.Headers.SetCookie.Select(c => c!.Split(';')[0]).Single(c => c.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        var html = await new HtmlParser().ParseDocumentAsync(page.Response.Body);
        var token = ((IHtmlInputElement)html.QuerySelector("form[action='/cart/add'] input[name='__RequestVerificationToken']")!).Value;

        return await SendAsync(from, HttpMethods.Post, "/cart/add", antiforgeryCookie,
            new Dictionary<string, string> { ["productId"] = "1", ["__RequestVerificationToken"] = token });
    }

    private Task<HttpContext> SendAsync(string from, string method, string path, string? cookie = null, Dictionary<string, string>? form = null) =>
        _shop.Server.SendAsync(context =>
        {
            context.Connection.RemoteIpAddress = IPAddress.Parse(from);
            context.Request.Method = method;
            context.Request.Path = path;
            context.Request.Host = new HostString(Host);
            context.Request.Headers["X-Forwarded-For"] = Client;
            context.Request.Headers["X-Forwarded-Proto"] = "https";
            if (cookie is not null)
            {
                context.Request.Headers.Cookie = cookie;
            }

            if (form is not null)
            {
                context.Request.ContentType = "application/x-www-form-urlencoded";
                context.Request.Body = new FormUrlEncodedContent(form).ReadAsStream();
            }
        });

    private static string SetCookie(HttpContext context, string name) =>
        context.Response.Headers.SetCookie.Single(c => c!.StartsWith(name + "=", StringComparison.Ordinal))!;
}
