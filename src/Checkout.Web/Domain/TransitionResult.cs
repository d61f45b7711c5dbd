namespace Checkout.Web.Domain;

/// <summary>
/// The outcome of a step; <see cref="Status"/> is the order's state afterwards (or as found). A step that was taken
/// lists what it wrote besides the state: ledger entries (refunds are negative, on the card they go back to), stock
/// movements (units back on the shelf) and a coupon use given back, for the caller to pay out, restock and release with
/// guarded statements.
/// </summary>
public sealed record TransitionResult(TransitionOutcome Outcome, OrderStatus? Status = null, OrderStatus? Requested = null)
{
    public bool Succeeded => Outcome == TransitionOutcome.Done;

    public IReadOnlyList<LedgerEntry> LedgerEntries { get; init; } = [];

    public IReadOnlyList<StockMovement> StockMovements { get; init; } = [];

    /// <summary>The coupon whose use the step gives back (a cancelled order's), for the caller to release with guarded statements.</summary>
    public int? ReleasesCouponId { get; init; }

    public static TransitionResult Refused(TransitionOutcome reason, OrderStatus status, OrderStatus? requested = null) => new(reason, status, requested);
}
