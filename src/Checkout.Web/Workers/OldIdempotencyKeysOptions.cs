namespace Checkout.Web.Workers;

/// <summary>Configuration section <c>Jobs:OldIdempotencyKeys</c>; how old a key must be is <c>Idempotency:Retention</c>.</summary>
public sealed class OldIdempotencyKeysOptions
{
    public const string Section = "Jobs:OldIdempotencyKeys";

    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);
}
