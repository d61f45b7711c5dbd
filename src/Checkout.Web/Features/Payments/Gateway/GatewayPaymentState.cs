namespace Checkout.Web.Features.Payments.Gateway;

public enum GatewayPaymentState
{
    /// <summary>The gateway knows no payment for the invoice (yet).</summary>
    NotFound,

    /// <summary>Started but not finished (authorised, awaiting 3-D Secure).</summary>
    Pending,

    Paid,

    Declined,

    /// <summary>An authorisation released without a charge.</summary>
    Cancelled,
}
