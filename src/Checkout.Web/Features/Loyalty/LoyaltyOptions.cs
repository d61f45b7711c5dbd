namespace Checkout.Web.Features.Loyalty;

/// <summary>Configuration section <c>Loyalty</c>: bonus points (1 point = 1 ₸), earned on the goods paid for and spent on goods.</summary>
public sealed class LoyaltyOptions
{
    public const string Section = "Loyalty";

    /// <summary>Per cent of the goods amount an order actually paid that it earns in points, rounded down (<c>Loyalty:EarnPercent</c>).</summary>
    public int EarnPercent { get; set; } = 1;

    /// <summary>The most of an order's goods (after the coupon) points may pay, in per cent (<c>Loyalty:MaxSharePercent</c>).</summary>
    public int MaxSharePercent { get; set; } = 50;
}
