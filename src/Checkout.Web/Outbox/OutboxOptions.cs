namespace Checkout.Web.Outbox;

/// <summary>Configuration section <c>Outbox</c>: how the worker polls, retries and gives up.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>How often the worker looks for due messages when its last batch wasn't full (a full one is followed at once).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The wait after the first failure; it doubles after each further one, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>After this many failed attempts a message becomes a dead letter, to be retried by an admin.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>How long a worker holds a message it took; one that died (a crash) loses it after this.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(30);

    public int BatchSize { get; set; } = 50;

    public TimeSpan RetryDelay(int failedAttempts)
    {
        var doubled = FirstRetryDelay * Math.Pow(2, Math.Clamp(failedAttempts - 1, 0, 30));
        return doubled < MaxRetryDelay ? doubled : MaxRetryDelay;
    }
}
