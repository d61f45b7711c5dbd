namespace Checkout.Web.Domain;

/// <summary>
/// The shop's settings that pricing depends on: how much of the goods (after the coupon) points may pay, in %, and the
/// delivery fee (<see cref="Pricing.DeliveryFee"/> unless an order from another time is priced again).
/// </summary>
public sealed record PricingSettings(int MaxPointsSharePercent = PricingSettings.DefaultMaxPointsSharePercent)
{
    public const int DefaultMaxPointsSharePercent = 50;

    public static readonly PricingSettings Default = new();

    public Money DeliveryFee { get; init; } = Pricing.DeliveryFee;
}
