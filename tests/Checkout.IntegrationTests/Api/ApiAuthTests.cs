using System.Net;
using System.Text.Json;
using Checkout.Web.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Checkout.IntegrationTests.Api;

/// <summary>Sign-in for apps: tokens with the login page's rules, refresh once per token, logout, and the profile over the API.</summary>
public sealed class ApiAuthTests : IDisposable
{
    private readonly ShopClock _clock = new();
    private readonly ShopFactory _shop;

    public ApiAuthTests() => _shop = new ShopFactory { Clock = _clock };

    private async Task<(HttpResponseMessage Response, JsonElement Body)> SignInAsync(ApiClient app, string email, string password)
    {
        var response = await app.PostAsync("/api/v1/auth/token", new { email, password });
        return (response, await ApiClient.ReadJsonAsync(response));
    }

    [Fact]
    public async Task The_demo_shopper_gets_tokens_and_sees_their_cards_in_tiyn()
    {
        using var app = ApiClient.Anonymous(_shop);
        var (response, tokens) = await SignInAsync(app, Shopper.DemoEmail, Shopper.DemoPassword);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.CacheControl!.NoStore.Should().BeTrue("tokens must not be kept by a cache on the way");
        tokens.GetProperty("token_type").GetString().Should().Be("Bearer");
        tokens.GetProperty("expires_in").GetInt64().Should().Be(15 * 60);
        tokens.GetProperty("refresh_token").GetString().Should().NotBeNullOrEmpty();
        app.UseToken(tokens.GetProperty("access_token").GetString());
        using var me = await app.GetAsync("/api/v1/me");
        me.StatusCode.Should().Be(HttpStatusCode.OK);
        var profile = await ApiClient.ReadJsonAsync(me);
        profile.GetProperty("email").GetString().Should().Be(Shopper.DemoEmail);
        profile.GetProperty("currency").GetString().Should().Be("KZT");
        profile.GetProperty("cards").EnumerateArray().Select(c => (c.GetProperty("name").GetString(), c.GetProperty("balance").GetInt64()))
            .Should().Equal(("Kaspi Gold", 430_000_000L), ("Halyk Bank", 210_000_000L), ("BCC", 65_000_000L));
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_address_get_the_same_answer()
    {
        using var app = ApiClient.Anonymous(_shop);
        var (wrong, wrongBody) = await SignInAsync(app, Shopper.DemoEmail, "not-the-password");
        var (unknown, unknownBody) = await SignInAsync(app, "nobody@checkout.local", "not-the-password");

        wrong.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        unknown.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        Without(wrongBody, "trace_id").Should().Be(Without(unknownBody, "trace_id"));
        wrongBody.GetProperty("code").GetString().Should().Be("invalid_credentials");
    }

    [Fact]
    public async Task After_too_many_failures_the_pair_is_throttled_even_with_the_right_password_known_or_not()
    {
        using var app = ApiClient.Anonymous(_shop);
        foreach (var email in new[] { Shopper.AidosEmail, "nobody@checkout.local" })
        {
            for (var i = 0; i < 5; i++)
            {
                (await SignInAsync(app, email, "wrong-password")).Response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
            }
        }

        var (known, knownBody) = await SignInAsync(app, Shopper.AidosEmail, Shopper.AidosPassword);
        var (unknown, unknownBody) = await SignInAsync(app, "nobody@checkout.local", "wrong-password");
        known.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        known.Headers.RetryAfter.Should().NotBeNull();
        knownBody.GetProperty("code").GetString().Should().Be("sign_in_throttled");
        Without(knownBody, "trace_id").Should().Be(Without(unknownBody, "trace_id"));
        (await SignInAsync(app, Shopper.DemoEmail, Shopper.DemoPassword)).Response.StatusCode.Should().Be(HttpStatusCode.OK, "another address is not throttled");
    }

    [Fact]
    public async Task The_browsers_sign_in_cookie_does_not_authenticate_the_API()
    {
        var browser = await _shop.SignedInAsync(Shopper.DemoEmail, Shopper.DemoPassword);

        using var me = await browser.Http.GetAsync("/api/v1/me");

        me.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await ApiClient.ProblemCodeAsync(me)).Should().Be("unauthorized");
    }

    [Fact]
    public async Task A_refresh_token_works_once_and_a_replayed_one_ends_the_accounts_others()
    {
        using var app = ApiClient.Anonymous(_shop);
        var first = (await SignInAsync(app, Shopper.DemoEmail, Shopper.DemoPassword)).Body.GetProperty("refresh_token").GetString();

        using var refreshed = await app.PostAsync("/api/v1/auth/refresh", new { refresh_token = first });
        refreshed.StatusCode.Should().Be(HttpStatusCode.OK);
        var next = await ApiClient.ReadJsonAsync(refreshed);
        app.UseToken(next.GetProperty("access_token").GetString());
        (await app.GetAsync("/api/v1/me")).StatusCode.Should().Be(HttpStatusCode.OK);

        using var replayed = await app.PostAsync("/api/v1/auth/refresh", new { refresh_token = first });
        replayed.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await ApiClient.ProblemCodeAsync(replayed)).Should().Be("refresh_token_invalid");
        using var afterReplay = await app.PostAsync("/api/v1/auth/refresh", new { refresh_token = next.GetProperty("refresh_token").GetString() });
        afterReplay.StatusCode.Should().Be(HttpStatusCode.Unauthorized, "a replayed copy ends the account's every refresh token");
    }

    [Fact]
    public async Task Logout_revokes_the_refresh_token_and_a_made_up_one_changes_nothing()
    {
        using var app = ApiClient.Anonymous(_shop);
        var refresh = (await SignInAsync(app, Shopper.DemoEmail, Shopper.DemoPassword)).Body.GetProperty("refresh_token").GetString();

        (await app.PostAsync("/api/v1/auth/logout", new { refresh_token = refresh })).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await app.PostAsync("/api/v1/auth/logout", new { refresh_token = "made-up" })).StatusCode.Should().Be(HttpStatusCode.NoContent);

        (await app.PostAsync("/api/v1/auth/refresh", new { refresh_token = refresh })).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_password_change_ends_the_apps_refresh_tokens()
    {
        using var app = ApiClient.Anonymous(_shop);
        var refresh = (await SignInAsync(app, Shopper.AidosEmail, Shopper.AidosPassword)).Body.GetProperty("refresh_token").GetString();
        await using (var scope = _shop.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ShopUser>>();
            var aidos = await users.FindByEmailAsync(Shopper.AidosEmail);
            (await users.ChangePasswordAsync(aidos!, Shopper.AidosPassword, "A-new-password-2026")).Succeeded.Should().BeTrue();
        }

        using var refused = await app.PostAsync("/api/v1/auth/refresh", new { refresh_token = refresh });

        refused.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_access_token_past_its_lifetime_is_refused()
    {
        using var app = ApiClient.Anonymous(_shop);
        app.UseToken((await SignInAsync(app, Shopper.DemoEmail, Shopper.DemoPassword)).Body.GetProperty("access_token").GetString());
        (await app.GetAsync("/api/v1/me")).StatusCode.Should().Be(HttpStatusCode.OK);

        _clock.Advance(TimeSpan.FromMinutes(16));

        (await app.GetAsync("/api/v1/me")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_profile_changes_over_the_API_and_a_bad_one_changes_nothing()
    {
        using var app = await ApiClient.ForShopperAsync(_shop, Shopper.AidosEmail);
        using var saved = await app.PutAsync("/api/v1/me", new { full_name = "Айдос Серікұлы", phone = "+7 701 222 33 44", delivery_address = "Астана қ., Мәңгілік Ел 8" });
        saved.StatusCode.Should().Be(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        (await ApiClient.ReadJsonAsync(saved)).GetProperty("delivery_address").GetString().Should().Be("Астана қ., Мәңгілік Ел 8");
        var before = await DatabaseSnapshot.ReadAsync(_shop);

        using var refused = await app.PutAsync("/api/v1/me", new { full_name = "", phone = "call me", delivery_address = "x" });

        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await ApiClient.ProblemCodeAsync(refused)).Should().Be("validation_failed");
        var fields = (await ApiClient.ReadJsonAsync(refused)).GetProperty("errors").EnumerateObject().Select(f => f.Name);
        fields.Should().BeEquivalentTo("full_name", "phone");
        (await DatabaseSnapshot.ReadAsync(_shop)).ChangesSince(before).Should().BeEmpty();
        using var me = await app.GetAsync("/api/v1/me");
        (await ApiClient.ReadJsonAsync(me)).GetProperty("full_name").GetString().Should().Be("Айдос Серікұлы");
    }

    private static string Without(JsonElement body, string property) =>
        JsonSerializer.Serialize(body.EnumerateObject().Where(p => p.Name != property).ToDictionary(p => p.Name, p => p.Value));

    public void Dispose() => _shop.Dispose();
}
