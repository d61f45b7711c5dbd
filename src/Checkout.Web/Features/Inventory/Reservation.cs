namespace Checkout.Web.Features.Inventory;

/// <summary>Whether the units are held, and how many the cart could hold at most.</summary>
public readonly record struct Reservation(bool Held, int Available);
