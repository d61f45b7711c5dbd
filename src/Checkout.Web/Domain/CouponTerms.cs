namespace Checkout.Web.Domain;

/// <summary>
/// What a coupon does to a price, the part of it <see cref="Pricing"/> needs: <see cref="Percent"/> % of the goods or
/// <see cref="Amount"/> off them (never more than the goods), delivery free or not, and the goods subtotal it needs.
/// Whether the coupon may be used at all (dates, uses left, the shopper's own uses) is checked before pricing.
/// </summary>
public sealed record CouponTerms(string Kind, int Percent, Money Amount, bool FreeDelivery, Money MinSubtotal)
{
    public static CouponTerms PercentOff(int percent, bool freeDelivery = false, Money minSubtotal = default) =>
        new(CouponKinds.Percent, percent, Money.Zero, freeDelivery, minSubtotal);

    public static CouponTerms AmountOff(Money amount, bool freeDelivery = false, Money minSubtotal = default) =>
        new(CouponKinds.Fixed, 0, amount, freeDelivery, minSubtotal);
}
