using System.ComponentModel.DataAnnotations;

namespace Checkout.Web.Features.Admin;

/// <summary>One store's price on the product form.</summary>
public sealed class StorePrice
{
    public int StoreId { get; set; }

    public string StoreName { get; set; } = "";

    /// <summary>Whole tenge; null when the store doesn't sell the product.</summary>
    [Range(1, 100_000_000_000, ErrorMessage = "PriceInvalid")]
    public long? Price { get; set; }
}
