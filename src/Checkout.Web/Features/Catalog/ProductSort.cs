namespace Checkout.Web.Features.Catalog;

/// <summary>How the catalogue is ordered: by id (as the main page), by cheapest price either way, or by name.</summary>
public enum ProductSort
{
    Id,
    PriceAscending,
    PriceDescending,
    Name,
}
