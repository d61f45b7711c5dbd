using System.Net;
using Checkout.Testing.Payments;
using Checkout.Web.Domain;
using Checkout.Web.Features.Api;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Checkout.Testing.OrderFlows;

namespace Checkout.IntegrationTests.Api;

/// <summary>
/// <c>POST /api/v1/orders</c> with <c>{"method":"online"}</c> against the sandbox: the order is placed awaiting payment
/// with the hosted page's <c>payment_url</c>, the app's browser pays there, the gateway's notification makes it pending
/// with one charge; with the gateway down it is a 503 that holds nothing.
/// </summary>
public sealed class ApiOnlinePaymentTests : IDisposable
{
    private readonly SandboxShop _sandbox = SandboxShop.NotifyingTheShop();

    private ShopFactory Shop => _sandbox.Shop;

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public async Task An_online_order_answers_201_awaiting_payment_with_the_hosted_page_and_is_paid_once_when_the_gateway_confirms()
    {
        using var shopper = await ShopperWithCartAsync(Shop, CheapProduct, quantity: 1);
        using var app = await ApiClient.ForShopperAsync(Shop);

        var body = await OnlineAsync();
        using var response = await app.PostAsync("/api/v1/orders", body, "online-1");

        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var order = await ApiClient.ReadJsonAsync(response);
        var number = order.GetProperty("number").GetString()!;
        order.GetProperty("status").GetString().Should().Be("awaiting_payment");
        order.GetProperty("payment_method").GetString().Should().Be("online");
        order.GetProperty("total").GetInt64().Should().Be(CheapTotal.Tiyn);
        order.GetProperty("currency").GetString().Should().Be("KZT");
        var link = new Uri(order.GetProperty("payment_url").GetString()!);
        link.AbsolutePath.Should().StartWith("/sandbox/cloudpayments/pay/");
        (await OnlineCheckout.LedgerAsync(Shop, number)).Should().BeEmpty("nothing is paid before the hosted page");

        using (var again = await app.PostAsync("/api/v1/orders", body, "online-1"))
        {
            again.StatusCode.Should().Be(HttpStatusCode.Created);
            (await ApiClient.ReadJsonAsync(again)).GetProperty("number").GetString().Should().Be(number, "a retry with the key is the same order");
        }

        await _sandbox.PayAsync(link, SandboxShop.PaidCard);
        await OnlineCheckout.WaitUntilPaidAsync(Shop, number);

        using var view = await app.GetAsync($"/api/v1/orders/{number}");
        (await ApiClient.ReadJsonAsync(view)).GetProperty("status").GetString().Should().Be("pending");
        var charge = (await OnlineCheckout.LedgerAsync(Shop, number)).Should().ContainSingle().Subject;
        (charge.Kind, charge.AmountTiyn).Should().Be(("charge", CheapTotal.Tiyn));
        charge.Transaction.Should().NotBeNullOrEmpty();
        await Ledger.AssertReplaysAsync(Shop);
    }

    [Fact]
    public async Task With_the_gateway_down_an_online_order_is_a_503_and_holds_nothing()
    {
        using var shopper = await ShopperWithCartAsync(Shop, CheapProduct, quantity: 1);
        using var app = await ApiClient.ForShopperAsync(Shop);
        var body = await OnlineAsync();
        var before = await DatabaseSnapshot.ReadAsync(Shop);
        _sandbox.Outage.Down = true;

        using var response = await app.PostAsync("/api/v1/orders", body, "online-down");

        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        (await ApiClient.ProblemCodeAsync(response)).Should().Be(ApiCodes.GatewayUnavailable);
        (await DatabaseSnapshot.ReadAsync(Shop)).ChangesSince(before).Where(c => !c.StartsWith("IdempotentRequests", StringComparison.Ordinal))
            .Should().BeEmpty("no order, no stock held, the cart intact");
        await using var db = Shop.OpenDatabase();
        (await db.CartLines.CountAsync()).Should().Be(1);
    }

    private async Task<object> OnlineAsync()
    {
        Guid cartId;
        await using (var db = Shop.OpenDatabase())
        {
            var userId = await db.Users.Where(u => u.Email == Shopper.DemoEmail).Select(u => u.Id).SingleAsync();
            cartId = await db.Carts.Where(c => c.UserId == userId).Select(c => c.Id).SingleAsync();
        }

        return new { cart_token = Shop.Services.GetRequiredService<CartTokens>().Issue(cartId), payment = new { method = "online" } };
    }
}
