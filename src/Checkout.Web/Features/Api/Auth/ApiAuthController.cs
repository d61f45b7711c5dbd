using System.Globalization;
using Checkout.Web.Features.Account;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Checkout.Web.Features.Api.Auth;

/// <summary>
/// Sign-in for apps. An access token is ASP.NET Core's own opaque bearer token (<see cref="ApiTokens"/>), encrypted and
/// signed with the shop's data-protection keys — the keys the cookies use, kept in the database for every instance and
/// protected by a certificate in Production — so there is no JWT signing key to keep, rotate or leak, and nothing in the
/// token for a client to read. Refresh tokens are rows of our own (<see cref="RefreshTokens"/>), so one can be revoked.
/// The password check is the login page's (<see cref="PasswordSignIn"/>): one throttle, one answer for every failure.
/// </summary>
[Tags("Sign-in")]
public sealed class ApiAuthController(
    PasswordSignIn passwords, ApiTokens access, RefreshTokens refresh, IOptions<AccountOptions> accounts, IStringLocalizer<SharedResource> text)
    : ApiController
{
    /// <summary>Signs in with e-mail and password: an access token and a refresh token.</summary>
    /// <remarks>A wrong password, an unknown address and an unconfirmed one get the same answer.</remarks>
    [HttpPost("/api/v1/auth/token")]
    [EndpointName("SignIn")]
    [ProducesResponseType<TokenAnswer>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, ApiProblem.ContentType)]
    public async Task<IActionResult> Token(TokenRequest request, CancellationToken ct)
    {
        var client = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var (result, shopper) = await passwords.CheckAsync(request.Email!, request.Password!, client, ct);
        switch (result)
        {
            case PasswordCheck.Throttled:
                Response.Headers.RetryAfter = ((long)accounts.Value.FailedSignInWindow.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                return Refuse(StatusCodes.Status429TooManyRequests, ApiCodes.SignInThrottled, text["SignInThrottled"]);
            case PasswordCheck.Failed:
                return Refuse(StatusCodes.Status401Unauthorized, ApiCodes.InvalidCredentials, text["SignInFailed"]);
        }

        return await TokensAsync(shopper!, ct);
    }

    /// <summary>Swaps a refresh token for new tokens; the one sent is used up.</summary>
    /// <remarks>A refresh token sent a second time ends every refresh token of its account, as a stolen copy would be.</remarks>
    [HttpPost("/api/v1/auth/refresh")]
    [EndpointName("RefreshToken")]
    [ProducesResponseType<TokenAnswer>(StatusCodes.Status200OK)]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status401Unauthorized, ApiProblem.ContentType)]
    public async Task<IActionResult> Refresh(RefreshRequest request, CancellationToken ct)
    {
        if (await refresh.RedeemAsync(request.RefreshToken, ct) is not { } shopper)
        {
            return Refuse(StatusCodes.Status401Unauthorized, ApiCodes.RefreshTokenInvalid);
        }

        return await TokensAsync(shopper, ct);
    }

    /// <summary>A new access token and refresh token; never kept by a cache on the way (RFC 6749 §5.1).</summary>
    private async Task<IActionResult> TokensAsync(Domain.ShopUser shopper, CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        return Ok(new TokenAnswer(await access.IssueAccessTokenAsync(shopper), await refresh.IssueAsync(shopper, ct), "Bearer",
            (long)access.AccessTokenLifetime.TotalSeconds));
    }

    /// <summary>Signs the app out: the refresh token stops working (the access token lapses on its own soon).</summary>
    [HttpPost("/api/v1/auth/logout")]
    [EndpointName("SignOut")]
    [ProducesResponseType(StatusCodes.Status204NoContent)]
    public async Task<IActionResult> Logout(RefreshRequest request, CancellationToken ct)
    {
        await refresh.RevokeAsync(request.RefreshToken, ct);
        return NoContent();
    }
}
