using Checkout.Web.Domain;
using Microsoft.AspNetCore.Identity;

namespace Checkout.Testing;

/// <summary>Identity's own hasher, counting its calls: proves two paths did the same (slow) work without a stopwatch.</summary>
public sealed class CountingPasswordHasher : IPasswordHasher<ShopUser>
{
    private readonly PasswordHasher<ShopUser> _inner = new();
    private int _hashes;
    private int _verifications;

    public int Hashes => _hashes;

    public int Verifications => _verifications;

    public void Reset()
    {
        Interlocked.Exchange(ref _hashes, 0);
        Interlocked.Exchange(ref _verifications, 0);
    }

    public string HashPassword(ShopUser user, string password)
    {
        Interlocked.Increment(ref _hashes);
        return _inner.HashPassword(user, password);
    }

    public PasswordVerificationResult VerifyHashedPassword(ShopUser user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref _verifications);
        return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}
