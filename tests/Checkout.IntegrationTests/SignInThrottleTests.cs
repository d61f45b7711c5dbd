using System.Net;
using Checkout.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Checkout.IntegrationTests;

/// <summary>
/// Failed sign-ins are counted per (e-mail, client address): after <c>Accounts:MaxFailedSignIns</c> (5) that pair is
/// refused for <c>Accounts:FailedSignInWindow</c>, but the account is never locked, so nobody can lock its owner out.
/// </summary>
public sealed class SignInThrottleTests : IDisposable
{
    private const string Attacker = "203.0.113.66";
    private const string Owner = "198.51.100.20";

    private readonly ShopClock _clock = new();
    private readonly ShopFactory _shop;

    public SignInThrottleTests() => _shop = new ShopFactory { Clock = _clock };

    public void Dispose() => _shop.Dispose();

    [Fact]
    public async Task Wrong_passwords_from_one_address_do_not_lock_the_admin_out_elsewhere()
    {
        using var attacker = _shop.CreateShopperFrom(Attacker);
        for (var attempt = 0; attempt < 8; attempt++)
        {
            (await attacker.TryLoginAsync(OrderFlows.AdminEmail, "wrong-password")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        }

        using var admin = _shop.CreateShopperFrom(Owner);
        var response = await admin.TryLoginAsync(OrderFlows.AdminEmail, OrderFlows.AdminPassword);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await admin.Http.GetAsync(new Uri("/admin", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
        await using var db = _shop.OpenDatabase();
        var account = await db.Users.SingleAsync(u => u.Email == OrderFlows.AdminEmail);
        account.LockoutEnd.Should().BeNull();
        account.AccessFailedCount.Should().Be(0);
    }

    [Fact]
    public async Task The_attacking_pair_is_refused_even_the_right_password_until_the_window_passes()
    {
        using var attacker = _shop.CreateShopperFrom(Attacker);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            await attacker.TryLoginAsync(Shopper.AidosEmail, "wrong-password");
        }

        var refused = await attacker.TryLoginAsync(Shopper.AidosEmail, Shopper.AidosPassword);
        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Shopper.ParseAsync(refused)).QuerySelector(".validation")!.TextContent.Should().Contain("Тым көп сәтсіз әрекет");

        _clock.Advance(TimeSpan.FromMinutes(16));

        (await attacker.TryLoginAsync(Shopper.AidosEmail, Shopper.AidosPassword)).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Failures_on_two_instances_of_the_shop_count_together()
    {
        using var second = _shop.SecondInstance();
        using var attackerHere = _shop.CreateShopperFrom(Attacker);
        using var attackerThere = second.CreateShopperFrom(Attacker);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            await attackerHere.TryLoginAsync(Shopper.AidosEmail, "wrong-password");
        }

        for (var attempt = 0; attempt < 2; attempt++)
        {
            await attackerThere.TryLoginAsync(Shopper.AidosEmail, "wrong-password");
        }

        (await Shopper.ParseAsync(await attackerHere.TryLoginAsync(Shopper.AidosEmail, Shopper.AidosPassword)))
            .QuerySelector(".validation")!.TextContent.Should().Contain("Тым көп сәтсіз әрекет");
    }

    [Fact]
    public async Task Four_failures_then_the_right_password_clears_the_count()
    {
        using var shopper = _shop.CreateShopperFrom(Owner);
        for (var attempt = 0; attempt < 4; attempt++)
        {
            await shopper.TryLoginAsync(Shopper.DemoEmail, "wrong-password");
        }

        (await shopper.TryLoginAsync(Shopper.DemoEmail, Shopper.DemoPassword)).StatusCode.Should().Be(HttpStatusCode.Redirect);

        await using var db = _shop.OpenDatabase();
        (await db.FailedSignIns.CountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task Failures_are_counted_per_pair_in_the_database()
    {
        using var attacker = _shop.CreateShopperFrom(Attacker);
        await attacker.TryLoginAsync(Shopper.DemoEmail, "wrong-password");
        await attacker.TryLoginAsync(" DEMO@checkout.local ", "wrong-password");
        await attacker.TryLoginAsync("nobody@checkout.local", "wrong-password");

        await using var db = _shop.OpenDatabase();
        var rows = await db.FailedSignIns.OrderBy(f => f.Email).Select(f => new { f.Email, f.ClientAddress, f.Failures }).ToListAsync();
        rows.Should().Equal(
            new { Email = "DEMO@CHECKOUT.LOCAL", ClientAddress = Attacker, Failures = 2 },
            new { Email = "NOBODY@CHECKOUT.LOCAL", ClientAddress = Attacker, Failures = 1 });
    }
}
