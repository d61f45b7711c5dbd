using System.Net;
using Checkout.Web.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Checkout.IntegrationTests;

public sealed class AccountTests : IDisposable
{
    private readonly ShopFactory _shop = new();

    public void Dispose() => _shop.Dispose();

    [Fact]
    public async Task Demo_shopper_logs_in_and_lands_on_main()
    {
        using var shopper = _shop.CreateShopper();

        var response = await shopper.TryLoginAsync(Shopper.DemoEmail, Shopper.DemoPassword);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Be("/main");
        (await shopper.GetPageAsync("/main")).QuerySelector(".nav-user")!.TextContent.Should().Be(Shopper.DemoEmail);
    }

    [Fact]
    public async Task Wrong_password_is_refused_with_a_message()
    {
        using var shopper = _shop.CreateShopper();

        var response = await shopper.TryLoginAsync(Shopper.DemoEmail, "wrong-password");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Shopper.ParseAsync(response)).QuerySelector(".validation")!.TextContent.Should().Contain("құпиясөз қате");
    }

    [Fact]
    public async Task Five_failed_logins_lock_the_account_even_for_the_right_password()
    {
        using var shopper = _shop.CreateShopper();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await shopper.TryLoginAsync(Shopper.AidosEmail, "wrong-password");
        }

        var response = await shopper.TryLoginAsync(Shopper.AidosEmail, Shopper.AidosPassword);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Shopper.ParseAsync(response)).QuerySelector(".validation")!.TextContent.Should().Contain("бұғатталды");
    }

    [Fact]
    public async Task Login_returns_to_the_page_that_asked_for_it_but_never_off_site()
    {
        using var shopper = _shop.CreateShopper();
        var back = await shopper.TryLoginAsync(Shopper.DemoEmail, Shopper.DemoPassword, "/checkout");
        back.Headers.Location!.OriginalString.Should().Be("/checkout");

        using var other = _shop.CreateShopper();
        var offSite = await other.TryLoginAsync(Shopper.DemoEmail, Shopper.DemoPassword, "https://evil.example/");
        offSite.Headers.Location!.OriginalString.Should().Be("/main");
    }

    [Fact]
    public async Task A_visitor_registers_fills_the_profile_and_logs_out()
    {
        using var visitor = _shop.CreateShopper();

        var registered = await visitor.PostFormAsync("/account/register", new Dictionary<string, string>
        {
            ["FullName"] = "Дана Серікова",
            ["Email"] = "dana@example.kz",
            ["Password"] = "Dana2026!",
            ["ConfirmPassword"] = "Dana2026!",
        });
        registered.StatusCode.Should().Be(HttpStatusCode.Redirect);

        var saved = await visitor.PostFormAsync("/account/profile", new Dictionary<string, string>
        {
            ["FullName"] = "Дана Серікова",
            ["Phone"] = "+7 705 111 22 33",
            ["DeliveryAddress"] = "Шымкент қ., Тәуке хан даңғылы 5",
        });
        saved.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var profile = await visitor.GetPageAsync("/account/profile");
        profile.QuerySelector("textarea[name='DeliveryAddress']")!.TextContent.Should().Be("Шымкент қ., Тәуке хан даңғылы 5");

        (await visitor.PostFormAsync("/account/logout", new Dictionary<string, string>())).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await visitor.Http.GetAsync(new Uri("/account/profile", UriKind.Relative))).Headers.Location!.OriginalString
            .Should().StartWith("/account/login");
    }

    [Theory]
    [InlineData("demo@checkout.local", "Valid123!", "Valid123!", "тіркелген")]
    [InlineData("new@example.kz", "short", "short", "8 таңба")]
    [InlineData("new@example.kz", "Valid123!", "Other123!", "сәйкес емес")]
    [InlineData("not-an-email", "Valid123!", "Valid123!", "дұрыс емес")]
    public async Task Bad_registrations_are_refused_with_a_reason(string email, string password, string confirm, string reason)
    {
        using var visitor = _shop.CreateShopper();
        await using var before = _shop.OpenDatabase();
        var users = await before.Users.CountAsync();

        var response = await visitor.PostFormAsync("/account/register", new Dictionary<string, string>
        {
            ["FullName"] = "Тест",
            ["Email"] = email,
            ["Password"] = password,
            ["ConfirmPassword"] = confirm,
        });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Shopper.ParseAsync(response)).QuerySelector(".validation")!.TextContent.Should().Contain(reason);
        await using var after = _shop.OpenDatabase();
        (await after.Users.CountAsync()).Should().Be(users);
    }

    [Fact]
    public async Task Admin_has_the_admin_role()
    {
        await using var scope = _shop.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ShopUser>>();
        var admin = await users.FindByEmailAsync("admin@checkout.local");

        (await users.IsInRoleAsync(admin!, "admin")).Should().BeTrue();
        (await users.IsInRoleAsync((await users.FindByEmailAsync(Shopper.DemoEmail))!, "admin")).Should().BeFalse();
    }
}
