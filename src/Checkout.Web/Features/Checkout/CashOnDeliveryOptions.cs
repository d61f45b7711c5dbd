namespace Checkout.Web.Features.Checkout;

/// <summary>
/// Configuration section <c>CashOnDelivery</c>. A cash order takes stock off the shelf with nothing paid, so an account
/// that has never received an order may only have so much of it open (not yet delivered, cancelled or returned) at once.
/// </summary>
public sealed class CashOnDeliveryOptions
{
    public const string Section = "CashOnDelivery";

    /// <summary>
    /// The most an account without a delivered order may have open in cash orders, this one included, in whole tenge
    /// (<c>CashOnDelivery:NewShopperMaxOpen</c>).
    /// </summary>
    public long NewShopperMaxOpen { get; set; } = 1_000_000;
}
