using System.Net;
using System.Text.Json;
using Checkout.Web.Domain;
using Microsoft.EntityFrameworkCore;
using static Checkout.IntegrationTests.CouponCartTests;
using static Checkout.Testing.OrderFlows;

namespace Checkout.IntegrationTests;

/// <summary>
/// A coupon paid for: checked again in the checkout's transaction (each reason it can't be used now refuses the payment
/// and changes nothing), its use counted there, the order keeping its discount and code, a cancel giving the use back.
/// </summary>
public sealed class CouponCheckoutTests : IDisposable
{
    private readonly ShopFactory _shop = new();

    public void Dispose() => _shop.Dispose();

    [Fact]
    public async Task Welcome10_pays_1_668_282_leaves_kaspi_gold_2_631_718_and_the_same_shoppers_second_try_is_refused()
    {
        using var shopper = await ShopperWithCartAsync(_shop);
        (await ApplyAsync(shopper, "WELCOME10")).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var response = await shopper.PayAsync(new { card_id = SeededCards.DemoKaspiGold, expected_total = 1_668_282 });

        var answer = await Shopper.ReadAnswerAsync(response);
        answer.Status.Should().Be(HttpStatusCode.OK, answer.Json);
        (answer.TotalPaid, answer.NewBalance).Should().Be((1_668_282, 2_631_718));
        using (var json = JsonDocument.Parse(answer.Json))
        {
            json.RootElement.GetProperty("discount").GetInt64().Should().Be(185_198);
            json.RootElement.GetProperty("points_used").GetInt64().Should().Be(0);
        }

        await using (var db = _shop.OpenDatabase())
        {
            var order = await db.Orders.Include(o => o.Lines).Include(o => o.Redemption).SingleAsync();
            (order.SubtotalTiyn, order.DiscountTiyn, order.TotalTiyn, order.VatTiyn).Should().Be((185_198_000L, 18_519_800L, 166_828_200L, 23_010_786L));
            order.CouponCode.Should().Be("WELCOME10");
            order.Lines.Single().DiscountTiyn.Should().Be(18_519_800);
            order.Redemption.Should().BeEquivalentTo(new { Slot = (int?)1, CouponId = order.CouponId!.Value });
            (await db.Coupons.SingleAsync(c => c.Code == "WELCOME10")).Used.Should().Be(1);
            (await db.Carts.SingleAsync()).CouponId.Should().BeNull("the paid cart is empty, its coupon with it");
        }

        var receipt = await shopper.GetPageAsync($"/orders/{answer.OrderNumber}");
        receipt.QuerySelector(".totals-discount")!.TextContent.Should().Contain("WELCOME10").And.Contain("−185 198 ₸");
        receipt.QuerySelector(".vat-line")!.TextContent.Should().Be("оның ішінде ҚҚС 16%: 230 107,86 ₸");

        (await shopper.AddToCartAsync(1, 2)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var again = await ApplyAsync(shopper, "WELCOME10");
        again.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Shopper.ParseAsync(again)).QuerySelector(".alert-error")!.TextContent.Should().Be("Сіз бұл промокодты қолданып қойғансыз");
    }

    [Theory]
    [InlineData("deactivated", "Промокод жарамсыз")]
    [InlineData("used up", "Промокодтың қолданылу саны таусылды")]
    [InlineData("used by the shopper", "Сіз бұл промокодты қолданып қойғансыз")]
    [InlineData("below its minimum", "Промокод 50 000 ₸ бастап тауарларға жарамды: тағы 20 010 ₸ тауар қосыңыз")]
    public async Task A_coupon_that_can_no_longer_be_used_is_refused_at_checkout_with_the_reason_and_nothing_changes(string since, string reason)
    {
        using var shopper = await _shop.SignedInAsync();
        var earlier = await PlaceAsync(shopper); // an order of the shopper's, for a redemption made behind the cart's back
        (await shopper.AddToCartAsync(CheapProduct, 2)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await ApplyAsync(shopper, "MINUS5000")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        await using (var db = _shop.OpenDatabase())
        {
            var coupon = db.Coupons.Where(c => c.Code == "MINUS5000");
            switch (since)
            {
                case "deactivated":
                    await coupon.ExecuteUpdateAsync(s => s.SetProperty(c => c.Active, false));
                    break;
                case "used up":
                    await coupon.ExecuteUpdateAsync(s => s.SetProperty(c => c.UsageLimit, 5).SetProperty(c => c.Used, 5));
                    break;
                case "used by the shopper":
                    var placed = await db.Orders.Where(o => o.Number == earlier).Select(o => new { o.Id, o.UserId }).SingleAsync();
                    db.CouponRedemptions.Add(new CouponRedemption
                    {
                        CouponId = await coupon.Select(c => c.Id).SingleAsync(), OrderId = placed.Id, UserId = placed.UserId, Slot = 1, CreatedUtc = DateTime.UtcNow,
                    });
                    await db.SaveChangesAsync();
                    break;
                default:
                    (await shopper.UpdateCartAsync(CheapProduct, 1)).StatusCode.Should().Be(HttpStatusCode.Redirect);
                    break;
            }
        }

        await _shop.WaitForOutboxAsync(); // the earlier order's e-mail and sales count, delivered before the snapshot
        var before = await DatabaseSnapshot.ReadAsync(_shop);

        var answer = await Shopper.ReadAnswerAsync(await shopper.PayAsync(new { card_id = SeededCards.DemoKaspiGold }));

        answer.Status.Should().Be(HttpStatusCode.Conflict, answer.Json);
        answer.Message.Should().Be(reason);
        (await DatabaseSnapshot.ReadAsync(_shop)).ChangesSince(before).Should().BeEmpty();
    }

    [Fact]
    public async Task An_order_cancelled_before_shipping_gives_its_use_back_and_a_refunded_one_keeps_it()
    {
        using var shopper = await ShopperWithCartAsync(_shop, CheapProduct, quantity: 1);
        using var admin = await AdminAsync(_shop);
        (await ApplyAsync(shopper, "LIMIT3")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var cancelled = (await Shopper.ReadAnswerAsync(await shopper.PayAsync(new { card_id = SeededCards.DemoKaspiGold }))).OrderNumber!;
        await DriveToAsync(shopper, admin, cancelled, OrderStatus.Processing);
        (await UsesAsync("LIMIT3")).Should().Be((1, 1));

        (await CancelAsync(shopper, cancelled)).StatusCode.Should().Be(HttpStatusCode.Redirect);

        (await UsesAsync("LIMIT3")).Should().Be((0, 0));
        (await shopper.GetPageAsync($"/orders/{cancelled}")).QuerySelector(".totals-discount")!.TextContent.Should().Contain("LIMIT3");

        (await shopper.AddToCartAsync(CheapProduct, 1)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await ApplyAsync(shopper, "LIMIT3")).StatusCode.Should().Be(HttpStatusCode.Redirect, "the use came back to the shopper too");
        var refunded = (await Shopper.ReadAnswerAsync(await shopper.PayAsync(new { card_id = SeededCards.DemoKaspiGold }))).OrderNumber!;
        await DriveToAsync(shopper, admin, refunded, OrderStatus.Refunded);

        (await UsesAsync("LIMIT3")).Should().Be((1, 1), "a return after delivery doesn't give the use back");
    }

    private async Task<(int Used, int Redemptions)> UsesAsync(string code)
    {
        await using var db = _shop.OpenDatabase();
        var coupon = await db.Coupons.SingleAsync(c => c.Code == code);
        return (coupon.Used, await db.CouponRedemptions.CountAsync(r => r.CouponId == coupon.Id));
    }
}
