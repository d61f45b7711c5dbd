using Checkout.Web.Data;
using Checkout.Web.Domain;
using Checkout.Web.Features.Payments.Gateway;
using Microsoft.EntityFrameworkCore;

namespace Checkout.Web.Features.Payments;

/// <summary>
/// What the shop answers the gateway's believed notifications, and what it asks the gateway itself (the return page, the
/// sync job): a Check is accepted only for an order still awaiting exactly that amount; a Pay confirms the order
/// (<see cref="PaymentSettlement"/>); a Fail is recorded as a decline and never touches a paid order; a Refund writes the
/// ledger's refund once.
/// </summary>
public sealed class PaymentNotifications(ShopDbContext db, PaymentSettlement settlement, IPaymentGateway gateway, SavedCards savedCards)
{
    public async Task<NotificationAnswer> AnswerAsync(GatewayNotification notification, CancellationToken ct)
    {
        var invoice = notification.InvoiceId ?? "";
        switch (notification.Kind)
        {
            case NotificationKind.Pay:
                var settled = await settlement.ConfirmAsync(new PaidAtGateway(invoice, notification.TransactionId, notification.Amount, notification.Currency), ct);
                if (settled is Settled.Paid or Settled.AlreadyPaid)
                {
                    await savedCards.KeepAsync(notification, ct); // the card the shopper asked to save, whichever Pay brings it
                }

                return settled switch
                {
                    Settled.UnknownInvoice => NotificationAnswer.UnknownInvoice,
                    Settled.WrongAmount => NotificationAnswer.WrongAmount,
                    _ => NotificationAnswer.Accept,
                };
            case NotificationKind.Check:
                return await CheckAsync(notification, invoice, ct);
            case NotificationKind.Fail:
                return await settlement.RecordAsync(invoice, PaymentAttemptKinds.Declined, notification.TransactionId, notification.Amount,
                    notification.ReasonCode, notification.Reason, ct) ? NotificationAnswer.Accept : NotificationAnswer.UnknownInvoice;
            case NotificationKind.Refund:
                if (!await db.Orders.AnyAsync(o => o.Number == invoice && o.PaymentMethod == PaymentMethods.Online, ct))
                {
                    return NotificationAnswer.UnknownInvoice;
                }

                await settlement.RecordRefundAsync(invoice, notification.PaymentTransactionId ?? "", notification.TransactionId, notification.Amount, ct);
                return NotificationAnswer.Accept;
            default:
                return NotificationAnswer.CannotAccept;
        }
    }

    /// <summary>
    /// Asks the gateway how the order's payment stands and settles what it says: paid → confirmed (once), declined →
    /// recorded. Returns the state, or null when the gateway could not be asked.
    /// </summary>
    public async Task<GatewayPaymentState?> SyncAsync(string orderNumber, CancellationToken ct)
    {
        var status = await gateway.GetStatusAsync(orderNumber, ct);
        if (!status.Succeeded)
        {
            return null;
        }

        var payment = status.Value!;
        switch (payment.State)
        {
            case GatewayPaymentState.Paid when payment is { TransactionId: { } transaction, Amount: { } amount }:
                await settlement.ConfirmAsync(new PaidAtGateway(orderNumber, transaction, amount, payment.Currency), ct);
                break;
            case GatewayPaymentState.Declined:
                await settlement.RecordAsync(orderNumber, PaymentAttemptKinds.Declined, payment.TransactionId, payment.Amount ?? default,
                    payment.ReasonCode, payment.Reason, ct);
                break;
        }

        return payment.State;
    }

    private async Task<NotificationAnswer> CheckAsync(GatewayNotification check, string invoice, CancellationToken ct)
    {
        var order = await db.Orders.AsNoTracking()
            .Where(o => o.Number == invoice && o.PaymentMethod == PaymentMethods.Online)
            .Select(o => new { o.Status, o.TotalTiyn })
            .FirstOrDefaultAsync(ct);
        if (order is null)
        {
            return NotificationAnswer.UnknownInvoice;
        }

        if (check.Amount.Tiyn != order.TotalTiyn || check.Currency != TengeAmount.Currency)
        {
            await settlement.RecordAsync(invoice, PaymentAttemptKinds.Refused, check.TransactionId, check.Amount, (int)NotificationAnswer.WrongAmount,
                $"Check for {check.Amount} {check.Currency}, the order is {new Money(order.TotalTiyn)}", ct);
            return NotificationAnswer.WrongAmount;
        }

        var open = order.Status == OrderStatus.AwaitingPayment;
        await settlement.RecordAsync(invoice, PaymentAttemptKinds.Notified, check.TransactionId, check.Amount,
            (int)(open ? NotificationAnswer.Accept : NotificationAnswer.CannotAccept), $"Check while {order.Status.ToName()}", ct);
        return open ? NotificationAnswer.Accept : NotificationAnswer.CannotAccept; // paid already, or cancelled: don't charge
    }
}
