using Checkout.Web.Domain;

namespace Checkout.Web.Features.Payments.Sandbox;

/// <summary>A payment (by the hosted page or a saved card) or a refund of one, as the sandbox's books hold it.</summary>
/// <param name="PaymentId">For a refund: the payment it gives back.</param>
/// <param name="Refunded">For a payment: how much of it has been refunded so far.</param>
public sealed record SandboxTransaction(
    long Id,
    SandboxTransactionKind Kind,
    string? OrderId,
    long? PaymentId,
    string InvoiceId,
    string? AccountId,
    string? Email,
    string? Description,
    Money Amount,
    string Currency,
    string Status,
    string? Reason,
    int ReasonCode,
    string? CardType,
    string? CardFirstSix,
    string? CardLastFour,
    string? CardExpDate,
    string? CardHolder,
    string? Token,
    Money Refunded,
    DateTime CreatedUtc);
