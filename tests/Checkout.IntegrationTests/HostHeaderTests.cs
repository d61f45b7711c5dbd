using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;

namespace Checkout.IntegrationTests;

/// <summary>
/// The Host header is the client's to choose: only the names in <c>AllowedHosts</c> are served (this machine's, out of
/// the box), and the sign-in redirect is a path, so no Host ever comes back in a <c>Location</c>.
/// </summary>
public sealed class HostHeaderTests : IDisposable
{
    private readonly ShopFactory _shop = new();

    public void Dispose() => _shop.Dispose();

    [Theory]
    [InlineData("evil.example")]
    [InlineData("localhost.evil.example")]
    public async Task A_foreign_host_is_refused_and_never_echoed(string host)
    {
        var context = await GetAsync("/checkout", host);

        context.Response.StatusCode.Should().Be(StatusCodes.Status400BadRequest);
        context.Response.Headers.Location.ToString().Should().NotContain(host);
    }

    [Fact]
    public async Task A_guest_is_sent_to_sign_in_by_path_alone()
    {
        var context = await GetAsync("/checkout", "localhost");

        context.Response.StatusCode.Should().Be(StatusCodes.Status302Found);
        context.Response.Headers.Location.ToString().Should().Be("/account/login?ReturnUrl=%2Fcheckout");
    }

    [Fact]
    public async Task A_host_the_operator_allows_is_served_and_still_not_echoed()
    {
        using var shop = new ShopFactory { Settings = { ["AllowedHosts"] = "shop.example" } };

        var context = await shop.Server.SendAsync(c =>
        {
            c.Request.Method = HttpMethods.Get;
            c.Request.Path = "/checkout";
            c.Request.Host = new HostString("shop.example");
        });

        context.Response.StatusCode.Should().Be(StatusCodes.Status302Found);
        context.Response.Headers.Location.ToString().Should().Be("/account/login?ReturnUrl=%2Fcheckout");
    }

    private Task<HttpContext> GetAsync(string path, string host) =>
        _shop.Server.SendAsync(c =>
        {
            c.Request.Method = HttpMethods.Get;
            c.Request.Path = path;
            c.Request.Host = new HostString(host);
        });
}
