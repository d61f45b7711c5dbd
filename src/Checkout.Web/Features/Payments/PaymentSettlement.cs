using Checkout.Web.Data;
using Checkout.Web.Domain;
using Checkout.Web.Features.Loyalty;
using Checkout.Web.Features.Payments.Gateway;
using Checkout.Web.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Checkout.Web.Features.Payments;

/// <summary>
/// Settles what the gateway says about an online order, whoever brings the news (a notification, the shopper's return,
/// the sync job) and however often: a payment moves the order awaiting_payment → pending with one guarded
/// <c>UPDATE … WHERE Status = 'awaiting_payment'</c>, and only the statement that moved it writes the charge (under the
/// gateway's transaction id, unique), the points earned, <c>order.paid</c> and the paid attempt — so it happens once. A
/// payment for an order that was cancelled meanwhile (its window ended) is taken and given back through the outbox; a
/// refund is written to the ledger once, when the gateway confirms it. Each call is one write transaction.
/// </summary>
public sealed class PaymentSettlement(ShopDbContext db, WriteTransactions writes, TimeProvider clock, PointsWallet points, OutboxEvents events)
{
    /// <summary>The gateway says <paramref name="paid"/> went through.</summary>
    public async Task<Settled> ConfirmAsync(PaidAtGateway paid, CancellationToken ct)
    {
        await using var transaction = await writes.BeginAsync(db, ct);
        try
        {
            var outcome = await ConfirmInTransactionAsync(paid, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return outcome;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private async Task<Settled> ConfirmInTransactionAsync(PaidAtGateway paid, CancellationToken ct)
    {
        var order = await OnlineOrderAsync(paid.InvoiceId, ct);
        if (order is null)
        {
            return Settled.UnknownInvoice;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (paid.Amount != order.Total || paid.Currency != TengeAmount.Currency)
        {
            Record(order, PaymentAttemptKinds.Refused, paid.TransactionId, paid.Amount, (int)NotificationAnswer.WrongAmount,
                $"paid {paid.Amount} {paid.Currency}, the order is {order.Total} {TengeAmount.Currency}", now);
            return Settled.WrongAmount;
        }

        var from = order.Status;
        var result = order.ConfirmPayment(paid.TransactionId, now);
        if (result.Succeeded)
        {
            var moved = await db.Orders
                .Where(o => o.Id == order.Id && o.Status == OrderStatus.AwaitingPayment)
                .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, OrderStatus.Pending), ct);
            if (moved == 1)
            {
                var status = db.Entry(order).Property(o => o.Status);
                status.OriginalValue = OrderStatus.Pending;
                status.IsModified = false;
                Record(order, PaymentAttemptKinds.Paid, paid.TransactionId, paid.Amount, null, null, now);
                events.Add(db, OutboxEvents.OrderPaid, order.Number, new OrderPaidEvent(order.Number));
                await db.SaveChangesAsync(ct); // the charge, the timeline entry, the attempt, the event
                await points.EarnAtCheckoutAsync(db, order, ct);
                return Settled.Paid;
            }

            // Another caller settled or cancelled it between the read and the update: look again at what it is now.
            db.ChangeTracker.Clear();
            order = (await OnlineOrderAsync(paid.InvoiceId, ct))!;
            from = order.Status;
        }

        if (order.Ledger.Any(e => e.GatewayTransactionId == paid.TransactionId))
        {
            return Settled.AlreadyPaid; // a repeat of the notification, the return page after it, the sync job
        }

        if (await db.PaymentAttempts.AnyAsync(a => a.OrderId == order.Id && a.TransactionId == paid.TransactionId && a.Kind == PaymentAttemptKinds.Refused, ct))
        {
            return Settled.GivenBack; // already being given back
        }

        // Paid after its window ended (cancelled), or a second payment of one order: the money must go back.
        var keptInLedger = Order.IsUndone(from) && !order.Ledger.Any(e => e.Kind == LedgerEntryKinds.Charge);
        if (keptInLedger)
        {
            db.LedgerEntries.Add(new LedgerEntry
            {
                OrderId = order.Id, Kind = LedgerEntryKinds.Charge, AmountTiyn = paid.Amount.Tiyn, GatewayTransactionId = paid.TransactionId, CreatedUtc = now,
            });
        }

        Record(order, PaymentAttemptKinds.Refused, paid.TransactionId, paid.Amount, (int)NotificationAnswer.Accept,
            $"paid while {from.ToName()}: given back", now);
        events.Add(db, OutboxEvents.PaymentRefund, order.Number, new PaymentRefundEvent(order.Number, paid.TransactionId, paid.Amount.Tiyn));
        return Settled.GivenBack;
    }

    /// <summary>
    /// The gateway confirms the refund <paramref name="refundTransactionId"/> of the payment <paramref name="paymentTransactionId"/>:
    /// the ledger's refund is written once (a guarded insert: one refund per order and per gateway transaction), when the
    /// order's charge is that payment and the order is undone. Returns whether this call wrote it.
    /// </summary>
    public async Task<bool> RecordRefundAsync(string invoiceId, string paymentTransactionId, string refundTransactionId, Money amount, CancellationToken ct)
    {
        await using var transaction = await writes.BeginAsync(db, ct);
        try
        {
            var order = await OnlineOrderAsync(invoiceId, ct);
            var charge = order?.Ledger.FirstOrDefault(e => e.Kind == LedgerEntryKinds.Charge && e.GatewayTransactionId == paymentTransactionId);
            if (order is null || charge is null || !Order.IsUndone(order.Status) || amount.Tiyn != charge.AmountTiyn)
            {
                return false; // a payment the ledger never kept (a second one), or a refund the shop didn't ask for
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var written = await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "Payments" ("OrderId", "CardId", "Kind", "AmountTiyn", "CreatedUtc", "GatewayTransactionId")
                VALUES ({order.Id}, NULL, {LedgerEntryKinds.Refund}, {-charge.AmountTiyn}, {now}, {refundTransactionId})
                ON CONFLICT DO NOTHING
                """, ct);
            if (written == 1)
            {
                Record(order, PaymentAttemptKinds.Refunded, refundTransactionId, amount, null, $"refund of {paymentTransactionId}", now);
                await db.SaveChangesAsync(ct);
            }

            await transaction.CommitAsync(ct);
            return written == 1;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>Writes one attempt of its own (a decline, a Check, a refused notification) in a transaction of its own.</summary>
    public async Task<bool> RecordAsync(string invoiceId, string kind, string? transactionId, Money amount, int? code, string? note, CancellationToken ct)
    {
        await using var transaction = await writes.BeginAsync(db, ct);
        try
        {
            var order = await db.Orders.FirstOrDefaultAsync(o => o.Number == invoiceId && o.PaymentMethod == PaymentMethods.Online, ct);
            if (order is null)
            {
                return false;
            }

            if (transactionId is null || !await db.PaymentAttempts.AnyAsync(a => a.OrderId == order.Id && a.Kind == kind && a.TransactionId == transactionId, ct))
            {
                Record(order, kind, transactionId, amount, code, note, clock.GetUtcNow().UtcDateTime);
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
            }

            return true;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private Task<Order?> OnlineOrderAsync(string invoiceId, CancellationToken ct) =>
        db.Orders.Include(o => o.Ledger).FirstOrDefaultAsync(o => o.Number == invoiceId && o.PaymentMethod == PaymentMethods.Online, ct);

    private void Record(Order order, string kind, string? transactionId, Money amount, int? code, string? note, DateTime atUtc) =>
        db.PaymentAttempts.Add(new PaymentAttempt
        {
            OrderId = order.Id, Kind = kind, InvoiceId = order.Number, TransactionId = transactionId, AmountTiyn = amount.Tiyn, Code = code,
            Note = note is { Length: > Lengths.Note } ? note[..Lengths.Note] : note, CreatedUtc = atUtc,
        });
}

/// <summary>A payment the gateway reports as done, from a notification or its status.</summary>
public sealed record PaidAtGateway(string InvoiceId, string TransactionId, Money Amount, string? Currency);

public enum Settled
{
    /// <summary>This call confirmed it: the order is paid now.</summary>
    Paid,

    /// <summary>It was confirmed before (the same transaction).</summary>
    AlreadyPaid,

    /// <summary>Taken and given back: the order was cancelled meanwhile, or already paid by another transaction.</summary>
    GivenBack,

    UnknownInvoice,

    /// <summary>Another amount or currency than the order's: refused, and recorded for the admin.</summary>
    WrongAmount,
}
