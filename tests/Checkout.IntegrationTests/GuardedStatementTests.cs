using System.Data.Common;
using System.Net;
using Checkout.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Checkout.IntegrationTests;

/// <summary>
/// The debit and the stock decrement must hold even when the balance or stock changes after the checkout
/// read it. An interceptor plays that other request: right before the guarded UPDATE runs, it spends the
/// card or sells the stock. A read-then-write debit would go through; the guarded one must refuse.
/// </summary>
public sealed class GuardedStatementTests
{
    [Fact]
    public async Task Debit_refuses_when_the_balance_drops_after_the_check()
    {
        var spendFirst = new BeforeUpdate("\"Cards\"", """UPDATE "Cards" SET "BalanceTiyn" = 100 WHERE "Id" = 1""");
        using var shop = new ShopFactory { TestServices = s => TestDatabase.AddInterceptor(s, spendFirst) };
        using var shopper = shop.CreateShopper();
        await shopper.LoginAsync();
        await shopper.AddToCartAsync(1, 2);
        var before = await ShopState.ReadAsync(shop);

        var answer = await Shopper.ReadAnswerAsync(await shopper.PayAsync(new { card_id = SeededCards.DemoKaspiGold }));

        spendFirst.Fired.Should().BeTrue();
        answer.Status.Should().Be(HttpStatusCode.BadRequest);
        answer.Message.Should().Be("Қаражатыңыз жеткіліксіз");
        (await ShopState.ReadAsync(shop)).Should().BeEquivalentTo(before, "the refusal rolls back everything, the interceptor's spend included");
    }

    [Fact]
    public async Task Stock_decrement_refuses_when_the_units_sell_out_after_the_check()
    {
        var sellFirst = new BeforeUpdate("\"Products\"", """UPDATE "Products" SET "Stock" = 1 WHERE "Id" = 1""") { Armed = false };
        using var shop = new ShopFactory { TestServices = s => TestDatabase.AddInterceptor(s, sellFirst) };
        using var shopper = shop.CreateShopper();
        await shopper.LoginAsync();
        await shopper.AddToCartAsync(1, 2);
        sellFirst.Armed = true;
        var before = await ShopState.ReadAsync(shop);

        var answer = await Shopper.ReadAnswerAsync(await shopper.PayAsync(new { card_id = SeededCards.DemoKaspiGold }));

        sellFirst.Fired.Should().BeTrue();
        answer.Status.Should().Be(HttpStatusCode.Conflict);
        answer.Message.Should().Contain("1 дана ғана қалды");
        (await ShopState.ReadAsync(shop)).Should().BeEquivalentTo(before, "the card debit before it is rolled back too");
    }

    [Fact]
    public async Task Transition_refuses_when_the_order_moves_after_it_was_read()
    {
        // The admin ships the order between the cancel's read and its UPDATE … WHERE Status = 'processing'.
        var shipFirst = new BeforeUpdate("\"Orders\"", """UPDATE "Orders" SET "Status" = 'shipped' WHERE "Status" = 'processing'""") { Armed = false };
        using var shop = new ShopFactory { TestServices = s => TestDatabase.AddInterceptor(s, shipFirst) };
        using var shopper = shop.CreateShopper();
        await shopper.LoginAsync();
        using var admin = await OrderFlows.AdminAsync(shop);
        var number = await OrderFlows.PlaceAsync(shopper);
        await OrderFlows.DriveToAsync(shopper, admin, number, OrderStatus.Processing);
        await shop.WaitForOutboxAsync(); // the order's referral distribution locks its row by an UPDATE too: not the one to race
        var before = await ShopState.ReadAsync(shop);
        shipFirst.Armed = true;

        var response = await OrderFlows.CancelAsync(shopper, number);

        shipFirst.Fired.Should().BeTrue();
        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await Shopper.ParseAsync(response)).QuerySelector(".alert-error")!.TextContent.Should().Contain("осы сәтте өзгерді");
        (await ShopState.ReadAsync(shop)).Should().BeEquivalentTo(before, "no refund, no restock: the losing transition changes nothing");
        (await OrderFlows.StatusAsync(shop, number)).Should().Be(OrderStatus.Processing, "the refusal rolls back the interceptor's change too");
    }

    [Fact]
    public async Task A_repeated_order_number_is_paid_again_under_a_fresh_one_charging_once()
    {
        var numbers = new RepeatsFirstNumber();
        using var shop = new ShopFactory { TestServices = s => s.AddSingleton<OrderNumber>(numbers) };
        using var shopper = shop.CreateShopper();
        await shopper.LoginAsync();

        await shopper.AddToCartAsync(1, 1);
        var first = await Shopper.ReadAnswerAsync(await shopper.PayAsync(new { card_id = SeededCards.DemoKaspiGold }));
        await shopper.AddToCartAsync(1, 1);
        var second = await Shopper.ReadAnswerAsync(await shopper.PayAsync(new { card_id = SeededCards.DemoKaspiGold }));

        first.OrderNumber.Should().Be(RepeatsFirstNumber.Repeated);
        second.Status.Should().Be(HttpStatusCode.OK);
        second.OrderNumber.Should().NotBe(RepeatsFirstNumber.Repeated);
        second.NewBalance.Should().Be(4_300_000 - (2 * 927_490));
        await using var db = shop.OpenDatabase();
        (await db.Orders.CountAsync()).Should().Be(2);
        (await db.LedgerEntries.SumAsync(p => p.AmountTiyn)).Should().Be(Money.FromTenge(2 * 927_490).Tiyn);
    }

    /// <summary>Runs <paramref name="competingSql"/> once, on the same connection and transaction, just before the first UPDATE of a table.</summary>
    private sealed class BeforeUpdate(string table, string competingSql) : DbCommandInterceptor
    {
        public bool Fired { get; private set; }

        /// <summary>False until the test is ready for the competing request (adding to the cart updates products too).</summary>
        public bool Armed { get; set; } = true;

        public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            await CompeteAsync(command, eventData, cancellationToken);
            return result;
        }

        // The debit reads the new balance back (UPDATE … RETURNING), so it runs as a reader.
        public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            await CompeteAsync(command, eventData, cancellationToken);
            return result;
        }

        private async Task CompeteAsync(DbCommand command, CommandEventData eventData, CancellationToken cancellationToken)
        {
            var transaction = eventData.Context?.Database.CurrentTransaction?.GetDbTransaction();
            if (Armed && !Fired && command.CommandText.Contains($"UPDATE {table}", StringComparison.Ordinal) && transaction is not null)
            {
                Fired = true;
                await using var competing = command.Connection!.CreateCommand();
                competing.Transaction = transaction;
                competing.CommandText = competingSql;
                await competing.ExecuteNonQueryAsync(cancellationToken);
            }
        }
    }

    /// <summary>Hands out the same number twice, then fresh ones: a collision on demand.</summary>
    private sealed class RepeatsFirstNumber : OrderNumber
    {
        public const string Repeated = "ORD-20261122-REPEAT";

        private int _calls;

        public override string New(DateTimeOffset nowUtc) =>
            Interlocked.Increment(ref _calls) <= 2 ? Repeated : base.New(nowUtc);
    }
}
