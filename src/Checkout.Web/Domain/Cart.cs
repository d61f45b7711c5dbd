namespace Checkout.Web.Domain;

/// <summary>
/// A cart kept in the database: a guest's is found by the cart cookie (its <see cref="Id"/>),
/// a signed-in shopper's by <see cref="UserId"/>.
/// </summary>
public sealed class Cart
{
    public Guid Id { get; set; }

    public string? UserId { get; set; }

    /// <summary>Bumped by every checkout that takes the cart, which serializes two checkouts of one cart.</summary>
    public int Version { get; set; }

    /// <summary>The coupon the shopper applied; checked again, and its use counted, when the cart is paid for.</summary>
    public int? CouponId { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime UpdatedUtc { get; set; }

    public List<CartLine> Lines { get; set; } = [];
}
