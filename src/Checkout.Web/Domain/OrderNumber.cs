using System.Globalization;
using System.Security.Cryptography;
using Checkout.Web.Infrastructure;

namespace Checkout.Web.Domain;

/// <summary>
/// Order numbers a person can read out on the phone: <c>ORD-20261122-7K3Q9X</c>. Six random characters give
/// 32⁶ ≈ 10⁹ numbers a day, so a repeat is rare but possible: the checkout retries with a fresh one. The date is the
/// shop's (Almaty) day, the one the admin's list shows and filters by; numbers made before on the UTC date stay as they are,
/// since nothing reads a date back out of a number.
/// </summary>
public class OrderNumber
{
    // Crockford's base32: no I, L, O, U, so nothing is misread.
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public virtual string New(DateTimeOffset nowUtc) =>
        $"ORD-{ShopTime.Date(nowUtc.UtcDateTime).ToString("yyyyMMdd", CultureInfo.InvariantCulture)}-{RandomNumberGenerator.GetString(Alphabet, 6)}";
}
