using System.Net;
using Microsoft.EntityFrameworkCore;

namespace Checkout.IntegrationTests.Api;

/// <summary>
/// Coupons and the estimate over the API (seed 004): <c>POST/DELETE /api/v1/carts/{token}/coupon</c>, refusals 422 with a
/// code per reason and <c>"error_code": 2004</c>, and the estimate's subtotal, discount, points, delivery, tax and total in tiyn.
/// </summary>
public sealed class ApiCouponTests : IDisposable
{
    private readonly ShopFactory _shop = new();

    public void Dispose() => _shop.Dispose();

    [Fact]
    public async Task Welcome10_on_an_api_cart_gives_the_worked_examples_estimate_in_tiyn()
    {
        using var app = ApiClient.Anonymous(_shop);
        var token = await CartWithTwoIphonesAsync(app);

        using var applied = await app.PostAsync($"/api/v1/carts/{token}/coupon", new { code = "welcome10" });

        applied.StatusCode.Should().Be(HttpStatusCode.OK, await applied.Content.ReadAsStringAsync());
        var cart = await ApiClient.ReadJsonAsync(applied);
        (cart.GetProperty("discount").GetInt64(), cart.GetProperty("total").GetInt64(), cart.GetProperty("tax").GetInt64())
            .Should().Be((18_519_800, 166_828_200, 23_010_786));
        cart.GetProperty("coupon").GetProperty("code").GetString().Should().Be("WELCOME10");
        cart.GetProperty("coupon").GetProperty("applies").GetBoolean().Should().BeTrue();

        var estimate = await ApiClient.ReadJsonAsync(await app.PostAsync($"/api/v1/carts/{cart.GetProperty("cart_token").GetString()}/estimate"));
        estimate.GetProperty("currency").GetString().Should().Be("KZT");
        (estimate.GetProperty("subtotal").GetInt64(), estimate.GetProperty("discount").GetInt64(), estimate.GetProperty("points").GetInt64(),
            estimate.GetProperty("delivery").GetInt64(), estimate.GetProperty("tax").GetInt64(), estimate.GetProperty("total").GetInt64())
            .Should().Be((185_198_000, 18_519_800, 0, 150_000, 23_010_786, 166_828_200));
        var tax = estimate.GetProperty("tax_lines").EnumerateArray().Single();
        (tax.GetProperty("rate").GetInt32(), tax.GetProperty("gross").GetInt64(), tax.GetProperty("tax").GetInt64()).Should().Be((16, 166_828_200, 23_010_786));
        estimate.GetProperty("max_points").GetInt64().Should().Be(833_391);
    }

    [Fact]
    public async Task The_worked_example_without_a_coupon_estimates_vat_255_652_41()
    {
        using var app = ApiClient.Anonymous(_shop);
        var token = await CartWithTwoIphonesAsync(app);

        var estimate = await ApiClient.ReadJsonAsync(await app.PostAsync($"/api/v1/carts/{token}/estimate"));

        (estimate.GetProperty("discount").GetInt64(), estimate.GetProperty("tax").GetInt64(), estimate.GetProperty("total").GetInt64())
            .Should().Be((0, 25_565_241, 185_348_000));
        estimate.GetProperty("coupon").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
    }

    [Theory]
    [InlineData("NOSUCH", "en", "coupon_invalid", "Coupon is invalid.")]
    [InlineData("OLD2025", "kk", "coupon_invalid", "Промокод жарамсыз")]
    [InlineData("NOSUCH", "ru", "coupon_invalid", "Промокод недействителен")]
    public async Task An_invalid_coupon_is_seed_004s_2004_in_the_language_asked_for(string code, string language, string problem, string detail)
    {
        using var app = ApiClient.Anonymous(_shop);
        app.Http.DefaultRequestHeaders.Add("Accept-Language", language);
        var token = await CartWithTwoIphonesAsync(app);
        var before = await DatabaseSnapshot.ReadAsync(_shop);

        using var refused = await app.PostAsync($"/api/v1/carts/{token}/coupon", new { code });

        refused.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await ApiClient.ProblemCodeAsync(refused)).Should().Be(problem);
        var body = await ApiClient.ReadJsonAsync(refused);
        body.GetProperty("error_code").GetInt32().Should().Be(2004);
        body.GetProperty("detail").GetString().Should().Be(detail);
        (await DatabaseSnapshot.ReadAsync(_shop)).ChangesSince(before).Should().BeEmpty();
    }

    [Fact]
    public async Task Below_the_minimum_says_how_much_more_in_tiyn()
    {
        using var app = ApiClient.Anonymous(_shop);
        var token = await StartAsync(app);
        await app.PostAsync($"/api/v1/carts/{token}/lines", new { product_id = OrderFlows.CheapProduct, quantity = 1 });

        using var refused = await app.PostAsync($"/api/v1/carts/{token}/coupon", new { code = "MINUS5000" });

        refused.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await ApiClient.ProblemCodeAsync(refused)).Should().Be("coupon_below_minimum");
        (await ApiClient.ReadJsonAsync(refused)).GetProperty("short_by").GetInt64().Should().Be(2_001_000);
    }

    [Fact]
    public async Task A_removed_coupon_is_gone_and_removing_none_is_no_coupon()
    {
        using var app = ApiClient.Anonymous(_shop);
        var token = await CartWithTwoIphonesAsync(app);
        (await app.PostAsync($"/api/v1/carts/{token}/coupon", new { code = "WELCOME10" })).StatusCode.Should().Be(HttpStatusCode.OK);

        using var removed = await app.DeleteAsync($"/api/v1/carts/{token}/coupon");

        removed.StatusCode.Should().Be(HttpStatusCode.OK);
        var cart = await ApiClient.ReadJsonAsync(removed);
        cart.GetProperty("coupon").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
        cart.GetProperty("total").GetInt64().Should().Be(185_348_000);
        using var again = await app.DeleteAsync($"/api/v1/carts/{token}/coupon");
        again.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await ApiClient.ProblemCodeAsync(again)).Should().Be("no_coupon");
    }

    [Fact]
    public async Task Points_beyond_half_the_goods_are_refused_by_the_estimate_with_the_limit_and_fewer_are_priced_in()
    {
        using var app = ApiClient.Anonymous(_shop);
        var token = await CartWithTwoIphonesAsync(app);

        using var over = await app.PostAsync($"/api/v1/carts/{token}/estimate", new { points = 925_991 });
        over.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ApiClient.ProblemCodeAsync(over)).Should().Be("points_over_limit");
        (await ApiClient.ReadJsonAsync(over)).GetProperty("max_points").GetInt64().Should().Be(925_990);

        var estimate = await ApiClient.ReadJsonAsync(await app.PostAsync($"/api/v1/carts/{token}/estimate", new { points = 1_000 }));
        (estimate.GetProperty("points").GetInt64(), estimate.GetProperty("points_used").GetInt64(), estimate.GetProperty("total").GetInt64())
            .Should().Be((100_000, 1_000, 185_248_000));
    }

    [Fact]
    public async Task An_app_orders_with_welcome10_and_with_gift100_for_free()
    {
        using var app = await ApiClient.ForShopperAsync(_shop);
        var token = await CartWithTwoIphonesAsync(app);
        await app.PostAsync($"/api/v1/carts/{token}/coupon", new { code = "WELCOME10" });

        using var paid = await app.PostAsync("/api/v1/orders",
            new { cart_token = token, payment = new { method = "card", card_id = SeededCards.DemoKaspiGold }, expected_total = 166_828_200 }, Guid.NewGuid().ToString());

        paid.StatusCode.Should().Be(HttpStatusCode.Created, await paid.Content.ReadAsStringAsync());
        var placed = await ApiClient.ReadJsonAsync(paid);
        (placed.GetProperty("total").GetInt64(), placed.GetProperty("balance").GetInt64(), placed.GetProperty("discount").GetInt64())
            .Should().Be((166_828_200, 263_171_800, 18_519_800));
        var order = await ApiClient.ReadJsonAsync(await app.GetAsync($"/api/v1/orders/{placed.GetProperty("number").GetString()}"));
        (order.GetProperty("discount").GetInt64(), order.GetProperty("coupon_code").GetString(), order.GetProperty("tax").GetInt64())
            .Should().Be((18_519_800, "WELCOME10", 23_010_786));

        var again = await CartWithTwoIphonesAsync(app);
        await app.PostAsync($"/api/v1/carts/{again}/coupon", new { code = "GIFT100" });
        using var free = await app.PostAsync("/api/v1/orders",
            new { cart_token = again, payment = new { method = "card", card_id = SeededCards.DemoKaspiGold } }, Guid.NewGuid().ToString());

        free.StatusCode.Should().Be(HttpStatusCode.Created, await free.Content.ReadAsStringAsync());
        var gift = await ApiClient.ReadJsonAsync(free);
        (gift.GetProperty("payment_method").GetString(), gift.GetProperty("total").GetInt64()).Should().Be(("free", 0L));
        gift.GetProperty("card_id").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
        await using var db = _shop.OpenDatabase();
        (await db.Cards.SingleAsync(c => c.Id == SeededCards.DemoKaspiGold)).BalanceTiyn.Should().Be(263_171_800);
    }

    private static async Task<string> StartAsync(ApiClient app) =>
        (await ApiClient.ReadJsonAsync(await app.PostAsync("/api/v1/carts"))).GetProperty("cart_token").GetString()!;

    private static async Task<string> CartWithTwoIphonesAsync(ApiClient app)
    {
        var token = await StartAsync(app);
        using var added = await app.PostAsync($"/api/v1/carts/{token}/lines", new { product_id = 1, quantity = 2 });
        added.StatusCode.Should().Be(HttpStatusCode.Created);
        return (await ApiClient.ReadJsonAsync(added)).GetProperty("cart_token").GetString()!;
    }
}
