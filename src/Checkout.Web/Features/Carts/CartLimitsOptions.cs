namespace Checkout.Web.Features.Carts;

/// <summary>
/// Configuration section <c>Carts</c>: how much one cart may hold back from everyone else. A cart's units are reserved
/// stock, so an unbounded cart (a guest's above all, who can start a new one with every visit) could hide the shop's
/// stock from every other shopper.
/// </summary>
public sealed class CartLimitsOptions
{
    public const string Section = "Carts";

    /// <summary>Units of one product a cart may hold (<c>Carts:MaxUnitsPerProduct</c>), 1 to 99.</summary>
    public int MaxUnitsPerProduct { get; set; } = 10;

    /// <summary>What a guest's cart may be worth at current prices, in whole tenge (<c>Carts:GuestMaxValue</c>); signed in, no limit.</summary>
    public long GuestMaxValue { get; set; } = 5_000_000;
}
