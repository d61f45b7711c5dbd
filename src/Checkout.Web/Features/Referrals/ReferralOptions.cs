namespace Checkout.Web.Features.Referrals;

/// <summary>Configuration section <c>Referral</c>: the referral reward of a paid order, how it is split, and who rises a letter.</summary>
public sealed class ReferralOptions
{
    public const string Section = "Referral";

    /// <summary>Per cent of the goods an order paid for that it gives as the reward R, in whole points rounded down.</summary>
    public int RewardPercent { get; set; } = 10;

    /// <summary>Per cent of R shared by the ten slots A…J of the buyer's upline.</summary>
    public int TreePercent { get; set; } = 50;

    /// <summary>Per cent of R into the gifts pool.</summary>
    public int PoolPercent { get; set; } = 15;

    /// <summary>Per cent of R to the shop.</summary>
    public int ShopPercent { get; set; } = 30;

    /// <summary>Per cent of R to the buyer's own referrer.</summary>
    public int DirectPercent { get; set; } = 5;

    /// <summary>How many direct referrals holding a shopper's letter (or above) raise them to the next.</summary>
    public int UpgradeChildren { get; set; } = 2;

    /// <summary>How many ancestors above the buyer the tree share looks at.</summary>
    public int MaxDepth { get; set; } = 100;

    /// <summary>Points from the gifts pool on a shopper's first paid order, if the pool holds them.</summary>
    public long SignupGift { get; set; } = 500;

    /// <summary>Tests only: how long the distribution waits inside its transaction, so a test can kill the shop mid-way.</summary>
    public TimeSpan TestDelay { get; set; } = TimeSpan.Zero;
}
