using System.Security.Claims;
using Checkout.Web.Domain;
using Microsoft.AspNetCore.Identity;

namespace Checkout.Web.Features.Admin;

public static class AdminActor
{
    public static Actor Of(ClaimsPrincipal user, UserManager<ShopUser> users) => new(Actors.Admin, users.GetUserId(user), user.Identity?.Name);
}
