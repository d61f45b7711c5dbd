namespace Checkout.Web.Domain;

/// <summary>A line to price: the unit price (VAT included), how many, and the product's VAT rate.</summary>
public sealed record PricingLine(Money UnitPrice, int Quantity, int VatRate = VatRates.Standard)
{
    public Money LineTotal => UnitPrice * Quantity;
}
