namespace Checkout.Web.Features.Inventory;

public static class InventorySetup
{
    /// <summary>Stock reservations and their settings (section <c>Inventory</c>), checked at start.</summary>
    public static IServiceCollection AddInventory(this IServiceCollection services)
    {
        services.AddOptions<InventoryOptions>().BindConfiguration(InventoryOptions.Section)
            .Validate(o => o.ReservationTtl > TimeSpan.Zero, "Inventory:ReservationTtl must be positive.")
            .Validate(o => o.CleanupInterval > TimeSpan.Zero, "Inventory:CleanupInterval must be positive.")
            .ValidateOnStart();
        return services.AddScoped<Reservations>();
    }
}
