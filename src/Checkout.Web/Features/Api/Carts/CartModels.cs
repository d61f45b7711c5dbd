using System.ComponentModel.DataAnnotations;
using Checkout.Web.Features.Carts;

namespace Checkout.Web.Features.Api.Carts;

/// <summary>A new cart token (<c>POST /api/v1/carts</c>).</summary>
/// <param name="CartToken">Names the cart on every cart route; keep it instead of a cookie. Unguessable, signed.</param>
/// <param name="ExpiresAt">When this token stops naming the cart (UTC); every cart answer hands out a fresh one.</param>
public sealed record CartTokenAnswer(string CartToken, DateTimeOffset ExpiresAt);

/// <summary>A cart line.</summary>
/// <param name="ProductId">The product's id.</param>
/// <param name="Name">Its name.</param>
/// <param name="Color">Its colour as the stores list it (Russian).</param>
/// <param name="Storage">Its memory or size.</param>
/// <param name="ImageUrl">Its picture, a path on the shop.</param>
/// <param name="Quantity">Units in the cart, all of them reserved for it.</param>
/// <param name="UnitPrice">The cheapest store's price now, in tiyn.</param>
/// <param name="LineTotal">Unit price × quantity, in tiyn.</param>
public sealed record CartLineAnswer(int ProductId, string Name, string Color, string Storage, string ImageUrl, int Quantity,
    long UnitPrice, long LineTotal);

/// <summary>A cart, as the cart page shows it, with a fresh token for it.</summary>
/// <param name="CartToken">A fresh token for this cart (use it from now on: a guest's token used with a bearer token now names the shopper's cart).</param>
/// <param name="ExpiresAt">When that token stops naming the cart (UTC).</param>
/// <param name="Currency">Always <c>KZT</c>.</param>
/// <param name="Lines">The lines, oldest first.</param>
/// <param name="ItemCount">Units in the cart, all lines.</param>
/// <param name="Subtotal">The lines' totals, in tiyn.</param>
/// <param name="Delivery">The delivery fee, in tiyn.</param>
/// <param name="Total">Subtotal + delivery, in tiyn: what a checkout would charge now.</param>
public sealed record CartAnswer(string CartToken, DateTimeOffset ExpiresAt, string Currency, IReadOnlyList<CartLineAnswer> Lines,
    int ItemCount, long Subtotal, long Delivery, long Total);

/// <summary>What a checkout of the cart would charge now (pricing will add discount, points and VAT here).</summary>
/// <param name="Currency">Always <c>KZT</c>.</param>
/// <param name="Lines">The lines, oldest first.</param>
/// <param name="Subtotal">The lines' totals, in tiyn.</param>
/// <param name="Delivery">The delivery fee, in tiyn.</param>
/// <param name="Total">Subtotal + delivery, in tiyn: the <c>expected_total</c> of an order.</param>
public sealed record CartEstimate(string Currency, IReadOnlyList<CartLineAnswer> Lines, long Subtotal, long Delivery, long Total);

/// <summary>A product to add to the cart.</summary>
/// <param name="ProductId">The product's id.</param>
/// <param name="Quantity">Units to add, 1 when absent.</param>
public sealed record AddCartLineRequest(
    [Required(ErrorMessage = "FieldRequired"), Display(Name = "product_id")] int? ProductId,
    int? Quantity);

/// <summary>A line's new quantity.</summary>
/// <param name="Quantity">Units the line should hold.</param>
public sealed record SetCartLineRequest([Required(ErrorMessage = "FieldRequired"), Display(Name = "quantity")] int? Quantity);

/// <summary>The one place a <see cref="CartView"/> becomes the API's JSON.</summary>
public static class CartAnswers
{
    public static CartAnswer Cart(CartView cart, string token, DateTimeOffset expires)
    {
        var priced = cart.Priced;
        return new CartAnswer(token, expires, ApiController.Currency, Lines(cart), cart.ItemCount,
            priced.Goods.Tiyn, priced.Delivery.Tiyn, priced.Total.Tiyn);
    }

    public static CartEstimate Estimate(CartView cart)
    {
        var priced = cart.Priced;
        return new CartEstimate(ApiController.Currency, Lines(cart), priced.Goods.Tiyn, priced.Delivery.Tiyn, priced.Total.Tiyn);
    }

    private static List<CartLineAnswer> Lines(CartView cart) => cart.Lines
        .Select(l => new CartLineAnswer(l.ProductId, l.Name, l.Color, l.Storage, l.ImageUrl, l.Quantity, l.UnitPrice.Tiyn, l.LineTotal.Tiyn))
        .ToList();
}
