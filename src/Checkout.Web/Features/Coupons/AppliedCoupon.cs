using Checkout.Web.Domain;

namespace Checkout.Web.Features.Coupons;

/// <summary>
/// The coupon on a cart as its page shows it: its code and, when it can't be used now, why (the cart is then priced
/// without it, and the checkout refuses it for that reason): its first day, or how much more the goods must come to.
/// </summary>
public sealed record AppliedCoupon(string Code, CouponTerms Terms, CouponProblem Problem, Money ShortBy = default, DateTime? ValidFromUtc = null)
{
    public bool Usable => Problem == CouponProblem.None;

    public Money MinSubtotal => Terms.MinSubtotal;
}
