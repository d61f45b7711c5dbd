using Checkout.Web.Domain;

namespace Checkout.Web.Features.Coupons;

/// <summary>
/// The coupon on a cart as its page shows it: its code and, when it can't be used now, why (the cart is then priced
/// without it, and the checkout refuses it for that reason): its first day, or how much more the goods must come to.
/// </summary>
public sealed record AppliedCoupon(string Code, CouponProblem Problem, Money ShortBy = default, DateTime? ValidFromUtc = null, Money MinSubtotal = default)
{
    public bool Usable => Problem == CouponProblem.None;
}
