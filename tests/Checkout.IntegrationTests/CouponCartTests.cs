using System.Net;
using Checkout.Web.Domain;
using Microsoft.EntityFrameworkCore;
using static Checkout.Testing.OrderFlows;

namespace Checkout.IntegrationTests;

/// <summary>
/// A coupon on the cart page: <c>POST /cart/coupon</c> (field <c>code</c>, any case) applies it, <c>POST /cart/coupon/remove</c>
/// takes it off; each reason it can't be used is a 400 saying why in Kazakh, and changes nothing.
/// </summary>
public sealed class CouponCartTests : IDisposable
{
    private readonly ShopFactory _shop = new();

    public void Dispose() => _shop.Dispose();

    [Fact]
    public async Task Welcome10_takes_185_198_off_two_iphones_on_the_cart_checkout_and_payment_pages()
    {
        using var shopper = await ShopperWithCartAsync(_shop);

        var applied = await ApplyAsync(shopper, " welcome10 ");

        applied.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var cart = await shopper.GetPageAsync("/cart");
        cart.QuerySelector("[data-coupon-code]")!.GetAttribute("data-coupon-code").Should().Be("WELCOME10");
        cart.QuerySelector("[data-discount]")!.TextContent.Should().Be("−185 198 ₸");
        cart.QuerySelector("[data-after-discount]")!.TextContent.Should().Be("1 666 782 ₸");
        foreach (var path in new[] { "/checkout", "/payment" })
        {
            var page = await shopper.GetPageAsync(path);
            page.QuerySelector("[data-discount]")!.TextContent.Should().Be("−185 198 ₸", path);
            page.QuerySelector(".totals [data-total]")!.TextContent.Should().Be("1 668 282 ₸", path);
            page.QuerySelector(".vat-line")!.TextContent.Should().Be("оның ішінде ҚҚС 16%: 230 107,86 ₸", path);
            page.QuerySelector(".totals-discount dt")!.TextContent.Should().Contain("WELCOME10", path);
        }
    }

    [Fact]
    public async Task A_removed_coupon_is_gone_and_removing_none_is_refused()
    {
        using var shopper = await ShopperWithCartAsync(_shop);
        (await ApplyAsync(shopper, "WELCOME10")).StatusCode.Should().Be(HttpStatusCode.Redirect);

        (await RemoveAsync(shopper)).StatusCode.Should().Be(HttpStatusCode.Redirect);

        (await shopper.GetPageAsync("/cart")).QuerySelector("[data-discount]").Should().BeNull();
        await using (var db = _shop.OpenDatabase())
        {
            (await db.Carts.SingleAsync()).CouponId.Should().BeNull();
        }

        var again = await RemoveAsync(shopper);
        again.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Error(again)).Should().Be("Себетте промокод жоқ");
    }

    [Theory]
    [InlineData("NOSUCH", 1, "Промокод жарамсыз")]
    [InlineData("OLD2025", 1, "Промокод жарамсыз")]
    [InlineData("LIMIT3-USED-UP", 1, "Промокодтың қолданылу саны таусылды")]
    [InlineData("FUTURE", 1, "Промокод 01.01.2099 бастап жарамды")]
    [InlineData("OFF", 1, "Промокод жарамсыз")]
    [InlineData("MINUS5000", CheapProduct, "Промокод 50 000 ₸ бастап тауарларға жарамды: тағы 20 010 ₸ тауар қосыңыз")]
    [InlineData("", 1, "Промокодты енгізіңіз")]
    [InlineData("'; DROP TABLE Coupons; --", 1, "Промокод жарамсыз")]
    public async Task Each_reason_a_coupon_is_refused_is_said_in_kazakh_and_changes_nothing(string code, int productId, string reason)
    {
        using var shopper = await ShopperWithCartAsync(_shop, productId, quantity: 1);
        await using (var db = _shop.OpenDatabase())
        {
            await db.Coupons.Where(c => c.Code == "LIMIT3").ExecuteUpdateAsync(s => s.SetProperty(c => c.Used, 3).SetProperty(c => c.Code, "LIMIT3-USED-UP"));
            db.Coupons.Add(new Coupon { Code = "FUTURE", Percent = 5, ValidFromUtc = new DateTime(2098, 12, 31, 19, 0, 0, DateTimeKind.Utc), CreatedUtc = DateTime.UtcNow });
            db.Coupons.Add(new Coupon { Code = "OFF", Percent = 5, Active = false, CreatedUtc = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }

        var before = await DatabaseSnapshot.ReadAsync(_shop);

        var refused = await ApplyAsync(shopper, code);

        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Error(refused)).Should().Be(reason);
        (await DatabaseSnapshot.ReadAsync(_shop)).ChangesSince(before).Should().BeEmpty();
    }

    [Fact]
    public async Task A_coupon_on_an_empty_cart_is_refused()
    {
        using var shopper = await _shop.SignedInAsync();

        var refused = await ApplyAsync(shopper, "WELCOME10");

        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Error(refused)).Should().Be("Себет бос");
    }

    [Fact]
    public async Task A_cart_that_falls_below_the_minimum_keeps_the_coupon_but_not_its_discount_and_says_why()
    {
        using var shopper = await ShopperWithCartAsync(_shop, CheapProduct, quantity: 2);
        (await ApplyAsync(shopper, "MINUS5000")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await shopper.GetPageAsync("/cart")).QuerySelector("[data-discount]")!.TextContent.Should().Be("−5 000 ₸");

        (await shopper.UpdateCartAsync(CheapProduct, 1)).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var cart = await shopper.GetPageAsync("/cart");
        cart.QuerySelector("[data-discount]").Should().BeNull();
        cart.QuerySelector("[data-coupon-usable]")!.GetAttribute("data-coupon-usable").Should().Be("false");
        cart.QuerySelector(".coupon-problem")!.TextContent.Should().Contain("тағы 20 010 ₸");
        (await shopper.GetPageAsync("/checkout")).QuerySelector(".totals [data-total]")!.TextContent.Should().Be("31 490 ₸");
    }

    [Fact]
    public async Task Gift100_makes_delivery_free_on_the_cart_page()
    {
        using var shopper = await ShopperWithCartAsync(_shop, CheapProduct, quantity: 1);

        (await ApplyAsync(shopper, "gift100")).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var cart = await shopper.GetPageAsync("/cart");
        cart.QuerySelector(".delivery-note")!.TextContent.Should().Be("Жеткізу тегін");
        cart.QuerySelector("[data-after-discount]")!.TextContent.Should().Be("0 ₸");
    }

    [Fact]
    public async Task A_guests_coupon_comes_along_into_the_shoppers_cart_at_sign_in()
    {
        using var visitor = _shop.CreateShopper();
        (await visitor.AddToCartAsync(1, 2)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await ApplyAsync(visitor, "WELCOME10")).StatusCode.Should().Be(HttpStatusCode.Redirect);

        await visitor.LoginAsync();

        (await visitor.GetPageAsync("/checkout")).QuerySelector(".totals [data-total]")!.TextContent.Should().Be("1 668 282 ₸");
    }

    internal static Task<HttpResponseMessage> ApplyAsync(Shopper shopper, string code) =>
        shopper.PostFormAsync("/cart/coupon", new Dictionary<string, string> { ["code"] = code });

    internal static Task<HttpResponseMessage> RemoveAsync(Shopper shopper) =>
        shopper.PostFormAsync("/cart/coupon/remove", new Dictionary<string, string>());

    private static async Task<string> Error(HttpResponseMessage response) =>
        (await Shopper.ParseAsync(response)).QuerySelector(".alert-error")!.TextContent.Trim();
}
