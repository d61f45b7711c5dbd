using Checkout.Web.Domain;

namespace Checkout.Web.Features.Payments.Gateway;

/// <param name="AccountId">The shopper the token was saved for: the gateway refuses another's.</param>
/// <param name="IdempotencyKey">With it, a repeat of the same charge is answered as the first one was and charges nothing more.</param>
public sealed record GatewayTokenCharge(
    string Token,
    string AccountId,
    string InvoiceId,
    Money Amount,
    string Currency,
    string Description,
    string? Email,
    string? IdempotencyKey = null);
