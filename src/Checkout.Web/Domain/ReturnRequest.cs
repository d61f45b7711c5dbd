namespace Checkout.Web.Domain;

/// <summary>A shopper's request to return an order; at most one per order (a unique index).</summary>
public sealed class ReturnRequest
{
    public int Id { get; set; }

    public int OrderId { get; set; }

    public required string Reason { get; set; }

    /// <summary><see cref="ReturnStatus"/>.</summary>
    public string Status { get; set; } = ReturnStatus.Requested;

    public DateTime RequestedUtc { get; set; }

    public DateTime? DecidedUtc { get; set; }

    public string? DecidedBy { get; set; }
}
