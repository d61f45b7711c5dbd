using System.Security.Claims;

namespace Checkout.Web.Features.Carts;

/// <summary>
/// The edge's half of the cart: which <see cref="CartOwner"/> a request is (the signed-in shopper, or the guest whose
/// cart id the <c>checkout_cart</c> cookie holds), and that cookie, written when a guest's first add starts a cart and
/// removed once the guest cart merged into the shopper's at login.
/// </summary>
public static class CartCookie
{
    public const string Name = "checkout_cart";

    public static CartOwner OwnerOf(HttpContext http) =>
        http.User.Identity?.IsAuthenticated == true && http.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } shopperId
            ? CartOwner.Shopper(shopperId)
            : CartOwner.Guest(GuestCartId(http.Request));

    /// <summary>The guest cart the cookie names; null without a cookie or with one that holds no cart id.</summary>
    public static Guid? GuestCartId(HttpRequest request) =>
        request.Cookies.TryGetValue(Name, out var value) && Guid.TryParseExact(value, "N", out var cartId) ? cartId : null;

    /// <summary>Keeps the guest cart a change just started (if it did) for the guest's next requests.</summary>
    public static void Remember(HttpContext http, CartOutcome outcome)
    {
        if (outcome.StartedGuestCartId is not { } cartId)
        {
            return;
        }

        http.Response.Cookies.Append(Name, cartId.ToString("N"), new CookieOptions
        {
            HttpOnly = true,
            IsEssential = true,
            SameSite = SameSiteMode.Lax,
            Secure = http.Request.IsHttps,
            MaxAge = TimeSpan.FromDays(30),
        });
    }

    public static void Forget(HttpResponse response) => response.Cookies.Delete(Name);
}
