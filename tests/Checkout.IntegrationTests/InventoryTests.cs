using System.Net;
using Checkout.Web.Domain;
using Checkout.Web.Features.Inventory;
using Checkout.Web.Workers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Checkout.IntegrationTests;

/// <summary>
/// Stock reservations (seed 002): a cart holds its units for <c>Inventory:ReservationTtl</c>; others may take
/// stock − live reservations; expired ones stop counting at once; paying turns the hold into a sale.
/// Product 3 (Samsung Galaxy A56 5G, 179 990 ₸) is seeded with 3 units.
/// </summary>
public sealed class InventoryTests : IDisposable
{
    private const int ScarceProduct = 3;
    private const long ScarceTotalTiyn = (179_990 + 1_500) * 100L;

    private readonly ShopClock _clock = new();
    private readonly ShopFactory _shop;

    // The clean-up runs only when a test runs it: its timer would otherwise fire as the clock passes expiry.
    public InventoryTests() => _shop = new ShopFactory { Clock = _clock, Settings = { ["Inventory:CleanupInterval"] = "1.00:00:00" } };

    public void Dispose() => _shop.Dispose();

    [Fact]
    public async Task Adding_reserves_units_so_another_shopper_is_told_in_kazakh_how_many_are_left()
    {
        using var demo = _shop.CreateShopper();
        using var aidos = _shop.CreateShopper();
        await demo.LoginAsync();
        await aidos.LoginAsync(Shopper.AidosEmail, Shopper.AidosPassword);

        (await demo.AddToCartAsync(ScarceProduct, 2)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var refused = await aidos.AddToCartAsync(ScarceProduct, 2);

        refused.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await Shopper.ParseAsync(refused)).QuerySelector(".alert-error")!.TextContent
            .Should().Be("«Samsung Galaxy A56 5G» тауарынан қоймада 1 дана ғана қалды");
        (await aidos.AddToCartAsync(ScarceProduct, 1)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await ReservedAsync()).Should().Be(3);
        (await StockAsync()).Should().Be(3, "a reservation holds units back; only paying takes them out of stock");
        using var guest = _shop.CreateShopper();
        (await guest.GetPageAsync($"/products/{ScarceProduct}")).QuerySelector("button[type=submit]")!.HasAttribute("disabled").Should().BeTrue();
    }

    [Fact]
    public async Task Changing_a_quantity_adjusts_the_reservation_and_removing_releases_it()
    {
        using var demo = _shop.CreateShopper();
        using var aidos = _shop.CreateShopper();
        await demo.LoginAsync();
        await aidos.LoginAsync(Shopper.AidosEmail, Shopper.AidosPassword);
        await demo.AddToCartAsync(ScarceProduct, 1);

        (await demo.UpdateCartAsync(ScarceProduct, 3)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await aidos.AddToCartAsync(ScarceProduct, 1)).StatusCode.Should().Be(HttpStatusCode.Conflict);

        (await demo.UpdateCartAsync(ScarceProduct, 1)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await ReservedAsync()).Should().Be(1);
        (await aidos.AddToCartAsync(ScarceProduct, 2)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await demo.UpdateCartAsync(ScarceProduct, 2)).StatusCode.Should().Be(HttpStatusCode.Conflict,
            "one unit is left for the demo shopper and their line keeps the one it has");
        (await ReservedAsync()).Should().Be(3);

        (await demo.RemoveFromCartAsync(ScarceProduct)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await ReservedAsync()).Should().Be(2);
    }

    [Fact]
    public async Task Expired_reservations_stop_counting_at_once_and_the_clean_up_deletes_them()
    {
        using var demo = _shop.CreateShopper();
        using var aidos = _shop.CreateShopper();
        await demo.LoginAsync();
        await aidos.LoginAsync(Shopper.AidosEmail, Shopper.AidosPassword);
        await demo.AddToCartAsync(ScarceProduct, 3);
        (await aidos.AddToCartAsync(ScarceProduct, 1)).StatusCode.Should().Be(HttpStatusCode.Conflict);

        _clock.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));

        (await aidos.AddToCartAsync(ScarceProduct, 3)).StatusCode.Should().Be(HttpStatusCode.Redirect, "no clean-up has run: expiry alone frees the units");
        var jobs = _shop.Services.GetRequiredService<ScheduledJobsWorker>();
        (await jobs.RunOnceAsync(_shop.Services.GetServices<IScheduledJob>().OfType<ExpiredReservations>().Single(), CancellationToken.None)).Should().Be(1);
        await using var db = _shop.OpenDatabase();
        (await db.StockReservations.SingleAsync()).Quantity.Should().Be(3);
    }

    [Fact]
    public async Task The_scheduled_clean_up_runs_on_its_configured_interval()
    {
        var interval = TimeSpan.FromMinutes(7);
        using var shop = new ShopFactory { Clock = _clock, Settings = { ["Inventory:CleanupInterval"] = "00:07:00" } };
        using var demo = await shop.SignedInAsync();
        await demo.AddToCartAsync(ScarceProduct, 1);
        await _clock.WaitForTimerAsync(interval); // the clean-up's timer runs on the configured interval

        _clock.Advance(TimeSpan.FromMinutes(16));

        await shop.WaitForAsync(async db => await db.StockReservations.AnyAsync() ? null : "deleted", "the background clean-up to delete the expired reservation");
        await using var db = shop.OpenDatabase();
        (await db.CartLines.CountAsync()).Should().Be(1, "the cart keeps its line; only the hold is gone");
    }

    [Fact]
    public async Task The_reservation_time_comes_from_configuration()
    {
        using var shop = new ShopFactory { Clock = _clock, Settings = { ["Inventory:ReservationTtl"] = "00:02:00" } };
        using var demo = shop.CreateShopper();
        using var aidos = shop.CreateShopper();
        await demo.LoginAsync();
        await aidos.LoginAsync(Shopper.AidosEmail, Shopper.AidosPassword);
        await demo.AddToCartAsync(ScarceProduct, 3);

        _clock.Advance(TimeSpan.FromMinutes(1));
        (await aidos.AddToCartAsync(ScarceProduct, 1)).StatusCode.Should().Be(HttpStatusCode.Conflict);
        _clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        (await aidos.AddToCartAsync(ScarceProduct, 1)).StatusCode.Should().Be(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Paying_turns_the_reservation_into_a_stock_decrement_and_a_sale_in_the_stock_ledger()
    {
        using var demo = _shop.CreateShopper();
        await demo.LoginAsync();
        await demo.AddToCartAsync(ScarceProduct, 2);

        var answer = await Shopper.ReadAnswerAsync(await demo.PayAsync(new { card_id = SeededCards.DemoKaspiGold }));

        answer.Status.Should().Be(HttpStatusCode.OK);
        (await StockAsync()).Should().Be(1);
        (await ReservedAsync()).Should().Be(0);
        await using var db = _shop.OpenDatabase();
        (await db.StockMovements.Where(m => m.ProductId == ScarceProduct).OrderBy(m => m.Id).Select(m => m.Reason + " " + m.Delta).ToListAsync())
            .Should().Equal("opening 3", "sale -2");
    }

    [Fact]
    public async Task Shoppers_racing_for_the_last_units_never_oversell()
    {
        var racers = await TestShoppers.CreateAsync(_shop, 6);

        var added = await Task.WhenAll(racers.Select(r => r.Shopper.AddToCartAsync(ScarceProduct, 1)));
        added.Count(r => r.StatusCode == HttpStatusCode.Redirect).Should().Be(3);
        added.Count(r => r.StatusCode == HttpStatusCode.Conflict).Should().Be(3);

        var paid = await Task.WhenAll(racers.Select(async r =>
            await Shopper.ReadAnswerAsync(await r.Shopper.PayAsync(new { card_id = r.CardId }))));

        paid.Count(a => a.Status == HttpStatusCode.OK).Should().Be(3);
        paid.Where(a => a.Status != HttpStatusCode.OK).Should().OnlyContain(a => a.Message == "Себет бос");
        (await StockAsync()).Should().Be(0);
        await using var db = _shop.OpenDatabase();
        var balances = await db.Cards.Where(c => racers.Select(r => r.CardId).Contains(c.Id)).Select(c => c.BalanceTiyn).ToListAsync();
        balances.Count(b => b == TestShoppers.CardBalance.Tiyn - ScarceTotalTiyn).Should().Be(3);
        balances.Count(b => b == TestShoppers.CardBalance.Tiyn).Should().Be(3);
        foreach (var racer in racers)
        {
            racer.Shopper.Dispose();
        }
    }

    [Fact]
    public async Task At_the_till_live_reservations_win_over_expired_ones_and_nothing_is_oversold()
    {
        var early = await TestShoppers.CreateAsync(_shop, 3);
        foreach (var (shopper, _) in early)
        {
            (await shopper.AddToCartAsync(ScarceProduct, 1)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        }

        _clock.Advance(TimeSpan.FromMinutes(16));
        var late = await TestShoppers.CreateAsync(_shop, 3);
        foreach (var (shopper, _) in late)
        {
            (await shopper.AddToCartAsync(ScarceProduct, 1)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        }

        var everyone = early.Concat(late).ToList();
        var answers = await Task.WhenAll(everyone.Select(async r =>
            await Shopper.ReadAnswerAsync(await r.Shopper.PayAsync(new { card_id = r.CardId }))));

        answers.Take(3).Should().OnlyContain(a => a.Status == HttpStatusCode.Conflict && a.Message.Contains("0 дана ғана қалды"));
        answers.Skip(3).Should().OnlyContain(a => a.Status == HttpStatusCode.OK);
        (await StockAsync()).Should().Be(0);
        foreach (var racer in everyone)
        {
            racer.Shopper.Dispose();
        }
    }

    private async Task<int> StockAsync()
    {
        await using var db = _shop.OpenDatabase();
        return await db.Products.Where(p => p.Id == ScarceProduct).Select(p => p.Stock).SingleAsync();
    }

    private async Task<int> ReservedAsync()
    {
        await using var db = _shop.OpenDatabase();
        var now = _clock.UtcNow;
        return await db.StockReservations.Where(r => r.ProductId == ScarceProduct && r.ExpiresUtc > now).SumAsync(r => r.Quantity);
    }
}
