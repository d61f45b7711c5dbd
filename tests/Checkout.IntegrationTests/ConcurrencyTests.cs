using System.Net;
using Checkout.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Checkout.IntegrationTests;

/// <summary>What the Flask shop got wrong: double charges and lost debits under parallel requests.</summary>
public sealed class ConcurrencyTests : IDisposable
{
    private readonly ShopFactory _shop = new();

    public void Dispose() => _shop.Dispose();

    [Fact]
    public async Task Ten_parallel_submits_of_one_cart_charge_once()
    {
        using var shopper = _shop.CreateShopper();
        await shopper.LoginAsync();
        await shopper.AddToCartAsync(1, 2);
        var token = await shopper.TokenAsync();

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(async _ =>
            await Shopper.ReadAnswerAsync(await shopper.PayAsync(new { card_id = SeededCards.DemoKaspiGold }, token))));

        answers.Where(a => a.Status == HttpStatusCode.OK).Should().ContainSingle()
            .Which.NewBalance.Should().Be(2_446_520);
        answers.Where(a => a.Status != HttpStatusCode.OK).Should().HaveCount(9)
            .And.OnlyContain(a => a.Status == HttpStatusCode.BadRequest && a.Message == "Себет бос");
        await using var db = _shop.OpenDatabase();
        (await db.Cards.SingleAsync(c => c.Id == SeededCards.DemoKaspiGold)).Balance.Should().Be(Money.FromTenge(2_446_520));
        (await db.Orders.CountAsync()).Should().Be(1);
        (await db.LedgerEntries.CountAsync()).Should().Be(1);
    }

    [Fact]
    public async Task Two_sessions_of_one_shopper_adding_and_paying_at_once_never_overdraw_the_card()
    {
        // Both sessions share the shopper's one cart, so they race adds against payments and payments
        // against each other. Halyk's 2 100 000 ₸ covers two iPhones (927 490 ₸ each with delivery), not three.
        // (The debit's own guard against a balance that drops mid-checkout is proven in GuardedStatementTests.)
        using var phone = _shop.CreateShopper();
        using var laptop = _shop.CreateShopper();
        await Task.WhenAll(phone.LoginAsync(), laptop.LoginAsync());
        var sessions = new[] { phone, laptop };
        var tokens = await Task.WhenAll(sessions.Select(s => s.TokenAsync()));
        var paid = new List<PaymentAnswer>();

        for (var round = 0; round < 6; round++)
        {
            await Task.WhenAll(sessions.Select(s => s.AddToCartAsync(1, 1)));
            var answers = await Task.WhenAll(sessions.Select(async (s, i) =>
                await Shopper.ReadAnswerAsync(await s.PayAsync(new { card_id = SeededCards.DemoHalyk }, tokens[i]))));
            answers.Should().OnlyContain(a => a.Status == HttpStatusCode.OK
                || (a.Status == HttpStatusCode.BadRequest && (a.Message == "Себет бос" || a.Message == "Қаражатыңыз жеткіліксіз")));
            paid.AddRange(answers.Where(a => a.Status == HttpStatusCode.OK));
        }

        var start = Money.FromTenge(2_100_000);
        var spent = Money.FromTenge(paid.Sum(a => a.TotalPaid!.Value));
        await using var db = _shop.OpenDatabase();
        var balance = (await db.Cards.SingleAsync(c => c.Id == SeededCards.DemoHalyk)).Balance;
        paid.Should().NotBeEmpty();
        balance.Should().Be(start - spent);
        balance.Tiyn.Should().BeGreaterThanOrEqualTo(0);
        (await db.LedgerEntries.Where(p => p.CardId == SeededCards.DemoHalyk).SumAsync(p => p.AmountTiyn)).Should().Be(spent.Tiyn);
        (await db.Orders.SumAsync(o => o.TotalTiyn)).Should().Be(spent.Tiyn);
        paid.Select(a => a.OrderNumber).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task Parallel_adds_of_one_product_add_up_and_stop_at_the_line_limit()
    {
        using var shopper = _shop.CreateShopper();
        await shopper.LoginAsync();
        var token = await shopper.TokenAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ =>
            shopper.Http.PostAsync(new Uri("/cart/add", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["productId"] = "2",
                ["quantity"] = "1",
                ["__RequestVerificationToken"] = token,
            }))));

        responses.Count(r => r.StatusCode == HttpStatusCode.Redirect).Should().Be(10, "Carts:MaxUnitsPerProduct is 10");
        responses.Count(r => r.StatusCode == HttpStatusCode.BadRequest).Should().Be(2);
        await using var db = _shop.OpenDatabase();
        (await db.CartLines.SingleAsync()).Quantity.Should().Be(10);
        (await db.StockReservations.SingleAsync()).Quantity.Should().Be(10);
    }
}
