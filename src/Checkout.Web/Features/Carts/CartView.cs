using Checkout.Web.Domain;

namespace Checkout.Web.Features.Carts;

public sealed record CartLineView(int ProductId, string Name, string Color, string Storage, string ImageUrl, int Quantity, Money UnitPrice,
    int VatRate = VatRates.Standard)
{
    public Money LineTotal => UnitPrice * Quantity;

    public PricingLine ToPricing() => new(UnitPrice, Quantity, VatRate);
}

/// <summary>A cart as its pages show it: the lines at current prices and what they cost (<see cref="Pricing"/>), points aside.</summary>
public sealed record CartView(IReadOnlyList<CartLineView> Lines, PricedOrder Priced)
{
    public static readonly CartView Empty = new([], Pricing.Price([], null, 0, PricingSettings.Default));

    public bool IsEmpty => Lines.Count == 0;

    public int ItemCount => Lines.Sum(l => l.Quantity);
}
