namespace Checkout.Web.Domain;

/// <summary>
/// A line of a shopper's points ledger: what happened to one order's points (<see cref="Kind"/>), how many, and what it
/// did to each part of the shopper's <see cref="PointsBalance"/> — signed changes, so the sums of the shopper's entries
/// are their balance. One entry of each kind per order (a unique index): nothing is earned, made available, spent,
/// returned or taken back twice. The order is named by its number, not its id: points are spent in the checkout before
/// the order is saved.
/// </summary>
public sealed class PointsEntry
{
    public long Id { get; set; }

    public string UserId { get; set; } = "";

    public string OrderNumber { get; set; } = "";

    public string Kind { get; set; } = PointsEntryKinds.Earned;

    /// <summary>How many points the entry is about, as the history shows it (positive; <see cref="Kind"/> says which way).</summary>
    public long Points { get; set; }

    /// <summary>The change to the shopper's available points.</summary>
    public long Available { get; set; }

    /// <summary>The change to the shopper's pending points.</summary>
    public long Pending { get; set; }

    /// <summary>The change to the points the shopper owes (see <see cref="PointsBalance.Owed"/>).</summary>
    public long Owed { get; set; }

    public DateTime CreatedUtc { get; set; }
}
