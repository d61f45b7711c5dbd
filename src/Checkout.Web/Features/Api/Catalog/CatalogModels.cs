using System.ComponentModel.DataAnnotations;
using Checkout.Web.Features.Catalog;
using Microsoft.AspNetCore.Mvc;

namespace Checkout.Web.Features.Api.Catalog;

/// <summary>The query of <c>GET /api/v1/products</c>; a value out of range is <c>validation_failed</c> naming the field.</summary>
public sealed class ProductListQuery
{
    public const int DefaultPageSize = 20;

    public const int MaxPageSize = 100;

    /// <summary>Words in the product's name, any case.</summary>
    [FromQuery(Name = "q")]
    [Display(Name = "q")]
    [StringLength(100, ErrorMessage = "FieldTooLong")]
    public string? Q { get; set; }

    /// <summary>Exactly one category, as the products list it (e.g. <c>Смартфондар</c>).</summary>
    [FromQuery(Name = "category")]
    [Display(Name = "category")]
    [StringLength(100, ErrorMessage = "FieldTooLong")]
    public string? Category { get; set; }

    /// <summary><c>price_asc</c>, <c>price_desc</c> or <c>name</c>; by id when absent.</summary>
    [FromQuery(Name = "sort")]
    [Display(Name = "sort")]
    [RegularExpression("^(price_asc|price_desc|name)$", ErrorMessage = "FieldValueNotAllowed")]
    public string? Sort { get; set; }

    /// <summary>The page, from 1.</summary>
    [FromQuery(Name = "page")]
    [Display(Name = "page")]
    [Range(1, int.MaxValue, ErrorMessage = "FieldAtLeast")]
    public int? Page { get; set; }

    /// <summary>Products per page, 1 to 100 (20 when absent).</summary>
    [FromQuery(Name = "page_size")]
    [Display(Name = "page_size")]
    [Range(1, MaxPageSize, ErrorMessage = "FieldOutOfRange")]
    public int? PageSize { get; set; }

    public ProductFilter Filter => new(Q, Category, Sort switch
    {
        "price_asc" => ProductSort.PriceAscending,
        "price_desc" => ProductSort.PriceDescending,
        "name" => ProductSort.Name,
        _ => ProductSort.Id,
    });
}

/// <summary>A product on sale, at its cheapest offer.</summary>
/// <param name="Id">The product's id.</param>
/// <param name="Name">Its name, e.g. «Apple iPhone 17 Pro Max».</param>
/// <param name="Color">Its colour as the stores list it (Russian, e.g. «Оранжевый»).</param>
/// <param name="Storage">Its memory or size, e.g. <c>256GB</c>.</param>
/// <param name="Category">Its category (Kazakh, e.g. «Смартфондар»).</param>
/// <param name="Price">The cheapest store's price, in tiyn (1 ₸ = 100 tiyn): what the shop sells it for.</param>
/// <param name="Currency">Always <c>KZT</c>.</param>
/// <param name="Stores">How many stores sell it.</param>
/// <param name="Available">Units the caller's cart could add now: stock less what other carts hold.</param>
/// <param name="ImageUrl">Its picture, a path on the shop (e.g. <c>/images/products/….svg</c>).</param>
public sealed record ProductItem(int Id, string Name, string Color, string Storage, string Category, long Price, string Currency,
    int Stores, int Available, string ImageUrl)
{
    public static ProductItem From(ProductCard card) => new(card.Id, card.Name, card.Color, card.Storage, card.Category,
        card.CheapestPrice.Tiyn, ApiController.Currency, card.StoreCount, card.Stock, card.ImageUrl);
}

/// <summary>One page of the catalogue.</summary>
/// <param name="Items">The products on this page.</param>
/// <param name="Page">This page, from 1.</param>
/// <param name="PageSize">Products per page.</param>
/// <param name="TotalItems">Products the query matches, on all pages.</param>
/// <param name="TotalPages">Pages the query fills (0 when nothing matches).</param>
public sealed record ProductPage(IReadOnlyList<ProductItem> Items, int Page, int PageSize, int TotalItems, int TotalPages);

/// <summary>One store's price for a product.</summary>
/// <param name="Store">The store's name.</param>
/// <param name="Price">Its price, in tiyn.</param>
/// <param name="Currency">Always <c>KZT</c>.</param>
public sealed record ProductOffer(string Store, long Price, string Currency);

/// <summary>A product on sale with its description and every store's price, cheapest first.</summary>
/// <param name="Id">The product's id.</param>
/// <param name="Name">Its name.</param>
/// <param name="Color">Its colour as the stores list it (Russian).</param>
/// <param name="Storage">Its memory or size.</param>
/// <param name="Category">Its category (Kazakh).</param>
/// <param name="Price">The cheapest store's price, in tiyn: what the shop sells it for.</param>
/// <param name="Currency">Always <c>KZT</c>.</param>
/// <param name="Stores">How many stores sell it.</param>
/// <param name="Available">Units the caller's cart could add now.</param>
/// <param name="ImageUrl">Its picture, a path on the shop.</param>
/// <param name="Description">What the product is (Kazakh).</param>
/// <param name="Offers">Every store's price, cheapest first.</param>
public sealed record ProductDetail(int Id, string Name, string Color, string Storage, string Category, long Price, string Currency,
    int Stores, int Available, string ImageUrl, string Description, IReadOnlyList<ProductOffer> Offers)
{
    public static ProductDetail From(ProductDetails product) => new(product.Id, product.Name, product.Color, product.Storage,
        product.Category, product.CheapestPrice.Tiyn, ApiController.Currency, product.Offers.Count, product.Stock, product.ImageUrl,
        product.Description,
        product.Offers.Select(o => new ProductOffer(o.StoreName, o.Price.Tiyn, ApiController.Currency)).ToList());
}
