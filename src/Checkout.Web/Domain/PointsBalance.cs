namespace Checkout.Web.Domain;

/// <summary>
/// A shopper's bonus points (1 point = 1 ₸), in whole points: one row per shopper, made by their first earning. Changed
/// only by guarded statements, each in the transaction that writes its <see cref="PointsEntry"/>; the database refuses a
/// value below zero. Σ of the shopper's entries' <see cref="PointsEntry.Available"/>, <see cref="PointsEntry.Pending"/>
/// and <see cref="PointsEntry.Owed"/> is this row.
/// </summary>
public sealed class PointsBalance
{
    public string UserId { get; set; } = "";

    /// <summary>Points the shopper may spend: earned by orders that were delivered or completed.</summary>
    public long Available { get; set; }

    /// <summary>Points earned by paid orders still on their way: available once the order is delivered.</summary>
    public long Pending { get; set; }

    /// <summary>
    /// Points an undone order took back that had already been spent: the next points that become available (another
    /// order delivered, spent points given back) pay them off first. While any are owed, none are available.
    /// </summary>
    public long Owed { get; set; }
}
