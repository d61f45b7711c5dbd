using Checkout.Web.Domain;

namespace Checkout.Web.Features.Payments.Gateway;

/// <summary>
/// An online card gateway with a hosted payment page, as the shop uses one: create a payment, read its signed
/// notifications, ask its status, refund it, charge a saved card. CloudPayments is the one we have
/// (<see cref="CloudPaymentsGateway"/>); another provider is another implementation of this.
/// </summary>
/// <remarks>
/// What the gateway answers, a "no" included, is a value; only an answer that never came or can't be read is a
/// <see cref="GatewayFailure"/>, and even then the payment may have happened: ask <see cref="GetStatusAsync"/> again later.
/// </remarks>
public interface IPaymentGateway
{
    /// <summary>Opens a payment for <see cref="GatewayPaymentRequest.InvoiceId"/> and returns the hosted page the shopper pays on.</summary>
    Task<GatewayResult<GatewayPaymentLink>> CreatePaymentAsync(GatewayPaymentRequest request, CancellationToken ct);

    /// <summary>
    /// Checks a notification's signature against its raw body and reads it. <paramref name="kind"/> is the endpoint it
    /// came to: the gateway sends each kind to a URL of its own, and a Check reads like a Pay.
    /// </summary>
    NotificationCheck VerifyNotification(NotificationKind kind, ReadOnlySpan<byte> body, IHeaderDictionary headers);

    /// <summary>The latest payment for an invoice: paid, declined, still open, or none.</summary>
    Task<GatewayResult<GatewayPayment>> GetStatusAsync(string invoiceId, CancellationToken ct);

    /// <summary>
    /// Refunds <paramref name="amount"/> (all or part) of a paid transaction. With <paramref name="idempotencyKey"/>
    /// a repeat of the same request is answered as the first one was, and refunds nothing more.
    /// </summary>
    Task<GatewayResult<GatewayRefund>> RefundAsync(string transactionId, Money amount, string? idempotencyKey, CancellationToken ct);

    /// <summary>Charges a card saved on an earlier payment, without the shopper on the hosted page.</summary>
    Task<GatewayResult<GatewayPayment>> ChargeTokenAsync(GatewayTokenCharge charge, CancellationToken ct);
}
