using Checkout.Web.Data;
using Checkout.Web.Domain;
using Checkout.Web.Features.Carts;
using Checkout.Web.Features.Inventory;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Checkout.Web.Features.Catalog;

/// <summary>The catalogue; stock shown is what the visitor could still add: stock − other carts' live reservations.</summary>
public sealed class CatalogController(ShopDbContext db, CartService carts, TimeProvider clock) : Controller
{
    [HttpGet("/")]
    [HttpGet("/main")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var cartId = await carts.FindCartIdAsync(CartCookie.OwnerOf(HttpContext), ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var products = await db.Products
            .Where(p => p.Offers.Any())
            .OrderBy(p => p.Id)
            .Select(p => new ProductCard(p.Id, p.Name, p.Color, p.Storage, p.Category, p.ImageUrl,
                p.Stock - db.StockReservations.Where(r => r.ProductId == p.Id && r.ExpiresUtc > now && r.CartId != cartId).Sum(r => r.Quantity),
                new Money(p.Offers.Min(o => o.PriceTiyn)), p.Offers.Count))
            .ToListAsync(ct);
        return View(products);
    }

    [HttpGet("/products/{id:int}")]
    public async Task<IActionResult> Details(int id, CancellationToken ct)
    {
        var cartId = await carts.FindCartIdAsync(CartCookie.OwnerOf(HttpContext), ct);
        var held = Stock.HeldByOthers(db, id, cartId, clock.GetUtcNow().UtcDateTime);
        var product = await db.Products
            .Where(p => p.Id == id && p.Offers.Any())
            .Select(p => new ProductDetails(p.Id, p.Name, p.Color, p.Storage, p.Category, p.Description, p.ImageUrl,
                p.Stock - held.Sum(),
                p.Offers.OrderBy(o => o.PriceTiyn).ThenBy(o => o.StoreId)
                    .Select(o => new StoreOffer(o.Store!.Name, new Money(o.PriceTiyn))).ToList()))
            .FirstOrDefaultAsync(ct);
        return product is null ? NotFound() : View(product);
    }
}
