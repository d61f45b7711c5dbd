using Checkout.Web.Domain;
using Checkout.Web.Features.Loyalty;
using Microsoft.Extensions.Options;

namespace Checkout.Web.Features.Checkout;

public static class CheckoutSetup
{
    /// <summary>
    /// Placing an order: the checkout, the order numbers it hands out, the cash-on-delivery limit (section
    /// <c>CashOnDelivery</c>), and the settings every price is worked out with (the points' share, <see cref="LoyaltyOptions.MaxSharePercent"/>).
    /// </summary>
    public static IServiceCollection AddCheckout(this IServiceCollection services)
    {
        services.AddOptions<CashOnDeliveryOptions>().BindConfiguration(CashOnDeliveryOptions.Section)
            .Validate(o => o.NewShopperMaxOpen is > 0 and <= long.MaxValue / Money.TiynPerTenge, "CashOnDelivery:NewShopperMaxOpen must be a positive number of tenge.")
            .ValidateOnStart();
        services.AddSingleton(provider => new PricingSettings(provider.GetRequiredService<IOptions<LoyaltyOptions>>().Value.MaxSharePercent));
        return services.AddSingleton<OrderNumber>().AddScoped<CheckoutService>();
    }
}
