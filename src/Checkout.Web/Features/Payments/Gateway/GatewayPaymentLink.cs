namespace Checkout.Web.Features.Payments.Gateway;

/// <param name="PaymentUrl">The hosted page the shopper is sent to.</param>
/// <param name="GatewayOrderId">The gateway's id of the payment it opened (CloudPayments: the order's id).</param>
public sealed record GatewayPaymentLink(Uri PaymentUrl, string GatewayOrderId, string InvoiceId);
