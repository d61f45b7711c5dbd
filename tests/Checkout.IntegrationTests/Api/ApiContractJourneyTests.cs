using System.Net;
using Xunit.Abstractions;

namespace Checkout.IntegrationTests.Api;

/// <summary>
/// Every operation of the real document, exercised on the real shop: each success and each refusal an app meets on the
/// way (bad input, someone else's things, a cart that changed, no money) must have its status documented for that
/// operation, and its body must validate against the documented schema. The test fails if an operation is left out.
/// </summary>
public sealed class ApiContractJourneyTests(ITestOutputHelper output) : IDisposable
{
    private readonly ShopFactory _shop = new();

    [Fact]
    public async Task Every_real_operation_answers_its_successes_and_refusals_as_documented()
    {
        var contract = await ApiContract.LoadAsync(_shop);
        using var guest = ApiClient.Anonymous(_shop);
        using var aidos = await ApiClient.ForShopperAsync(_shop, Shopper.AidosEmail);
        async Task<HttpResponseMessage> Check(Task<HttpResponseMessage> exchange)
        {
            var response = await exchange;
            await contract.CheckAsync(response);
            return response;
        }

        // Sign-in, refresh, logout.
        using var app = ApiClient.Anonymous(_shop);
        var signedIn = await Check(app.PostAsync("/api/v1/auth/token", new { email = Shopper.DemoEmail, password = Shopper.DemoPassword }));
        var tokens = await ApiClient.ReadJsonAsync(signedIn);
        await Check(app.PostAsync("/api/v1/auth/token", new { email = Shopper.DemoEmail, password = "wrong-password" }));
        await Check(app.PostAsync("/api/v1/auth/token", new { email = "" }));
        var refreshed = await ApiClient.ReadJsonAsync(await Check(app.PostAsync("/api/v1/auth/refresh", new { refresh_token = tokens.GetProperty("refresh_token").GetString() })));
        await Check(app.PostAsync("/api/v1/auth/refresh", new { refresh_token = "made-up" }));
        await Check(app.PostAsync("/api/v1/auth/logout", new { refresh_token = "made-up" }));
        app.UseToken(refreshed.GetProperty("access_token").GetString());

        // The profile.
        await Check(app.GetAsync("/api/v1/me"));
        await Check(guest.GetAsync("/api/v1/me"));
        await Check(app.PutAsync("/api/v1/me", new { full_name = "Айгерім", phone = "+7 701 555 66 77", delivery_address = "Алматы қ., Абай даңғылы 10" }));
        await Check(app.PutAsync("/api/v1/me", new { full_name = "", phone = "no" }));

        // The catalogue.
        await Check(guest.GetAsync("/api/v1/products?q=iphone&sort=price_asc&page=1&page_size=5"));
        await Check(guest.GetAsync("/api/v1/products?page_size=1000"));
        await Check(guest.GetAsync("/api/v1/products/1"));
        await Check(guest.GetAsync("/api/v1/products/99999"));

        // Carts: a guest's, then the demo shopper's.
        var guestCart = (await ApiClient.ReadJsonAsync(await Check(guest.PostAsync("/api/v1/carts")))).GetProperty("cart_token").GetString();
        await Check(guest.PostAsync($"/api/v1/carts/{guestCart}/lines", new { product_id = 3, quantity = 2 }));
        await Check(guest.PostAsync($"/api/v1/carts/{guestCart}/lines", new { product_id = 3, quantity = 5 }));
        await Check(guest.PostAsync($"/api/v1/carts/{guestCart}/lines", new { product_id = 99999, quantity = 1 }));
        await Check(guest.PostAsync($"/api/v1/carts/{guestCart}/lines", new { product_id = 1, quantity = 0 }));
        await Check(guest.PutAsync($"/api/v1/carts/{guestCart}/lines/3", new { quantity = 1 }));
        await Check(guest.PutAsync($"/api/v1/carts/{guestCart}/lines/1", new { quantity = 1 }));
        await Check(guest.DeleteAsync($"/api/v1/carts/{guestCart}/lines/3"));
        await Check(guest.DeleteAsync($"/api/v1/carts/{guestCart}/lines/3"));
        await Check(guest.PostAsync($"/api/v1/carts/{guestCart}/estimate"));
        await Check(guest.PostAsync($"/api/v1/carts/{guestCart}/coupon", new { code = "WELCOME10" }));
        await Check(guest.PostAsync($"/api/v1/carts/{guestCart}/lines", new { product_id = 18, quantity = 1 }));
        await Check(guest.PostAsync($"/api/v1/carts/{guestCart}/coupon", new { code = "MINUS5000" }));
        await Check(guest.PostAsync($"/api/v1/carts/{guestCart}/coupon", new { code = "NOSUCH" }));
        await Check(guest.PostAsync($"/api/v1/carts/{guestCart}/coupon", new { code = "" }));
        await Check(guest.DeleteAsync($"/api/v1/carts/{guestCart}/coupon"));
        await Check(guest.PostAsync($"/api/v1/carts/{guestCart}/coupon", new { code = "welcome10" }));
        await Check(guest.PostAsync($"/api/v1/carts/{guestCart}/estimate", new { points = 10 }));
        await Check(guest.PostAsync($"/api/v1/carts/{guestCart}/estimate", new { points = 1_000_000 }));
        await Check(guest.PostAsync($"/api/v1/carts/{guestCart}/estimate", new { points = -1 }));
        await Check(guest.DeleteAsync($"/api/v1/carts/{guestCart}/coupon"));
        await Check(guest.DeleteAsync($"/api/v1/carts/not-a-token/coupon"));
        await Check(guest.GetAsync("/api/v1/carts/not-a-token"));
        var cart = (await ApiClient.ReadJsonAsync(await Check(app.PostAsync("/api/v1/carts")))).GetProperty("cart_token").GetString();
        await Check(aidos.GetAsync($"/api/v1/carts/{cart}"));
        await Check(app.PostAsync($"/api/v1/carts/{cart}/lines", new { product_id = 1, quantity = 2 }));
        await Check(app.GetAsync($"/api/v1/carts/{cart}"));
        await Check(app.PostAsync($"/api/v1/carts/{cart}/estimate"));

        // Orders: each refusal on the way, then the worked example, its replay and its life.
        var card = new { method = "card", card_id = 1 };
        await Check(app.PostAsync("/api/v1/orders", new { cart_token = cart, payment = card }));
        await Check(app.PostAsync("/api/v1/orders", new { cart_token = cart, payment = new { method = "card", card_id = 4 } }, Key()));
        await Check(app.PostAsync("/api/v1/orders", new { cart_token = cart, payment = new { method = "card", card_id = 3 } }, Key()));
        await Check(app.PostAsync("/api/v1/orders", new { cart_token = cart, payment = card, expected_total = 1 }, Key()));
        await Check(app.PostAsync("/api/v1/orders", new { cart_token = "not-a-token", payment = card }, Key()));
        await Check(app.PostAsync("/api/v1/orders", new { cart_token = cart, payment = new { method = "barter" } }, Key()));
        await Check(guest.PostAsync("/api/v1/orders", new { cart_token = cart, payment = card }, Key()));
        var key = Key();
        var placed = await ApiClient.ReadJsonAsync(await Check(app.PostAsync("/api/v1/orders", new { cart_token = cart, payment = card, expected_total = 185_348_000 }, key)));
        await Check(app.PostAsync("/api/v1/orders", new { cart_token = cart, payment = card, expected_total = 185_348_000 }, key));
        await Check(app.PostAsync("/api/v1/orders", new { cart_token = cart, payment = card }, key));
        await Check(app.PostAsync("/api/v1/orders", new { cart_token = cart, payment = card }, Key()));
        var number = placed.GetProperty("number").GetString();
        await Check(app.GetAsync("/api/v1/orders?page=1&page_size=10"));
        await Check(app.GetAsync("/api/v1/orders?page=0"));
        await Check(app.GetAsync($"/api/v1/orders/{number}"));
        await Check(aidos.GetAsync($"/api/v1/orders/{number}"));
        await Check(app.PostAsync($"/api/v1/orders/{number}/return", new { reason = "Экраны сызылған" }, Key()));
        await Check(app.PostAsync($"/api/v1/orders/{number}/cancel", null, Key()));
        await Check(app.PostAsync($"/api/v1/orders/{number}/cancel", null, Key()));
        await Check(aidos.PostAsync($"/api/v1/orders/{number}/cancel", null, Key()));

        // The points the order earned and the cancel took back.
        await Check(app.GetAsync("/api/v1/me/points"));
        await Check(guest.GetAsync("/api/v1/me/points"));
        await Check(app.PostAsync("/api/v1/auth/logout", new { refresh_token = refreshed.GetProperty("refresh_token").GetString() }));

        output.WriteLine($"{contract.Checks} contract checks over {contract.Covered.Count} of {contract.Operations.Count} operations");
        contract.Operations.Except(contract.Covered).Should().BeEmpty("every documented operation is exercised");
    }

    private static string Key() => Guid.NewGuid().ToString();

    public void Dispose() => _shop.Dispose();
}
