using System.Net;
using System.Text.Json;

namespace Checkout.IntegrationTests.Api;

/// <summary>
/// The mobile app's whole trip, as README shows it with curl: sign in for a token, start a cart, add two of product 1,
/// estimate, order with an Idempotency-Key (the worked example: 1 853 480 ₸ paid, 2 446 520 ₸ left, in tiyn), replay the
/// order, find it in the list, cancel it and see the refund. Runs on whichever provider the suite runs on.
/// </summary>
public sealed class ApiJourneyTests : IDisposable
{
    private readonly ShopFactory _shop = new();

    [Fact]
    public async Task An_app_signs_in_fills_a_cart_pays_the_worked_example_replays_lists_and_cancels_for_a_refund()
    {
        using var app = ApiClient.Anonymous(_shop);
        using var signIn = await app.PostAsync("/api/v1/auth/token", new { email = Shopper.DemoEmail, password = Shopper.DemoPassword });
        signIn.StatusCode.Should().Be(HttpStatusCode.OK, await signIn.Content.ReadAsStringAsync());
        var tokens = await ApiClient.ReadJsonAsync(signIn);
        tokens.GetProperty("token_type").GetString().Should().Be("Bearer");
        app.UseToken(tokens.GetProperty("access_token").GetString());

        using var started = await app.PostAsync("/api/v1/carts");
        started.StatusCode.Should().Be(HttpStatusCode.Created);
        var cartToken = (await ApiClient.ReadJsonAsync(started)).GetProperty("cart_token").GetString()!;

        using var added = await app.PostAsync($"/api/v1/carts/{cartToken}/lines", new { product_id = 1, quantity = 2 });
        added.StatusCode.Should().Be(HttpStatusCode.Created, await added.Content.ReadAsStringAsync());

        using var estimated = await app.PostAsync($"/api/v1/carts/{cartToken}/estimate");
        var estimate = await ApiClient.ReadJsonAsync(estimated);
        estimate.GetProperty("currency").GetString().Should().Be("KZT");
        estimate.GetProperty("subtotal").GetInt64().Should().Be(185_198_000);
        estimate.GetProperty("delivery").GetInt64().Should().Be(150_000);
        estimate.GetProperty("total").GetInt64().Should().Be(185_348_000);

        var order = new { cart_token = cartToken, payment = new { method = "card", card_id = SeededCards.DemoKaspiGold }, expected_total = 185_348_000 };
        var key = Guid.NewGuid().ToString();
        using var placed = await app.PostAsync("/api/v1/orders", order, key);
        var placedBody = await placed.Content.ReadAsStringAsync();
        placed.StatusCode.Should().Be(HttpStatusCode.Created, placedBody);
        var paid = JsonDocument.Parse(placedBody).RootElement;
        paid.GetProperty("total").GetInt64().Should().Be(185_348_000);
        paid.GetProperty("balance").GetInt64().Should().Be(244_652_000);
        paid.GetProperty("currency").GetString().Should().Be("KZT");
        var number = paid.GetProperty("number").GetString()!;
        placed.Headers.Location!.OriginalString.Should().Be($"/api/v1/orders/{number}");

        using var replayed = await app.PostAsync("/api/v1/orders", order, key);
        replayed.StatusCode.Should().Be(HttpStatusCode.Created);
        replayed.Headers.GetValues("Idempotent-Replayed").Should().Equal("true");
        (await replayed.Content.ReadAsStringAsync()).Should().Be(placedBody);
        (await ShopState.BalanceAsync(_shop, SeededCards.DemoKaspiGold)).Should().Be(244_652_000, "the replay charged nothing");

        using var listed = await app.GetAsync("/api/v1/orders");
        var list = await ApiClient.ReadJsonAsync(listed);
        list.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("number").GetString()).Should().Equal(number);

        using var cancelled = await app.PostAsync($"/api/v1/orders/{number}/cancel", idempotencyKey: Guid.NewGuid().ToString());
        cancelled.StatusCode.Should().Be(HttpStatusCode.OK, await cancelled.Content.ReadAsStringAsync());

        using var shown = await app.GetAsync($"/api/v1/orders/{number}");
        var details = await ApiClient.ReadJsonAsync(shown);
        details.GetProperty("status").GetString().Should().Be("cancelled");
        details.GetProperty("ledger").EnumerateArray()
            .Select(e => (e.GetProperty("kind").GetString(), e.GetProperty("amount").GetInt64()))
            .Should().Equal(("charge", 185_348_000L), ("refund", -185_348_000L));

        using var me = await app.GetAsync("/api/v1/me");
        var kaspi = (await ApiClient.ReadJsonAsync(me)).GetProperty("cards").EnumerateArray()
            .Single(c => c.GetProperty("id").GetInt32() == SeededCards.DemoKaspiGold);
        kaspi.GetProperty("balance").GetInt64().Should().Be(430_000_000, "the refund put the card back where it started");
    }

    public void Dispose() => _shop.Dispose();
}
