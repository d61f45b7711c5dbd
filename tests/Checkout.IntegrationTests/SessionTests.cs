using System.Net;
using Microsoft.EntityFrameworkCore;

namespace Checkout.IntegrationTests;

/// <summary>
/// A sign-in ends when its owner ends it: after a logout or a password change a copy of the old <c>checkout_auth</c>
/// cookie opens nothing and pays nothing (the security stamp is checked on every request here,
/// <c>Accounts:SecurityStampInterval</c> = 0); «Мені есте сақта» decides between a browser-session and a persistent
/// cookie; an idle session expires.
/// </summary>
public sealed class SessionTests : IDisposable
{
    private const string NewPassword = "жаңа құпия сөз 2026";

    private readonly ShopFactory _shop = new() { Settings = { ["Accounts:SecurityStampInterval"] = "00:00:00" } };

    public void Dispose() => _shop.Dispose();

    [Fact]
    public async Task After_logout_a_copied_cookie_no_longer_opens_the_profile()
    {
        using var shopper = await _shop.SignedInAsync();
        using var thief = _shop.CreateShopper(shopper.CopyCookies());
        (await thief.Http.GetAsync(new Uri("/account/profile", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);

        (await shopper.PostFormAsync("/account/logout", new Dictionary<string, string>())).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var replay = await thief.Http.GetAsync(new Uri("/account/profile", UriKind.Relative));
        replay.StatusCode.Should().Be(HttpStatusCode.Redirect);
        replay.Headers.Location!.OriginalString.Should().Contain("/account/login");
    }

    [Fact]
    public async Task After_logout_a_copied_cookie_and_token_can_not_pay()
    {
        using var shopper = await _shop.SignedInAsync();
        (await shopper.AddToCartAsync(1, 1)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var token = await shopper.TokenAsync("/payment");
        using var thief = _shop.CreateShopper(shopper.CopyCookies());
        var before = await ShopState.ReadAsync(_shop);

        await shopper.PostFormAsync("/account/logout", new Dictionary<string, string>());
        var paid = await thief.PayAsync(new { card_id = SeededCards.DemoKaspiGold }, token);

        paid.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await ShopState.ReadAsync(_shop)).Should().BeEquivalentTo(before);
    }

    [Fact]
    public async Task A_password_change_ends_the_other_sessions_and_keeps_this_one()
    {
        using var shopper = await _shop.SignedInAsync(Shopper.AidosEmail, Shopper.AidosPassword);
        using var thief = _shop.CreateShopper(shopper.CopyCookies());

        var changed = await shopper.PostFormAsync("/account/password", new Dictionary<string, string>
        {
            ["CurrentPassword"] = Shopper.AidosPassword, ["NewPassword"] = NewPassword, ["ConfirmPassword"] = NewPassword,
        });

        changed.StatusCode.Should().Be(HttpStatusCode.Redirect);
        changed.Headers.Location!.OriginalString.Should().Be("/account/profile");
        (await shopper.Http.GetAsync(new Uri("/account/profile", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await thief.Http.GetAsync(new Uri("/account/profile", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.Redirect);
        using var again = _shop.CreateShopper();
        (await again.TryLoginAsync(Shopper.AidosEmail, Shopper.AidosPassword)).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await again.TryLoginAsync(Shopper.AidosEmail, NewPassword)).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task A_password_change_with_a_wrong_current_password_changes_nothing()
    {
        using var shopper = await _shop.SignedInAsync();
        await using var db = _shop.OpenDatabase();
        var hash = await db.Users.Where(u => u.Email == Shopper.DemoEmail).Select(u => u.PasswordHash).SingleAsync();

        var refused = await shopper.PostFormAsync("/account/password", new Dictionary<string, string>
        {
            ["CurrentPassword"] = "not the password", ["NewPassword"] = NewPassword, ["ConfirmPassword"] = NewPassword,
        });

        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Shopper.ParseAsync(refused)).QuerySelector(".validation")!.TextContent.Should().Contain("Қазіргі құпиясөз қате");
        await using var after = _shop.OpenDatabase();
        (await after.Users.Where(u => u.Email == Shopper.DemoEmail).Select(u => u.PasswordHash).SingleAsync()).Should().Be(hash);
    }

    [Fact]
    public async Task Without_remember_me_the_cookie_ends_with_the_browser()
    {
        using var shopper = _shop.CreateShopper();

        var response = await shopper.TryLoginAsync(Shopper.DemoEmail, Shopper.DemoPassword);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        AuthCookie(response).Should().NotContain("expires=");
    }

    [Fact]
    public async Task With_remember_me_the_cookie_lasts_fourteen_days()
    {
        using var shopper = _shop.CreateShopper();

        var response = await shopper.TryLoginAsync(Shopper.DemoEmail, Shopper.DemoPassword, rememberMe: true);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var expires = AuthCookie(response).Split(';').Select(p => p.Trim()).Single(p => p.StartsWith("expires=", StringComparison.Ordinal));
        DateTimeOffset.Parse(expires["expires=".Length..], System.Globalization.CultureInfo.InvariantCulture)
            .Should().BeCloseTo(DateTimeOffset.UtcNow.AddDays(14), TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task The_login_form_offers_remember_me()
    {
        using var visitor = _shop.CreateShopper();

        var page = await visitor.GetPageAsync("/account/login");

        var box = page.QuerySelector("input[type='checkbox'][name='RememberMe']");
        box.Should().NotBeNull();
        box!.ParentElement!.TextContent.Should().Contain("Мені есте сақта");
    }

    [Fact]
    public async Task With_the_default_interval_a_copied_cookie_is_refused_within_a_minute_of_the_logout()
    {
        var clock = new ShopClock();
        using var shop = new ShopFactory { Clock = clock }; // Accounts:SecurityStampInterval as shipped: 00:01:00
        using var shopper = await shop.SignedInAsync();
        using var thief = shop.CreateShopper(shopper.CopyCookies());
        await shopper.PostFormAsync("/account/logout", new Dictionary<string, string>());

        clock.Advance(TimeSpan.FromSeconds(61));

        (await thief.Http.GetAsync(new Uri("/account/profile", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task An_idle_session_expires()
    {
        var clock = new ShopClock();
        using var shop = new ShopFactory { Clock = clock, Settings = { ["Accounts:IdleTimeout"] = "00:30:00" } };
        using var shopper = await shop.SignedInAsync();
        clock.Advance(TimeSpan.FromMinutes(20));
        (await shopper.Http.GetAsync(new Uri("/account/profile", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);

        clock.Advance(TimeSpan.FromMinutes(31));

        (await shopper.Http.GetAsync(new Uri("/account/profile", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    private static string AuthCookie(HttpResponseMessage response) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("checkout_auth=", StringComparison.Ordinal));
}
