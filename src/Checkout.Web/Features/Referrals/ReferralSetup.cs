using Checkout.Web.Outbox;

namespace Checkout.Web.Features.Referrals;

public static class ReferralSetup
{
    /// <summary>Referral rewards: section <c>Referral</c>, checked at start (the four parts of R sum to 100).</summary>
    public static IServiceCollection AddReferrals(this IServiceCollection services)
    {
        services.AddOptions<ReferralOptions>().BindConfiguration(ReferralOptions.Section)
            .Validate(o => o.RewardPercent is >= 0 and <= 100, "Referral:RewardPercent must be a per cent from 0 to 100.")
            .Validate(o => new[] { o.TreePercent, o.PoolPercent, o.ShopPercent, o.DirectPercent }.All(p => p >= 0)
                && o.TreePercent + o.PoolPercent + o.ShopPercent + o.DirectPercent == 100,
                "Referral:TreePercent, PoolPercent, ShopPercent and DirectPercent must be per cents that sum to 100.")
            .Validate(o => o.UpgradeChildren >= 1, "Referral:UpgradeChildren must be at least 1.")
            .Validate(o => o.MaxDepth >= 1, "Referral:MaxDepth must be at least 1.")
            .Validate(o => o.SignupGift >= 0, "Referral:SignupGift must not be negative.")
            .Validate(o => o.TestDelay >= TimeSpan.Zero, "Referral:TestDelay must not be negative.")
            .ValidateOnStart();
        services.AddSingleton<ReferralTree>();
        services.AddSingleton<ReferralRewards>();
        return services.AddSingleton<IOutboxHandler, ReferralHandler>();
    }
}
