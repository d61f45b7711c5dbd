using Checkout.Web.Data;
using Checkout.Web.Domain;
using Checkout.Web.Features.Inventory;
using Microsoft.EntityFrameworkCore;

namespace Checkout.Web.Features.Catalog;

/// <summary>
/// The catalogue as a visitor sees it, for the pages and the API alike: only products some store sells, each at its
/// cheapest offer, with the units the visitor's cart could still take (stock − other carts' live reservations).
/// </summary>
public sealed class CatalogQuery(ShopDbContext db, TimeProvider clock)
{
    /// <summary>The products the filter lets through, in its order, as cards; page with <c>Skip</c>/<c>Take</c>.</summary>
    public IQueryable<ProductCard> Cards(ProductFilter filter, Guid? cartId)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return Sorted(Listed(filter), filter.Sort)
            .Select(p => new ProductCard(p.Id, p.Name, p.Color, p.Storage, p.Category, p.ImageUrl,
                p.Stock - db.StockReservations.Where(r => r.ProductId == p.Id && r.ExpiresUtc > now && r.CartId != cartId).Sum(r => r.Quantity),
                new Money(p.Offers.Min(o => o.PriceTiyn)), p.Offers.Count));
    }

    public Task<int> CountAsync(ProductFilter filter, CancellationToken ct) => Listed(filter).CountAsync(ct);

    /// <summary>One product on sale with every store's price, cheapest first; null when there is none.</summary>
    public Task<ProductDetails?> DetailsAsync(int id, Guid? cartId, CancellationToken ct)
    {
        var held = Stock.HeldByOthers(db, id, cartId, clock.GetUtcNow().UtcDateTime);
        return db.Products
            .Where(p => p.Id == id && p.Offers.Any())
            .Select(p => new ProductDetails(p.Id, p.Name, p.Color, p.Storage, p.Category, p.Description, p.ImageUrl,
                p.Stock - held.Sum(),
                p.Offers.OrderBy(o => o.PriceTiyn).ThenBy(o => o.StoreId)
                    .Select(o => new StoreOffer(o.Store!.Name, new Money(o.PriceTiyn))).ToList()))
            .FirstOrDefaultAsync(ct);
    }

    private IQueryable<Product> Listed(ProductFilter filter)
    {
        var products = db.Products.Where(p => p.Offers.Any());
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            // lower() on both sides, so it reads the same on SQLite (ASCII folding only) and PostgreSQL.
            var term = filter.Search.Trim().ToLowerInvariant();
            products = products.Where(p => p.Name.ToLower().Contains(term));
        }

        if (!string.IsNullOrEmpty(filter.Category))
        {
            products = products.Where(p => p.Category == filter.Category);
        }

        return products;
    }

    private static IQueryable<Product> Sorted(IQueryable<Product> products, ProductSort sort) => sort switch
    {
        ProductSort.PriceAscending => products.OrderBy(p => p.Offers.Min(o => o.PriceTiyn)).ThenBy(p => p.Id),
        ProductSort.PriceDescending => products.OrderByDescending(p => p.Offers.Min(o => o.PriceTiyn)).ThenBy(p => p.Id),
        ProductSort.Name => products.OrderBy(p => p.Name.ToLower()).ThenBy(p => p.Id), // «ASUS» among the «Apple»s, on either database
        _ => products.OrderBy(p => p.Id),
    };
}
