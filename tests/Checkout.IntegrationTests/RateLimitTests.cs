using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Checkout.IntegrationTests;

/// <summary>
/// Rate limits (<c>RateLimits:*</c>): past a policy's limit a visitor gets 429 with <c>Retry-After</c> and the shop's
/// message, and the refused request changes nothing; the count is per address for guests and sign-ins, per account for a
/// signed-in shopper, so someone else is still served. The shop runs on a real port, and each visitor's address is set
/// as the loopback proxy reports it (<c>X-Forwarded-For</c>).
/// </summary>
public sealed class RateLimitTests
{
    private const string Here = "198.51.100.7";
    private const string Elsewhere = "203.0.113.9";
    private const string NewPassword = "Kazakh-Steppe-2026!";
    private const int Limit = 2;

    [Fact]
    public async Task Sign_ins_past_the_limit_get_429_and_the_refused_one_counts_no_failure()
    {
        using var shop = Shop(("Login", Limit));
        using var visitor = shop.CreateShopperFrom(Here);

        await AllowedThenRefusedAsync(shop, Limit, () => visitor.TryLoginAsync(Shopper.DemoEmail, "wrong-password"));
    }

    [Fact]
    public async Task Registrations_past_the_limit_get_429_and_the_refused_one_creates_no_account()
    {
        using var shop = Shop(("Register", Limit));
        var attempt = 0;

        await AllowedThenRefusedAsync(shop, Limit, async () =>
        {
            using var visitor = shop.CreateShopperFrom(Here); // a fresh browser each time: signed out, as a script would be
            attempt++;
            return await RegisterAsync(visitor, $"new{attempt}@checkout.local");
        });

        await using var db = shop.OpenDatabase();
        (await db.Users.CountAsync(u => u.Email!.StartsWith("new"))).Should().Be(Limit);
    }

    [Fact]
    public async Task Payments_past_the_limit_get_429_json_and_the_refused_one_charges_nothing()
    {
        using var shop = Shop(("Payment", Limit));
        using var shopper = shop.CreateShopperFrom(Here);
        await shopper.LoginAsync();

        await AllowedThenRefusedAsync(shop, Limit, () => shopper.PayAsync(new { card_id = SeededCards.DemoKaspiGold }),
            before: async () => (await shopper.AddToCartAsync(OrderFlows.CheapProduct, 1)).StatusCode.Should().Be(HttpStatusCode.Redirect));

        await Ledger.AssertReplaysAsync(shop);
    }

    [Fact]
    public async Task Cart_changes_past_the_limit_get_429_and_the_refused_one_changes_no_cart()
    {
        using var shop = Shop(("Cart", Limit));
        using var shopper = shop.CreateShopperFrom(Here);
        await shopper.LoginAsync();

        await AllowedThenRefusedAsync(shop, Limit, () => shopper.AddToCartAsync(OrderFlows.CheapProduct, 1));

        (await shopper.UpdateCartAsync(OrderFlows.CheapProduct, 5)).StatusCode.Should().Be(HttpStatusCode.TooManyRequests, "every cart post shares the policy");
    }

    [Fact]
    public async Task Order_posts_past_the_limit_get_429_and_the_refused_cancel_cancels_nothing()
    {
        using var shop = Shop(("Orders", Limit));
        using var shopper = shop.CreateShopperFrom(Here);
        await shopper.LoginAsync();
        var orders = new Queue<string>();
        for (var i = 0; i < Limit + 2; i++)
        {
            orders.Enqueue(await OrderFlows.PlaceAsync(shopper));
        }

        await AllowedThenRefusedAsync(shop, Limit, () => OrderFlows.CancelAsync(shopper, orders.Dequeue()));

        (await OrderFlows.RequestReturnAsync(shopper, orders.Single())).StatusCode.Should().Be(HttpStatusCode.TooManyRequests, "returns share the policy");
        await Ledger.AssertReplaysAsync(shop);
    }

    [Fact]
    public async Task A_throttled_address_does_not_throttle_another()
    {
        using var shop = Shop(("Login", Limit));
        using var here = shop.CreateShopperFrom(Here);
        using var elsewhere = shop.CreateShopperFrom(Elsewhere);
        for (var i = 0; i < Limit; i++)
        {
            (await here.TryLoginAsync(Shopper.DemoEmail, "wrong-password")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        }

        (await here.TryLoginAsync(Shopper.DemoEmail, Shopper.DemoPassword)).StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        (await elsewhere.TryLoginAsync(Shopper.DemoEmail, Shopper.DemoPassword)).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task A_throttled_account_does_not_throttle_another_on_the_same_address()
    {
        using var shop = Shop(("Cart", Limit));
        using var demo = shop.CreateShopperFrom(Here);
        await demo.LoginAsync();
        using var aidos = shop.CreateShopperFrom(Here);
        await aidos.LoginAsync(Shopper.AidosEmail, Shopper.AidosPassword);
        for (var i = 0; i < Limit; i++)
        {
            (await demo.AddToCartAsync(OrderFlows.CheapProduct, 1)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        }

        (await demo.AddToCartAsync(OrderFlows.CheapProduct, 1)).StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        (await aidos.AddToCartAsync(OrderFlows.CheapProduct, 1)).StatusCode.Should().Be(HttpStatusCode.Redirect, "aidos shares demo's network, not his account");
    }

    [Fact]
    public async Task With_the_limits_off_nothing_is_limited()
    {
        using var shop = Shop(enabled: false, ("Login", 1), ("Cart", 1), ("Payment", 1));
        using var shopper = shop.CreateShopperFrom(Here);
        for (var i = 0; i < 3; i++)
        {
            (await shopper.TryLoginAsync(Shopper.DemoEmail, "wrong-password")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        }

        await shopper.LoginAsync();
        for (var i = 0; i < 3; i++)
        {
            await OrderFlows.PlaceAsync(shopper);
        }
    }

    [Fact]
    public async Task A_sign_in_spray_from_one_address_is_throttled_and_the_owner_still_signs_in_elsewhere()
    {
        using var shop = Shop(enabled: true); // the shipped limits
        using var attacker = shop.CreateShopperFrom(Here);
        var served = 0;
        while ((await attacker.TryLoginAsync(OrderFlows.AdminEmail, "guess-" + served)).StatusCode != HttpStatusCode.TooManyRequests)
        {
            served++;
            served.Should().BeLessThan(20, "a spray must be throttled");
        }

        using var owner = shop.CreateShopperFrom(Elsewhere);
        (await owner.TryLoginAsync(OrderFlows.AdminEmail, OrderFlows.AdminPassword)).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    /// <summary>
    /// The first <paramref name="limit"/> requests are served (whatever they answer), the next is refused with 429,
    /// <c>Retry-After</c> and the shop's message, and changes nothing. <paramref name="before"/> runs before each one
    /// (e.g. fills the cart a payment would empty).
    /// </summary>
    private static async Task AllowedThenRefusedAsync(ShopFactory shop, int limit, Func<Task<HttpResponseMessage>> send, Func<Task>? before = null)
    {
        for (var i = 0; i < limit; i++)
        {
            if (before is not null)
            {
                await before();
            }

            using var served = await send();
            served.StatusCode.Should().NotBe(HttpStatusCode.TooManyRequests, $"request {i + 1} of {limit} is within the limit");
            ((int)served.StatusCode).Should().BeLessThan(500);
        }

        if (before is not null)
        {
            await before();
        }

        await shop.WaitForOutboxAsync(); // the orders' e-mails and sales counts are written now, not during the refused request
        var unchanged = await DatabaseSnapshot.ReadAsync(shop);
        using var refused = await send();
        await AssertTooManyAsync(refused);
        (await DatabaseSnapshot.ReadAsync(shop)).ChangesSince(unchanged).Should().BeEmpty("a refused request does nothing");
    }

    private static async Task AssertTooManyAsync(HttpResponseMessage response)
    {
        response.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter.Should().NotBeNull("a refused client is told when to come back");
        response.Headers.RetryAfter!.Delta.Should().BeGreaterThan(TimeSpan.Zero).And.BeLessThanOrEqualTo(TimeSpan.FromMinutes(10));
        var body = await response.Content.ReadAsStringAsync();
        var message = response.Content.Headers.ContentType?.MediaType == "application/json"
            ? JsonDocument.Parse(body).RootElement.GetProperty("message").GetString()
            : (await Shopper.ParseAsync(response)).QuerySelector("section[data-status-code='429'] h1")?.TextContent;
        message.Should().Be("Сұраныстар тым жиі: біраз күтіп, қайта көріңіз");
    }

    private static Task<HttpResponseMessage> RegisterAsync(Shopper visitor, string email) =>
        visitor.PostFormAsync("/account/register", new Dictionary<string, string>
        {
            ["FullName"] = "Жаңа Сатып алушы",
            ["Email"] = email,
            ["Password"] = NewPassword,
            ["ConfirmPassword"] = NewPassword,
        });

    /// <summary>The shop with the limits on, <paramref name="limits"/> per policy in a window no test outlasts.</summary>
    private static ShopFactory Shop(params (string Policy, int Permits)[] limits) => Shop(enabled: true, limits);

    private static ShopFactory Shop(bool enabled, params (string Policy, int Permits)[] limits)
    {
        var shop = new ShopFactory { Settings = { ["RateLimits:Enabled"] = enabled ? "true" : "false" } };
        foreach (var (policy, permits) in limits)
        {
            shop.Settings[$"RateLimits:{policy}:PermitLimit"] = $"{permits}";
            shop.Settings[$"RateLimits:{policy}:Window"] = "00:10:00";
        }

        return shop;
    }
}
