using System.Security.Claims;
using Checkout.Web.Domain;
using Checkout.Web.Features.Carts;
using Checkout.Web.Features.Coupons;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Checkout.Web.Features.Api.Carts;

/// <summary>
/// Cart tokens (seed 004): the cart an app fills, named by a <c>cart_token</c> instead of the pages' cookie, changed
/// through the pages' <see cref="CartService"/> (same limits, same reservations). A bearer token is optional: without one
/// the token names a guest cart; with one, the shopper's own cart (a guest cart's token merges into it, as logging in does).
/// Every answer carries a fresh token; a refused change changes nothing and says why as the cart page does.
/// </summary>
[Tags("Carts")]
public sealed class ApiCartsController(
    ApiCarts access, CartService carts, CouponService coupons, CartTokens tokens, PricingSettings pricing, IOptions<CartLimitsOptions> limits,
    IStringLocalizer<SharedResource> text)
    : ApiController
{
    private string? ShopperId => User.FindFirstValue(ClaimTypes.NameIdentifier);

    /// <summary>Starts a cart: a new, empty guest cart, or (with a bearer token) the shopper's own cart.</summary>
    [HttpPost("/api/v1/carts")]
    [EndpointName("CreateCart")]
    [ProducesResponseType<CartTokenAnswer>(StatusCodes.Status201Created)]
    public async Task<IActionResult> Create(CancellationToken ct)
    {
        var owner = ShopperId is { } shopperId ? CartOwner.Shopper(shopperId) : CartOwner.Guest(null);
        var cartId = await carts.StartAsync(owner, ct);
        var expires = tokens.ExpiresFromNow;
        var token = tokens.Issue(cartId, expires);
        return Created(PathOf(token), new CartTokenAnswer(token, expires));
    }

    /// <summary>The cart, with a fresh token for it.</summary>
    [HttpGet("/api/v1/carts/{token}")]
    [EndpointName("GetCart")]
    [ProducesResponseType<CartAnswer>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ApiProblem.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status410Gone, ApiProblem.ContentType)]
    public async Task<IActionResult> Get(string token, CancellationToken ct)
    {
        var cart = await access.ResolveAsync(token, ShopperId, ct);
        return cart.Granted ? Ok(await AnswerAsync(cart.Owner, cart.CartId, ct)) : Refuse(cart.Status, cart.Code!);
    }

    /// <summary>Adds units of a product (1 unless told), reserving them for the cart.</summary>
    [HttpPost("/api/v1/carts/{token}/lines")]
    [EndpointName("AddCartLine")]
    [ProducesResponseType<CartAnswer>(StatusCodes.Status201Created)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, ApiProblem.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ApiProblem.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, ApiProblem.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status410Gone, ApiProblem.ContentType)]
    public async Task<IActionResult> AddLine(string token, AddCartLineRequest line, CancellationToken ct)
    {
        var cart = await access.ResolveAsync(token, ShopperId, ct);
        if (!cart.Granted)
        {
            return Refuse(cart.Status, cart.Code!);
        }

        var productId = line.ProductId!.Value;
        var outcome = await carts.AddAsync(cart.Owner, productId, line.Quantity ?? 1, ct);
        if (!outcome.Succeeded)
        {
            return Refused(outcome, productId);
        }

        // A guest cart cleaned up since the token was read is started afresh: the answer names the new one.
        var (owner, cartId) = outcome.StartedGuestCartId is { } started ? (CartOwner.Guest(started), started) : (cart.Owner, cart.CartId);
        var answer = await AnswerAsync(owner, cartId, ct);
        return Created(PathOf(answer.CartToken), answer);
    }

    /// <summary>Sets a line's quantity, reserving or releasing the difference.</summary>
    [HttpPut("/api/v1/carts/{token}/lines/{productId:int}")]
    [EndpointName("SetCartLine")]
    [ProducesResponseType<CartAnswer>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, ApiProblem.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ApiProblem.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, ApiProblem.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status410Gone, ApiProblem.ContentType)]
    public async Task<IActionResult> SetLine(string token, int productId, SetCartLineRequest line, CancellationToken ct)
    {
        var cart = await access.ResolveAsync(token, ShopperId, ct);
        if (!cart.Granted)
        {
            return Refuse(cart.Status, cart.Code!);
        }

        var outcome = await carts.SetQuantityAsync(cart.Owner, productId, line.Quantity!.Value, ct);
        return outcome.Succeeded ? Ok(await AnswerAsync(cart.Owner, cart.CartId, ct)) : Refused(outcome, productId);
    }

    /// <summary>Removes a line and releases its reservation.</summary>
    [HttpDelete("/api/v1/carts/{token}/lines/{productId:int}")]
    [EndpointName("RemoveCartLine")]
    [ProducesResponseType<CartAnswer>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ApiProblem.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status410Gone, ApiProblem.ContentType)]
    public async Task<IActionResult> RemoveLine(string token, int productId, CancellationToken ct)
    {
        var cart = await access.ResolveAsync(token, ShopperId, ct);
        if (!cart.Granted)
        {
            return Refuse(cart.Status, cart.Code!);
        }

        var outcome = await carts.RemoveAsync(cart.Owner, productId, ct);
        return outcome.Succeeded ? Ok(await AnswerAsync(cart.Owner, cart.CartId, ct)) : Refused(outcome, productId);
    }

    /// <summary>What a checkout of the cart would charge now: subtotal, the coupon's discount, points, delivery, VAT and total.</summary>
    /// <remarks>
    /// The body is optional: <c>{"points": N}</c> prices whole points in (at most <c>max_points</c>; more is refused with
    /// <c>points_over_limit</c> and the limit). Whether the shopper has them is checked when the order is placed.
    /// </remarks>
    [HttpPost("/api/v1/carts/{token}/estimate")]
    [EndpointName("EstimateCart")]
    [ProducesResponseType<CartEstimate>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, ApiProblem.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ApiProblem.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status410Gone, ApiProblem.ContentType)]
    public async Task<IActionResult> Estimate(
        string token, [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] EstimateRequest? request, CancellationToken ct)
    {
        var cart = await access.ResolveAsync(token, ShopperId, ct);
        if (!cart.Granted)
        {
            return Refuse(cart.Status, cart.Code!);
        }

        var view = await carts.GetAsync(cart.Owner, ct);
        if (view.IsEmpty)
        {
            return Refuse(StatusCodes.Status400BadRequest, ApiCodes.CartEmpty, text["CartEmpty"].Value);
        }

        var points = request?.Points ?? 0;
        var priced = points == 0 ? view.Priced : Pricing.Price(view.PricingLines, view.Coupon is { Usable: true } coupon ? coupon.Terms : null, points, pricing);
        return priced.Refusal == PricingRefusal.PointsOverLimit
            ? Refuse(StatusCodes.Status400BadRequest, ApiCodes.PointsOverLimit, text["PointsOverLimit", priced.MaxPoints].Value,
                new Dictionary<string, object?> { ["max_points"] = priced.MaxPoints })
            : Ok(CartAnswers.Estimate(view, priced, text));
    }

    /// <summary>Applies a coupon by its code (any case); each reason it can't be used is refused with its own code and changes nothing.</summary>
    /// <remarks>Refusals are 422 with a code per reason and, as in seed 004, <c>"error_code": 2004</c>; below the minimum, <c>short_by</c> says how much more the goods must come to.</remarks>
    [HttpPost("/api/v1/carts/{token}/coupon")]
    [EndpointName("ApplyCartCoupon")]
    [ProducesResponseType<CartAnswer>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status400BadRequest, ApiProblem.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ApiProblem.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status410Gone, ApiProblem.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status422UnprocessableEntity, ApiProblem.ContentType)]
    public async Task<IActionResult> ApplyCoupon(string token, ApplyCouponRequest request, CancellationToken ct)
    {
        var cart = await access.ResolveAsync(token, ShopperId, ct);
        if (!cart.Granted)
        {
            return Refuse(cart.Status, cart.Code!);
        }

        var verdict = await coupons.ApplyAsync(cart.Owner, request.Code, ct);
        if (verdict.CartEmpty)
        {
            return Refuse(StatusCodes.Status400BadRequest, ApiCodes.CartEmpty, text["CartEmpty"].Value);
        }

        return verdict.Accepted
            ? Ok(await AnswerAsync(cart.Owner, cart.CartId, ct))
            : Refuse(StatusCodes.Status422UnprocessableEntity, CouponProblems.CodeFor(verdict.Problem), CouponMessages.For(verdict, text),
                CouponProblems.Extensions(verdict.ShortBy));
    }

    /// <summary>Takes the coupon off the cart.</summary>
    [HttpDelete("/api/v1/carts/{token}/coupon")]
    [EndpointName("RemoveCartCoupon")]
    [ProducesResponseType<CartAnswer>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, ApiProblem.ContentType)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status410Gone, ApiProblem.ContentType)]
    public async Task<IActionResult> RemoveCoupon(string token, CancellationToken ct)
    {
        var cart = await access.ResolveAsync(token, ShopperId, ct);
        if (!cart.Granted)
        {
            return Refuse(cart.Status, cart.Code!);
        }

        return await carts.SetCouponAsync(cart.Owner, couponId: null, ct)
            ? Ok(await AnswerAsync(cart.Owner, cart.CartId, ct))
            : Refuse(StatusCodes.Status404NotFound, ApiCodes.NoCoupon, text["CouponNone"].Value);
    }

    private async Task<CartAnswer> AnswerAsync(CartOwner owner, Guid cartId, CancellationToken ct)
    {
        var view = await carts.GetAsync(owner, ct);
        var expires = tokens.ExpiresFromNow;
        return CartAnswers.Cart(view, tokens.Issue(cartId, expires), expires, text);
    }

    private static string PathOf(string token) => $"/api/v1/carts/{token}";

    /// <summary>A refused change, with the cart page's status and message (<see cref="CartController"/>).</summary>
    private ObjectResult Refused(CartOutcome outcome, int productId) => outcome.Change switch
    {
        CartChange.UnknownProduct => Refuse(StatusCodes.Status404NotFound, ApiCodes.ProductNotFound, text["UnknownProduct"].Value),
        CartChange.OutOfStock => Refuse(StatusCodes.Status409Conflict, ApiCodes.OutOfStock,
            text["OutOfStock", outcome.ProductName!, outcome.UnitsLeft].Value,
            new Dictionary<string, object?> { ["product_id"] = productId, ["available"] = outcome.UnitsLeft }),
        CartChange.GuestCartLimit => Refuse(StatusCodes.Status409Conflict, ApiCodes.GuestCartLimit,
            text["GuestCartLimit", Money.FromTenge(limits.Value.GuestMaxValue)].Value),
        CartChange.LineLimit => Refuse(StatusCodes.Status400BadRequest, ApiCodes.LineLimit,
            text["CartLineLimit", limits.Value.MaxUnitsPerProduct].Value),
        CartChange.QuantityOutOfRange => Refuse(StatusCodes.Status400BadRequest, ApiCodes.QuantityOutOfRange, text["QuantityOutOfRange"].Value),
        _ => Refuse(StatusCodes.Status404NotFound, ApiCodes.NotInCart, text["NotInCart"].Value),
    };
}
