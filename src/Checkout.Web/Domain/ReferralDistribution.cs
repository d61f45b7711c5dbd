namespace Checkout.Web.Domain;

/// <summary>
/// The one distribution of a paid order's referral reward R (unique per order): its <see cref="ReferralShare"/> rows sum
/// to R; the signup gift, if the order took one, came from the pool besides. Its shares are pending, released when the
/// order is handed over, revoked when it is cancelled or refunded; an order undone before its distribution ran gets a
/// void one, so it never pays.
/// </summary>
public sealed class ReferralDistribution
{
    public const string Pending = "pending";

    public const string Released = "released";

    public const string Revoked = "revoked";

    public const string Void = "void";

    public long Id { get; set; }

    public string OrderNumber { get; set; } = "";

    public string BuyerId { get; set; } = "";

    public long Reward { get; set; }

    public long Gift { get; set; }

    public string Status { get; set; } = Pending;

    public DateTime CreatedUtc { get; set; }

    public DateTime? SettledUtc { get; set; }
}
