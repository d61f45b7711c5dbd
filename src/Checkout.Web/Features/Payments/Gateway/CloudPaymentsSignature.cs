using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace Checkout.Web.Features.Payments.Gateway;

/// <summary>
/// How CloudPayments signs a notification: Base64(HMAC-SHA256(body, API secret)). <c>Content-HMAC</c> is taken over the
/// body as sent (URL-encoded), <c>X-Content-HMAC</c> over the same body URL-decoded; both in UTF-8.
/// </summary>
public static class CloudPaymentsSignature
{
    public const string Header = "Content-HMAC";

    public const string DecodedHeader = "X-Content-HMAC";

    public static string Sign(string secret, ReadOnlySpan<byte> bytes) => Convert.ToBase64String(Hash(secret, bytes));

    /// <summary>The body with its form encoding undone (<c>+</c> and <c>%XX</c>), what <see cref="DecodedHeader"/> signs.</summary>
    public static byte[] Decoded(ReadOnlySpan<byte> body) => Encoding.UTF8.GetBytes(WebUtility.UrlDecode(Encoding.UTF8.GetString(body)));

    /// <summary>Whether <paramref name="signature"/> is the signature of <paramref name="bytes"/>, compared in constant time.</summary>
    public static bool Matches(string secret, ReadOnlySpan<byte> bytes, string? signature)
    {
        if (string.IsNullOrWhiteSpace(signature))
        {
            return false;
        }

        Span<byte> given = stackalloc byte[64];
        return Convert.TryFromBase64String(signature.Trim(), given, out var length)
            && CryptographicOperations.FixedTimeEquals(Hash(secret, bytes), given[..length]);
    }

    private static byte[] Hash(string secret, ReadOnlySpan<byte> bytes) => HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), bytes);
}
