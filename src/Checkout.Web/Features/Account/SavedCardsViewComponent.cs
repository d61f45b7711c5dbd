using Checkout.Web.Domain;
using Checkout.Web.Features.Payments;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Checkout.Web.Features.Account;

/// <summary>The signed-in shopper's cards saved at the gateway, on the profile page, each with its delete button.</summary>
public sealed class SavedCardsViewComponent(SavedCards savedCards, UserManager<ShopUser> users) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync() =>
        View(await savedCards.ListAsync(users.GetUserId(UserClaimsPrincipal)!, HttpContext.RequestAborted));
}
