using System.Net;
using Checkout.Testing.Payments;
using Checkout.Web.Domain;
using Checkout.Web.Workers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Checkout.IntegrationTests.Payments;

/// <summary>
/// The payment window on the shop's clock: an online order unpaid when it ends is cancelled by the expiry job (stock, the
/// coupon's use and the points it spent back), and a payment that comes after that is taken and given back — the money
/// is not kept.
/// </summary>
public sealed class OnlineExpiryTests : IDisposable
{
    private readonly ShopClock _clock = new();

    private readonly SandboxShop _sandbox;

    public OnlineExpiryTests() =>
        // Without the Check, the sandbox charges a late payment as a gateway may (its Check answered before the window ended).
        // The jobs run only when the test runs them: moving the clock would fire their timers too.
        _sandbox = SandboxShop.NotifyingTheShop(
            new Dictionary<string, string> { ["Payments:Sandbox:SendCheck"] = "false", ["Payments:JobInterval"] = "1.00:00:00" }, _clock);

    private ShopFactory Shop => _sandbox.Shop;

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public async Task An_order_unpaid_when_its_window_ends_is_cancelled_with_its_stock_coupon_and_points_back_and_a_late_payment_is_refunded()
    {
        using var shopper = await Shop.SignedInAsync();
        using (var admin = await OrderFlows.AdminAsync(Shop))
        {
            // The worked example, delivered, makes its 18 519 points available to spend.
            var earning = await OrderFlows.PlaceAsync(shopper, SeededCards.DemoKaspiGold, productId: 1, quantity: 2);
            await OrderFlows.DriveToAsync(shopper, admin, earning, OrderStatus.Delivered);
        }

        (await shopper.AddToCartAsync(OrderFlows.CheapProduct, 1)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await shopper.PostFormAsync("/cart/coupon", new Dictionary<string, string> { ["code"] = "WELCOME10" })).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var stockBefore = await StockAsync();
        (await PointsAsync()).Should().Be(18_519);
        var (number, link) = await OnlineCheckout.PlaceAsync(shopper, points: 10_000);
        (await StockAsync()).Should().Be(stockBefore - 1);
        (await CouponUsesAsync()).Should().Be(1, "the coupon's use is held");
        (await PointsAsync()).Should().Be(8_519, "the points are held");
        var expiry = Shop.Services.GetServices<IScheduledJob>().OfType<ExpiredOnlinePayments>().Single();
        var worker = Shop.Services.GetRequiredService<ScheduledJobsWorker>();

        _clock.Advance(TimeSpan.FromMinutes(29));
        (await worker.RunOnceAsync(expiry, CancellationToken.None)).Should().Be(0, "the window is still open");
        _clock.Advance(TimeSpan.FromMinutes(2));
        (await worker.RunOnceAsync(expiry, CancellationToken.None)).Should().Be(1);

        (await OrderFlows.StatusAsync(Shop, number)).Should().Be(OrderStatus.Cancelled);
        (await StockAsync()).Should().Be(stockBefore, "the unit is back on the shelf");
        (await CouponUsesAsync()).Should().Be(0, "the coupon's use is back");
        (await PointsAsync()).Should().Be(18_519, "the points are back");
        await shopper.LoginAsync(); // half an hour on, the sign-in has lapsed
        var page = await shopper.GetPageAsync($"/payment/return/{number}");
        page.QuerySelector("#payment-return")!.GetAttribute("data-payment-state").Should().Be("expired");
        await Ledger.AssertReplaysAsync(Shop);

        await _sandbox.PayAsync(link, SandboxShop.PaidCard); // the old tab, paid anyway
        await _sandbox.Notifier.DeliverDueAsync(CancellationToken.None);
        (await OnlineCheckout.AttemptsAsync(Shop, number)).Should().Contain("refused", "the late payment is recorded as given back");
        await Ledger.AssertReplaysAsync(Shop); // its charge is kept only while the refund is under way

        var outbox = Shop.Services.GetRequiredService<OutboxWorker>();
        await Poll.UntilAsync(async () =>
        {
            _clock.Advance(TimeSpan.FromSeconds(1));
            await outbox.DeliverDueAsync(CancellationToken.None);
            await _sandbox.Notifier.DeliverDueAsync(CancellationToken.None);
            return (await OnlineCheckout.LedgerAsync(Shop, number)).Any(e => e.Kind == "refund");
        }, "the late payment refunded");

        (await OnlineCheckout.LedgerAsync(Shop, number)).Select(e => (e.Kind, e.AmountTiyn)).Should().Equal(
            ("charge", (await TotalAsync(number))), ("refund", -(await TotalAsync(number))));
        (await _sandbox.Gateway.GetStatusAsync(number, CancellationToken.None)).Value!.Refunded.Should().BeTrue();
        (await OrderFlows.StatusAsync(Shop, number)).Should().Be(OrderStatus.Cancelled, "a late payment does not revive the order");
        (await PointsAsync()).Should().Be(18_519, "a late payment spends no points");
        await Ledger.AssertReplaysAsync(Shop);
    }

    private async Task<int> StockAsync()
    {
        await using var db = Shop.OpenDatabase();
        return await db.Products.Where(p => p.Id == OrderFlows.CheapProduct).Select(p => p.Stock).SingleAsync();
    }

    private async Task<long> PointsAsync()
    {
        await using var db = Shop.OpenDatabase();
        var demo = await db.Users.Where(u => u.Email == Shopper.DemoEmail).Select(u => u.Id).SingleAsync();
        return await db.PointsBalances.Where(b => b.UserId == demo).Select(b => b.Available).SingleAsync();
    }

    private async Task<int> CouponUsesAsync()
    {
        await using var db = Shop.OpenDatabase();
        return await db.Coupons.Where(c => c.Code == "WELCOME10").Select(c => c.Used).SingleAsync();
    }

    private async Task<long> TotalAsync(string number)
    {
        await using var db = Shop.OpenDatabase();
        return await db.Orders.Where(o => o.Number == number).Select(o => o.TotalTiyn).SingleAsync();
    }
}
