using System.Net;
using Checkout.Web.Domain;
using Microsoft.EntityFrameworkCore;
using static Checkout.Testing.OrderFlows;

namespace Checkout.IntegrationTests;

/// <summary>Cash on delivery: the order is placed without a debit; the cash is recorded when the admin marks it delivered.</summary>
public sealed class CashOnDeliveryTests : IDisposable
{
    private readonly ShopFactory _shop = new();

    public void Dispose() => _shop.Dispose();

    [Fact]
    public async Task Cash_on_delivery_places_the_order_without_a_debit()
    {
        using var shopper = _shop.CreateShopper();
        await shopper.LoginAsync();
        await shopper.AddToCartAsync(1, 1);
        var before = await ShopState.ReadAsync(_shop);

        var response = await shopper.PayAsync(new { payment_method = "cash_on_delivery" });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var json = await response.Content.ReadAsStringAsync();
        json.Should().Contain("\"status\":\"success\"").And.Contain("\"payment_method\":\"cash_on_delivery\"").And.Contain("\"total_due\":927490");
        var after = await ShopState.ReadAsync(_shop);
        after.CardBalances.Should().BeEquivalentTo(before.CardBalances);
        after.Stock[1].Should().Be(before.Stock[1] - 1);
        after.LedgerEntries.Should().Be(before.LedgerEntries, "nothing is paid until delivery");
        after.CartLines.Should().BeEmpty();
        await using var db = _shop.OpenDatabase();
        var order = await db.Orders.SingleAsync();
        order.PaymentMethod.Should().Be(PaymentMethods.CashOnDelivery);
        order.CardId.Should().BeNull();
        (await shopper.GetPageAsync($"/orders/{order.Number}")).QuerySelector(".facts")!.TextContent.Should().Contain("Жеткізу кезінде қолма-қол төлеу");
    }

    [Fact]
    public async Task The_payment_page_form_without_javascript_places_a_cash_order_too()
    {
        using var shopper = _shop.CreateShopper();
        await shopper.LoginAsync();
        await shopper.AddToCartAsync(1, 1);
        var page = await shopper.GetPageAsync("/payment");
        page.QuerySelector("#cod-form input[name=payment_method]")!.GetAttribute("value").Should().Be("cash_on_delivery");

        var response = await shopper.PostFormAsync("/process_payment", new Dictionary<string, string> { ["payment_method"] = "cash_on_delivery" });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await Shopper.ParseAsync(response)).QuerySelector("[data-total-due]")!.GetAttribute("data-total-due").Should().Be("927490");
    }

    [Fact]
    public async Task An_unknown_payment_method_is_refused_and_changes_nothing()
    {
        using var shopper = _shop.CreateShopper();
        await shopper.LoginAsync();
        await shopper.AddToCartAsync(1, 1);
        var before = await ShopState.ReadAsync(_shop);

        foreach (var body in new object[] { new { payment_method = "bitcoin", card_id = 1 }, new { payment_method = 7 } })
        {
            var answer = await Shopper.ReadAnswerAsync(await shopper.PayAsync(body));
            answer.Status.Should().Be(HttpStatusCode.BadRequest);
            answer.Message.Should().Be("Төлем тәсілі белгісіз");
        }

        (await ShopState.ReadAsync(_shop)).Should().BeEquivalentTo(before);
    }

    [Fact]
    public async Task Cash_on_delivery_follows_the_error_tree_guest_and_empty_cart()
    {
        using var guest = _shop.CreateShopper();
        var unauthorized = await Shopper.ReadAnswerAsync(await guest.PayAsync(new { payment_method = "cash_on_delivery" }));
        unauthorized.Status.Should().Be(HttpStatusCode.Unauthorized);

        using var shopper = _shop.CreateShopper();
        await shopper.LoginAsync();
        var empty = await Shopper.ReadAnswerAsync(await shopper.PayAsync(new { payment_method = "cash_on_delivery" }));
        empty.Status.Should().Be(HttpStatusCode.BadRequest);
        empty.Message.Should().Be("Себет бос");
    }

    [Theory]
    [InlineData(OrderStatus.Delivered)]
    [InlineData(OrderStatus.Completed)]
    public async Task The_cash_is_recorded_once_when_the_goods_are_handed_over(OrderStatus handedOver)
    {
        using var shopper = _shop.CreateShopper();
        await shopper.LoginAsync();
        using var admin = await AdminAsync(_shop);
        var number = await PlaceAsync(shopper, cardId: null);

        foreach (var step in new[] { OrderStatus.Processing, OrderStatus.Shipped })
        {
            (await SetStatusAsync(admin, number, step)).StatusCode.Should().Be(HttpStatusCode.Redirect);
            (await LedgerAsync(number)).Should().BeEmpty($"no cash is collected while {step}");
        }

        (await SetStatusAsync(admin, number, handedOver)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        if (handedOver == OrderStatus.Delivered)
        {
            (await SetStatusAsync(admin, number, OrderStatus.Completed)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        }

        (await LedgerAsync(number)).Should().Equal($"cash {CheapTotal.Tiyn} card=");
        await Ledger.AssertReplaysAsync(_shop);
    }

    [Fact]
    public async Task Cancelling_a_cash_order_restocks_and_refunds_nothing()
    {
        using var shopper = _shop.CreateShopper();
        await shopper.LoginAsync();
        var before = await ShopState.ReadAsync(_shop);
        var number = await PlaceAsync(shopper, cardId: null);

        (await CancelAsync(shopper, number)).StatusCode.Should().Be(HttpStatusCode.Redirect);

        (await LedgerAsync(number)).Should().BeEmpty();
        var after = await ShopState.ReadAsync(_shop);
        after.Stock.Should().BeEquivalentTo(before.Stock);
        after.CardBalances.Should().BeEquivalentTo(before.CardBalances);
        await Ledger.AssertReplaysAsync(_shop);
    }

    [Fact]
    public async Task A_returned_cash_order_gives_the_cash_back()
    {
        using var shopper = _shop.CreateShopper();
        await shopper.LoginAsync();
        using var admin = await AdminAsync(_shop);
        var number = await PlaceAsync(shopper, cardId: null);
        await DriveToAsync(shopper, admin, number, OrderStatus.Refunded);

        (await LedgerAsync(number)).Should().Equal($"cash {CheapTotal.Tiyn} card=", $"cash_refund {-CheapTotal.Tiyn} card=");
        await Ledger.AssertReplaysAsync(_shop);
    }

    private async Task<List<string>> LedgerAsync(string number)
    {
        await using var db = _shop.OpenDatabase();
        return await db.LedgerEntries.Where(p => db.Orders.Any(o => o.Id == p.OrderId && o.Number == number)).OrderBy(p => p.Id)
            .Select(p => p.Kind + " " + p.AmountTiyn + " card=" + (p.CardId == null ? "" : p.CardId.ToString())).ToListAsync();
    }
}
