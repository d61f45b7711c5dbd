namespace Checkout.Web.Domain;

/// <summary>
/// A priced line: its goods, its share of the coupon's discount and of the points, and what is left of it (the amount
/// its VAT is part of). The shares of all lines sum exactly to the order's discount and points.
/// </summary>
public sealed record PricedLine(Money LineTotal, Money Discount, Money Points, int VatRate)
{
    public Money Net => LineTotal - Discount - Points;
}
