using System.Security.Cryptography;

namespace Checkout.Web.Domain;

/// <summary>
/// Order numbers a person can read out on the phone: <c>ORD-20261122-7K3Q9X</c>. Six random characters give
/// 32⁶ ≈ 10⁹ numbers a day, so a repeat is rare but possible: the checkout retries with a fresh one.
/// </summary>
public class OrderNumber
{
    // Crockford's base32: no I, L, O, U, so nothing is misread.
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public virtual string New(DateTimeOffset nowUtc) =>
        $"ORD-{nowUtc.UtcDateTime:yyyyMMdd}-{RandomNumberGenerator.GetString(Alphabet, 6)}";
}
