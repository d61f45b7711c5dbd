namespace Checkout.Web.Features.Api.Auth;

/// <summary>The shopper's bonus points (1 point = 1 ₸), in whole points, and the latest entries of their points ledger.</summary>
/// <param name="Available">Points that may be spent: earned by orders that were delivered or completed.</param>
/// <param name="Pending">Points earned by paid orders still on their way; available once delivered.</param>
/// <param name="Owed">Points a cancelled or refunded order took back that were already spent: the next points that become available pay them off first.</param>
/// <param name="History">The latest 20 entries, newest first.</param>
public sealed record PointsAnswer(long Available, long Pending, long Owed, IReadOnlyList<PointsEntryAnswer> History);

/// <summary>An entry of the points ledger: what happened to an order's points.</summary>
/// <param name="At">When (UTC).</param>
/// <param name="OrderNumber">The order whose points these are.</param>
/// <param name="Kind"><c>earned</c> (pending), <c>released</c> (pending → available), <c>spent</c>, <c>returned</c> (spent ones given back) or <c>taken_back</c>.</param>
/// <param name="Points">How many, in whole points (the kind says which way).</param>
/// <param name="Available">The change to the available points.</param>
/// <param name="Pending">The change to the pending points.</param>
/// <param name="Owed">The change to the owed points.</param>
public sealed record PointsEntryAnswer(DateTime At, string OrderNumber, string Kind, long Points, long Available, long Pending, long Owed);
