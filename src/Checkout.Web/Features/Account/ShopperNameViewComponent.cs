using Checkout.Web.Data;
using Checkout.Web.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Checkout.Web.Features.Account;

/// <summary>
/// The signed-in shopper's name in the header, read on each page so a name changed on the profile shows at once;
/// an account without a name shows its e-mail.
/// </summary>
public sealed class ShopperNameViewComponent(ShopDbContext db, UserManager<ShopUser> users) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        var id = users.GetUserId(UserClaimsPrincipal);
        var name = id is null ? null : await db.Users.Where(u => u.Id == id).Select(u => u.FullName).FirstOrDefaultAsync(HttpContext.RequestAborted);
        return View("Default", string.IsNullOrWhiteSpace(name) ? UserClaimsPrincipal.Identity?.Name ?? "" : name);
    }
}
