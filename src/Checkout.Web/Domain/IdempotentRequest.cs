namespace Checkout.Web.Domain;

/// <summary>
/// A money-moving request's <c>Idempotency-Key</c>, per shopper: the hash of the request it first came with and,
/// once that request has finished, the response to replay. No <see cref="StatusCode"/> yet means it is still running.
/// </summary>
public sealed class IdempotentRequest
{
    public long Id { get; set; }

    public required string UserId { get; set; }

    public required string Key { get; set; }

    /// <summary>SHA-256 of method, path and body, hex: the same key with another request is refused.</summary>
    public required string RequestHash { get; set; }

    public int? StatusCode { get; set; }

    public string? ContentType { get; set; }

    public string? ResponseBody { get; set; }

    /// <summary>Where a replayed redirect points (the first answer's <c>Location</c>).</summary>
    public string? Location { get; set; }

    /// <summary>
    /// What the request committed, written in its own transaction (a payment's order number): if the process dies
    /// before the answer is stored, a retry learns the work was done instead of doing it again.
    /// </summary>
    public string? Outcome { get; set; }

    public DateTime CreatedUtc { get; set; }

    /// <summary>While a request runs it holds the key until then; a request that died (a crash) gives it up after that.</summary>
    public DateTime LockedUntilUtc { get; set; }
}
