using System.Net;

namespace Checkout.IntegrationTests;

/// <summary>Several instances on one database behind a load balancer: nothing a shopper needs lives in one process.</summary>
public sealed class MultiInstanceTests : IDisposable
{
    private readonly ShopFactory _first = new();
    private readonly ShopFactory _second;

    public MultiInstanceTests()
    {
        _ = _first.Server;
        _second = _first.SecondInstance();
    }

    public void Dispose()
    {
        _second.Dispose();
        _first.Dispose();
    }

    [Fact]
    public async Task A_session_begun_on_one_instance_pays_on_another()
    {
        using var onFirst = _first.CreateShopper();
        await onFirst.LoginAsync();
        await onFirst.AddToCartAsync(1, 2);
        var token = await onFirst.TokenAsync();
        var cookieHeader = await CookieHeaderAsync(onFirst); // the browser moving to the other instance
        cookieHeader.Should().Contain("checkout_auth=");

        using var onSecond = _second.CreateShopper();
        onSecond.Http.DefaultRequestHeaders.Add("Cookie", cookieHeader);

        var cart = await onSecond.GetPageAsync("/cart");
        cart.QuerySelector("tr[data-product-id='1'] input[name='quantity']")!.GetAttribute("value").Should().Be("2");
        var answer = await Shopper.ReadAnswerAsync(await onSecond.PayAsync(new { card_id = SeededCards.DemoKaspiGold }, token));

        answer.Status.Should().Be(HttpStatusCode.OK, "the second instance reads the first one's auth cookie and antiforgery token");
        answer.NewBalance.Should().Be(2_446_520);
    }

    /// <summary>The Cookie header the first instance's browser would send, read back from a request it makes.</summary>
    private static async Task<string> CookieHeaderAsync(Shopper shopper)
    {
        using var probe = new HttpRequestMessage(HttpMethod.Get, "/health");
        var response = await shopper.Http.SendAsync(probe);
        return string.Join("; ", response.RequestMessage!.Headers.TryGetValues("Cookie", out var values) ? values : []);
    }
}
