using Checkout.Web.Domain;

namespace Checkout.Web.Features.Admin;

/// <summary>A coupon in the admin's list, with how often it was used (its standing orders).</summary>
public sealed record AdminCouponRow(Coupon Coupon, int Orders);
