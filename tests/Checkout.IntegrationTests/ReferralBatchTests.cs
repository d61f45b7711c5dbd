using Checkout.IntegrationTests.Referrals;
using Checkout.Web.Domain;
using Checkout.Web.Features.Referrals;
using Checkout.Web.Outbox;
using Checkout.Web.Workers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Checkout.IntegrationTests;

/// <summary>
/// The outbox worker distributes the paid orders of one batch together (a few statements for all of them): the result
/// is what one by one gives, whatever the batch mixes. The shop runs no worker of its own, so the test says when it
/// delivers and every message waiting is in that one batch. The cheap product's 29 990 ₸ give R = 2 999: under a
/// referrer at letter A, slot A 150 and direct 150 to them, slots B…J 8 × 150 + 149 and 450 to the pool, 900 to the shop.
/// </summary>
public sealed class ReferralBatchTests : IDisposable
{
    private const long Reward = 2_999;

    private const long PoolPerOrder = 8 * 150 + 149 + 450;

    private readonly ShopFactory _shop = new() { TestDeliversOutbox = true };

    public void Dispose() => _shop.Dispose();

    [Fact]
    public async Task One_batch_of_repeat_buyers_a_first_order_a_delivered_and_a_cancelled_one_pays_each_share_once()
    {
        var referrer = await ReferralPeople.JoinAsync(_shop, "referrer@batch.test", null);
        var regular = await ReferralPeople.JoinAsync(_shop, "regular@batch.test", referrer, canBuy: true);
        var newcomer = await ReferralPeople.JoinAsync(_shop, "newcomer@batch.test", referrer, canBuy: true);
        await ReferralPeople.SetPoolAsync(_shop, 0);
        var (shopper, first) = await ReferralPeople.BuyAsync(_shop, regular);
        await _shop.DeliverOutboxAsync(); // the regular's first paid order: no gift from the empty pool, none later
        await ReferralPeople.SetPoolAsync(_shop, 10_000);
        using var admin = await OrderFlows.AdminAsync(_shop);

        var card = await ReferralPeople.CardOfAsync(_shop, regular);
        var repeats = new[] { await OrderFlows.PlaceAsync(shopper, card), await OrderFlows.PlaceAsync(shopper, card) };
        var (newShopper, newcomers) = await ReferralPeople.BuyAsync(_shop, newcomer);
        var delivered = await OrderFlows.PlaceAsync(shopper, card);
        await OrderFlows.DriveToAsync(shopper, admin, delivered, OrderStatus.Delivered);
        var cancelled = await OrderFlows.PlaceAsync(newShopper, await ReferralPeople.CardOfAsync(_shop, newcomer));
        await OrderFlows.DriveToAsync(newShopper, admin, cancelled, OrderStatus.Cancelled);
        (await WaitingAsync(ReferralHandler.HandlerName)).Should().Be(5, "the test delivers: every paid order's event is in the next batch");

        await _shop.Services.GetRequiredService<OutboxWorker>().DeliverDueAsync(CancellationToken.None);

        await using (var db = _shop.OpenDatabase())
        {
            (await db.OutboxMessages.CountAsync(m => m.ProcessedUtc == null)).Should().Be(0);
            (await db.OutboxMessages.CountAsync(m => m.Handler == ReferralHandler.HandlerName && m.Attempts != 1)).Should().Be(0, "delivered together, at the first attempt");
            (await db.DailySales.SumAsync(d => d.Orders)).Should().Be(6, "the sales count took its batch together too");
            (await db.ReferralDistributions.Where(d => repeats.Contains(d.OrderNumber)).Select(d => d.CreatedUtc).Distinct().CountAsync())
                .Should().Be(1, "the repeat orders' distributions were written together, in one statement, at one time");
        }

        foreach (var number in repeats.Append(newcomers).Append(delivered))
        {
            (await ReferralPeople.SharesAsync(_shop, number)).Sum(s => s.Points).Should().Be(Reward, number);
        }

        (await ReferralPeople.DistributionAsync(_shop, repeats[0]))!.Status.Should().Be(ReferralDistribution.Pending);
        (await ReferralPeople.DistributionAsync(_shop, delivered))!.Status.Should().Be(ReferralDistribution.Released);
        (await ReferralPeople.DistributionAsync(_shop, cancelled))!.Status.Should().Be(ReferralDistribution.Void);
        (await ReferralPeople.SharesAsync(_shop, cancelled)).Should().BeEmpty();
        (await ReferralPeople.DistributionAsync(_shop, newcomers))!.Gift.Should().Be(500, "the newcomer's first paid order, from a full pool");
        (await ReferralPeople.DistributionAsync(_shop, repeats[1]))!.Gift.Should().Be(0);

        var referrers = await ReferralPeople.PointsOfAsync(_shop, referrer);
        (referrers.Pending, referrers.Available).Should().Be((4 * 300L, 300L), "slot A and direct of each order: four pending, the delivered one available");
        (await ReferralPeople.PointsOfAsync(_shop, newcomer)).Pending.Should().Be(299 + 500, "the order's own 1 % and the gift (the cancelled order's points went back)");
        var pool = await ReferralPeople.AccountAsync(_shop, ReferralAccount.Pool);
        (pool.Available, pool.Pending).Should().Be((10_000 - 500 + PoolPerOrder, 4 * PoolPerOrder));
        var shop = await ReferralPeople.AccountAsync(_shop, ReferralAccount.Shop);
        (shop.Available, shop.Pending).Should().Be((900L, 4 * 900L));
        await Ledger.AssertReplaysAsync(_shop);

        // Delivered again, all together (a worker that died before its mark): nothing is written twice.
        await using (var db = _shop.OpenDatabase())
        {
            await db.OutboxMessages.Where(m => m.Handler == ReferralHandler.HandlerName).ExecuteUpdateAsync(s => s.SetProperty(m => m.ProcessedUtc, (DateTime?)null));
        }

        await _shop.DeliverOutboxAsync();
        await using (var db = _shop.OpenDatabase())
        {
            (await db.ReferralShares.CountAsync(s => s.OrderNumber != first)).Should().Be(4 * 13, "thirteen shares an order: A to I, J, direct, pool, shop");
            (await db.PointsEntries.CountAsync(e => e.UserId == referrer && e.Kind == PointsEntryKinds.ReferralEarned)).Should().Be(5);
        }

        (await ReferralPeople.AccountAsync(_shop, ReferralAccount.Pool)).Pending.Should().Be(4 * PoolPerOrder);
        await Ledger.AssertReplaysAsync(_shop);
    }

    [Fact]
    public async Task A_message_that_fails_in_a_batch_fails_alone_and_the_rest_of_the_batch_is_distributed()
    {
        var referrer = await ReferralPeople.JoinAsync(_shop, "referrer@batch.test", null);
        var buyer = await ReferralPeople.JoinAsync(_shop, "buyer@batch.test", referrer, canBuy: true);
        await ReferralPeople.SetPoolAsync(_shop, 0);
        var (shopper, _) = await ReferralPeople.BuyAsync(_shop, buyer);
        await _shop.DeliverOutboxAsync();
        var card = await ReferralPeople.CardOfAsync(_shop, buyer);
        var paid = new[] { await OrderFlows.PlaceAsync(shopper, card), await OrderFlows.PlaceAsync(shopper, card) };
        await using (var db = _shop.OpenDatabase())
        {
            var now = DateTime.UtcNow;
            db.OutboxMessages.Add(new OutboxMessage
            {
                Type = OutboxEvents.OrderPaid, Handler = ReferralHandler.HandlerName, Subject = "CHK-NONE",
                Payload = System.Text.Json.JsonSerializer.Serialize(new OrderPaidEvent("CHK-NONE"), Checkout.Web.Infrastructure.ShopJson.Options), CreatedUtc = now, NextAttemptUtc = now,
            });
            await db.SaveChangesAsync();
        }

        await _shop.Services.GetRequiredService<OutboxWorker>().DeliverDueAsync(CancellationToken.None);

        await using (var db = _shop.OpenDatabase())
        {
            var failed = await db.OutboxMessages.SingleAsync(m => m.Subject == "CHK-NONE");
            (failed.ProcessedUtc, failed.Attempts).Should().Be(((DateTime?)null, 1));
            failed.LastError.Should().Contain("Order CHK-NONE not found");
            (await db.OutboxMessages.CountAsync(m => m.Subject != "CHK-NONE" && m.ProcessedUtc == null)).Should().Be(0);
        }

        foreach (var number in paid)
        {
            (await ReferralPeople.SharesAsync(_shop, number)).Sum(s => s.Points).Should().Be(Reward);
        }

        (await ReferralPeople.PointsOfAsync(_shop, referrer)).Pending.Should().Be(3 * 300);
    }

    private async Task<int> WaitingAsync(string handler)
    {
        await using var db = _shop.OpenDatabase();
        return await db.OutboxMessages.CountAsync(m => m.Handler == handler && m.ProcessedUtc == null);
    }
}
