namespace Checkout.Web.Domain;

/// <summary>Why a price can't be had as asked; the priced order then leaves the refused part out.</summary>
public enum PricingRefusal
{
    None,

    /// <summary>The goods are below the coupon's minimum subtotal (<see cref="PricedOrder.CouponShortBy"/> short): no discount.</summary>
    CouponBelowMinimum,

    /// <summary>More points than <see cref="PricedOrder.MaxPoints"/> were asked for: none are used.</summary>
    PointsOverLimit,
}
