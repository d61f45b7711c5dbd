namespace Checkout.Web.Features.Catalog;

/// <summary>Which products a catalogue listing shows: a name search (any case), an exact category, an order.</summary>
public sealed record ProductFilter(string? Search = null, string? Category = null, ProductSort Sort = ProductSort.Id)
{
    /// <summary>Every product that is on sale, in id order: the main page.</summary>
    public static readonly ProductFilter All = new();
}
