using Checkout.Web.Domain;

namespace Checkout.Web.Features.Carts;

public static class CartSetup
{
    /// <summary>Carts and their limits (section <c>Carts</c>), checked at start.</summary>
    public static IServiceCollection AddCarts(this IServiceCollection services)
    {
        services.AddOptions<CartLimitsOptions>().BindConfiguration(CartLimitsOptions.Section)
            .Validate(o => CartRules.IsAllowedQuantity(o.MaxUnitsPerProduct), $"Carts:MaxUnitsPerProduct must be from {CartRules.MinQuantity} to {CartRules.MaxQuantity}.")
            .Validate(o => o.GuestMaxValue is > 0 and <= long.MaxValue / Money.TiynPerTenge, "Carts:GuestMaxValue must be a positive number of tenge.")
            .ValidateOnStart();
        return services.AddScoped<CartService>();
    }
}
