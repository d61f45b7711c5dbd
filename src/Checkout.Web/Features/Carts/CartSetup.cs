namespace Checkout.Web.Features.Carts;

public static class CartSetup
{
    public static IServiceCollection AddCarts(this IServiceCollection services) => services.AddScoped<CartService>();
}
