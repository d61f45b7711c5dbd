namespace Checkout.Web.Infrastructure.Idempotency;

/// <summary>Configuration section <c>Idempotency</c>.</summary>
public sealed class IdempotencyOptions
{
    public const string Section = "Idempotency";

    /// <summary>How long a key and its response are kept (and replayed); at least a day.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long a running request holds its key; after a crash a retry may take the key over after this.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(1);
}
