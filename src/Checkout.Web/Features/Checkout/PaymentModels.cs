using System.Text.Json.Serialization;
using Checkout.Web.Domain;
using Checkout.Web.Features.Coupons;
using Checkout.Web.Features.Payments;

namespace Checkout.Web.Features.Checkout;

public sealed record CardOption(int Id, string Name, Money Balance);

/// <summary>The payment page: what the cart costs (its coupon applied when usable), the shopper's cards and available points.</summary>
public sealed record PaymentPage(PricedOrder Priced, IReadOnlyList<CardOption> Cards, int? SelectedCardId, string? Error, AppliedCoupon? Coupon = null,
    long PointsAvailable = 0, long PointsRequested = 0)
{
    /// <summary>The most points the shopper may spend here: what they have, up to the order's limit.</summary>
    public long PointsOffered => Math.Min(PointsAvailable, Priced.MaxPoints);

    /// <summary>The shopper's cards saved at the gateway, each a one-click online payment.</summary>
    public IReadOnlyList<SavedCardOption> SavedCards { get; init; } = [];
}

/// <summary>
/// The success body of <c>POST /process_payment</c>; amounts in whole tenge: seed 000's fields, then the coupon's
/// <c>discount</c> and the <c>points_used</c>. A saved card charged at the gateway leaves no balance in the shop: no
/// <c>new_balance</c> then.
/// </summary>
public sealed record PaymentSucceeded(string Status, string Message,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? NewBalance, long TotalPaid, string OrderNumber, long Discount, long PointsUsed);

/// <summary>The success body of an order that costs nothing: placed free, no card touched, <c>total_paid</c> 0.</summary>
public sealed record FreeOrderPlaced(string Status, string Message, string PaymentMethod, long TotalPaid, string OrderNumber, long Discount, long PointsUsed);

/// <summary>The 400 body for more points than the order may take: the error envelope and the limit, in whole points.</summary>
public sealed record PointsOverLimitBody(string Status, string Message, long MaxPoints);

/// <summary>
/// The 409 body when the cart changed since the page showed its total: SPEC's error envelope plus the cart's totals as
/// they are now (whole tenge), so the page shows them and its next «Төлеу» pays them.
/// </summary>
public sealed record CartChangedBody(string Status, string Message, long Subtotal, long Delivery, long Total, long Discount);

/// <summary>The success body of a cash-on-delivery order: nothing is debited, <c>total_due</c> is paid to the courier.</summary>
public sealed record OrderPlaced(string Status, string Message, string PaymentMethod, long TotalDue, string OrderNumber, long Discount, long PointsUsed);

/// <summary>An online order placed awaiting its payment: the shopper pays on <see cref="PaymentUrl"/>, the gateway's hosted page.</summary>
public sealed record OnlinePaymentOpened(string Status, string Message, string PaymentMethod, long TotalDue, string OrderNumber, string PaymentUrl,
    long Discount, long PointsUsed);
