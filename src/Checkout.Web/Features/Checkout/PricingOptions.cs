using Checkout.Web.Domain;

namespace Checkout.Web.Features.Checkout;

/// <summary>
/// The pricing part of configuration section <c>Loyalty</c>: how much of an order's goods (after its coupon) bonus points
/// may pay. The points themselves, earned and spent, are the loyalty feature's.
/// </summary>
public sealed class PricingOptions
{
    public const string Section = "Loyalty";

    /// <summary>At most this % of the goods after the coupon may be paid with points (<c>Loyalty:MaxSharePercent</c>), 0 to 100.</summary>
    public int MaxSharePercent { get; set; } = PricingSettings.DefaultMaxPointsSharePercent;
}
