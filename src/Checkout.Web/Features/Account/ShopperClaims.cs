using System.Security.Claims;
using Checkout.Web.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Checkout.Web.Features.Account;

/// <summary>
/// The shopper's name travels in the sign-in cookie, so the header shows it without a query per page; a profile
/// change refreshes the cookie, and the security stamp check rebuilds it from the database on its interval.
/// </summary>
public sealed class ShopperClaims(UserManager<ShopUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ShopUser, IdentityRole>(users, roles, options)
{
    public const string FullName = "checkout:full_name";

    /// <summary>What the header calls the signed-in visitor: the name, or the e-mail for an account without one.</summary>
    public static string DisplayName(ClaimsPrincipal user) =>
        user.FindFirstValue(FullName) is { Length: > 0 } name ? name : user.Identity?.Name ?? "";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ShopUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (!string.IsNullOrWhiteSpace(user.FullName))
        {
            identity.AddClaim(new Claim(FullName, user.FullName));
        }

        return identity;
    }
}
