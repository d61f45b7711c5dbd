namespace Checkout.Web.Domain;

/// <summary>The coupon an order is placed with: which one, its code as the shopper typed it (normalized), and the shopper's use slot.</summary>
public sealed record CouponUse(int CouponId, string Code, int? Slot);
