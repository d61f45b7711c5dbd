namespace Checkout.Web.Domain;

/// <summary>
/// The outcome of a step; <see cref="Status"/> is the order's state afterwards (or as found). A step that was taken
/// lists what it wrote besides the state: ledger entries (refunds are negative, on the card they go back to) and
/// stock movements (units back on the shelf), for the caller to pay out and restock with guarded statements.
/// </summary>
public sealed record TransitionResult(TransitionOutcome Outcome, OrderStatus? Status = null, OrderStatus? Requested = null)
{
    public bool Succeeded => Outcome == TransitionOutcome.Done;

    public IReadOnlyList<LedgerEntry> LedgerEntries { get; init; } = [];

    public IReadOnlyList<StockMovement> StockMovements { get; init; } = [];

    public static TransitionResult Refused(TransitionOutcome reason, OrderStatus status, OrderStatus? requested = null) => new(reason, status, requested);
}
