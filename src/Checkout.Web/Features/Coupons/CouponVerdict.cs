using Checkout.Web.Domain;

namespace Checkout.Web.Features.Coupons;

/// <summary>Whether a coupon may be used on a cart, and if not, why (with what the reason's text needs).</summary>
public sealed record CouponVerdict(CouponProblem Problem, Coupon? Coupon = null, Money ShortBy = default)
{
    /// <summary>There are no lines to apply a coupon to: «Себет бос».</summary>
    public static readonly CouponVerdict NoCart = new(CouponProblem.None) { CartEmpty = true };

    public bool CartEmpty { get; init; }

    public bool Accepted => Problem == CouponProblem.None && !CartEmpty;
}
