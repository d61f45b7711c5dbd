namespace Checkout.Web.Domain;

/// <summary>
/// An account the referral rewards pay besides shoppers — the gifts pool or the shop — in whole points, like a shopper's
/// <see cref="PointsBalance"/>: pending until the order is handed over, then available; what a refund takes back that was
/// already given away (the pool's signup gifts) is owed. Changed only by guarded statements; never below zero.
/// </summary>
public sealed class ReferralAccount
{
    public const string Pool = "pool";

    public const string Shop = "shop";

    public string Name { get; set; } = "";

    public long Available { get; set; }

    public long Pending { get; set; }

    public long Owed { get; set; }
}
