using Checkout.Web.Domain;

namespace Checkout.Web.Features.Catalog;

public sealed record ProductCard(int Id, string Name, string Color, string Storage, string Category, string ImageUrl,
    int Available, Money CheapestPrice, int StoreCount)
{
    public int Stock => Math.Max(0, Available);
}

public sealed record StoreOffer(string StoreName, Money Price);

public sealed record ProductDetails(int Id, string Name, string Color, string Storage, string Category, string Description,
    string ImageUrl, int Available, IReadOnlyList<StoreOffer> Offers)
{
    public Money CheapestPrice => Offers[0].Price;

    public int Stock => Math.Max(0, Available);
}
