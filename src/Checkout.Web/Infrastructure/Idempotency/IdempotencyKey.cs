using System.Security.Cryptography;
using System.Text;

namespace Checkout.Web.Infrastructure.Idempotency;

/// <summary>The <c>Idempotency-Key</c> rules: where a client puts it, what it may look like, what it is compared by.</summary>
public static class IdempotencyKey
{
    public const string Header = "Idempotency-Key";

    /// <summary>A plain form post (no script, no headers) carries the key in this field.</summary>
    public const string FormField = "idempotency_key";

    public const string ReplayedHeader = "Idempotent-Replayed";

    public const int MaxLength = 100;

    /// <summary>1–100 visible ASCII characters (a UUID fits; spaces and control characters don't).</summary>
    public static bool IsWellFormed(string key) =>
        key.Length is > 0 and <= MaxLength && key.All(c => c is > ' ' and <= '~');

    /// <summary>SHA-256 of method, path and body: what "the same request" means.</summary>
    public static string Hash(string method, string path, ReadOnlySpan<byte> body)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes($"{method} {path}\n"));
        sha.AppendData(body);
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
