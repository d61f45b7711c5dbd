namespace Checkout.Web.Features.Carts;

/// <summary>
/// Whose cart a request works on: the signed-in shopper's (by their user id), or a guest's (by the cart id its cookie
/// holds, null before its first add). The edge says which (<see cref="CartCookie"/>); <see cref="CartService"/> never asks.
/// </summary>
public readonly record struct CartOwner(string? ShopperId, Guid? GuestCartId)
{
    public static CartOwner Shopper(string shopperId) => new(shopperId, null);

    public static CartOwner Guest(Guid? guestCartId) => new(null, guestCartId);
}
