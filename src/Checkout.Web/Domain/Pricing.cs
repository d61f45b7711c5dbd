namespace Checkout.Web.Domain;

/// <summary>
/// The shop's one pricing rule, used by every page, the API, the checkout transaction, the receipts and <c>verify</c>:
/// goods at their unit prices → the coupon's discount (a percentage rounded half up to whole tenge, or a fixed amount,
/// never more than the goods) → points (whole tenge, at most <see cref="PricingSettings.MaxPointsSharePercent"/> % of
/// the goods after the coupon) → delivery (<see cref="DeliveryFee"/>, or nothing with a free-delivery coupon) = total.
/// Prices include VAT: per rate, gross × r / (100 + r) of the final amounts (lines after their shares; delivery at
/// 16 %), rounded half up to the tiyn once. The discount and the points are shared out over the lines in proportion
/// to them by largest remainder, so the lines sum to the order exactly. Pure: no clock, no database.
/// </summary>
public static class Pricing
{
    public static readonly Money DeliveryFee = Money.FromTenge(1_500);

    /// <param name="lines">The order's lines, in the order the shares come back.</param>
    /// <param name="coupon">The coupon's terms, when one is applied and may be used.</param>
    /// <param name="pointsRequested">Whole points to spend (0 for none).</param>
    /// <param name="settings">The points' share limit and the delivery fee.</param>
    public static PricedOrder Price(IReadOnlyList<PricingLine> lines, CouponTerms? coupon, long pointsRequested, PricingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfNegative(pointsRequested);
        ArgumentOutOfRangeException.ThrowIfNegative(settings.MaxPointsSharePercent);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(settings.MaxPointsSharePercent, 100);
        if (lines.Any(l => l.Quantity < 0 || l.UnitPrice < Money.Zero || !VatRates.IsAllowed(l.VatRate)))
        {
            throw new ArgumentException("A line has a negative quantity or price, or a VAT rate the shop doesn't have.", nameof(lines));
        }

        var refusal = PricingRefusal.None;
        var goods = Money.Sum(lines.Select(l => l.LineTotal));

        var shortBy = Money.Zero;
        if (coupon is not null && goods < coupon.MinSubtotal)
        {
            shortBy = coupon.MinSubtotal - goods;
            refusal = PricingRefusal.CouponBelowMinimum;
            coupon = null;
        }

        var discount = coupon is null ? Money.Zero : DiscountOf(coupon, goods);
        var afterCoupon = goods - discount;
        var maxPoints = afterCoupon.Tiyn * settings.MaxPointsSharePercent / 100 / Money.TiynPerTenge;
        var points = pointsRequested;
        if (points > maxPoints)
        {
            refusal = refusal == PricingRefusal.None ? PricingRefusal.PointsOverLimit : refusal;
            points = 0;
        }

        var pointsValue = Money.FromTenge(points);
        var delivery = coupon is { FreeDelivery: true } ? Money.Zero : settings.DeliveryFee;
        var totals = lines.Select(l => l.LineTotal.Tiyn).ToArray();
        var discountShares = Share(discount.Tiyn, totals);
        var pointsShares = Share(pointsValue.Tiyn, [.. totals.Select((t, i) => t - discountShares[i])]);
        var priced = lines
            .Select((l, i) => new PricedLine(l.LineTotal, new Money(discountShares[i]), new Money(pointsShares[i]), l.VatRate))
            .ToList();

        return new PricedOrder
        {
            Goods = goods,
            Discount = discount,
            PointsUsed = points,
            Delivery = delivery,
            Total = afterCoupon - pointsValue + delivery,
            Vat = VatOf(priced, delivery),
            Lines = priced,
            MaxPoints = maxPoints,
            CouponApplied = coupon is not null,
            Refusal = refusal,
            CouponShortBy = shortBy,
        };
    }

    /// <summary>The VAT included in <paramref name="gross"/> at <paramref name="rate"/> %: gross × r / (100 + r), half up to the tiyn.</summary>
    public static Money VatIn(Money gross, int rate) => new(HalfUp((Int128)gross.Tiyn * rate, 100 + rate));

    private static Money DiscountOf(CouponTerms coupon, Money goods)
    {
        var off = coupon.Kind switch
        {
            // goods × p / 100, in tiyn, rounded half up to whole tenge (100 tiyn).
            CouponKinds.Percent => Money.FromTenge(HalfUp((Int128)goods.Tiyn * coupon.Percent, 100 * Money.TiynPerTenge)),
            CouponKinds.Fixed => coupon.Amount,
            _ => throw new ArgumentException($"Coupon kind {coupon.Kind} is not one the shop knows.", nameof(coupon)),
        };
        return off > goods ? goods : off < Money.Zero ? Money.Zero : off;
    }

    private static List<VatAmount> VatOf(IReadOnlyList<PricedLine> lines, Money delivery)
    {
        var gross = lines.GroupBy(l => l.VatRate).ToDictionary(g => g.Key, g => Money.Sum(g.Select(l => l.Net)));
        if (delivery > Money.Zero)
        {
            gross[VatRates.Delivery] = gross.GetValueOrDefault(VatRates.Delivery) + delivery;
        }

        return [.. gross.OrderByDescending(g => g.Key).Select(g => new VatAmount(g.Key, g.Value, VatIn(g.Value, g.Key)))];
    }

    /// <summary>
    /// <paramref name="amount"/> shared over <paramref name="weights"/> in proportion (largest remainder): each gets the
    /// floor of its exact share, and the tiyn left over go one each to the largest remainders (the earlier line on a tie).
    /// </summary>
    public static long[] Share(long amount, long[] weights)
    {
        var shares = new long[weights.Length];
        var whole = weights.Sum();
        if (amount == 0 || whole == 0)
        {
            return shares;
        }

        var remainders = new Int128[weights.Length];
        for (var i = 0; i < weights.Length; i++)
        {
            var exact = (Int128)amount * weights[i];
            shares[i] = (long)(exact / whole);
            remainders[i] = exact % whole;
        }

        var left = amount - shares.Sum();
        foreach (var i in Enumerable.Range(0, weights.Length).OrderByDescending(i => remainders[i]).ThenBy(i => i).Take((int)left))
        {
            shares[i]++;
        }

        return shares;
    }

    /// <summary>n / d rounded half up, for n ≥ 0 and d &gt; 0.</summary>
    private static long HalfUp(Int128 numerator, long denominator) => (long)((numerator * 2 + denominator) / (denominator * 2));
}
