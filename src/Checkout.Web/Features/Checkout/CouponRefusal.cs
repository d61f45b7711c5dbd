using Checkout.Web.Domain;

namespace Checkout.Web.Features.Checkout;

/// <summary>A coupon refused at checkout: why, and what the reason's text needs.</summary>
public sealed record CouponRefusal(CouponProblem Problem, string Code, Money MinSubtotal, Money ShortBy, DateTime? ValidFromUtc);
