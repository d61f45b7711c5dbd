using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Checkout.Web.Domain;
using Checkout.Web.Features.Carts;
using Checkout.Web.Features.Coupons;
using Microsoft.Extensions.Localization;

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
/// <param name="UnitPrice">The cheapest store's price now, VAT included, in tiyn.</param>
/// <param name="LineTotal">Unit price × quantity, in tiyn.</param>
/// <param name="VatRate">The VAT rate its price includes, in % (16, 10, 5 or 0).</param>
public sealed record CartLineAnswer(int ProductId, string Name, string Color, string Storage, string ImageUrl, int Quantity,
    long UnitPrice, long LineTotal, int VatRate);

/// <summary>The coupon on a cart.</summary>
/// <param name="Code">Its code, upper case.</param>
/// <param name="Applies">Whether it takes effect now; when not, the totals leave it out and an order is refused with <c>problem</c>.</param>
/// <param name="Problem">Why it doesn't apply now (<c>coupon_invalid</c>, <c>coupon_not_yet_valid</c>, <c>coupon_used_up</c>, <c>coupon_already_used</c>, <c>coupon_below_minimum</c>); null when it does.</param>
/// <param name="Detail">That reason in words, in the language asked for; null when it applies.</param>
public sealed record CartCouponAnswer(string Code, bool Applies, string? Problem, string? Detail);

/// <summary>The VAT a total includes at one rate.</summary>
/// <param name="Rate">The rate, in %.</param>
/// <param name="Gross">Everything charged at this rate (after discount and points; delivery at 16 %), in tiyn.</param>
/// <param name="Tax">The VAT included in it, in tiyn.</param>
public sealed record TaxLine(int Rate, long Gross, long Tax);

/// <summary>A cart, as the cart page shows it, with a fresh token for it.</summary>
/// <param name="CartToken">A fresh token for this cart (use it from now on: a guest's token used with a bearer token now names the shopper's cart).</param>
/// <param name="ExpiresAt">When that token stops naming the cart (UTC).</param>
/// <param name="Currency">Always <c>KZT</c>.</param>
/// <param name="Lines">The lines, oldest first.</param>
/// <param name="ItemCount">Units in the cart, all lines.</param>
/// <param name="Subtotal">The lines' totals, in tiyn.</param>
/// <param name="Delivery">The delivery fee, in tiyn (0 with a free-delivery coupon).</param>
/// <param name="Total">Subtotal − discount + delivery, in tiyn: what a checkout would charge now, before points.</param>
/// <param name="Discount">The coupon's discount, in tiyn (whole tenge); 0 without one.</param>
/// <param name="Tax">The VAT the total includes, all rates together, in tiyn.</param>
/// <param name="Coupon">The coupon applied to the cart; null when none is.</param>
public sealed record CartAnswer(string CartToken, DateTimeOffset ExpiresAt, string Currency, IReadOnlyList<CartLineAnswer> Lines,
    int ItemCount, long Subtotal, long Delivery, long Total, long Discount, long Tax, CartCouponAnswer? Coupon);

/// <summary>
/// What a checkout of the cart would charge now: goods → coupon → points → delivery = total, and the VAT included
/// (one pricing rule, the checkout's own).
/// </summary>
/// <param name="Currency">Always <c>KZT</c>.</param>
/// <param name="Lines">The lines, oldest first.</param>
/// <param name="Subtotal">The lines' totals, in tiyn.</param>
/// <param name="Delivery">The delivery fee, in tiyn (0 with a free-delivery coupon).</param>
/// <param name="Total">Subtotal − discount − points + delivery, in tiyn. Without points it is the <c>expected_total</c> of an order.</param>
/// <param name="Discount">The coupon's discount, in tiyn (whole tenge).</param>
/// <param name="Points">What the points asked for pay, in tiyn (1 point = 1 ₸).</param>
/// <param name="PointsUsed">The points asked for, whole points.</param>
/// <param name="MaxPoints">The most points this order may take (a share of the goods after the coupon), whole points.</param>
/// <param name="Tax">The VAT the total includes, all rates together, in tiyn.</param>
/// <param name="TaxLines">The VAT per rate, highest rate first.</param>
/// <param name="Coupon">The coupon applied to the cart; null when none is.</param>
public sealed record CartEstimate(string Currency, IReadOnlyList<CartLineAnswer> Lines, long Subtotal, long Delivery, long Total,
    long Discount, long Points, long PointsUsed, long MaxPoints, long Tax, IReadOnlyList<TaxLine> TaxLines, CartCouponAnswer? Coupon);

/// <summary>What to estimate beyond the cart itself.</summary>
/// <param name="Points">Whole points to pay part of the goods with; 0 when absent.</param>
public sealed record EstimateRequest(
    [Range(typeof(long), "0", "1000000000000", ErrorMessage = "FieldOutOfRange"), Display(Name = "points")]
    [property: JsonNumberHandling(JsonNumberHandling.Strict)]
    long? Points);

/// <summary>A coupon to apply to the cart.</summary>
/// <param name="Code">The coupon's code, any case.</param>
public sealed record ApplyCouponRequest([Required(ErrorMessage = "FieldRequired"), Display(Name = "code"), StringLength(64, ErrorMessage = "FieldTooLong")] string? Code);

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
    public static CartAnswer Cart(CartView cart, string token, DateTimeOffset expires, IStringLocalizer text)
    {
        var priced = cart.Priced;
        return new CartAnswer(token, expires, ApiController.Currency, Lines(cart), cart.ItemCount,
            priced.Goods.Tiyn, priced.Delivery.Tiyn, priced.Total.Tiyn, priced.Discount.Tiyn, priced.VatTotal.Tiyn, Coupon(cart, text));
    }

    /// <param name="priced">The cart priced with the points asked for (<see cref="CartView.Priced"/> is without).</param>
    public static CartEstimate Estimate(CartView cart, PricedOrder priced, IStringLocalizer text) =>
        new(ApiController.Currency, Lines(cart), priced.Goods.Tiyn, priced.Delivery.Tiyn, priced.Total.Tiyn,
            priced.Discount.Tiyn, priced.Points.Tiyn, priced.PointsUsed, priced.MaxPoints, priced.VatTotal.Tiyn,
            [.. priced.Vat.Select(v => new TaxLine(v.Rate, v.Gross.Tiyn, v.Vat.Tiyn))], Coupon(cart, text));

    private static CartCouponAnswer? Coupon(CartView cart, IStringLocalizer text) => cart.Coupon is { } coupon
        ? new CartCouponAnswer(coupon.Code, coupon.Usable, coupon.Usable ? null : CouponProblems.CodeFor(coupon.Problem),
            coupon.Usable ? null : CouponMessages.For(coupon, text))
        : null;

    private static List<CartLineAnswer> Lines(CartView cart) => cart.Lines
        .Select(l => new CartLineAnswer(l.ProductId, l.Name, l.Color, l.Storage, l.ImageUrl, l.Quantity, l.UnitPrice.Tiyn, l.LineTotal.Tiyn, l.VatRate))
        .ToList();
}
