using System.Security.Claims;
using Checkout.Web.Features.Carts;
using Checkout.Web.Features.Catalog;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Checkout.Web.Features.Api.Catalog;

/// <summary>
/// The catalogue for the apps, read with the pages' <see cref="CatalogQuery"/>. Anyone may read it; with a bearer token,
/// <c>available</c> counts the shopper's own cart as theirs, as the pages do for a signed-in shopper.
/// </summary>
[Tags("Catalogue")]
public sealed class ApiCatalogController(CatalogQuery catalog, CartService carts) : ApiController
{
    /// <summary>Lists the products on sale: search by name, filter by category, sort, page.</summary>
    [HttpGet("/api/v1/products")]
    [EndpointName("ListProducts")]
    [ProducesResponseType<ProductPage>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, ApiProblem.ContentType)]
    public async Task<ActionResult<ProductPage>> List([FromQuery] ProductListQuery query, CancellationToken ct)
    {
        var page = query.Page ?? 1;
        var size = query.PageSize ?? ProductListQuery.DefaultPageSize;
        var filter = query.Filter;
        var total = await catalog.CountAsync(filter, ct);
        var items = await catalog.Cards(filter, await CartIdAsync(ct))
            .Skip((int)Math.Min((page - 1L) * size, int.MaxValue)).Take(size)
            .ToListAsync(ct);
        return new ProductPage(items.Select(ProductItem.From).ToList(), page, size, total, (total + size - 1) / size);
    }

    /// <summary>One product with its description and every store's price, cheapest first.</summary>
    [HttpGet("/api/v1/products/{id:int}")]
    [EndpointName("GetProduct")]
    [ProducesResponseType<ProductDetail>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ApiProblem.ContentType)]
    public async Task<ActionResult<ProductDetail>> Get(int id, CancellationToken ct) =>
        await catalog.DetailsAsync(id, await CartIdAsync(ct), ct) is { } product
            ? ProductDetail.From(product)
            : Refuse(StatusCodes.Status404NotFound, ApiCodes.ProductNotFound);

    /// <summary>The bearer shopper's cart, whose own reservations don't count against them; none for a guest.</summary>
    private async Task<Guid?> CartIdAsync(CancellationToken ct) =>
        User.FindFirstValue(ClaimTypes.NameIdentifier) is { } shopperId
            ? await carts.FindCartIdAsync(CartOwner.Shopper(shopperId), ct)
            : null;
}
