using Checkout.Web.Domain;

namespace Checkout.Web.Features.Checkout;

public static class CheckoutSetup
{
    /// <summary>Placing an order: the checkout, the order numbers it hands out, the cash-on-delivery limit (section <c>CashOnDelivery</c>).</summary>
    public static IServiceCollection AddCheckout(this IServiceCollection services)
    {
        services.AddOptions<CashOnDeliveryOptions>().BindConfiguration(CashOnDeliveryOptions.Section)
            .Validate(o => o.NewShopperMaxOpen is > 0 and <= long.MaxValue / Money.TiynPerTenge, "CashOnDelivery:NewShopperMaxOpen must be a positive number of tenge.")
            .ValidateOnStart();
        return services.AddSingleton<OrderNumber>().AddScoped<CheckoutService>();
    }
}
