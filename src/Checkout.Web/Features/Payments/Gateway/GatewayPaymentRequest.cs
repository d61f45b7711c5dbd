using Checkout.Web.Domain;

namespace Checkout.Web.Features.Payments.Gateway;

/// <param name="InvoiceId">The shop's id of this payment attempt; notifications and the status name it.</param>
/// <param name="ReturnUrl">Where the hosted page sends the shopper's browser after paying or being declined.</param>
/// <param name="SaveCard">Offer the shopper to save the card: its token comes with the Pay notification.</param>
/// <param name="AccountId">The shopper, whom a saved card's token belongs to.</param>
public sealed record GatewayPaymentRequest(
    string InvoiceId,
    Money Amount,
    string Currency,
    string Description,
    string? Email,
    Uri ReturnUrl,
    bool SaveCard,
    string? AccountId = null);
