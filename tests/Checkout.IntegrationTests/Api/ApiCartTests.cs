using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Checkout.IntegrationTests.Api;

/// <summary>
/// Cart tokens (seed 004) over HTTP: a guest's cart or a bearer shopper's own, changed through the pages' cart service
/// (the same reservations, limits and messages). Product 1 costs 925 990 ₸; product 3 has 3 units in stock.
/// </summary>
public sealed class ApiCartTests : IDisposable
{
    private const int Iphone = 1;
    private const int ScarceProduct = 3;

    private readonly ShopClock _clock = new();
    private readonly ShopFactory _shop;

    // Clean-ups run only when a test runs them: their timers would otherwise fire as the clock moves on.
    public ApiCartTests() => _shop = new ShopFactory
    {
        Clock = _clock,
        Settings = { ["Inventory:CleanupInterval"] = "1.00:00:00", ["Api:CartTokenLifetime"] = "00:30:00" },
    };

    public void Dispose() => _shop.Dispose();

    [Fact]
    public async Task A_guest_starts_a_cart_adds_two_iphones_and_gets_the_estimate_in_tiyn()
    {
        using var app = ApiClient.Anonymous(_shop);

        using var created = await app.PostAsync("/api/v1/carts");
        created.StatusCode.Should().Be(HttpStatusCode.Created);
        var token = (await ApiClient.ReadJsonAsync(created)).GetProperty("cart_token").GetString()!;
        created.Headers.Location!.OriginalString.Should().Be($"/api/v1/carts/{token}");
        (await ApiClient.ReadJsonAsync(created)).GetProperty("expires_at").GetDateTimeOffset()
            .Should().BeCloseTo(_clock.GetUtcNow().AddMinutes(30), TimeSpan.FromSeconds(1));

        using var added = await app.PostAsync($"/api/v1/carts/{token}/lines", new { product_id = Iphone, quantity = 2 });
        added.StatusCode.Should().Be(HttpStatusCode.Created);
        var cart = await ApiClient.ReadJsonAsync(added);
        cart.GetProperty("item_count").GetInt32().Should().Be(2);
        var line = cart.GetProperty("lines").EnumerateArray().Single();
        line.GetProperty("product_id").GetInt32().Should().Be(Iphone);
        line.GetProperty("name").GetString().Should().Be("Apple iPhone 17 Pro Max");
        line.GetProperty("color").GetString().Should().Be("Оранжевый");
        line.GetProperty("quantity").GetInt32().Should().Be(2);
        line.GetProperty("unit_price").GetInt64().Should().Be(92_599_000);
        line.GetProperty("line_total").GetInt64().Should().Be(185_198_000);

        using var estimated = await app.PostAsync($"/api/v1/carts/{token}/estimate");
        estimated.StatusCode.Should().Be(HttpStatusCode.OK);
        var estimate = await ApiClient.ReadJsonAsync(estimated);
        estimate.GetProperty("currency").GetString().Should().Be("KZT");
        estimate.GetProperty("subtotal").GetInt64().Should().Be(185_198_000);
        estimate.GetProperty("delivery").GetInt64().Should().Be(150_000);
        estimate.GetProperty("total").GetInt64().Should().Be(185_348_000);
        estimate.GetProperty("lines").GetArrayLength().Should().Be(1);
    }

    [Fact]
    public async Task Every_cart_answer_hands_out_a_fresh_token_with_its_expiry_renewed()
    {
        using var app = ApiClient.Anonymous(_shop);
        var first = await StartCartAsync(app);
        _clock.Advance(TimeSpan.FromMinutes(20));

        var cart = await ReadCartAsync(app, first);

        var fresh = cart.GetProperty("cart_token").GetString()!;
        fresh.Should().NotBe(first);
        cart.GetProperty("expires_at").GetDateTimeOffset().Should().BeCloseTo(_clock.GetUtcNow().AddMinutes(30), TimeSpan.FromSeconds(1));
        cart.GetProperty("currency").GetString().Should().Be("KZT");
        cart.GetProperty("lines").GetArrayLength().Should().Be(0);
        _clock.Advance(TimeSpan.FromMinutes(15));
        (await app.GetAsync($"/api/v1/carts/{fresh}")).StatusCode.Should().Be(HttpStatusCode.OK, "the fresh token runs 30 minutes from its answer");
        (await app.GetAsync($"/api/v1/carts/{first}")).StatusCode.Should().Be(HttpStatusCode.Gone);
    }

    [Fact]
    public async Task Setting_a_quantity_and_removing_a_line_move_the_reservation_with_it()
    {
        using var app = ApiClient.Anonymous(_shop);
        var token = await StartCartAsync(app);
        (await app.PostAsync($"/api/v1/carts/{token}/lines", new { product_id = ScarceProduct })).StatusCode.Should().Be(HttpStatusCode.Created);
        (await ReservedAsync()).Should().Be(1, "quantity defaults to 1");

        using var set = await app.PutAsync($"/api/v1/carts/{token}/lines/{ScarceProduct}", new { quantity = 3 });
        set.StatusCode.Should().Be(HttpStatusCode.OK);
        (await ApiClient.ReadJsonAsync(set)).GetProperty("item_count").GetInt32().Should().Be(3);
        (await ReservedAsync()).Should().Be(3);

        using var removed = await app.DeleteAsync($"/api/v1/carts/{token}/lines/{ScarceProduct}");
        removed.StatusCode.Should().Be(HttpStatusCode.OK);
        (await ApiClient.ReadJsonAsync(removed)).GetProperty("lines").GetArrayLength().Should().Be(0);
        (await ReservedAsync()).Should().Be(0);
    }

    [Fact]
    public async Task A_guest_cart_holding_two_of_three_leaves_one_for_other_carts_on_the_api_and_the_pages()
    {
        using var first = ApiClient.Anonymous(_shop);
        using var second = ApiClient.Anonymous(_shop);
        var holding = await StartCartAsync(first);
        (await first.PostAsync($"/api/v1/carts/{holding}/lines", new { product_id = ScarceProduct, quantity = 2 })).StatusCode
            .Should().Be(HttpStatusCode.Created);
        var other = await StartCartAsync(second);

        (await ApiClient.ReadJsonAsync(await second.GetAsync($"/api/v1/products/{ScarceProduct}"))).GetProperty("available").GetInt32().Should().Be(1);
        var before = await DatabaseSnapshot.ReadAsync(_shop);
        using var refused = await second.PostAsync($"/api/v1/carts/{other}/lines", new { product_id = ScarceProduct, quantity = 2 });
        refused.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await ApiClient.ProblemCodeAsync(refused)).Should().Be("out_of_stock");
        var problem = await ApiClient.ReadJsonAsync(refused);
        problem.GetProperty("detail").GetString().Should().Be("«Samsung Galaxy A56 5G» тауарынан қоймада 1 дана ғана қалды");
        problem.GetProperty("product_id").GetInt32().Should().Be(ScarceProduct);
        problem.GetProperty("available").GetInt32().Should().Be(1);
        (await DatabaseSnapshot.ReadAsync(_shop)).ChangesSince(before).Should().BeEmpty();

        using var visitor = _shop.CreateShopper();
        (await visitor.AddToCartAsync(ScarceProduct, 2)).StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await visitor.AddToCartAsync(ScarceProduct, 1)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        using var late = await second.PostAsync($"/api/v1/carts/{other}/lines", new { product_id = ScarceProduct, quantity = 1 });
        late.StatusCode.Should().Be(HttpStatusCode.Conflict, "the page visitor took the last one");
        (await ApiClient.ReadJsonAsync(late)).GetProperty("available").GetInt32().Should().Be(0);
        (await ReservedAsync()).Should().Be(3);
    }

    [Theory]
    [InlineData("ru", "Товара «Samsung Galaxy A56 5G» на складе осталось только 0 шт.")]
    [InlineData("en", "Only 0 left of «Samsung Galaxy A56 5G» in stock")]
    public async Task A_refusal_is_told_in_the_language_asked_for(string language, string detail)
    {
        using var app = ApiClient.Anonymous(_shop);
        var token = await StartCartAsync(app);
        (await app.PostAsync($"/api/v1/carts/{token}/lines", new { product_id = ScarceProduct, quantity = 3 })).StatusCode.Should().Be(HttpStatusCode.Created);
        using var other = ApiClient.Anonymous(_shop);
        other.Http.DefaultRequestHeaders.Add("Accept-Language", language);
        var otherToken = await StartCartAsync(other);

        using var refused = await other.PostAsync($"/api/v1/carts/{otherToken}/lines", new { product_id = ScarceProduct });

        (await ApiClient.ReadJsonAsync(refused)).GetProperty("detail").GetString().Should().Be(detail);
    }

    [Theory]
    [InlineData("POST", "lines", """{"product_id":999,"quantity":1}""", 404, "product_not_found")]
    [InlineData("POST", "lines", """{"product_id":1,"quantity":0}""", 400, "quantity_out_of_range")]
    [InlineData("POST", "lines", """{"product_id":1,"quantity":100}""", 400, "quantity_out_of_range")]
    [InlineData("POST", "lines", """{"product_id":1,"quantity":11}""", 400, "line_limit")]
    [InlineData("POST", "lines", """{"product_id":1,"quantity":6}""", 409, "guest_cart_limit")]
    [InlineData("POST", "lines", """{"quantity":1}""", 400, "validation_failed")]
    [InlineData("POST", "lines", """{"product_id":"one"}""", 400, "validation_failed")]
    [InlineData("PUT", "lines/5", """{"quantity":1}""", 404, "not_in_cart")]
    [InlineData("PUT", "lines/3", """{"quantity":4}""", 409, "out_of_stock")]
    [InlineData("PUT", "lines/3", """{}""", 400, "validation_failed")]
    [InlineData("DELETE", "lines/5", null, 404, "not_in_cart")]
    [InlineData("POST", "estimate", null, 200, null)]
    public async Task A_refused_change_says_why_with_the_cart_pages_status_and_changes_nothing(
        string method, string path, string? body, int status, string? code)
    {
        using var app = ApiClient.Anonymous(_shop);
        var token = await StartCartAsync(app);
        (await app.PostAsync($"/api/v1/carts/{token}/lines", new { product_id = ScarceProduct, quantity = 1 })).StatusCode.Should().Be(HttpStatusCode.Created);
        var before = await DatabaseSnapshot.ReadAsync(_shop);

        using var response = await app.SendAsync(new HttpMethod(method), $"/api/v1/carts/{token}/{path}", body is null ? null : Shopper.Json(body));

        ((int)response.StatusCode).Should().Be(status, await response.Content.ReadAsStringAsync());
        if (code is not null)
        {
            (await ApiClient.ProblemCodeAsync(response)).Should().Be(code);
        }

        (await DatabaseSnapshot.ReadAsync(_shop)).ChangesSince(before).Should().BeEmpty();
    }

    [Fact]
    public async Task The_estimate_of_an_empty_cart_is_cart_empty()
    {
        using var app = ApiClient.Anonymous(_shop);
        var token = await StartCartAsync(app);

        using var response = await app.PostAsync($"/api/v1/carts/{token}/estimate");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ApiClient.ProblemCodeAsync(response)).Should().Be("cart_empty");
    }

    [Fact]
    public async Task A_tampered_or_made_up_token_is_cart_not_found()
    {
        using var app = ApiClient.Anonymous(_shop);
        var token = await StartCartAsync(app);
        var tampered = token[..20] + (token[20] == 'A' ? 'B' : 'A') + token[21..];

        foreach (var bad in new[] { tampered, "not-a-token", new string('A', 600) })
        {
            using var read = await app.GetAsync($"/api/v1/carts/{bad}");
            read.StatusCode.Should().Be(HttpStatusCode.NotFound);
            (await ApiClient.ProblemCodeAsync(read)).Should().Be("cart_not_found");
            using var add = await app.PostAsync($"/api/v1/carts/{bad}/lines", new { product_id = Iphone });
            (await ApiClient.ProblemCodeAsync(add)).Should().Be("cart_not_found");
        }
    }

    [Fact]
    public async Task An_expired_token_is_cart_expired_and_changes_nothing()
    {
        using var app = ApiClient.Anonymous(_shop);
        var token = await StartCartAsync(app);
        (await app.PostAsync($"/api/v1/carts/{token}/lines", new { product_id = Iphone })).StatusCode.Should().Be(HttpStatusCode.Created);
        _clock.Advance(TimeSpan.FromMinutes(31));
        var before = await DatabaseSnapshot.ReadAsync(_shop);

        using var read = await app.GetAsync($"/api/v1/carts/{token}");
        using var add = await app.PostAsync($"/api/v1/carts/{token}/lines", new { product_id = Iphone });
        using var estimate = await app.PostAsync($"/api/v1/carts/{token}/estimate");

        read.StatusCode.Should().Be(HttpStatusCode.Gone);
        (await ApiClient.ProblemCodeAsync(read)).Should().Be("cart_expired");
        (await ApiClient.ProblemCodeAsync(add)).Should().Be("cart_expired");
        (await ApiClient.ProblemCodeAsync(estimate)).Should().Be("cart_expired");
        (await DatabaseSnapshot.ReadAsync(_shop)).ChangesSince(before).Should().BeEmpty();
    }

    [Fact]
    public async Task A_guest_token_used_with_a_bearer_merges_into_the_shoppers_cart_the_cart_page_shows()
    {
        using var guest = ApiClient.Anonymous(_shop);
        var guestToken = await StartCartAsync(guest);
        (await guest.PostAsync($"/api/v1/carts/{guestToken}/lines", new { product_id = Iphone, quantity = 2 })).StatusCode.Should().Be(HttpStatusCode.Created);
        using var demo = await ApiClient.ForShopperAsync(_shop);

        var cart = await ReadCartAsync(demo, guestToken);

        cart.GetProperty("lines").EnumerateArray().Should().ContainSingle(l => l.GetProperty("product_id").GetInt32() == Iphone
            && l.GetProperty("quantity").GetInt32() == 2);
        using var page = await _shop.SignedInAsync();
        (await page.GetPageAsync("/cart")).QuerySelector($"tr[data-product-id='{Iphone}'] input[name=quantity]")!
            .GetAttribute("value").Should().Be("2");
        await using var db = _shop.OpenDatabase();
        (await db.Carts.CountAsync(c => c.UserId == null)).Should().Be(0, "the guest cart is gone into the shopper's");
        (await db.StockReservations.Where(r => r.ProductId == Iphone).SumAsync(r => r.Quantity)).Should().Be(2);

        using var asGuestAgain = await guest.GetAsync($"/api/v1/carts/{cart.GetProperty("cart_token").GetString()}");
        asGuestAgain.StatusCode.Should().Be(HttpStatusCode.NotFound, "the fresh token names the shopper's cart now");
        (await ApiClient.ProblemCodeAsync(asGuestAgain)).Should().Be("cart_not_found");
    }

    [Fact]
    public async Task A_bearer_shopper_gets_a_token_for_their_own_cart()
    {
        using var demo = await ApiClient.ForShopperAsync(_shop);
        var token = await StartCartAsync(demo);

        (await demo.PostAsync($"/api/v1/carts/{token}/lines", new { product_id = Iphone })).StatusCode.Should().Be(HttpStatusCode.Created);

        using var page = await _shop.SignedInAsync();
        (await page.GetPageAsync("/cart")).QuerySelector($"tr[data-product-id='{Iphone}']").Should().NotBeNull();
        (await StartCartAsync(demo)).Should().NotBeNullOrEmpty();
        await using var db = _shop.OpenDatabase();
        (await db.Carts.CountAsync()).Should().Be(await db.Carts.Select(c => c.UserId).Distinct().CountAsync(),
            "a second POST gives a token for the same cart, not another one");
    }

    [Fact]
    public async Task Another_shoppers_cart_token_is_not_found_and_nothing_changes()
    {
        using var demo = await ApiClient.ForShopperAsync(_shop);
        var demoToken = await StartCartAsync(demo);
        (await demo.PostAsync($"/api/v1/carts/{demoToken}/lines", new { product_id = ScarceProduct })).StatusCode.Should().Be(HttpStatusCode.Created);
        using var aidos = await ApiClient.ForShopperAsync(_shop, Shopper.AidosEmail);
        var before = await DatabaseSnapshot.ReadAsync(_shop);

        using var read = await aidos.GetAsync($"/api/v1/carts/{demoToken}");
        using var add = await aidos.PostAsync($"/api/v1/carts/{demoToken}/lines", new { product_id = Iphone });
        using var set = await aidos.PutAsync($"/api/v1/carts/{demoToken}/lines/{ScarceProduct}", new { quantity = 2 });
        using var remove = await aidos.DeleteAsync($"/api/v1/carts/{demoToken}/lines/{ScarceProduct}");
        using var estimate = await aidos.PostAsync($"/api/v1/carts/{demoToken}/estimate");

        foreach (var response in new[] { read, add, set, remove, estimate })
        {
            response.StatusCode.Should().Be(HttpStatusCode.NotFound);
            (await ApiClient.ProblemCodeAsync(response)).Should().Be("cart_not_found");
        }

        (await DatabaseSnapshot.ReadAsync(_shop)).ChangesSince(before).Should().BeEmpty();
    }

    [Fact]
    public async Task A_shoppers_cart_token_without_a_bearer_is_not_found_and_nothing_changes()
    {
        using var demo = await ApiClient.ForShopperAsync(_shop);
        var demoToken = await StartCartAsync(demo);
        (await demo.PostAsync($"/api/v1/carts/{demoToken}/lines", new { product_id = ScarceProduct })).StatusCode.Should().Be(HttpStatusCode.Created);
        using var stranger = ApiClient.Anonymous(_shop);
        var before = await DatabaseSnapshot.ReadAsync(_shop);

        using var read = await stranger.GetAsync($"/api/v1/carts/{demoToken}");
        using var remove = await stranger.DeleteAsync($"/api/v1/carts/{demoToken}/lines/{ScarceProduct}");

        read.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await ApiClient.ProblemCodeAsync(read)).Should().Be("cart_not_found");
        remove.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await DatabaseSnapshot.ReadAsync(_shop)).ChangesSince(before).Should().BeEmpty();
    }

    private static async Task<string> StartCartAsync(ApiClient app)
    {
        using var response = await app.PostAsync("/api/v1/carts");
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await ApiClient.ReadJsonAsync(response)).GetProperty("cart_token").GetString()!;
    }

    private static async Task<JsonElement> ReadCartAsync(ApiClient app, string token)
    {
        using var response = await app.GetAsync($"/api/v1/carts/{token}");
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await ApiClient.ReadJsonAsync(response);
    }

    private async Task<int> ReservedAsync()
    {
        await using var db = _shop.OpenDatabase();
        return await db.StockReservations.Where(r => r.ProductId == ScarceProduct).SumAsync(r => r.Quantity);
    }
}
