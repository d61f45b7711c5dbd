using System.Net;
using Checkout.Web.Domain;
using static Checkout.Testing.OrderFlows;

namespace Checkout.IntegrationTests;

/// <summary>
/// Issue 4's "done when", as a new user would try it: a shopper buys, the admin ships and delivers, the shopper
/// returns it, the admin approves — and the card balance and the stock are back where they started, in the pages.
/// </summary>
public sealed class ReturnJourneyTests : IDisposable
{
    private readonly ShopFactory _shop = new();

    public void Dispose() => _shop.Dispose();

    [Fact]
    public async Task Buy_ship_deliver_return_approve_puts_balance_and_stock_back_where_they_started()
    {
        using var shopper = _shop.CreateShopper();
        await shopper.LoginAsync();
        using var admin = await AdminAsync(_shop);
        var startBalance = await CardOnProfileAsync(shopper, SeededCards.DemoKaspiGold);
        var startStock = await StockOnProductPageAsync(shopper, 3);
        startBalance.Should().Be("4 300 000 ₸");
        startStock.Should().Be("Қоймада: 3 дана");

        var number = await PlaceAsync(shopper, SeededCards.DemoKaspiGold, productId: 3, quantity: 2);
        (await CardOnProfileAsync(shopper, SeededCards.DemoKaspiGold)).Should().Be("3 938 520 ₸"); // 4 300 000 − (2 × 179 990 + 1 500)
        (await StockOnProductPageAsync(shopper, 3)).Should().Be("Қоймада: 1 дана");

        foreach (var step in new[] { OrderStatus.Processing, OrderStatus.Shipped, OrderStatus.Delivered })
        {
            (await SetStatusAsync(admin, number, step)).StatusCode.Should().Be(HttpStatusCode.Redirect);
            (await PageStatusAsync(shopper, $"/orders/{number}")).Status.Should().Be(step.ToName());
        }

        (await RequestReturnAsync(shopper, number, "Түсі ұнамады")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var queue = await admin.GetPageAsync("/admin/returns");
        queue.QuerySelector($"tr[data-order-number='{number}']")!.TextContent.Should().Contain("Түсі ұнамады");
        (await ApproveAsync(admin, number)).StatusCode.Should().Be(HttpStatusCode.Redirect);

        (await PageStatusAsync(shopper, $"/orders/{number}")).Should().Be(("refunded", "Ақшасы қайтарылды"));
        (await PageStatusAsync(admin, $"/admin/orders/{number}")).Status.Should().Be("refunded");
        (await CardOnProfileAsync(shopper, SeededCards.DemoKaspiGold)).Should().Be(startBalance);
        (await StockOnProductPageAsync(shopper, 3)).Should().Be(startStock);
        var page = await shopper.GetPageAsync($"/orders/{number}");
        page.QuerySelectorAll(".ledger-table tr").Select(r => r.GetAttribute("data-payment-kind") + " " + r.GetAttribute("data-amount"))
            .Should().Equal("charge 36148000", "refund -36148000");
        page.QuerySelectorAll(".timeline-step").Select(s => s.GetAttribute("data-status"))
            .Should().Equal("pending", "processing", "shipped", "delivered", "return_requested", "refunded");
        await Ledger.AssertReplaysAsync(_shop);
    }

    [Fact]
    public async Task The_ledgers_replay_to_every_balance_and_stock_after_a_busy_day()
    {
        using var demo = _shop.CreateShopper();
        using var aidos = _shop.CreateShopper();
        await demo.LoginAsync();
        await aidos.LoginAsync(Shopper.AidosEmail, Shopper.AidosPassword);
        using var admin = await AdminAsync(_shop);

        var cancelled = await PlaceAsync(demo, SeededCards.DemoHalyk, productId: 5);
        var refunded = await PlaceAsync(demo, SeededCards.DemoKaspiGold, productId: 3, quantity: 2);
        var completed = await PlaceAsync(aidos, SeededCards.AidosKaspiGold, productId: 12, quantity: 3);
        var rejected = await PlaceAsync(aidos, SeededCards.AidosKaspiGold);
        var cash = await PlaceAsync(demo, cardId: null, productId: 4);
        var cashReturned = await PlaceAsync(aidos, cardId: null, productId: 6, quantity: 2);
        var pending = await PlaceAsync(demo, SeededCards.DemoBcc, productId: 18, quantity: 4);
        await DriveToAsync(demo, admin, cancelled, OrderStatus.Cancelled);
        await DriveToAsync(demo, admin, refunded, OrderStatus.Refunded);
        await DriveToAsync(aidos, admin, completed, OrderStatus.Completed);
        await DriveToAsync(aidos, admin, rejected, OrderStatus.ReturnRequested);
        (await RejectAsync(admin, rejected)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        await DriveToAsync(demo, admin, cash, OrderStatus.Delivered);
        await DriveToAsync(aidos, admin, cashReturned, OrderStatus.Refunded);
        (await admin.PostFormAsync("/admin/products/18", new Dictionary<string, string>
        {
            ["Name"] = "Xiaomi Redmi Buds 6 Pro", ["Color"] = "Черный", ["Storage"] = "—", ["Category"] = "Құлаққаптар",
            ["Stock"] = "250", ["ExpectedStock"] = "195", ["Prices[0].StoreId"] = "1", ["Prices[0].Price"] = "29990",
        })).StatusCode.Should().Be(HttpStatusCode.Redirect);

        (await StatusAsync(_shop, pending)).Should().Be(OrderStatus.Pending);
        await Ledger.AssertReplaysAsync(_shop);
    }

    private static async Task<string> CardOnProfileAsync(Shopper shopper, int cardId) =>
        (await shopper.GetPageAsync("/account/profile")).QuerySelector($"tr[data-card-id='{cardId}'] .price")!.TextContent;

    private static async Task<string> StockOnProductPageAsync(Shopper shopper, int productId) =>
        (await shopper.GetPageAsync($"/products/{productId}")).QuerySelector("p.muted")!.TextContent;
}
