namespace Checkout.Web.Domain;

/// <summary>
/// The totals every receipt shows, in this order — goods, the coupon's discount, the points, delivery, total, and the
/// VAT included per rate — whether priced now (<see cref="PricedOrder"/>: cart, checkout, payment) or as an order was
/// placed (its snapshot: order page, admin, e-mail).
/// </summary>
public sealed record ReceiptTotals(Money Goods, Money Discount, string? CouponCode, long PointsUsed, Money Delivery, Money Total,
    IReadOnlyList<VatAmount> Vat)
{
    public Money Points => Money.FromTenge(PointsUsed);

    public static ReceiptTotals Of(PricedOrder priced, string? couponCode = null) =>
        new(priced.Goods, priced.Discount, priced.CouponApplied ? couponCode : null, priced.PointsUsed, priced.Delivery, priced.Total, priced.Vat);

    public static ReceiptTotals Of(Order order) =>
        new(order.Subtotal, order.Discount, order.CouponCode, order.PointsUsed, order.Delivery, order.Total,
            [.. order.Vat.OrderByDescending(v => v.Rate).Select(v => new VatAmount(v.Rate, v.Gross, v.Vat))]);
}
