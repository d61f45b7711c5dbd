using Checkout.Web.Operations;
using Microsoft.EntityFrameworkCore;

namespace Checkout.IntegrationTests;

/// <summary><c>verify</c> says "all hold" for honest books, and names the card, order, day or e-mail of each break.</summary>
public sealed class VerifyTests : IDisposable
{
    private readonly ShopFactory _shop = new();

    public void Dispose() => _shop.Dispose();

    [Fact]
    public async Task Honest_books_pass_with_counts()
    {
        var order = await PayAndDeliverAsync();

        var (exit, output) = await VerifyAsync();

        exit.Should().Be(0, output);
        output.Should().Contain("[ok] cards: opening balance − Σ its ledger entries = balance — 5 of 5 agree")
            .And.Contain("[ok] orders: each order's ledger entries = what its state keeps, on its own card — 1 of 1 agree, Σ kept 1 853 480 ₸ = Σ ledger 1 853 480 ₸")
            .And.Contain("[ok] orders' prices: each order's totals, VAT per rate and line shares are what Pricing gives its lines — 1 of 1 agree")
            .And.Contain("[ok] coupons: each coupon's uses = its redemptions = its standing orders, within its limits — 5 of 5 agree, 0 uses")
            .And.Contain("[ok] stock: Σ movements = stock — 18 of 18 products agree")
            .And.Contain("[ok] orders' stock: each order took its units out unless undone, product by product — 1 of 1 agree")
            .And.Contain("[ok] points: each shopper's Σ ledger entries = their balance, nothing below zero — 1 of 1 shoppers agree, Σ available 0, pending 18 519, owed 0")
            .And.Contain("[ok] orders' points: each order's entries fit its state, each moving what its kind says — 1 of 1 orders with points agree")
            .And.Contain("[ok] events: every order has its order.created for each handler — 1 orders × 2 handlers")
            .And.Contain("[ok] deliveries: 3 delivered, 0 still pending, 0 dead letters")
            .And.Contain("[ok] daily sales: each order counted once — 1 days, 1 orders counted")
            .And.Contain("[ok] e-mails: one confirmation per delivered order — 1 delivered, 1 .eml files")
            .And.Contain("[ok] referrals: every paid order distributed once, Σ shares = R, undone orders taken back — 1 paid orders, 1 distributions (0 taken back or void), Σ R 185 198")
            .And.Contain("[ok] referral points: each shopper's referral entries of an order = their shares (and gift), released and taken back with it")
            .And.Contain("[ok] referral accounts: the pool and the shop never below zero, pending = their pending shares")
            .And.Contain("verify: all 17 invariants hold.")
            .And.NotContain("BROKEN");
        order.Should().StartWith("ORD-");
    }

    [Fact]
    public async Task A_balance_changed_behind_the_ledger_is_named()
    {
        await PayAndDeliverAsync();
        await using (var db = _shop.OpenDatabase())
        {
            await db.Database.ExecuteSqlRawAsync("""UPDATE "Cards" SET "BalanceTiyn" = "BalanceTiyn" + 100 WHERE "Id" = 1""");
        }

        var (exit, output) = await VerifyAsync();

        exit.Should().Be(1);
        output.Should().Contain("[BROKEN] cards")
            .And.Contain("card 1 (Kaspi Gold): opening 4 300 000 ₸ − entries 1 853 480 ₸ = 2 446 520 ₸, but the balance is 2 446 521 ₸")
            .And.Contain("verify: 1 of 17 invariants broken.");
    }

    [Fact]
    public async Task A_referral_share_changed_behind_the_books_and_a_paid_order_without_its_distribution_are_named()
    {
        var order = await PayAndDeliverAsync();
        var second = await PayAndDeliverAsync();
        await using (var db = _shop.OpenDatabase())
        {
            await db.Database.ExecuteSqlAsync($"""UPDATE "ReferralShares" SET "Points" = "Points" + 1 WHERE "OrderNumber" = {order} AND "Slot" = 'shop'""");
            await db.Database.ExecuteSqlAsync($"""DELETE FROM "ReferralShares" WHERE "OrderNumber" = {second}""");
            await db.Database.ExecuteSqlAsync($"""DELETE FROM "ReferralDistributions" WHERE "OrderNumber" = {second}""");
        }

        var (exit, output) = await VerifyAsync();

        exit.Should().Be(1);
        output.Should().Contain("[BROKEN] referrals: every paid order distributed once")
            .And.Contain($"order {order}: Σ shares 185 199 ≠ R 185 198")
            .And.Contain($"order {second}: its order.paid was handled, but it has no distribution")
            .And.Contain("[BROKEN] referral accounts")
            .And.Contain("verify: 2 of 17 invariants broken.");
    }

    [Fact]
    public async Task Points_changed_behind_their_ledger_and_entries_that_do_not_fit_their_order_are_named()
    {
        var order = await PayAndDeliverAsync();
        string demo;
        await using (var db = _shop.OpenDatabase())
        {
            demo = await db.Users.Where(u => u.Email == Shopper.DemoEmail).Select(u => u.Id).SingleAsync();
            await db.PointsBalances.ExecuteUpdateAsync(s => s.SetProperty(b => b.Available, 500));
            await db.PointsEntries.ExecuteUpdateAsync(s => s.SetProperty(e => e.Points, 100));
        }

        var (exit, output) = await VerifyAsync();

        exit.Should().Be(1);
        output.Should().Contain("[BROKEN] points: each shopper's Σ ledger entries = their balance, nothing below zero — 0 of 1 shoppers agree")
            .And.Contain($"shopper {demo}: Σ entries available 0, pending 18 519, owed 0, but the balance is available 500, pending 18 519, owed 0")
            .And.Contain("[BROKEN] orders' points")
            .And.Contain($"order {order}: entry").And.Contain("(earned 100) moves available 0, pending 18519, owed 0")
            .And.Contain("verify: 2 of 17 invariants broken.");

        await using (var db = _shop.OpenDatabase())
        {
            await db.PointsBalances.ExecuteUpdateAsync(s => s.SetProperty(b => b.Available, 0));
            await db.PointsEntries.ExecuteUpdateAsync(s => s.SetProperty(e => e.Points, 18_519));
            await db.Database.ExecuteSqlRawAsync("""UPDATE "Orders" SET "Status" = 'delivered'""");
        }

        (exit, output) = await VerifyAsync();

        exit.Should().Be(1);
        output.Should().Contain("[ok] points:")
            .And.Contain($"order {order} (delivered): released 0 points, its state says 18 519")
            .And.Contain($"order {order} (delivered): its distribution is pending, its state says released") // nor were its referral shares
            .And.Contain("verify: 2 of 17 invariants broken.");
    }

    [Fact]
    public async Task A_lost_event_a_double_count_and_a_missing_email_are_each_named()
    {
        var order = await PayAndDeliverAsync();
        await using (var db = _shop.OpenDatabase())
        {
            await db.OutboxMessages.Where(m => m.Handler == "email").ExecuteDeleteAsync();
            await db.DailySales.ExecuteUpdateAsync(s => s.SetProperty(d => d.Orders, d => d.Orders + 1));
        }

        var (exit, output) = await VerifyAsync();

        exit.Should().Be(1);
        output.Should().Contain($"order {order}: no order.created for email")
            .And.Contain("counted 2 orders")
            .And.Contain($"{order}.eml: no order.created for it");
    }

    [Fact]
    public async Task Money_on_the_wrong_card_and_units_on_the_wrong_product_are_named()
    {
        var order = await PayAndDeliverAsync();
        await using (var db = _shop.OpenDatabase())
        {
            await db.Database.ExecuteSqlRawAsync("""UPDATE "Payments" SET "CardId" = 2""");
            await db.Database.ExecuteSqlRawAsync("""UPDATE "StockMovements" SET "ProductId" = 2 WHERE "Reason" = 'sale'""");
        }

        var (exit, output) = await VerifyAsync();

        exit.Should().Be(1);
        output.Should().Contain($"order {order}: ledger entry").And.Contain("is on card 2, the order's card is 1")
            .And.Contain($"order {order} (pending), product 1: stock movements sum to 0, its lines say -2")
            .And.Contain($"order {order} (pending), product 2: stock movements sum to -2, its lines say 0");
    }

    [Fact]
    public async Task A_coupons_uses_redemptions_and_standing_orders_are_held_to_each_other()
    {
        using var shopper = await _shop.SignedInAsync();
        (await shopper.AddToCartAsync(1, 2)).StatusCode.Should().Be(System.Net.HttpStatusCode.Redirect);
        (await CouponCartTests.ApplyAsync(shopper, "WELCOME10")).StatusCode.Should().Be(System.Net.HttpStatusCode.Redirect);
        var order = (await Shopper.ReadAnswerAsync(await shopper.PayAsync(new { card_id = SeededCards.DemoKaspiGold }))).OrderNumber!;
        await _shop.WaitForOutboxAsync();
        (await VerifyAsync()).Output.Should().Contain("[ok] coupons: each coupon's uses = its redemptions = its standing orders, within its limits — 5 of 5 agree, 1 uses")
            .And.Contain("[ok] orders' prices").And.Contain("verify: all 17 invariants hold.");

        await using (var db = _shop.OpenDatabase())
        {
            await db.Coupons.Where(c => c.Code == "WELCOME10").ExecuteUpdateAsync(s => s.SetProperty(c => c.Used, c => c.Used + 1));
        }

        var (exit, output) = await VerifyAsync();
        exit.Should().Be(1);
        output.Should().Contain("[BROKEN] coupons").And.Contain("coupon WELCOME10: 2 uses, 1 redemptions, 1 standing orders with it");

        await using (var db = _shop.OpenDatabase())
        {
            await db.Coupons.Where(c => c.Code == "WELCOME10").ExecuteUpdateAsync(s => s.SetProperty(c => c.Used, 1));
            await db.Database.ExecuteSqlRawAsync("""UPDATE "Orders" SET "Status" = 'cancelled'""");
        }

        (await VerifyAsync()).Output.Should().Contain($"order {order}: redemption").And.Contain("is cancelled")
            .And.Contain("coupon WELCOME10: 1 uses, 1 redemptions, 0 standing orders with it");
    }

    [Fact]
    public async Task An_order_whose_vat_or_shares_were_changed_behind_the_pricing_is_named()
    {
        var order = await PayAndDeliverAsync();
        await using (var db = _shop.OpenDatabase())
        {
            await db.Database.ExecuteSqlRawAsync("""UPDATE "OrderVat" SET "VatTiyn" = "VatTiyn" + 1""");
            await db.Database.ExecuteSqlRawAsync("""UPDATE "OrderLines" SET "DiscountTiyn" = 100""");
        }

        var (exit, output) = await VerifyAsync();

        exit.Should().Be(1);
        output.Should().Contain("[BROKEN] orders' prices")
            .And.Contain($"order {order}: VAT 16% 255 652,42 ₸ (in all 255 652,41 ₸), priced 16% 255 652,41 ₸")
            .And.Contain($"order {order}: its lines' totals, rates or shares of discount and points are not the priced ones");
    }

    [Fact]
    public async Task A_bad_command_line_exits_2()
    {
        _ = _shop.Services;
        var (exit, output) = await VerifyAsync("--wait", "soon");

        exit.Should().Be(2);
        output.Should().Contain("usage: verify");
    }

    private async Task<string> PayAndDeliverAsync()
    {
        using var shopper = await _shop.SignedInAsync();
        var order = await OrderFlows.PlaceAsync(shopper, SeededCards.DemoKaspiGold, productId: 1, quantity: 2);
        await _shop.WaitForOutboxAsync();
        return order;
    }

    private async Task<(int Exit, string Output)> VerifyAsync(params string[] args)
    {
        await using var output = new StringWriter();
        var exit = await VerifyCommand.RunAsync(_shop.Services, args, output);
        return (exit, output.ToString());
    }
}
