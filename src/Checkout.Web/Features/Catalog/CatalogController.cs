using Checkout.Web.Features.Carts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Checkout.Web.Features.Catalog;

/// <summary>The catalogue; stock shown is what the visitor could still add: stock − other carts' live reservations.</summary>
public sealed class CatalogController(CatalogQuery catalog, CartService carts) : Controller
{
    [HttpGet("/")]
    [HttpGet("/main")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var cartId = await carts.FindCartIdAsync(CartCookie.OwnerOf(HttpContext), ct);
        return View(await catalog.Cards(ProductFilter.All, cartId).ToListAsync(ct));
    }

    [HttpGet("/products/{id:int}")]
    public async Task<IActionResult> Details(int id, CancellationToken ct)
    {
        var cartId = await carts.FindCartIdAsync(CartCookie.OwnerOf(HttpContext), ct);
        return await catalog.DetailsAsync(id, cartId, ct) is { } product ? View(product) : NotFound();
    }
}
