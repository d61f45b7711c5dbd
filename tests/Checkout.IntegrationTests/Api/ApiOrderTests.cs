using System.Net;
using System.Text.Json;
using Checkout.Web.Domain;
using Checkout.Web.Features.Api;
using Checkout.Web.Infrastructure.Idempotency;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Checkout.Testing.OrderFlows;

namespace Checkout.IntegrationTests.Api;

/// <summary>
/// <c>/api/v1/orders</c> over HTTP with bearer tokens: placing an order from a cart token with an <c>Idempotency-Key</c>
/// (the worked example, replays, every refusal of the checkout changing nothing), the list, an order's details, cancel
/// with its refund, the return request, and someone else's order answering as an unknown one. The cart is filled through
/// the pages (the cart endpoints are built elsewhere) and its token issued by the shop's own <see cref="CartTokens"/>.
/// </summary>
public sealed class ApiOrderTests : IDisposable
{
    /// <summary>2 × Apple iPhone 17 Pro Max at 925 990 ₸ and 1 500 ₸ delivery, in tiyn.</summary>
    private const long WorkedTotal = 185_348_000;

    private const long KaspiGoldOpening = 430_000_000;

    private readonly ShopFactory _shop = new();

    public void Dispose() => _shop.Dispose();

    [Fact]
    public async Task The_worked_example_pays_by_card_and_answers_201_with_the_order_and_the_new_balance_in_tiyn()
    {
        using var shopper = await ShopperWithCartAsync(_shop);
        using var app = await ApiClient.ForShopperAsync(_shop);

        using var response = await app.PostAsync("/api/v1/orders", await ByCardAsync(), "order-1");

        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var order = await ApiClient.ReadJsonAsync(response);
        var number = order.GetProperty("number").GetString()!;
        number.Should().MatchRegex("^ORD-[0-9]{8}-[0-9A-Z]{6}$");
        response.Headers.Location!.OriginalString.Should().Be($"/api/v1/orders/{number}");
        response.Headers.Contains(IdempotencyKey.ReplayedHeader).Should().BeFalse();
        order.GetProperty("status").GetString().Should().Be("pending");
        order.GetProperty("currency").GetString().Should().Be("KZT");
        order.GetProperty("total").GetInt64().Should().Be(WorkedTotal);
        order.GetProperty("payment_method").GetString().Should().Be("card");
        order.GetProperty("card_id").GetInt32().Should().Be(SeededCards.DemoKaspiGold);
        order.GetProperty("balance").GetInt64().Should().Be(244_652_000);
        (await ShopState.BalanceAsync(_shop, SeededCards.DemoKaspiGold)).Should().Be(244_652_000);
        (await LedgerAsync(number)).Should().Equal($"charge {WorkedTotal} card=1");
        await using var db = _shop.OpenDatabase();
        (await db.CartLines.CountAsync()).Should().Be(0, "the cart was ordered");
        await Ledger.AssertReplaysAsync(_shop);
    }

    [Fact]
    public async Task The_same_key_again_replays_the_first_answer_and_charges_once()
    {
        using var shopper = await ShopperWithCartAsync(_shop);
        using var app = await ApiClient.ForShopperAsync(_shop);
        var body = await ByCardAsync();

        using var first = await app.PostAsync("/api/v1/orders", body, "order-1");
        await _shop.WaitForOutboxAsync();
        var afterFirst = await DatabaseSnapshot.ReadAsync(_shop);
        using var second = await app.PostAsync("/api/v1/orders", body, "order-1");

        second.StatusCode.Should().Be(HttpStatusCode.Created);
        second.Headers.GetValues(IdempotencyKey.ReplayedHeader).Should().Equal("true");
        second.Headers.Location.Should().Be(first.Headers.Location);
        second.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        (await second.Content.ReadAsStringAsync()).Should().Be(await first.Content.ReadAsStringAsync());
        (await DatabaseSnapshot.ReadAsync(_shop)).ChangesSince(afterFirst).Should().BeEmpty("the replay changes nothing");
        await using var db = _shop.OpenDatabase();
        (await db.LedgerEntries.CountAsync()).Should().Be(1, "one charge");
        (await ShopState.BalanceAsync(_shop, SeededCards.DemoKaspiGold)).Should().Be(244_652_000);
    }

    [Fact]
    public async Task The_same_key_with_another_body_gets_422_and_changes_nothing()
    {
        using var shopper = await ShopperWithCartAsync(_shop);
        using var app = await ApiClient.ForShopperAsync(_shop);
        var token = await CartTokenAsync();
        (await app.PostAsync("/api/v1/orders", Order(token, SeededCards.DemoBcc), "order-1")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var before = await DatabaseSnapshot.ReadAsync(_shop);

        using var response = await app.PostAsync("/api/v1/orders", Order(token, SeededCards.DemoKaspiGold), "order-1");

        response.StatusCode.Should().Be((HttpStatusCode)422);
        (await ApiClient.ProblemCodeAsync(response)).Should().Be(ApiCodes.IdempotencyKeyReused);
        (await DatabaseSnapshot.ReadAsync(_shop)).ChangesSince(before).Should().BeEmpty();
    }

    [Fact]
    public async Task An_order_without_a_key_gets_400_and_changes_nothing()
    {
        using var shopper = await ShopperWithCartAsync(_shop);
        using var app = await ApiClient.ForShopperAsync(_shop);
        var body = await ByCardAsync();
        var before = await DatabaseSnapshot.ReadAsync(_shop);

        using var response = await app.PostAsync("/api/v1/orders", body);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ApiClient.ProblemCodeAsync(response)).Should().Be(ApiCodes.IdempotencyKeyRequired);
        (await DatabaseSnapshot.ReadAsync(_shop)).ChangesSince(before).Should().BeEmpty();
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("k123456789k123456789k123456789k123456789k123456789k123456789k123456789k123456789k123456789k1234567890")]
    public async Task A_malformed_key_gets_400_and_changes_nothing(string key)
    {
        using var shopper = await ShopperWithCartAsync(_shop);
        using var app = await ApiClient.ForShopperAsync(_shop);
        var body = await ByCardAsync();
        var before = await DatabaseSnapshot.ReadAsync(_shop);

        using var response = await app.PostAsync("/api/v1/orders", body, key);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ApiClient.ProblemCodeAsync(response)).Should().Be(ApiCodes.IdempotencyKeyInvalid);
        (await DatabaseSnapshot.ReadAsync(_shop)).ChangesSince(before).Should().BeEmpty();
    }

    [Fact]
    public async Task Without_a_bearer_token_an_order_is_401_and_changes_nothing()
    {
        using var shopper = await ShopperWithCartAsync(_shop);
        using var app = ApiClient.Anonymous(_shop);
        var body = await ByCardAsync();
        var before = await DatabaseSnapshot.ReadAsync(_shop);

        using var response = await app.PostAsync("/api/v1/orders", body, "order-1");

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await ApiClient.ProblemCodeAsync(response)).Should().Be(ApiCodes.Unauthorized);
        (await DatabaseSnapshot.ReadAsync(_shop)).ChangesSince(before).Should().BeEmpty();
    }

    [Theory]
    [InlineData("cart_empty", 400)]
    [InlineData("card_required", 400)]
    [InlineData("card_not_found", 404)]
    [InlineData("someone_elses_card", 404)]
    [InlineData("cart_changed", 409)]
    [InlineData("insufficient_funds", 400)]
    [InlineData("address_required", 400)]
    [InlineData("out_of_stock", 409)]
    [InlineData("cash_on_delivery_limit", 409)]
    [InlineData("payment_method_unknown", 400)]
    [InlineData("no_payment_method", 400)]
    [InlineData("negative_expected_total", 400)]
    [InlineData("fractional_expected_total", 400)]
    [InlineData("expected_total_as_text", 400)]
    [InlineData("no_cart_token", 400)]
    [InlineData("made_up_cart_token", 404)]
    [InlineData("expired_cart_token", 410)]
    public async Task Every_refused_order_answers_its_code_and_changes_nothing(string refusal, int status)
    {
        using var shopper = await ShopperWithCartAsync(_shop);
        using var app = await ApiClient.ForShopperAsync(_shop);
        var token = await CartTokenAsync();
        object body = Order(token, SeededCards.DemoKaspiGold);
        var code = refusal;
        switch (refusal)
        {
            case "cart_empty":
                (await shopper.RemoveFromCartAsync(1)).StatusCode.Should().Be(HttpStatusCode.Redirect);
                break;
            case "card_required":
                body = new { cart_token = token, payment = new { method = "card" } };
                break;
            case "card_not_found":
                body = Order(token, 4242);
                break;
            case "someone_elses_card":
                body = Order(token, SeededCards.AidosKaspiGold);
                code = ApiCodes.CardNotFound;
                break;
            case "cart_changed":
                body = new { cart_token = token, payment = new { method = "card", card_id = 1 }, expected_total = WorkedTotal / 2 };
                break;
            case "insufficient_funds":
                body = Order(token, SeededCards.DemoBcc);
                break;
            case "address_required":
                (await shopper.PostFormAsync("/account/profile", new Dictionary<string, string> { ["FullName"] = "Айгерім", ["DeliveryAddress"] = "" }))
                    .StatusCode.Should().Be(HttpStatusCode.Redirect);
                break;
            case "out_of_stock":
                await using (var db = _shop.OpenDatabase())
                {
                    await db.Products.Where(p => p.Id == 1).ExecuteUpdateAsync(s => s.SetProperty(p => p.Stock, 1));
                }

                break;
            case "cash_on_delivery_limit":
                body = new { cart_token = token, payment = new { method = "cash_on_delivery" } };
                break;
            case "payment_method_unknown":
                body = new { cart_token = token, payment = new { method = "bitcoin" } };
                break;
            case "no_payment_method":
                body = new { cart_token = token, payment = new { card_id = 1 } };
                code = ApiCodes.PaymentMethodUnknown;
                break;
            case "negative_expected_total":
                body = new { cart_token = token, payment = new { method = "card", card_id = 1 }, expected_total = -1 };
                code = ApiCodes.ValidationFailed;
                break;
            case "fractional_expected_total":
                body = Shopper.Json($$"""{"cart_token":"{{token}}","payment":{"method":"card","card_id":1},"expected_total":185348000.5}""");
                code = ApiCodes.ValidationFailed;
                break;
            case "expected_total_as_text":
                body = Shopper.Json($$"""{"cart_token":"{{token}}","payment":{"method":"card","card_id":1},"expected_total":"185348000"}""");
                code = ApiCodes.ValidationFailed;
                break;
            case "no_cart_token":
                body = new { payment = new { method = "card", card_id = 1 } };
                code = ApiCodes.ValidationFailed;
                break;
            case "made_up_cart_token":
                body = Order("not-a-token", SeededCards.DemoKaspiGold);
                code = ApiCodes.CartNotFound;
                break;
            case "expired_cart_token":
                body = Order(await CartTokenAsync(expires: DateTimeOffset.UtcNow.AddMinutes(-1)), SeededCards.DemoKaspiGold);
                code = ApiCodes.CartExpired;
                break;
        }

        var before = await DatabaseSnapshot.ReadAsync(_shop);

        using var response = await app.PostAsync("/api/v1/orders", body, $"key-{refusal}");

        ((int)response.StatusCode).Should().Be(status, await response.Content.ReadAsStringAsync());
        (await ApiClient.ProblemCodeAsync(response)).Should().Be(code);
        (await DatabaseSnapshot.ReadAsync(_shop)).ChangesSince(before)
            .Where(change => !change.StartsWith("IdempotentRequests ", StringComparison.Ordinal))
            .Should().BeEmpty("a refusal changes nothing but the key's stored answer");
        var problem = await ApiClient.ReadJsonAsync(response);
        switch (refusal)
        {
            case "cart_changed":
                problem.GetProperty("subtotal").GetInt64().Should().Be(185_198_000);
                problem.GetProperty("delivery").GetInt64().Should().Be(150_000);
                problem.GetProperty("total").GetInt64().Should().Be(WorkedTotal);
                problem.GetProperty("currency").GetString().Should().Be("KZT");
                break;
            case "out_of_stock":
                problem.GetProperty("product_name").GetString().Should().Be("Apple iPhone 17 Pro Max");
                problem.GetProperty("available").GetInt32().Should().Be(1);
                problem.GetProperty("detail").GetString().Should().Be("«Apple iPhone 17 Pro Max» тауарынан қоймада 1 дана ғана қалды");
                break;
            case "cash_on_delivery_limit":
                problem.GetProperty("limit").GetInt64().Should().Be(100_000_000);
                break;
            case "insufficient_funds":
                problem.GetProperty("detail").GetString().Should().Be("Қаражатыңыз жеткіліксіз");
                break;
            case "negative_expected_total" or "fractional_expected_total" or "expected_total_as_text":
                problem.GetProperty("errors").TryGetProperty("expected_total", out _).Should().BeTrue(problem.ToString());
                break;
        }
    }

    [Theory]
    [InlineData("en", "Insufficient funds")]
    [InlineData("ru", "Недостаточно средств")]
    public async Task A_refusal_is_told_in_the_language_the_app_asks_for(string language, string detail)
    {
        using var shopper = await ShopperWithCartAsync(_shop);
        using var app = await ApiClient.ForShopperAsync(_shop);
        app.Http.DefaultRequestHeaders.Add("Accept-Language", language);

        using var response = await app.PostAsync("/api/v1/orders", Order(await CartTokenAsync(), SeededCards.DemoBcc), "order-1");

        (await ApiClient.ProblemCodeAsync(response)).Should().Be(ApiCodes.InsufficientFunds);
        (await ApiClient.ReadJsonAsync(response)).GetProperty("detail").GetString().Should().Be(detail);
    }

    [Fact]
    public async Task A_whole_expected_total_in_tiyn_pays()
    {
        using var shopper = await ShopperWithCartAsync(_shop);
        using var app = await ApiClient.ForShopperAsync(_shop);
        var body = new { cart_token = await CartTokenAsync(), payment = new { method = "card", card_id = 1 }, expected_total = WorkedTotal };

        using var response = await app.PostAsync("/api/v1/orders", body, "order-1");

        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Cash_on_delivery_places_the_order_without_a_debit()
    {
        using var shopper = await ShopperWithCartAsync(_shop, CheapProduct, 1);
        using var app = await ApiClient.ForShopperAsync(_shop);
        var before = await ShopState.ReadAsync(_shop);

        using var response = await app.PostAsync("/api/v1/orders",
            new { cart_token = await CartTokenAsync(), payment = new { method = "cash_on_delivery" } }, "cash-1");

        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var order = await ApiClient.ReadJsonAsync(response);
        order.GetProperty("payment_method").GetString().Should().Be("cash_on_delivery");
        order.GetProperty("total").GetInt64().Should().Be(CheapTotal.Tiyn);
        order.GetProperty("card_id").ValueKind.Should().Be(JsonValueKind.Null);
        order.GetProperty("balance").ValueKind.Should().Be(JsonValueKind.Null);
        (await ShopState.ReadAsync(_shop)).CardBalances.Should().BeEquivalentTo(before.CardBalances);
        (await LedgerAsync(order.GetProperty("number").GetString()!)).Should().BeEmpty("cash is recorded when it is handed over");
    }

    [Fact]
    public async Task The_list_holds_the_shoppers_own_orders_newest_first_a_page_at_a_time()
    {
        using var shopper = await _shop.SignedInAsync();
        using var app = await ApiClient.ForShopperAsync(_shop);
        var first = await PlaceAsync(shopper, app, CheapProduct, 1);
        var second = await PlaceAsync(shopper, app, 1, 2);
        using var aidos = await _shop.SignedInAsync(Shopper.AidosEmail, Shopper.AidosPassword);
        await OrderFlows.PlaceAsync(aidos, SeededCards.AidosKaspiGold);

        var all = await ApiClient.ReadJsonAsync(await app.GetAsync("/api/v1/orders"));
        var page2 = await ApiClient.ReadJsonAsync(await app.GetAsync("/api/v1/orders?page=2&page_size=1"));

        all.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("number").GetString()).Should().Equal(second, first);
        all.GetProperty("total_items").GetInt32().Should().Be(2);
        all.GetProperty("total_pages").GetInt32().Should().Be(1);
        var newest = all.GetProperty("items")[0];
        newest.GetProperty("status").GetString().Should().Be("pending");
        newest.GetProperty("currency").GetString().Should().Be("KZT");
        newest.GetProperty("total").GetInt64().Should().Be(WorkedTotal);
        newest.GetProperty("item_count").GetInt32().Should().Be(2);
        newest.GetProperty("created_at").GetString().Should().EndWith("Z");
        page2.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("number").GetString()).Should().Equal(first);
        page2.GetProperty("page").GetInt32().Should().Be(2);
        page2.GetProperty("page_size").GetInt32().Should().Be(1);
        page2.GetProperty("total_pages").GetInt32().Should().Be(2);
    }

    [Theory]
    [InlineData("page=0")]
    [InlineData("page_size=0")]
    [InlineData("page_size=101")]
    [InlineData("page=abc")]
    public async Task A_page_out_of_range_is_validation_failed(string query)
    {
        using var app = await ApiClient.ForShopperAsync(_shop);

        using var response = await app.GetAsync($"/api/v1/orders?{query}");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ApiClient.ProblemCodeAsync(response)).Should().Be(ApiCodes.ValidationFailed);
    }

    [Fact]
    public async Task An_order_shows_its_lines_recipient_timeline_ledger_and_what_the_shopper_may_do()
    {
        using var shopper = await _shop.SignedInAsync();
        using var app = await ApiClient.ForShopperAsync(_shop);
        var number = await PlaceAsync(shopper, app, 1, 2);

        using var response = await app.GetAsync($"/api/v1/orders/{number}");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var order = await ApiClient.ReadJsonAsync(response);
        order.GetProperty("number").GetString().Should().Be(number);
        order.GetProperty("status").GetString().Should().Be("pending");
        order.GetProperty("payment_method").GetString().Should().Be("card");
        order.GetProperty("card").GetProperty("id").GetInt32().Should().Be(SeededCards.DemoKaspiGold);
        order.GetProperty("card").GetProperty("name").GetString().Should().Be("Kaspi Gold");
        order.GetProperty("recipient").GetProperty("address").GetString().Should().Contain("Алматы");
        order.GetProperty("recipient").GetProperty("name").GetString().Should().NotBeEmpty();
        var line = order.GetProperty("lines").EnumerateArray().Should().ContainSingle().Subject;
        line.GetProperty("product_id").GetInt32().Should().Be(1);
        line.GetProperty("name").GetString().Should().Be("Apple iPhone 17 Pro Max");
        line.GetProperty("store").GetString().Should().Be("Kaspi.kz");
        line.GetProperty("unit_price").GetInt64().Should().Be(92_599_000);
        line.GetProperty("quantity").GetInt32().Should().Be(2);
        line.GetProperty("line_total").GetInt64().Should().Be(185_198_000);
        line.GetProperty("currency").GetString().Should().Be("KZT");
        order.GetProperty("subtotal").GetInt64().Should().Be(185_198_000);
        order.GetProperty("delivery").GetInt64().Should().Be(150_000);
        order.GetProperty("total").GetInt64().Should().Be(WorkedTotal);
        order.GetProperty("currency").GetString().Should().Be("KZT");
        var placed = order.GetProperty("timeline").EnumerateArray().Should().ContainSingle().Subject;
        placed.GetProperty("from").ValueKind.Should().Be(JsonValueKind.Null);
        placed.GetProperty("to").GetString().Should().Be("pending");
        placed.GetProperty("actor").GetString().Should().Be("shopper");
        placed.GetProperty("at").GetString().Should().EndWith("Z");
        var charge = order.GetProperty("ledger").EnumerateArray().Should().ContainSingle().Subject;
        charge.GetProperty("kind").GetString().Should().Be("charge");
        charge.GetProperty("amount").GetInt64().Should().Be(WorkedTotal);
        charge.GetProperty("card_id").GetInt32().Should().Be(SeededCards.DemoKaspiGold);
        order.GetProperty("return").ValueKind.Should().Be(JsonValueKind.Null);
        order.GetProperty("can_cancel").GetBoolean().Should().BeTrue();
        order.GetProperty("can_request_return").GetBoolean().Should().BeFalse();
    }

    [Fact]
    public async Task Cancelling_refunds_the_card_and_shows_the_refund_in_the_orders_ledger()
    {
        using var shopper = await _shop.SignedInAsync();
        using var app = await ApiClient.ForShopperAsync(_shop);
        var number = await PlaceAsync(shopper, app, 1, 2);

        using var response = await app.PostAsync($"/api/v1/orders/{number}/cancel");

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var order = await ApiClient.ReadJsonAsync(response);
        order.GetProperty("status").GetString().Should().Be("cancelled");
        order.GetProperty("can_cancel").GetBoolean().Should().BeFalse();
        order.GetProperty("ledger").EnumerateArray().Select(e => (e.GetProperty("kind").GetString(), e.GetProperty("amount").GetInt64(), e.GetProperty("card_id").GetInt32()))
            .Should().Equal(("charge", WorkedTotal, 1), ("refund", -WorkedTotal, 1));
        order.GetProperty("timeline").EnumerateArray().Select(e => (e.GetProperty("from").GetString(), e.GetProperty("to").GetString(), e.GetProperty("actor").GetString()))
            .Should().Equal((null, "pending", "shopper"), ("pending", "cancelled", "shopper"));
        (await ShopState.BalanceAsync(_shop, SeededCards.DemoKaspiGold)).Should().Be(KaspiGoldOpening);
        await Ledger.AssertReplaysAsync(_shop);

        await _shop.WaitForOutboxAsync();
        var before = await DatabaseSnapshot.ReadAsync(_shop);
        using var again = await app.PostAsync($"/api/v1/orders/{number}/cancel");
        again.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await ApiClient.ProblemCodeAsync(again)).Should().Be(ApiCodes.TransitionRefused);
        (await DatabaseSnapshot.ReadAsync(_shop)).ChangesSince(before).Should().BeEmpty();
    }

    [Fact]
    public async Task A_repeated_cancel_with_its_key_replays_the_first_answer()
    {
        using var shopper = await _shop.SignedInAsync();
        using var app = await ApiClient.ForShopperAsync(_shop);
        var number = await PlaceAsync(shopper, app, CheapProduct, 1);

        using var first = await app.PostAsync($"/api/v1/orders/{number}/cancel", idempotencyKey: "cancel-1");
        using var second = await app.PostAsync($"/api/v1/orders/{number}/cancel", idempotencyKey: "cancel-1");

        first.StatusCode.Should().Be(HttpStatusCode.OK);
        second.StatusCode.Should().Be(HttpStatusCode.OK);
        second.Headers.GetValues(IdempotencyKey.ReplayedHeader).Should().Equal("true");
        (await second.Content.ReadAsStringAsync()).Should().Be(await first.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_delivered_order_may_be_asked_back_once_with_a_reason()
    {
        using var shopper = await _shop.SignedInAsync();
        using var admin = await AdminAsync(_shop);
        using var app = await ApiClient.ForShopperAsync(_shop);
        var number = await PlaceAsync(shopper, app, CheapProduct, 1);

        using var tooEarly = await app.PostAsync($"/api/v1/orders/{number}/return", new { reason = "Сынық" });
        tooEarly.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await ApiClient.ProblemCodeAsync(tooEarly)).Should().Be(ApiCodes.TransitionRefused);

        await DriveToAsync(shopper, admin, number, OrderStatus.Delivered);
        var delivered = await ApiClient.ReadJsonAsync(await app.GetAsync($"/api/v1/orders/{number}"));
        delivered.GetProperty("can_request_return").GetBoolean().Should().BeTrue();
        delivered.GetProperty("can_cancel").GetBoolean().Should().BeFalse();
        await _shop.WaitForOutboxAsync();
        var before = await DatabaseSnapshot.ReadAsync(_shop);

        using var noReason = await app.PostAsync($"/api/v1/orders/{number}/return", new { reason = " " });
        using var noBody = await app.PostAsync($"/api/v1/orders/{number}/return");
        noReason.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ApiClient.ProblemCodeAsync(noReason)).Should().Be(ApiCodes.ReturnReasonRequired);
        noBody.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ApiClient.ProblemCodeAsync(noBody)).Should().Be(ApiCodes.ReturnReasonRequired);
        (await DatabaseSnapshot.ReadAsync(_shop)).ChangesSince(before).Should().BeEmpty();

        using var asked = await app.PostAsync($"/api/v1/orders/{number}/return", new { reason = "Құлаққап дұрыс жұмыс істемейді" });
        asked.StatusCode.Should().Be(HttpStatusCode.OK, await asked.Content.ReadAsStringAsync());
        var order = await ApiClient.ReadJsonAsync(asked);
        order.GetProperty("status").GetString().Should().Be("return_requested");
        order.GetProperty("return").GetProperty("reason").GetString().Should().Be("Құлаққап дұрыс жұмыс істемейді");
        order.GetProperty("return").GetProperty("status").GetString().Should().Be("requested");
        order.GetProperty("return").GetProperty("decided_at").ValueKind.Should().Be(JsonValueKind.Null);
        order.GetProperty("can_request_return").GetBoolean().Should().BeFalse();

        using var twice = await app.PostAsync($"/api/v1/orders/{number}/return", new { reason = "Тағы да" });
        twice.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await ApiClient.ProblemCodeAsync(twice)).Should().Be(ApiCodes.ReturnAlreadyRequested);
    }

    [Fact]
    public async Task Someone_elses_order_is_404_exactly_like_a_number_that_names_none()
    {
        using var shopper = await _shop.SignedInAsync();
        using var demo = await ApiClient.ForShopperAsync(_shop);
        var number = await PlaceAsync(shopper, demo, CheapProduct, 1);
        using var aidos = await ApiClient.ForShopperAsync(_shop, Shopper.AidosEmail);
        await _shop.WaitForOutboxAsync(); // the day's sales are counted after the order, on the worker's timer
        var before = await DatabaseSnapshot.ReadAsync(_shop);

        foreach (var (method, suffix, body) in new (HttpMethod, string, object?)[]
        {
            (HttpMethod.Get, "", null), (HttpMethod.Post, "/cancel", null), (HttpMethod.Post, "/return", new { reason = "Сынық" }),
        })
        {
            using var theirs = await aidos.SendAsync(method, $"/api/v1/orders/{number}{suffix}", body);
            using var none = await aidos.SendAsync(method, $"/api/v1/orders/ORD-20260101-NOSUCH{suffix}", body);

            theirs.StatusCode.Should().Be(HttpStatusCode.NotFound, $"{method} {suffix}");
            none.StatusCode.Should().Be(HttpStatusCode.NotFound);
            (await ApiClient.ProblemCodeAsync(theirs)).Should().Be(ApiCodes.OrderNotFound);
            Comparable(await ApiClient.ReadJsonAsync(theirs)).Should().Be(Comparable(await ApiClient.ReadJsonAsync(none)));
        }

        (await ApiClient.ReadJsonAsync(await aidos.GetAsync("/api/v1/orders"))).GetProperty("total_items").GetInt32().Should().Be(0);
        (await DatabaseSnapshot.ReadAsync(_shop)).ChangesSince(before).Should().BeEmpty();
        (await StatusAsync(_shop, number)).Should().Be(OrderStatus.Pending);
    }

    /// <summary>The demo shopper's cart (filled through the pages) as a token an app would hold.</summary>
    private async Task<string> CartTokenAsync(string email = Shopper.DemoEmail, DateTimeOffset? expires = null)
    {
        Guid cartId;
        await using (var db = _shop.OpenDatabase())
        {
            var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
            cartId = await db.Carts.Where(c => c.UserId == userId).Select(c => c.Id).SingleAsync();
        }

        var tokens = _shop.Services.GetRequiredService<CartTokens>();
        return expires is { } at ? tokens.Issue(cartId, at) : tokens.Issue(cartId);
    }

    private async Task<object> ByCardAsync() => Order(await CartTokenAsync(), SeededCards.DemoKaspiGold);

    private static object Order(string cartToken, int cardId) => new { cart_token = cartToken, payment = new { method = "card", card_id = cardId } };

    /// <summary>Fills the cart through the pages and orders it over the API by Kaspi Gold; returns the order number.</summary>
    private async Task<string> PlaceAsync(Shopper shopper, ApiClient app, int productId, int quantity)
    {
        (await shopper.AddToCartAsync(productId, quantity)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        using var response = await app.PostAsync("/api/v1/orders", await ByCardAsync(), Guid.NewGuid().ToString("N"));
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await ApiClient.ReadJsonAsync(response)).GetProperty("number").GetString()!;
    }

    /// <summary>A problem without what differs per request (its trace id and path).</summary>
    private static string Comparable(JsonElement problem) =>
        string.Join(",", problem.EnumerateObject().Where(p => p.Name is not ("trace_id" or "instance")).Select(p => $"{p.Name}={p.Value}"));

    private async Task<List<string>> LedgerAsync(string number)
    {
        await using var db = _shop.OpenDatabase();
        return await db.LedgerEntries.Where(p => db.Orders.Any(o => o.Id == p.OrderId && o.Number == number)).OrderBy(p => p.Id)
            .Select(p => p.Kind + " " + p.AmountTiyn + " card=" + (p.CardId == null ? "" : p.CardId.ToString())).ToListAsync();
    }
}

