using Checkout.Web.Domain;

namespace Checkout.Web.Features.Payments.Gateway;

/// <summary>A payment as the gateway reports it.</summary>
/// <param name="Refunded">Some or all of it has been refunded.</param>
/// <param name="Token">The saved card's token, when the shopper saved it.</param>
/// <param name="ReasonCode">The gateway's code for a decline (CloudPayments: 5051 insufficient funds, …).</param>
public sealed record GatewayPayment(
    GatewayPaymentState State,
    string? TransactionId = null,
    string? InvoiceId = null,
    Money? Amount = null,
    string? Currency = null,
    bool Refunded = false,
    string? Token = null,
    string? CardMask = null,
    string? Reason = null,
    int? ReasonCode = null)
{
    public static readonly GatewayPayment NotFound = new(GatewayPaymentState.NotFound);
}
