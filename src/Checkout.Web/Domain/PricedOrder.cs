namespace Checkout.Web.Domain;

/// <summary>
/// What an order costs, as <see cref="Pricing.Price"/> works it out: goods → coupon discount → points → delivery =
/// total, the VAT included in it per rate, and each line's share of the discount and the points. A refused coupon or
/// points request (<see cref="Refusal"/>) is left out of the figures, which stay what the order would cost without it.
/// </summary>
public sealed record PricedOrder
{
    /// <summary>The lines at their unit prices (the cheapest offer), before anything is taken off.</summary>
    public required Money Goods { get; init; }

    /// <summary>The coupon's discount off the goods, whole tenge.</summary>
    public required Money Discount { get; init; }

    /// <summary>The points spent, whole points (1 point = 1 ₸).</summary>
    public required long PointsUsed { get; init; }

    public required Money Delivery { get; init; }

    public required Money Total { get; init; }

    /// <summary>The VAT included in the total, per rate, highest rate first; each rounded once, half up to the tiyn.</summary>
    public required IReadOnlyList<VatAmount> Vat { get; init; }

    /// <summary>The lines in the order they were given, with their shares.</summary>
    public required IReadOnlyList<PricedLine> Lines { get; init; }

    /// <summary>The most points this order may take: <see cref="PricingSettings.MaxPointsSharePercent"/> % of the goods after the coupon.</summary>
    public required long MaxPoints { get; init; }

    /// <summary>Whether a coupon was applied (and took effect: not refused for its minimum).</summary>
    public required bool CouponApplied { get; init; }

    public PricingRefusal Refusal { get; init; }

    /// <summary>How much more the goods must come to for the coupon's minimum; zero unless <see cref="PricingRefusal.CouponBelowMinimum"/>.</summary>
    public Money CouponShortBy { get; init; }

    public Money Points => Money.FromTenge(PointsUsed);

    public Money VatTotal => Money.Sum(Vat.Select(v => v.Vat));

    /// <summary>What the shopper pays for the goods, after the coupon and the points.</summary>
    public Money GoodsPaid => Goods - Discount - Points;

    /// <summary>The total before points: what the cart and its coupon cost, the amount a page's <c>expected_total</c> names.</summary>
    public Money DueBeforePoints => Total + Points;

    /// <summary>Nothing to pay: placed without touching a card.</summary>
    public bool IsFree => Total == Money.Zero;

    public bool Refused => Refusal != PricingRefusal.None;
}
