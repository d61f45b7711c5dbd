using System.Net;
using Microsoft.AspNetCore.RateLimiting;
using Xunit.Abstractions;

namespace Checkout.IntegrationTests.RequestFuzz;

/// <summary>
/// The rate limits under a burst, on a shop of its own with them on (the other fuzz tests run with them off): every POST
/// route under a policy, found from the endpoints, gets well-formed requests past its limit. Each answer is a 2xx, a
/// redirect or a 4xx, never a 5xx; the limit bites on every such route; and each 429 carries Retry-After and a message
/// of the shop's, and changes not one row.
/// </summary>
[Collection(FuzzCollection.Name)]
public sealed class RateLimitFuzzTests(ITestOutputHelper output) : IDisposable
{
    private const int Permits = 3;
    private const int Burst = Permits + 3;

    private readonly ShopFactory _shop = LimitedShop();

    public void Dispose() => _shop.Dispose();

    [Fact]
    public async Task A_burst_past_every_limit_is_refused_with_429_and_the_refused_requests_change_nothing()
    {
        var limited = PostRoute.Of(_shop).Where(r => r.Endpoint.Metadata.GetMetadata<EnableRateLimitingAttribute>() is not null).ToList();
        limited.Select(r => r.Pattern).Should().Contain(
            ["/account/login", "/account/register", "/process_payment", "/cart/add", "/cart/update", "/cart/remove", "/orders/{number}/cancel", "/orders/{number}/return"]);
        using var demo = await _shop.SignedInAsync();
        var order = await OrderFlows.PlaceAsync(demo); // spends one cart and one payment permit; something to cancel and return
        var rule = new ShopAnswerRule(_shop);
        var failures = new List<string>();
        var cases = 0;

        foreach (var route in limited)
        {
            // Sign-in and registration as a stranger would try them; the rest as the shopper, on her own order.
            using var guest = _shop.CreateShopper();
            var visitor = route.Pattern.StartsWith("/account/", StringComparison.Ordinal) ? guest : demo;
            var path = route.Pattern.Contains('{', StringComparison.Ordinal) ? route.Fill(order) : route.Pattern;
            var refused = 0;
            for (var i = 0; i < Burst; i++)
            {
                cases++;
                var token = await visitor.TokenAsync();
                await _shop.WaitForOutboxAsync(); // what accepted requests set off is done before, not during, the next
                var before = await DatabaseSnapshot.ReadAsync(_shop);
                using var response = await visitor.Http.PostAsync(new Uri(path, UriKind.Relative), FuzzRun.Form(route.GoodValues(), token));
                var label = $"POST {path} #{i + 1}";
                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"{label}: answered {(int)response.StatusCode}");
                }

                if (response.StatusCode != HttpStatusCode.TooManyRequests)
                {
                    continue;
                }

                refused++;
                if (await rule.ProblemAsync(response, signedIn: visitor == demo, route.NeedsLogin) is { } problem)
                {
                    failures.Add($"{label}: {problem}");
                }

                var changes = (await DatabaseSnapshot.ReadAsync(_shop)).ChangesSince(before);
                if (changes.Count > 0)
                {
                    failures.Add($"{label}: refused with 429 but changed the database: {string.Join("; ", changes.Take(4))}");
                }
            }

            if (refused == 0)
            {
                failures.Add($"POST {route.Pattern}: {Burst} requests and none refused: the limit of {Permits} didn't bite");
            }
        }

        output.WriteLine($"{cases} requests over {limited.Count} rate-limited routes, {failures.Count} failed");
        failures.Should().BeEmpty($"every answer to a burst is a 2xx, redirect or 4xx, and a 429 changes nothing:\n{string.Join("\n", failures)}\n");
    }

    /// <summary>Every policy at <see cref="Permits"/> in a window the test doesn't outlast, on a real port (as the other fuzz tests).</summary>
    private static ShopFactory LimitedShop()
    {
        var shop = new ShopFactory { Settings = { ["RateLimits:Enabled"] = "true" } };
        foreach (var policy in new[] { "Login", "Register", "Payment", "Cart", "Orders" })
        {
            shop.Settings[$"RateLimits:{policy}:PermitLimit"] = $"{Permits}";
            shop.Settings[$"RateLimits:{policy}:Window"] = "00:10:00";
        }

        shop.UseKestrel(0);
        shop.StartServer();
        return shop;
    }
}
