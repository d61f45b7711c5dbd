namespace Checkout.Web.Features.Inventory;

/// <summary>Configuration section <c>Inventory</c>.</summary>
public sealed class InventoryOptions
{
    public const string Section = "Inventory";

    /// <summary>How long units added to a cart stay held for it (<c>Inventory:ReservationTtl</c>).</summary>
    public TimeSpan ReservationTtl { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often expired reservations are deleted (<c>Inventory:CleanupInterval</c>); they stop counting at once regardless.</summary>
    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromMinutes(5);
}
