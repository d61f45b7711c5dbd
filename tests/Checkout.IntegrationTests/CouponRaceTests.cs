using System.Net;
using Checkout.Web.Domain;
using Microsoft.EntityFrameworkCore;
using static Checkout.IntegrationTests.CouponCartTests;
using static Checkout.Testing.OrderFlows;

namespace Checkout.IntegrationTests;

/// <summary>
/// A coupon's last uses, raced for: its use is one guarded statement in the checkout's transaction, so however many
/// checkouts hold the coupon when they start, only as many as it has uses left place an order with it.
/// </summary>
public sealed class CouponRaceTests : IDisposable
{
    private readonly ShopFactory _shop = new();

    public void Dispose() => _shop.Dispose();

    [Fact]
    public async Task Fifty_checkouts_racing_limit3_with_3_uses_left_place_exactly_3_orders()
    {
        var racers = await TestShoppers.CreateAsync(_shop, 50);
        foreach (var (shopper, _) in racers)
        {
            (await shopper.AddToCartAsync(CheapProduct, 1)).StatusCode.Should().Be(HttpStatusCode.Redirect);
            (await ApplyAsync(shopper, "LIMIT3")).StatusCode.Should().Be(HttpStatusCode.Redirect, "every cart holds the coupon while it has uses left");
        }

        var tokens = await Task.WhenAll(racers.Select(r => r.Shopper.TokenAsync()));
        var before = await ShopState.ReadAsync(_shop);

        var answers = await Task.WhenAll(racers.Select(async (r, i) =>
            await Shopper.ReadAnswerAsync(await r.Shopper.PayAsync(new { card_id = r.CardId }, tokens[i]))));

        var paid = answers.Where(a => a.Status == HttpStatusCode.OK).ToList();
        paid.Should().HaveCount(3, string.Join("\n", answers.Where(a => a.Status != HttpStatusCode.Conflict).Select(a => a.Json)));
        paid.Should().OnlyContain(a => a.TotalPaid == 29_990 - 2_999 + 1_500);
        answers.Where(a => a.Status != HttpStatusCode.OK).Should().HaveCount(47)
            .And.OnlyContain(a => a.Status == HttpStatusCode.Conflict && a.Message == "Промокодтың қолданылу саны таусылды");

        await using var db = _shop.OpenDatabase();
        var coupon = await db.Coupons.SingleAsync(c => c.Code == "LIMIT3");
        coupon.Used.Should().Be(3);
        (await db.CouponRedemptions.CountAsync(r => r.CouponId == coupon.Id)).Should().Be(3);
        (await db.Orders.CountAsync()).Should().Be(3);
        (await db.Orders.CountAsync(o => o.CouponId == coupon.Id)).Should().Be(3);
        var after = await ShopState.ReadAsync(_shop);
        after.Stock[CheapProduct].Should().Be(before.Stock[CheapProduct] - 3);
        after.CartLines.Should().HaveCount(47, "the refused carts are as they were");
        after.LedgerEntries.Should().Be(3);
        after.CardBalances.Values.Sum().Should().Be(before.CardBalances.Values.Sum() - (3 * Money.FromTenge(28_491).Tiyn));
    }
}
