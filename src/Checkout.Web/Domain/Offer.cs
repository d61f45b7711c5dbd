namespace Checkout.Web.Domain;

/// <summary>One store's price for a product; the shop sells at the cheapest offer.</summary>
public sealed class Offer
{
    public int ProductId { get; set; }

    public int StoreId { get; set; }

    public Store? Store { get; set; }

    public long PriceTiyn { get; set; }

    public Money Price => new(PriceTiyn);
}
