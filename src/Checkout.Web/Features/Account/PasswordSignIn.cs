using Checkout.Web.Domain;
using Microsoft.AspNetCore.Identity;

namespace Checkout.Web.Features.Account;

public enum PasswordCheck
{
    Passed,

    /// <summary>Unknown address, wrong password or unconfirmed address: one answer for all, so none can be told apart.</summary>
    Failed,

    /// <summary>The (address, client) pair failed too often lately (<see cref="SignInThrottle"/>), known account or not.</summary>
    Throttled,
}

/// <summary>
/// The one check of an e-mail and password, for the login page and the apps' token alike: the throttle per (normalised
/// address, client), the same work (one password verification) for an unknown address as for a wrong password, and an
/// unconfirmed address refused like a wrong password. A pass forgets the pair's failures, a failure counts one.
/// </summary>
public sealed class PasswordSignIn(
    UserManager<ShopUser> users, SignInManager<ShopUser> signIn, SignInThrottle throttle, AbsentAccountPassword absent)
{
    public async Task<(PasswordCheck Result, ShopUser? Shopper)> CheckAsync(string email, string password, string client, CancellationToken ct)
    {
        var address = EmailAddresses.Normalize(email) ?? email.Trim();
        var pair = (Email: users.NormalizeEmail(address), Client: client);
        if (await throttle.IsRefusedAsync(pair.Email, pair.Client, ct))
        {
            return (PasswordCheck.Throttled, null);
        }

        var user = await users.FindByEmailAsync(address);
        var passed = false;
        if (user is null)
        {
            absent.Verify(password);
        }
        else
        {
            passed = await users.CheckPasswordAsync(user, password) && await signIn.CanSignInAsync(user);
        }

        if (!passed)
        {
            await throttle.RecordFailureAsync(pair.Email, pair.Client, ct);
            return (PasswordCheck.Failed, null);
        }

        await throttle.ForgetAsync(pair.Email, pair.Client, ct);
        return (PasswordCheck.Passed, user);
    }
}
