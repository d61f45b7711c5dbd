using Checkout.Web.Data;
using Checkout.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Checkout.Web.Features.Orders;

/// <summary>
/// Moves orders through their states (see <see cref="OrderTransitions"/>), each move one write transaction: a
/// guarded <c>UPDATE … WHERE Status = @from</c> (so of two racing requests exactly one wins), then what the move
/// means — a refund to the card it came from and the goods back in stock on a cancel or an approved return, the
/// cash recorded when a cash-on-delivery order is handed over — every money and stock change a guarded statement
/// with a ledger entry, and a timeline entry saying who and when.
/// </summary>
public sealed class OrderLifecycle(ShopDbContext db, WriteTransactions writes, TimeProvider clock)
{
    /// <summary>Moves the order to <paramref name="to"/>. A shopper reaches only their own orders, and may only cancel.</summary>
    public Task<TransitionResult> MoveAsync(string number, string to, Actor actor, CancellationToken ct) =>
        RunAsync(number, actor, async order =>
        {
            // A pending return is decided in the returns queue, which also closes the request.
            var mayAsk = order.Status != OrderStatus.ReturnRequested
                && (actor.IsAdmin ? OrderTransitions.AdminSettable.Contains(to) : to == OrderStatus.Cancelled);
            return mayAsk ? await StepAsync(order, to, actor, note: null, ct) : Illegal(order, to);
        }, ct);

    /// <summary>The shopper asks to return a delivered or completed order, once per order.</summary>
    public Task<TransitionResult> RequestReturnAsync(string number, string? reason, Actor shopper, CancellationToken ct) =>
        RunAsync(number, shopper, async order =>
        {
            if (await db.Returns.AnyAsync(r => r.OrderId == order.Id, ct))
            {
                return new TransitionResult(TransitionOutcome.ReturnAlreadyRequested, order.Status);
            }

            if (!OrderTransitions.IsAllowed(order.Status, OrderStatus.ReturnRequested))
            {
                return Illegal(order, OrderStatus.ReturnRequested);
            }

            reason = reason?.Trim();
            if (string.IsNullOrEmpty(reason) || reason.Length > ReturnStatus.MaxReasonLength)
            {
                return new TransitionResult(TransitionOutcome.ReturnReasonRequired, order.Status);
            }

            var result = await StepAsync(order, OrderStatus.ReturnRequested, shopper, reason, ct);
            if (result.Succeeded)
            {
                db.Returns.Add(new ReturnRequest { OrderId = order.Id, Reason = reason, RequestedUtc = clock.GetUtcNow().UtcDateTime });
            }

            return result;
        }, ct);

    /// <summary>An admin approves a return (refund and restock: refunded) or rejects it (back to delivered).</summary>
    public Task<TransitionResult> DecideReturnAsync(string number, bool approve, Actor admin, CancellationToken ct) =>
        RunAsync(number, admin, async order =>
        {
            if (order.Status != OrderStatus.ReturnRequested)
            {
                return new TransitionResult(TransitionOutcome.NoPendingReturn, order.Status);
            }

            var result = await StepAsync(order, approve ? OrderStatus.Refunded : OrderStatus.Delivered, admin, note: null, ct);
            if (!result.Succeeded)
            {
                return result;
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var decided = await db.Returns
                .Where(r => r.OrderId == order.Id && r.Status == ReturnStatus.Requested)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(r => r.Status, approve ? ReturnStatus.Approved : ReturnStatus.Rejected)
                    .SetProperty(r => r.DecidedUtc, now)
                    .SetProperty(r => r.DecidedBy, admin.Email), ct);
            return decided == 1 ? result : throw new InvalidOperationException($"Order {number} awaited a return decision but had no open return request.");
        }, ct);

    private async Task<TransitionResult> RunAsync(string number, Actor actor, Func<OrderFacts, Task<TransitionResult>> move, CancellationToken ct)
    {
        await using var transaction = await writes.BeginAsync(db, ct);
        var order = await db.Orders
            .Where(o => o.Number == number && (actor.IsAdmin || o.UserId == actor.UserId))
            .Select(o => new OrderFacts(o.Id, o.Number, o.Status, o.PaymentMethod, o.TotalTiyn))
            .FirstOrDefaultAsync(ct);
        if (order is null)
        {
            return new TransitionResult(TransitionOutcome.NotFound);
        }

        var result = await move(order);
        if (result.Succeeded)
        {
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }

        return result;
    }

    private static TransitionResult Illegal(OrderFacts order, string to) => new(TransitionOutcome.Illegal, order.Status, to);

    /// <summary>One guarded step from the state the order was read in; a lost race changes nothing and says where the order is now.</summary>
    private async Task<TransitionResult> StepAsync(OrderFacts order, string to, Actor actor, string? note, CancellationToken ct)
    {
        if (!OrderTransitions.IsAllowed(order.Status, to))
        {
            return Illegal(order, to);
        }

        var moved = await db.Orders
            .Where(o => o.Id == order.Id && o.Status == order.Status)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, to), ct);
        if (moved != 1)
        {
            var now = await db.Orders.Where(o => o.Id == order.Id).Select(o => o.Status).FirstAsync(ct);
            return new TransitionResult(TransitionOutcome.Lost, now, to);
        }

        var at = clock.GetUtcNow().UtcDateTime;
        if (OrderTransitions.RefundsAndRestocks(to))
        {
            await RefundAsync(order.Id, at, ct);
            await RestockAsync(order.Id, to == OrderStatus.Cancelled ? StockReasons.Cancel : StockReasons.Return, at, ct);
        }
        else if (order.PaymentMethod == PaymentMethods.CashOnDelivery && OrderTransitions.HandsOverGoods(order.Status, to))
        {
            db.LedgerEntries.Add(new LedgerEntry { OrderId = order.Id, CardId = null, Kind = LedgerEntryKinds.Cash, AmountTiyn = order.TotalTiyn, CreatedUtc = at });
        }

        db.OrderEvents.Add(new OrderEvent
        {
            OrderId = order.Id,
            FromStatus = order.Status,
            ToStatus = to,
            ActorRole = actor.Role,
            ActorId = actor.UserId,
            ActorEmail = actor.Email,
            Note = note,
            CreatedUtc = at,
        });
        return new TransitionResult(TransitionOutcome.Done, to);
    }

    /// <summary>Gives back what the order took: the card charge to its card, collected cash as cash. Nothing taken, nothing given.</summary>
    private async Task RefundAsync(int orderId, DateTime at, CancellationToken ct)
    {
        var taken = await db.LedgerEntries
            .Where(p => p.OrderId == orderId && (p.Kind == LedgerEntryKinds.Charge || p.Kind == LedgerEntryKinds.Cash))
            .Select(p => new { p.Kind, p.CardId, p.AmountTiyn })
            .ToListAsync(ct);
        foreach (var payment in taken)
        {
            if (payment.Kind == LedgerEntryKinds.Charge)
            {
                var amount = payment.AmountTiyn;
                var credited = await db.Cards
                    .Where(c => c.Id == payment.CardId)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.BalanceTiyn, c => c.BalanceTiyn + amount), ct);
                if (credited != 1)
                {
                    throw new InvalidOperationException($"Card {payment.CardId} of order {orderId} is gone: the refund can't be paid.");
                }
            }

            db.LedgerEntries.Add(new LedgerEntry
            {
                OrderId = orderId,
                CardId = payment.CardId,
                Kind = payment.Kind == LedgerEntryKinds.Charge ? LedgerEntryKinds.Refund : LedgerEntryKinds.CashRefund,
                AmountTiyn = -payment.AmountTiyn,
                CreatedUtc = at,
            });
        }
    }

    /// <summary>Puts the order's units back on the shelf, product by product in a fixed order (as checkout takes them).</summary>
    private async Task RestockAsync(int orderId, string reason, DateTime at, CancellationToken ct)
    {
        var lines = await db.OrderLines
            .Where(l => l.OrderId == orderId)
            .GroupBy(l => l.ProductId)
            .Select(g => new { ProductId = g.Key, Quantity = g.Sum(l => l.Quantity) })
            .OrderBy(l => l.ProductId)
            .ToListAsync(ct);
        foreach (var line in lines)
        {
            var restocked = await db.Products
                .Where(p => p.Id == line.ProductId)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.Stock, p => p.Stock + line.Quantity), ct);
            if (restocked != 1)
            {
                throw new InvalidOperationException($"Product {line.ProductId} of order {orderId} is gone: it can't be restocked.");
            }

            db.StockMovements.Add(new StockMovement { ProductId = line.ProductId, OrderId = orderId, Delta = line.Quantity, Reason = reason, CreatedUtc = at });
        }
    }

    private sealed record OrderFacts(int Id, string Number, string Status, string PaymentMethod, long TotalTiyn);
}
