using Checkout.Web.Data;
using Checkout.Web.Features.Carts;
using Microsoft.EntityFrameworkCore;

namespace Checkout.Web.Features.Api;

/// <summary>Which cart a <c>cart_token</c> names for this caller, or why it names none (status and code).</summary>
public sealed record CartAccess(CartOwner Owner, Guid CartId, int Status = StatusCodes.Status200OK, string? Code = null)
{
    public bool Granted => Code is null;

    public static CartAccess Refused(int status, string code) => new(default, Guid.Empty, status, code);
}

/// <summary>
/// The API's edge of the cart, as <see cref="CartCookie"/> is the pages': turns a <c>cart_token</c> and the caller (a
/// guest, or the shopper of the bearer token) into the <see cref="CartOwner"/> that <see cref="CartService"/> works on.
/// A guest reaches only guest carts. A shopper reaches their own cart; a guest cart's token used with a shopper's bearer
/// token merges that cart into the shopper's, as signing in on the pages does, and from then on names the shopper's cart.
/// Another shopper's cart is not found (404), whoever asks. A token we never issued is <c>cart_not_found</c> (404); one
/// whose time is up, or whose guest cart is gone (cleaned up after a day untouched), is <c>cart_expired</c> (410).
/// </summary>
public sealed class ApiCarts(ShopDbContext db, CartService carts, CartTokens tokens)
{
    public async Task<CartAccess> ResolveAsync(string? token, string? shopperId, CancellationToken ct)
    {
        var (status, cartId) = tokens.Read(token);
        switch (status)
        {
            case CartTokenStatus.Invalid:
                return CartAccess.Refused(StatusCodes.Status404NotFound, ApiCodes.CartNotFound);
            case CartTokenStatus.Expired:
                return CartAccess.Refused(StatusCodes.Status410Gone, ApiCodes.CartExpired);
        }

        var cart = await db.Carts.Where(c => c.Id == cartId).Select(c => new { c.UserId }).FirstOrDefaultAsync(ct);
        if (shopperId is null)
        {
            return cart switch
            {
                null => CartAccess.Refused(StatusCodes.Status410Gone, ApiCodes.CartExpired),
                { UserId: null } => new CartAccess(CartOwner.Guest(cartId), cartId),
                _ => CartAccess.Refused(StatusCodes.Status404NotFound, ApiCodes.CartNotFound),
            };
        }

        if (cart is { UserId: { } owner } && owner != shopperId)
        {
            return CartAccess.Refused(StatusCodes.Status404NotFound, ApiCodes.CartNotFound);
        }

        var shopper = CartOwner.Shopper(shopperId);
        if (cart is { UserId: not null })
        {
            return new CartAccess(shopper, cartId); // the shopper's own cart, found above: no second lookup
        }

        if (cart is { UserId: null })
        {
            await carts.MergeGuestCartAsync(cartId, shopperId, ct);
        }

        // The shopper's cart that a merged (or cleaned-up) guest cart's token now stands for.
        return new CartAccess(shopper, await carts.StartAsync(shopper, ct));
    }
}
