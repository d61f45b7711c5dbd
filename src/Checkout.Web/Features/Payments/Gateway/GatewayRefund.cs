namespace Checkout.Web.Features.Payments.Gateway;

/// <param name="RefundTransactionId">The gateway's transaction of the refund itself (its Refund notification names it).</param>
public sealed record GatewayRefund(string RefundTransactionId);
