namespace Checkout.Web.Features.Orders;

public static class OrderSetup
{
    public static IServiceCollection AddOrders(this IServiceCollection services) => services.AddScoped<OrderLifecycle>();
}
