using Microsoft.AspNetCore.Mvc;

namespace Checkout.Web.Features.Carts;

/// <summary>The number of items in the header's cart link.</summary>
public sealed class CartBadgeViewComponent(CartService carts) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() => View(await carts.CountItemsAsync(CartCookie.OwnerOf(HttpContext), HttpContext.RequestAborted));
}
