using Checkout.Web.Data;
using Checkout.Web.Domain;
using Checkout.Web.Features.Carts;
using Checkout.Web.Features.Checkout;
using Checkout.Web.Features.Orders;
using Checkout.Web.Features.Payments.Gateway;
using Microsoft.EntityFrameworkCore;

namespace Checkout.Web.Features.Payments;

/// <summary>
/// Pays a cart with a saved card in one click: the order is placed awaiting its online payment (stock, coupon and points
/// held, as for the hosted page, so the gateway's Check finds it), the gateway charges the card's token (<c>X-Request-ID</c>
/// = the order's own key: a retry charges once), and the charge is settled like any confirmed online payment
/// (<see cref="PaymentSettlement"/>: the ledger's charge under the gateway's transaction, points, <c>order.paid</c>, the
/// paid attempt — once). Declined, refused or unanswered, the order is cancelled at once, which gives back all it held, and
/// its goods go back into the cart; a payment the gateway took after all is then given back by the settlement, as for any order cancelled before it was paid.
/// </summary>
public sealed class OneClickPayment(
    ShopDbContext db, CheckoutService checkout, CartService carts, IPaymentGateway gateway, PaymentSettlement settlement, OrderLifecycle lifecycle)
{
    private static readonly Actor TheShop = new(Actors.System, null, null);

    public static string IdempotencyKey(string orderNumber) => $"{orderNumber}-token-charge";

    public async Task<CheckoutResult> PayAsync(string userId, Guid? cartId, int savedCardId, Money? expectedTotal, long pointsRequested, CancellationToken ct)
    {
        var card = await db.SavedCards.AsNoTracking().FirstOrDefaultAsync(c => c.Id == savedCardId && c.UserId == userId, ct);
        if (card is null)
        {
            return CheckoutResult.Fail(CheckoutError.SavedCardNotFound);
        }

        var placed = await checkout.HoldForSavedCardAsync(userId, cartId, expectedTotal, pointsRequested, ct);
        if (!placed.Succeeded || placed.PaymentMethod != PaymentMethods.Online)
        {
            return placed; // refused, or free: nothing to charge
        }

        var number = placed.OrderNumber!;
        var email = await db.Users.Where(u => u.Id == userId).Select(u => u.Email).FirstOrDefaultAsync(ct);
        var charged = await gateway.ChargeTokenAsync(
            new GatewayTokenCharge(card.Token, userId, number, placed.TotalPaid, TengeAmount.Currency, number, email, IdempotencyKey(number)), ct);
        if (charged is { Succeeded: true, Value: { State: GatewayPaymentState.Paid, TransactionId: { } transaction, Amount: { } amount } payment })
        {
            var settled = await settlement.ConfirmAsync(new PaidAtGateway(number, transaction, amount, payment.Currency), ct);
            if (settled is Settled.Paid or Settled.AlreadyPaid)
            {
                return placed;
            }
        }
        else if (charged is { Succeeded: true, Value: { State: GatewayPaymentState.Declined } declined })
        {
            await settlement.RecordAsync(number, PaymentAttemptKinds.Declined, declined.TransactionId, placed.TotalPaid, declined.ReasonCode, declined.Reason, ct);
        }

        var cancelled = await lifecycle.MoveAsync(number, OrderStatus.Cancelled, TheShop, ct);
        if (!cancelled.Succeeded && await db.Orders.AnyAsync(o => o.Number == number && o.Status == OrderStatus.Pending, ct))
        {
            return placed; // the gateway's Pay notification settled it meanwhile: it is paid
        }

        if (cancelled.Succeeded)
        {
            await carts.RefillFromOrderAsync(userId, number, ct);
        }

        return CheckoutResult.Fail(charged.Failure is GatewayFailure.Unavailable or GatewayFailure.InvalidAnswer or GatewayFailure.NotConfigured
            ? CheckoutError.GatewayUnavailable
            : CheckoutError.SavedCardDeclined);
    }
}
