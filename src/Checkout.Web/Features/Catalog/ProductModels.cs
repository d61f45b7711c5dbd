using Checkout.Web.Domain;

namespace Checkout.Web.Features.Catalog;

public sealed record ProductCard(int Id, string Name, string Color, string Storage, string Category, string ImageUrl,
    int Stock, Money CheapestPrice, int StoreCount);

public sealed record StoreOffer(string StoreName, Money Price);

public sealed record ProductDetails(int Id, string Name, string Color, string Storage, string Category, string Description,
    string ImageUrl, int Stock, IReadOnlyList<StoreOffer> Offers)
{
    public Money CheapestPrice => Offers[0].Price;
}
