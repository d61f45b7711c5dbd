using Checkout.Web.Domain;
using Checkout.Web.Features.Payments;
using Checkout.Web.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Checkout.Web.Features.Account;

/// <summary>Deleting a saved card from the profile: the shopper's own token row goes, nobody else's.</summary>
[Authorize]
public sealed class SavedCardsController(SavedCards savedCards, UserManager<ShopUser> users, IStringLocalizer<SharedResource> text) : Controller
{
    [HttpPost("/account/saved-cards/{id:int}/delete")]
    public async Task<IActionResult> Delete(int id, CancellationToken ct)
    {
        if (!await savedCards.DeleteAsync(users.GetUserId(User)!, id, ct))
        {
            return Refusal.For(HttpContext, StatusCodes.Status404NotFound, text["SavedCardNotFound"]);
        }

        TempData["Flash"] = text["SavedCardDeleted"].Value;
        return Redirect("/account/profile");
    }
}
