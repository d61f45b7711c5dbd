using Checkout.Web.Domain;

namespace Checkout.Web.Features.Payments.Gateway;

/// <summary>A notification whose signature held, as the gateway sent it.</summary>
/// <param name="TransactionId">The gateway's transaction; for a Refund, the refund's own (the payment's is <paramref name="PaymentTransactionId"/>).</param>
/// <param name="Status">The gateway's status of the transaction (<c>Completed</c>, <c>Declined</c>, …).</param>
/// <param name="Token">A saved card's token (Pay, when the shopper saved the card).</param>
public sealed record GatewayNotification(
    NotificationKind Kind,
    string TransactionId,
    string? InvoiceId,
    Money Amount,
    string? Currency,
    string? Status,
    string? PaymentTransactionId = null,
    string? AccountId = null,
    string? Email = null,
    string? Token = null,
    string? CardType = null,
    string? CardFirstSix = null,
    string? CardLastFour = null,
    string? CardExpDate = null,
    string? Reason = null,
    int? ReasonCode = null,
    bool TestMode = false)
{
    /// <summary>The card as a shopper recognises it, e.g. <c>Visa •••• 4242</c>; null when the notification names none.</summary>
    public string? CardMask => CardMasks.Format(CardType, CardLastFour);
}
