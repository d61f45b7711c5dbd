namespace Checkout.Web.Domain;

/// <summary>
/// A shopper in the referral tree: their code (the link <c>/account/register?ref=CODE</c>), their referrer (set once, at
/// registration, to a shopper who was there before — so the tree has no cycles), and the letter they hold (0…9 = A…J),
/// which only ever rises. Made at registration, or on first need for a shopper from before referrals.
/// </summary>
public sealed class ReferralMember
{
    public string UserId { get; set; } = "";

    public string Code { get; set; } = "";

    public string? ReferrerId { get; set; }

    public int Letter { get; set; }

    /// <summary>The paid order that took the shopper's one signup gift, or tried to with the pool short; null before the first.</summary>
    public string? FirstPaidOrderNumber { get; set; }

    public DateTime JoinedUtc { get; set; }
}
