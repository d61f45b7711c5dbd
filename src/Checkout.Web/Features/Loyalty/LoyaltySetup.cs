namespace Checkout.Web.Features.Loyalty;

public static class LoyaltySetup
{
    /// <summary>Bonus points: the wallet the checkout spends from and the order's steps earn into; section <c>Loyalty</c>, checked at start.</summary>
    public static IServiceCollection AddLoyalty(this IServiceCollection services)
    {
        services.AddOptions<LoyaltyOptions>().BindConfiguration(LoyaltyOptions.Section)
            .Validate(o => o.EarnPercent is >= 0 and <= 100, "Loyalty:EarnPercent must be a per cent from 0 to 100.")
            .Validate(o => o.MaxSharePercent is >= 0 and <= 100, "Loyalty:MaxSharePercent must be a per cent from 0 to 100.")
            .ValidateOnStart();
        return services.AddSingleton<PointsWallet>();
    }
}
