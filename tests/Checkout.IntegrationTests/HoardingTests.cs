using System.Net;
using Checkout.Web.Domain;
using Microsoft.EntityFrameworkCore;
using static Checkout.Testing.OrderFlows;

namespace Checkout.IntegrationTests;

/// <summary>
/// One cart can't hide the shelf from everyone (<c>Carts:*</c>), and an account that has never received an order can't
/// take much stock off it with cash orders nobody paid for (<c>CashOnDelivery:*</c>). Every refusal changes nothing, and
/// the limits hold when requests to one cart race.
/// </summary>
public sealed class HoardingTests : IDisposable
{
    private const string LineLimitMessage = "Бір тауардан себетке ең көбі 10 дана салуға болады";

    private readonly ShopFactory _shop = new();

    public void Dispose() => _shop.Dispose();

    [Fact]
    public async Task A_line_holds_at_most_ten_units_for_a_guest_and_for_a_shopper()
    {
        using var guest = _shop.CreateShopper();
        using var shopper = await _shop.SignedInAsync();
        foreach (var visitor in new[] { guest, shopper })
        {
            (await visitor.AddToCartAsync(6, 7)).StatusCode.Should().Be(HttpStatusCode.Redirect);
            var before = await DatabaseSnapshot.ReadAsync(_shop);

            foreach (var refused in new[] { await visitor.AddToCartAsync(6, 4), await visitor.UpdateCartAsync(6, 11), await visitor.AddToCartAsync(12, 50) })
            {
                refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
                (await Shopper.ParseAsync(refused)).QuerySelector(".alert-error")!.TextContent.Should().Be(LineLimitMessage);
            }

            (await DatabaseSnapshot.ReadAsync(_shop)).ChangesSince(before).Should().BeEmpty();
            (await visitor.AddToCartAsync(6, 3)).StatusCode.Should().Be(HttpStatusCode.Redirect, "ten is allowed");
        }
    }

    [Fact]
    public async Task The_line_limit_comes_from_configuration_and_a_merge_at_login_is_capped_by_it()
    {
        using var shop = new ShopFactory { Settings = { ["Carts:MaxUnitsPerProduct"] = "3" } };
        using (var earlier = await shop.SignedInAsync())
        {
            (await earlier.AddToCartAsync(6, 2)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        }

        using var guest = shop.CreateShopper();
        (await guest.AddToCartAsync(6, 3)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await guest.AddToCartAsync(6, 1)).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        await guest.LoginAsync();

        await using var db = shop.OpenDatabase();
        (await db.CartLines.SingleAsync()).Quantity.Should().Be(3, "2 + 3 merged, capped at the limit of 3");
        (await db.StockReservations.SingleAsync()).Quantity.Should().Be(3);
    }

    [Fact]
    public async Task A_guest_cart_is_worth_at_most_five_million_and_signing_in_lifts_the_limit()
    {
        using var guest = _shop.CreateShopper();
        (await guest.AddToCartAsync(1, 5)).StatusCode.Should().Be(HttpStatusCode.Redirect); // 4 629 950 ₸
        var before = await DatabaseSnapshot.ReadAsync(_shop);

        var refused = await guest.AddToCartAsync(4, 1); // + 579 990 ₸

        refused.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await Shopper.ParseAsync(refused)).QuerySelector(".alert-error")!.TextContent
            .Should().Be("Кірмеген сатып алушының себеті 5 000 000 ₸ сомасынан аспауы керек: жалғастыру үшін кіріңіз");
        (await guest.UpdateCartAsync(1, 6)).StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await DatabaseSnapshot.ReadAsync(_shop)).ChangesSince(before).Should().BeEmpty();
        (await guest.AddToCartAsync(18, 1)).StatusCode.Should().Be(HttpStatusCode.Redirect, "29 990 ₸ more still fits");
        (await guest.UpdateCartAsync(1, 4)).StatusCode.Should().Be(HttpStatusCode.Redirect, "shrinking is always allowed");

        await guest.LoginAsync();
        (await guest.AddToCartAsync(1, 6)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await guest.AddToCartAsync(4, 1)).StatusCode.Should().Be(HttpStatusCode.Redirect, "a signed-in shopper's cart has no value limit");
    }

    [Fact]
    public async Task Racing_adds_to_one_guest_cart_never_take_it_past_its_limit()
    {
        using var shop = new ShopFactory { Settings = { ["Carts:GuestMaxValue"] = "1000000" } };
        using var guest = shop.CreateShopper();
        (await guest.AddToCartAsync(18, 1)).StatusCode.Should().Be(HttpStatusCode.Redirect); // 29 990 ₸: the cart exists
        int[] products = [7, 8, 9, 10, 11, 13, 14, 16]; // 249 990 – 889 990 ₸ each

        var answers = await Task.WhenAll(products.Select(id => guest.AddToCartAsync(id, 1)));

        answers.Should().OnlyContain(a => a.StatusCode == HttpStatusCode.Redirect || a.StatusCode == HttpStatusCode.Conflict);
        await using var db = shop.OpenDatabase();
        var lines = await db.CartLines.Select(l => new { l.ProductId, l.Quantity, Price = l.Product!.Offers.Min(o => o.PriceTiyn) }).ToListAsync();
        lines.Sum(l => l.Price * l.Quantity).Should().BeLessThanOrEqualTo(Money.FromTenge(1_000_000).Tiyn);
        lines.Should().HaveCount(1 + answers.Count(a => a.StatusCode == HttpStatusCode.Redirect));
        answers.Count(a => a.StatusCode == HttpStatusCode.Conflict).Should().BePositive("eight such products can't all fit in 1 000 000 ₸");
        (await db.StockReservations.SumAsync(r => r.Quantity)).Should().Be(lines.Sum(l => l.Quantity));
    }

    [Fact]
    public async Task A_new_account_may_have_one_million_open_in_cash_orders_until_one_is_delivered()
    {
        using var shopper = await _shop.SignedInAsync();
        using var admin = await AdminAsync(_shop);
        var first = await PlaceAsync(shopper, cardId: null, productId: 1); // 927 490 ₸ due on delivery
        (await shopper.AddToCartAsync(12, 1)).StatusCode.Should().Be(HttpStatusCode.Redirect); // 141 490 ₸ more
        await _shop.WaitForOutboxAsync(); // the first order's daily count is written by the worker, not by the refused one
        var before = await DatabaseSnapshot.ReadAsync(_shop);

        var refused = await Shopper.ReadAnswerAsync(await shopper.PayAsync(new { payment_method = "cash_on_delivery" }));

        refused.Status.Should().Be(HttpStatusCode.Conflict);
        refused.Message.Should().Be("Әзірге бірде-бір тапсырысыңыз жеткізілмеген: жеткізу кезінде төленетін ашық тапсырыстар 1 000 000 ₸ сомасынан аспауы керек. Картамен төлеңіз немесе алдыңғы тапсырысты күтіңіз");
        (await DatabaseSnapshot.ReadAsync(_shop)).ChangesSince(before).Should().BeEmpty();

        var formRefused = await shopper.PostFormAsync("/process_payment", new Dictionary<string, string> { ["payment_method"] = "cash_on_delivery" });
        formRefused.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await Shopper.ParseAsync(formRefused)).QuerySelector("#payment-error")!.TextContent.Should().StartWith("Әзірге бірде-бір тапсырысыңыз жеткізілмеген");

        await DriveToAsync(shopper, admin, first, OrderStatus.Delivered);
        var placed = await Shopper.ReadAnswerAsync(await shopper.PayAsync(new { payment_method = "cash_on_delivery" }));
        placed.Status.Should().Be(HttpStatusCode.OK, "a delivered order lifts the limit");
        (await PlaceAsync(shopper, cardId: null, productId: 1, quantity: 2)).Should().StartWith("ORD-");
    }

    [Fact]
    public async Task Cancelled_cash_orders_no_longer_count_and_a_card_pays_past_the_limit()
    {
        using var shopper = await _shop.SignedInAsync();
        var first = await PlaceAsync(shopper, cardId: null, productId: 1);
        (await shopper.AddToCartAsync(1, 1)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await Shopper.ReadAnswerAsync(await shopper.PayAsync(new { payment_method = "cash_on_delivery" }))).Status.Should().Be(HttpStatusCode.Conflict);

        (await Shopper.ReadAnswerAsync(await shopper.PayAsync(new { card_id = SeededCards.DemoKaspiGold }))).Status.Should().Be(HttpStatusCode.OK);
        (await CancelAsync(shopper, first)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await PlaceAsync(shopper, cardId: null, productId: 1)).Should().StartWith("ORD-", "the cancelled order is no longer open");
    }

    [Fact]
    public async Task The_limit_comes_from_configuration()
    {
        using var shop = new ShopFactory { Settings = { ["CashOnDelivery:NewShopperMaxOpen"] = "30000" } };
        using var shopper = await shop.SignedInAsync();
        (await shopper.AddToCartAsync(CheapProduct, 1)).StatusCode.Should().Be(HttpStatusCode.Redirect); // 31 490 ₸ with delivery

        var refused = await Shopper.ReadAnswerAsync(await shopper.PayAsync(new { payment_method = "cash_on_delivery" }));

        refused.Status.Should().Be(HttpStatusCode.Conflict);
        refused.Message.Should().Contain("30 000 ₸");
    }
}
