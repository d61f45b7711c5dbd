using Checkout.Web.Data;
using Checkout.Web.Domain;
using Checkout.Web.Features.Checkout;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Checkout.Web.Features.Account;

/// <summary>The signed-in shopper's cards and balances, on the profile page: where a refund can be seen arriving.</summary>
public sealed class CardBalancesViewComponent(ShopDbContext db, UserManager<ShopUser> users) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var userId = users.GetUserId(UserClaimsPrincipal);
        var cards = await db.Cards
            .Where(c => c.UserId == userId)
            .OrderBy(c => c.Id)
            .Select(c => new CardOption(c.Id, c.Name, new Domain.Money(c.BalanceTiyn)))
            .ToListAsync(HttpContext.RequestAborted);
        return View(cards);
    }
}
