using Checkout.Web.Domain;
using Checkout.Web.Features.Loyalty;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Checkout.Web.Features.Checkout;

public static class CheckoutSetup
{
    /// <summary>
    /// Placing an order: the checkout, the order numbers it hands out, the cash-on-delivery limit (section
    /// <c>CashOnDelivery</c>), and the settings every price is worked out with (<see cref="PricingOptions"/>).
    /// </summary>
    public static IServiceCollection AddCheckout(this IServiceCollection services)
    {
        services.AddOptions<CashOnDeliveryOptions>().BindConfiguration(CashOnDeliveryOptions.Section)
            .Validate(o => o.NewShopperMaxOpen is > 0 and <= long.MaxValue / Money.TiynPerTenge, "CashOnDelivery:NewShopperMaxOpen must be a positive number of tenge.")
            .ValidateOnStart();
        services.AddOptions<PricingOptions>().BindConfiguration(PricingOptions.Section)
            .Validate(o => o.MaxSharePercent is >= 0 and <= 100, "Loyalty:MaxSharePercent must be from 0 to 100.")
            .ValidateOnStart();
        services.AddSingleton(provider => new PricingSettings(provider.GetRequiredService<IOptions<PricingOptions>>().Value.MaxSharePercent));
        services.TryAddScoped<IPointsWallet, NoPointsWallet>(); // the loyalty feature's own wallet, registered before or after, wins
        return services.AddSingleton<OrderNumber>().AddScoped<CheckoutService>();
    }
}
