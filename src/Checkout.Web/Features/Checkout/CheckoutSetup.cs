using Checkout.Web.Domain;

namespace Checkout.Web.Features.Checkout;

public static class CheckoutSetup
{
    /// <summary>Placing an order: the checkout and the order numbers it hands out.</summary>
    public static IServiceCollection AddCheckout(this IServiceCollection services) =>
        services.AddSingleton<OrderNumber>().AddScoped<CheckoutService>();
}
