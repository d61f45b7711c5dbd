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
        (await shopper.GetPageAsync("/main")).QuerySelector(".nav-user")!.TextContent.Should().Be("Айгерім Сейітқызы", "the header names the shopper");
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
    public async Task Five_failed_logins_from_one_client_refuse_even_the_right_password_from_it()
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
    public async Task A_visitor_registers_confirms_from_the_mail_fills_the_profile_and_logs_out()
    {
        using var visitor = _shop.CreateShopper();

        var registered = await visitor.RegisterAsync("Дана Серікова", "dana@example.kz", "Дана Шымкенттен 2026");
        registered.StatusCode.Should().Be(HttpStatusCode.OK);
        (await Shopper.ParseAsync(registered)).QuerySelector(".check-mail")!.TextContent.Should().Contain("dana@example.kz");
        (await visitor.TryLoginAsync("dana@example.kz", "Дана Шымкенттен 2026")).StatusCode.Should().Be(HttpStatusCode.BadRequest); // not confirmed yet

        var confirmed = await visitor.ConfirmAsync(_shop.AccountMailTo("dana@example.kz").Single());
        confirmed.StatusCode.Should().Be(HttpStatusCode.Redirect);
        confirmed.Headers.Location!.OriginalString.Should().Be("/account/profile");

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
        using var again = _shop.CreateShopper();
        (await again.TryLoginAsync("dana@example.kz", "Дана Шымкенттен 2026")).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task A_guest_cart_joins_the_account_when_the_registration_is_confirmed()
    {
        using var visitor = _shop.CreateShopper();
        (await visitor.AddToCartAsync(1, 2)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        await visitor.RegisterAsync("Дана", "dana@example.kz", "Дана Шымкенттен 2026");

        await visitor.ConfirmAsync(_shop.AccountMailTo("dana@example.kz").Single());

        await using var db = _shop.OpenDatabase();
        var userId = await db.Users.Where(u => u.Email == "dana@example.kz").Select(u => u.Id).SingleAsync();
        (await db.Carts.Where(c => c.UserId == userId).SelectMany(c => c.Lines).SumAsync(l => l.Quantity)).Should().Be(2);
    }

    [Fact]
    public async Task A_forged_confirmation_is_refused()
    {
        using var visitor = _shop.CreateShopper();
        await visitor.RegisterAsync("Дана", "dana@example.kz", "Дана Шымкенттен 2026");
        await using var db = _shop.OpenDatabase();
        var userId = await db.Users.Where(u => u.Email == "dana@example.kz").Select(u => u.Id).SingleAsync();

        var forged = await visitor.PostFormAsync("/account/confirm", new Dictionary<string, string> { ["User"] = userId, ["Token"] = "forged" });

        forged.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        await using var after = _shop.OpenDatabase();
        (await after.Users.Where(u => u.Id == userId).Select(u => u.EmailConfirmed).SingleAsync()).Should().BeFalse();
    }

    [Theory]
    [InlineData("new@example.kz", "short", "short", "10 таңба")]
    [InlineData("new@example.kz", "Valid-2026-kz", "Other-2026-kz", "сәйкес емес")]
    [InlineData("not-an-email", "Valid-2026-kz", "Valid-2026-kz", "дұрыс емес")]
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
    public async Task A_wrong_password_and_an_unknown_address_get_the_same_answer()
    {
        using var visitor = _shop.CreateShopper();

        var wrongPassword = await visitor.TryLoginAsync(Shopper.DemoEmail, "wrong-password");
        var unknown = await visitor.TryLoginAsync("nobody@checkout.local", "wrong-password");

        unknown.StatusCode.Should().Be(wrongPassword.StatusCode);
        (await ValidationTextAsync(unknown)).Should().Be(await ValidationTextAsync(wrongPassword));
    }

    [Fact]
    public async Task After_five_failures_a_known_and_an_unknown_address_say_the_same()
    {
        using var visitor = _shop.CreateShopper();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await visitor.TryLoginAsync(Shopper.AidosEmail, "wrong-password");
            await visitor.TryLoginAsync("nobody@checkout.local", "wrong-password");
        }

        var known = await visitor.TryLoginAsync(Shopper.AidosEmail, "wrong-password");
        var unknown = await visitor.TryLoginAsync("nobody@checkout.local", "wrong-password");

        unknown.StatusCode.Should().Be(known.StatusCode);
        (await ValidationTextAsync(unknown)).Should().Be(await ValidationTextAsync(known)).And.Contain("Тым көп сәтсіз әрекет");
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_address_verify_one_password_each()
    {
        var hasher = new CountingPasswordHasher();
        using var shop = new ShopFactory { TestServices = services => services.AddSingleton<IPasswordHasher<ShopUser>>(hasher) };
        using var visitor = shop.CreateShopper();
        await visitor.TryLoginAsync("warm-up@checkout.local", "wrong-password"); // the absent account's hash is made once, on first use

        hasher.Reset();
        await visitor.TryLoginAsync(Shopper.DemoEmail, "wrong-password");
        var known = (hasher.Verifications, hasher.Hashes);
        hasher.Reset();
        await visitor.TryLoginAsync("nobody@checkout.local", "wrong-password");
        var unknown = (hasher.Verifications, hasher.Hashes);

        known.Should().Be((1, 0));
        unknown.Should().Be(known);
    }

    [Fact]
    public async Task Registering_a_taken_address_answers_as_a_new_one_would_and_mails_its_owner()
    {
        var hasher = new CountingPasswordHasher();
        using var shop = new ShopFactory { TestServices = services => services.AddSingleton<IPasswordHasher<ShopUser>>(hasher) };
        using var visitor = shop.CreateShopper();
        await using var before = shop.OpenDatabase();
        var demo = await before.Users.AsNoTracking().SingleAsync(u => u.Email == Shopper.DemoEmail);

        hasher.Reset();
        var fresh = await visitor.RegisterAsync("Тест", "fresh@example.kz", "Valid-2026-kz");
        var freshHashes = hasher.Hashes;
        hasher.Reset();
        var taken = await visitor.RegisterAsync("Тест", Shopper.DemoEmail, "Valid-2026-kz");

        taken.StatusCode.Should().Be(fresh.StatusCode).And.Be(HttpStatusCode.OK);
        (await PageTextAsync(taken)).Replace(Shopper.DemoEmail, "…", StringComparison.Ordinal)
            .Should().Be((await PageTextAsync(fresh)).Replace("fresh@example.kz", "…", StringComparison.Ordinal));
        hasher.Hashes.Should().Be(freshHashes).And.Be(1);
        await using var after = shop.OpenDatabase();
        var demoAfter = await after.Users.AsNoTracking().SingleAsync(u => u.Email == Shopper.DemoEmail);
        demoAfter.PasswordHash.Should().Be(demo.PasswordHash);
        demoAfter.FullName.Should().Be(demo.FullName);
        var note = shop.AccountMailTo(Shopper.DemoEmail).Should().ContainSingle().Which;
        note.Body.Should().Contain("бұрыннан бар").And.Contain("/account/login");
        shop.AccountMailTo("fresh@example.kz").Should().ContainSingle().Which.Link!.AbsolutePath.Should().Be("/account/confirm");
    }

    private static async Task<string> ValidationTextAsync(HttpResponseMessage response) =>
        (await Shopper.ParseAsync(response)).QuerySelector(".validation")!.TextContent;

    private static async Task<string> PageTextAsync(HttpResponseMessage response) =>
        (await Shopper.ParseAsync(response)).QuerySelector("main")?.TextContent ?? "";

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
