using Checkout.Web.Domain;
using Checkout.Web.Features.Coupons;

namespace Checkout.Web.Features.Carts;

public sealed record CartLineView(int ProductId, string Name, string Color, string Storage, string ImageUrl, int Quantity, Money UnitPrice,
    int VatRate = VatRates.Standard)
{
    public Money LineTotal => UnitPrice * Quantity;

    public PricingLine ToPricing() => new(UnitPrice, Quantity, VatRate);
}

/// <summary>
/// A cart as its pages show it: the lines at current prices, its coupon, and what they cost (<see cref="Pricing"/>, with
/// the coupon when it can be used now), points aside.
/// </summary>
public sealed record CartView(IReadOnlyList<CartLineView> Lines, PricedOrder Priced, AppliedCoupon? Coupon = null)
{
    public static readonly CartView Empty = new([], Pricing.Price([], null, 0, PricingSettings.Default));

    public IReadOnlyList<PricingLine> PricingLines => [.. Lines.Select(l => l.ToPricing())];

    public bool IsEmpty => Lines.Count == 0;

    public int ItemCount => Lines.Sum(l => l.Quantity);
}
