using Checkout.Web.Domain;
using Microsoft.AspNetCore.Identity;

namespace Checkout.Web.Features.Account;

/// <summary>
/// A sign-in for an address with no account verifies the password against a fixed hash, so it costs what a wrong
/// password on a real account costs and its answer can't be told apart by its time.
/// </summary>
public sealed class AbsentAccountPassword(IPasswordHasher<ShopUser> hasher)
{
    private static readonly ShopUser Nobody = new();

    private static string? _hash;

    public void Verify(string password)
    {
        _hash ??= hasher.HashPassword(Nobody, Guid.NewGuid().ToString("N"));
        _ = hasher.VerifyHashedPassword(Nobody, _hash, password);
    }

    /// <summary>The work of hashing a new password, for a registration that stores none (its address is taken).</summary>
    public void Hash(string password) => _ = hasher.HashPassword(Nobody, password);
}
