using Microsoft.AspNetCore.Mvc;
using Checkout.Web.Domain;
using Checkout.Web.Features.Coupons;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Checkout.Web.Features.Carts;

/// <summary>
/// The cart page and its form posts. A refused change answers with the cart page, the reason and a
/// 4xx status; an accepted one redirects back (to the page the form came from when it is ours).
/// </summary>
public sealed class CartController(CartService carts, CouponService coupons, IOptions<CartLimitsOptions> limits, IStringLocalizer<SharedResource> text)
    : Controller
{
    private CartOwner Owner => CartCookie.OwnerOf(HttpContext);

    [HttpGet("/cart")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await carts.GetAsync(Owner, ct));

    [HttpPost("/cart/add")]
    public async Task<IActionResult> Add(int productId, int? quantity, string? returnUrl, CancellationToken ct)
    {
        var change = ModelState.IsValid
            ? await carts.AddAsync(Owner, productId, quantity ?? 1, ct)
            : Refusal(nameof(productId));
        CartCookie.Remember(HttpContext, change);
        return await RespondAsync(change, "AddedToCart", returnUrl, ct);
    }

    [HttpPost("/cart/update")]
    public async Task<IActionResult> Update(int productId, int quantity, CancellationToken ct)
    {
        var change = ModelState.IsValid ? await carts.SetQuantityAsync(Owner, productId, quantity, ct) : Refusal(nameof(productId));
        return await RespondAsync(change, "CartUpdated", returnUrl: null, ct);
    }

    [HttpPost("/cart/remove")]
    public async Task<IActionResult> Remove(int productId, CancellationToken ct)
    {
        var change = ModelState.IsValid ? await carts.RemoveAsync(Owner, productId, ct) : CartChange.NotInCart;
        return await RespondAsync(change, "RemovedFromCart", returnUrl: null, ct);
    }

    /// <summary>Applies a coupon by its code; every reason it can't be used is a 400 saying why, and changes nothing.</summary>
    [HttpPost("/cart/coupon")]
    public async Task<IActionResult> ApplyCoupon([FromForm] string? code, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return await RefuseCouponAsync(text["CouponCodeRequired"].Value, ct);
        }

        var verdict = await coupons.ApplyAsync(Owner, code, ct);
        if (verdict.CartEmpty)
        {
            return await RefuseCouponAsync(text["CartEmpty"].Value, ct);
        }

        if (!verdict.Accepted)
        {
            return await RefuseCouponAsync(CouponMessages.For(verdict, text), ct);
        }

        TempData["Flash"] = text["CouponApplied"].Value;
        return LocalRedirect("/cart");
    }

    [HttpPost("/cart/coupon/remove")]
    public async Task<IActionResult> RemoveCoupon(CancellationToken ct)
    {
        if (!await carts.SetCouponAsync(Owner, couponId: null, ct))
        {
            return await RefuseCouponAsync(text["CouponNone"].Value, ct);
        }

        TempData["Flash"] = text["CouponRemoved"].Value;
        return LocalRedirect("/cart");
    }

    private async Task<IActionResult> RefuseCouponAsync(string message, CancellationToken ct)
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        ViewData["Error"] = message;
        return View(nameof(Index), await carts.GetAsync(Owner, ct));
    }

    private CartChange Refusal(string productField) =>
        ModelState.GetFieldValidationState(productField) == Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid
            ? CartChange.UnknownProduct
            : CartChange.QuantityOutOfRange;

    private async Task<IActionResult> RespondAsync(CartOutcome outcome, string doneMessage, string? returnUrl, CancellationToken ct)
    {
        if (outcome.Succeeded)
        {
            TempData["Flash"] = text[doneMessage].Value;
            return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl : "/cart");
        }

        Response.StatusCode = outcome.Change switch
        {
            CartChange.UnknownProduct => StatusCodes.Status404NotFound,
            CartChange.OutOfStock or CartChange.GuestCartLimit => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status400BadRequest,
        };
        ViewData["Error"] = outcome.Change switch
        {
            CartChange.OutOfStock => text["OutOfStock", outcome.ProductName!, outcome.UnitsLeft].Value,
            CartChange.LineLimit => text["CartLineLimit", limits.Value.MaxUnitsPerProduct].Value,
            CartChange.GuestCartLimit => text["GuestCartLimit", Money.FromTenge(limits.Value.GuestMaxValue)].Value,
            _ => text[outcome.Change.ToString()].Value,
        };
        return View(nameof(Index), await carts.GetAsync(Owner, ct));
    }
}
