using Checkout.Web.Data;
using Checkout.Web.Domain;
using Checkout.Web.Features.Payments.Gateway;
using Checkout.Web.Outbox;

namespace Checkout.Web.Features.Payments;

/// <summary>
/// Delivers <c>payment.refund</c>: asks the gateway to refund the transaction, with an idempotency key of its own
/// (<c>X-Request-ID</c> = the order number, "refund" and the transaction), so a retry refunds nothing more. The gateway
/// down or refusing throws: the outbox tries again with backoff and, after its limit, keeps it as a dead letter for the
/// admin. The refund's ledger entry is written when the gateway's answer confirms it — or its Refund notification,
/// whichever comes first. It calls out before any transaction, so the shop's writers never wait for the gateway.
/// </summary>
public sealed class GatewayRefunds(IServiceScopeFactory scopes) : IOutboxHandler
{
    public const string HandlerName = "gateway-refund";

    public string EventType => OutboxEvents.PaymentRefund;

    public string Name => HandlerName;

    public bool WritesDatabase => false;

    public static string IdempotencyKey(string orderNumber, string transactionId) => $"{orderNumber}-refund-{transactionId}";

    public async Task HandleAsync(OutboxMessage message, ShopDbContext db, CancellationToken ct)
    {
        var refund = OutboxEvents.Read<PaymentRefundEvent>(message);
        await using var scope = scopes.CreateAsyncScope();
        var gateway = scope.ServiceProvider.GetRequiredService<IPaymentGateway>();
        var amount = new Money(refund.AmountTiyn);
        var answer = await gateway.RefundAsync(refund.TransactionId, amount, IdempotencyKey(refund.OrderNumber, refund.TransactionId), ct);
        if (!answer.Succeeded)
        {
            throw new GatewayRefundFailedException(
                $"The gateway did not refund {amount} of transaction {refund.TransactionId} (order {refund.OrderNumber}): {answer.Failure} {answer.Message}");
        }

        await scope.ServiceProvider.GetRequiredService<PaymentSettlement>()
            .RecordRefundAsync(refund.OrderNumber, refund.TransactionId, answer.Value!.RefundTransactionId, amount, ct);
    }
}

/// <summary>The gateway could not refund now: the outbox retries.</summary>
public sealed class GatewayRefundFailedException(string message) : Exception(message);
