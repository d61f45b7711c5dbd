using Checkout.Web.Data;
using Checkout.Web.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Checkout.Web.Features.Catalog;

public sealed class CatalogController(ShopDbContext db) : Controller
{
    [HttpGet("/")]
    [HttpGet("/main")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var products = await db.Products
            .Where(p => p.Offers.Any())
            .OrderBy(p => p.Id)
            .Select(p => new ProductCard(p.Id, p.Name, p.Color, p.Storage, p.Category, p.ImageUrl, p.Stock,
                new Money(p.Offers.Min(o => o.PriceTiyn)), p.Offers.Count))
            .ToListAsync(ct);
        return View(products);
    }

    [HttpGet("/products/{id:int}")]
    public async Task<IActionResult> Details(int id, CancellationToken ct)
    {
        var product = await db.Products
            .Where(p => p.Id == id && p.Offers.Any())
            .Select(p => new ProductDetails(p.Id, p.Name, p.Color, p.Storage, p.Category, p.Description, p.ImageUrl, p.Stock,
                p.Offers.OrderBy(o => o.PriceTiyn).ThenBy(o => o.StoreId)
                    .Select(o => new StoreOffer(o.Store!.Name, new Money(o.PriceTiyn))).ToList()))
            .FirstOrDefaultAsync(ct);
        return product is null ? NotFound() : View(product);
    }
}
