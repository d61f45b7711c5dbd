using Checkout.Web.Data;
using Checkout.Web.Domain;
using Checkout.Web.Features.Coupons;
using Checkout.Web.Features.Loyalty;
using Checkout.Web.Features.Referrals;
using Checkout.Web.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Checkout.Web.Features.Orders;

/// <summary>
/// Saves the steps an <see cref="Order"/> takes, each in one write transaction: the order decides (yes, or no with a
/// reason); a yes is written with a guarded <c>UPDATE … WHERE Status = @from</c> (so of two racing requests exactly one
/// wins), then what the step means — a refund credited to the card it came from, the order's bonus points
/// (<see cref="PointsWallet.OrderMovedAsync"/>) and its referral shares (<see cref="ReferralRewards.OrderMovedAsync"/>), a cancelled order's coupon use given back, the units back in stock, each
/// a guarded statement, in the checkout's lock order (card, points, coupon, products) so the two never lock crosswise —
/// and the ledger, stock and timeline entries the order recorded. Cash recorded on delivery is the order's <c>order.paid</c>;
/// an undone online order's payment goes back through the gateway (<c>payment.refund</c>).
/// </summary>
public sealed class OrderLifecycle(ShopDbContext db, WriteTransactions writes, TimeProvider clock, PointsWallet points, ReferralRewards referrals, OutboxEvents events)
{
    /// <summary>Moves the order to <paramref name="to"/>. A shopper reaches only their own orders, and may only cancel.</summary>
    public Task<TransitionResult> MoveAsync(string number, OrderStatus to, Actor actor, CancellationToken ct) =>
        RunAsync(number, actor, (order, at) => order.MoveTo(to, actor, at), ct);

    /// <summary>The shopper asks to return a delivered or completed order, once per order.</summary>
    public Task<TransitionResult> RequestReturnAsync(string number, string? reason, Actor shopper, CancellationToken ct) =>
        RunAsync(number, shopper, (order, at) => order.RequestReturn(reason, shopper, at), ct);

    /// <summary>An admin approves a return (refund and restock: refunded) or rejects it (back to delivered).</summary>
    public Task<TransitionResult> DecideReturnAsync(string number, bool approve, Actor admin, CancellationToken ct) =>
        RunAsync(number, admin, (order, at) => order.DecideReturn(approve, admin, at), ct);

    private async Task<TransitionResult> RunAsync(string number, Actor actor, Func<Order, DateTime, TransitionResult> step, CancellationToken ct)
    {
        await using var transaction = await writes.BeginAsync(db, ct);
        try
        {
            var result = await StepAsync(number, actor, step, ct);
            if (result.Succeeded)
            {
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
            }

            return result;
        }
        finally
        {
            // Committed or not, the step is done with: a lost race's in-memory step must never be saved by a later SaveChanges.
            db.ChangeTracker.Clear();
        }
    }

    private async Task<TransitionResult> StepAsync(string number, Actor actor, Func<Order, DateTime, TransitionResult> step, CancellationToken ct)
    {
        // Everything a step reads: the lines to restock, the ledger to refund, the return request.
        var order = await db.Orders
            .Include(o => o.Lines)
            .Include(o => o.Ledger)
            .Include(o => o.Return)
            .AsSplitQuery()
            .FirstOrDefaultAsync(o => o.Number == number && (actor.IsAdmin || actor.Role == Actors.System || o.UserId == actor.UserId), ct);
        if (order is null)
        {
            return new TransitionResult(TransitionOutcome.NotFound);
        }

        var from = order.Status;
        var result = step(order, clock.GetUtcNow().UtcDateTime);
        if (!result.Succeeded)
        {
            return result;
        }

        var to = order.Status;
        var moved = await db.Orders
            .Where(o => o.Id == order.Id && o.Status == from)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, to), ct);
        if (moved != 1)
        {
            var now = await db.Orders.Where(o => o.Id == order.Id).Select(o => o.Status).FirstAsync(ct);
            return new TransitionResult(TransitionOutcome.Lost, now, to);
        }

        // The guarded UPDATE wrote the state: the database holds it now, SaveChanges doesn't write it again.
        var status = db.Entry(order).Property(o => o.Status);
        status.OriginalValue = to;
        status.IsModified = false;
        await PayBackAsync(order, result.LedgerEntries, ct);
        await referrals.LockPointsForStepAsync(db, order, from, to, ct); // PostgreSQL: every balance it moves, in one order
        await points.OrderMovedAsync(db, order, from, to, ct);
        await referrals.OrderMovedAsync(db, order, from, to, ct); // its referral shares released or taken back
        if (result.ReleasesCouponId is { } couponId)
        {
            await CouponService.ReleaseAsync(db, order.Id, couponId, ct);
        }

        await RestockAsync(order, result.StockMovements, ct);
        if (result.LedgerEntries.Any(e => e.Kind == LedgerEntryKinds.Cash))
        {
            events.Add(db, OutboxEvents.OrderPaid, order.Number, new OrderPaidEvent(order.Number)); // the courier has the cash
        }

        if (order.OnlineChargeToRefund is { GatewayTransactionId: { } transaction } charge)
        {
            // The gateway gives an online payment back; its refund is in the ledger once the gateway confirms it.
            events.Add(db, OutboxEvents.PaymentRefund, order.Number, new PaymentRefundEvent(order.Number, transaction, charge.AmountTiyn));
        }

        return result;
    }

    /// <summary>Credits each refund to the card it came from; cash handed back moves no card.</summary>
    private async Task PayBackAsync(Order order, IReadOnlyList<LedgerEntry> entries, CancellationToken ct)
    {
        foreach (var refund in entries.Where(e => e.Kind == LedgerEntryKinds.Refund))
        {
            var amount = -refund.AmountTiyn;
            var credited = await db.Cards
                .Where(c => c.Id == refund.CardId)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.BalanceTiyn, c => c.BalanceTiyn + amount), ct);
            if (credited != 1)
            {
                throw new InvalidOperationException($"Card {refund.CardId} of order {order.Number} is gone: the refund can't be paid.");
            }
        }
    }

    /// <summary>Puts the units back on the shelf, product by product in the order the movements come (product order).</summary>
    private async Task RestockAsync(Order order, IReadOnlyList<StockMovement> movements, CancellationToken ct)
    {
        foreach (var movement in movements)
        {
            var restocked = await db.Products
                .Where(p => p.Id == movement.ProductId)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.Stock, p => p.Stock + movement.Delta), ct);
            if (restocked != 1)
            {
                throw new InvalidOperationException($"Product {movement.ProductId} of order {order.Number} is gone: it can't be restocked.");
            }
        }
    }
}
