using Checkout.Web.Data;
using Checkout.Web.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Checkout.Web.Features.Loyalty;

/// <summary>The signed-in shopper's bonus points on the profile page: available, pending, owed, and the latest entries.</summary>
public sealed class PointsViewComponent(ShopDbContext db, PointsWallet wallet, UserManager<ShopUser> users) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var userId = users.GetUserId(UserClaimsPrincipal) ?? throw new InvalidOperationException("The points are shown to a signed-in shopper only.");
        return View(await wallet.StatementAsync(db, userId, PointsStatement.LatestEntries, HttpContext.RequestAborted));
    }
}
