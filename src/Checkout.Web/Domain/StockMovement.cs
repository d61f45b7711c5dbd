namespace Checkout.Web.Domain;

/// <summary>
/// A stock ledger entry: every change of a product's stock is one, so Σ deltas of a product = its stock.
/// </summary>
public sealed class StockMovement
{
    public int Id { get; set; }

    public int ProductId { get; set; }

    /// <summary>The order a sale or a restock belongs to; null for openings and admin adjustments.</summary>
    public int? OrderId { get; set; }

    public int Delta { get; set; }

    public required string Reason { get; set; }

    public DateTime CreatedUtc { get; set; }
}
