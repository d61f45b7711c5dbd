using System.Net;
using Checkout.Web.Domain;
using Microsoft.EntityFrameworkCore;
using static Checkout.Testing.OrderFlows;

namespace Checkout.IntegrationTests;

/// <summary>
/// Races on one order: exactly one request wins (the guarded UPDATE … WHERE Status = @from), the other is told
/// the order changed, and the money and stock end exactly right — replayed from the ledgers.
/// </summary>
public sealed class LifecycleConcurrencyTests : IDisposable
{
    private const int Orders = 6;

    private readonly ShopFactory _shop = new();

    public void Dispose() => _shop.Dispose();

    [Fact]
    public async Task Cancel_racing_a_ship_has_one_winner_and_balances_and_stock_end_exactly_right()
    {
        using var shopper = _shop.CreateShopper();
        await shopper.LoginAsync();
        using var admin = await AdminAsync(_shop);
        var before = await ShopState.ReadAsync(_shop);
        var numbers = new List<string>();
        for (var i = 0; i < Orders; i++)
        {
            var number = await PlaceAsync(shopper);
            await DriveToAsync(shopper, admin, number, OrderStatus.Processing);
            numbers.Add(number);
        }

        var races = await Task.WhenAll(numbers.Select(async number =>
        {
            var answers = await Task.WhenAll(CancelAsync(shopper, number), SetStatusAsync(admin, number, OrderStatus.Shipped));
            return (Number: number, Cancel: answers[0].StatusCode, Ship: answers[1].StatusCode);
        }));

        var shipped = 0;
        foreach (var race in races)
        {
            var status = await StatusAsync(_shop, race.Number);
            status.Should().BeOneOf(OrderStatus.Cancelled, OrderStatus.Shipped);
            (race.Cancel == HttpStatusCode.Redirect).Should().Be(status == OrderStatus.Cancelled, race.ToString());
            (race.Ship == HttpStatusCode.Redirect).Should().Be(status == OrderStatus.Shipped, race.ToString());
            new[] { race.Cancel, race.Ship }.Should().ContainSingle(s => s == HttpStatusCode.Conflict);
            shipped += status == OrderStatus.Shipped ? 1 : 0;
        }

        var after = await ShopState.ReadAsync(_shop);
        after.CardBalances[SeededCards.DemoKaspiGold].Should().Be(before.CardBalances[SeededCards.DemoKaspiGold] - (shipped * CheapTotal.Tiyn));
        after.Stock[CheapProduct].Should().Be(before.Stock[CheapProduct] - shipped);
        await Ledger.AssertReplaysAsync(_shop);
    }

    [Fact]
    public async Task Two_admins_approving_one_return_refund_and_restock_once()
    {
        using var shopper = _shop.CreateShopper();
        await shopper.LoginAsync();
        using var first = await AdminAsync(_shop);
        using var second = await AdminAsync(_shop);
        var before = await ShopState.ReadAsync(_shop);
        var numbers = new List<string>();
        for (var i = 0; i < Orders; i++)
        {
            var number = await PlaceAsync(shopper, quantity: 2);
            await DriveToAsync(shopper, first, number, OrderStatus.ReturnRequested);
            numbers.Add(number);
        }

        var answers = await Task.WhenAll(numbers.Select(async number =>
            await Task.WhenAll(ApproveAsync(first, number), ApproveAsync(second, number))));

        answers.Should().OnlyContain(pair => pair.Count(r => r.StatusCode == HttpStatusCode.Redirect) == 1
            && pair.Count(r => r.StatusCode == HttpStatusCode.Conflict) == 1);
        foreach (var number in numbers)
        {
            (await StatusAsync(_shop, number)).Should().Be(OrderStatus.Refunded);
        }

        var after = await ShopState.ReadAsync(_shop);
        after.CardBalances.Should().BeEquivalentTo(before.CardBalances, "every order was refunded exactly once");
        after.Stock.Should().BeEquivalentTo(before.Stock, "every unit came back exactly once");
        await using (var db = _shop.OpenDatabase())
        {
            (await db.LedgerEntries.CountAsync(p => p.Kind == LedgerEntryKinds.Refund)).Should().Be(Orders);
            (await db.StockMovements.CountAsync(m => m.Reason == StockReasons.Return)).Should().Be(Orders);
        }

        await Ledger.AssertReplaysAsync(_shop);
    }

    [Fact]
    public async Task Approve_racing_reject_has_one_winner_and_the_money_follows_it()
    {
        using var shopper = _shop.CreateShopper();
        await shopper.LoginAsync();
        using var first = await AdminAsync(_shop);
        using var second = await AdminAsync(_shop);
        var numbers = new List<string>();
        for (var i = 0; i < Orders; i++)
        {
            var number = await PlaceAsync(shopper);
            await DriveToAsync(shopper, first, number, OrderStatus.ReturnRequested);
            numbers.Add(number);
        }

        var before = await ShopState.ReadAsync(_shop);
        var answers = await Task.WhenAll(numbers.Select(async number =>
            (Number: number, Answers: await Task.WhenAll(ApproveAsync(first, number), RejectAsync(second, number)))));

        var refunded = 0;
        foreach (var (number, pair) in answers)
        {
            pair.Count(r => r.StatusCode == HttpStatusCode.Redirect).Should().Be(1);
            var status = await StatusAsync(_shop, number);
            status.Should().Be(pair[0].StatusCode == HttpStatusCode.Redirect ? OrderStatus.Refunded : OrderStatus.Delivered);
            refunded += status == OrderStatus.Refunded ? 1 : 0;
        }

        var after = await ShopState.ReadAsync(_shop);
        after.CardBalances[SeededCards.DemoKaspiGold].Should().Be(before.CardBalances[SeededCards.DemoKaspiGold] + (refunded * CheapTotal.Tiyn));
        after.Stock[CheapProduct].Should().Be(before.Stock[CheapProduct] + refunded);
        await Ledger.AssertReplaysAsync(_shop);
    }

    [Fact]
    public async Task Shopper_and_admin_cancelling_at_once_refund_once()
    {
        using var shopper = _shop.CreateShopper();
        await shopper.LoginAsync();
        using var admin = await AdminAsync(_shop);
        var before = await ShopState.ReadAsync(_shop);
        var numbers = new List<string>();
        for (var i = 0; i < Orders; i++)
        {
            numbers.Add(await PlaceAsync(shopper));
        }

        var answers = await Task.WhenAll(numbers.Select(async number =>
            await Task.WhenAll(CancelAsync(shopper, number), SetStatusAsync(admin, number, OrderStatus.Cancelled))));

        answers.Should().OnlyContain(pair => pair.Count(r => r.StatusCode == HttpStatusCode.Redirect) == 1);
        var after = await ShopState.ReadAsync(_shop);
        after.CardBalances.Should().BeEquivalentTo(before.CardBalances);
        after.Stock.Should().BeEquivalentTo(before.Stock);
        await Ledger.AssertReplaysAsync(_shop);
    }
}
