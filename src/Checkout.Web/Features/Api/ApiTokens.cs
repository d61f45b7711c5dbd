using System.Security.Claims;
using Checkout.Web.Domain;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Checkout.Web.Features.Api;

/// <summary>
/// The access tokens an app sends as <c>Authorization: Bearer …</c>: ASP.NET Core's own opaque bearer tokens, encrypted
/// and signed with the shop's data-protection keys (the ones the cookies use, shared by every instance through the
/// database), so the API needs no signing key of its own to keep, rotate or leak. A token carries the shopper's claims as
/// a sign-in would make them, and expires after <see cref="ApiOptions.AccessTokenLifetime"/>.
/// </summary>
public sealed class ApiTokens(
    SignInManager<ShopUser> signIn, IOptionsMonitor<BearerTokenOptions> bearer, IOptions<ApiOptions> options, TimeProvider clock)
{
    /// <summary>The authentication scheme of <c>/api</c>: bearer tokens only.</summary>
    public static readonly string Scheme = IdentityConstants.BearerScheme;

    public TimeSpan AccessTokenLifetime => options.Value.AccessTokenLifetime;

    /// <summary>A new access token for the shopper, with the claims a sign-in gives (name, roles, security stamp).</summary>
    public async Task<string> IssueAccessTokenAsync(ShopUser shopper)
    {
        var principal = await signIn.CreateUserPrincipalAsync(shopper);
        var identity = (ClaimsIdentity)principal.Identity!;
        var issued = new ClaimsPrincipal(new ClaimsIdentity(identity.Claims, Scheme, identity.NameClaimType, identity.RoleClaimType));
        var now = clock.GetUtcNow();
        var ticket = new AuthenticationTicket(issued, new AuthenticationProperties
        {
            IssuedUtc = now,
            ExpiresUtc = now + options.Value.AccessTokenLifetime,
        }, Scheme);
        return bearer.Get(Scheme).BearerTokenProtector.Protect(ticket);
    }
}
