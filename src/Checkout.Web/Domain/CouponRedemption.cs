namespace Checkout.Web.Domain;

/// <summary>
/// One use of a coupon by an order: one row per order (unique), and for a coupon limited per shopper one row per use
/// <see cref="Slot"/> of the shopper (unique per coupon, shopper and slot), so the database itself refuses a use past
/// the limit. Deleted when the order is cancelled, which gives the use back.
/// </summary>
public sealed class CouponRedemption
{
    public int Id { get; set; }

    public int CouponId { get; set; }

    public int OrderId { get; set; }

    public string UserId { get; set; } = "";

    /// <summary>Which of the shopper's uses this is, 1 to the coupon's per-shopper limit; null when that is unlimited.</summary>
    public int? Slot { get; set; }

    public DateTime CreatedUtc { get; set; }
}
