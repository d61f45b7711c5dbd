namespace Checkout.Web.Features.Payments.Sandbox;

/// <summary>
/// Configuration section <c>Payments:Sandbox</c>: the stand-in for CloudPayments that the shop hosts under
/// <see cref="SandboxRoutes.Prefix"/> in Development and tests (never in Production).
/// </summary>
public sealed class SandboxOptions
{
    public const string Section = "Payments:Sandbox";

    public bool Enabled { get; set; }

    /// <summary>The merchant the sandbox knows: the API's Basic authentication; empty takes <c>Payments:CloudPayments:PublicId</c>.</summary>
    public string PublicId { get; set; } = "";

    /// <summary>The merchant's API secret (checks the Basic authentication, signs the notifications); empty takes <c>Payments:CloudPayments:ApiSecret</c>.</summary>
    public string ApiSecret { get; set; } = "";

    /// <summary>
    /// Where the notifications go: <c>check</c>, <c>pay</c>, <c>fail</c> and <c>refund</c> are appended to it
    /// (e.g. <c>http://localhost:5080/payments/cloudpayments/</c> → <c>…/pay</c>).
    /// </summary>
    public string NotifyUrl { get; set; } = "";

    /// <summary>The sandbox's own SQLite file (invoices, transactions, saved cards, the notifications still to send); relative to the data folder.</summary>
    public string StateFile { get; set; } = "sandbox/cloudpayments.db";

    /// <summary>Send the Check notification before charging and decline when the shop doesn't answer it with code 0.</summary>
    public bool SendCheck { get; set; } = true;

    /// <summary>How long one notification may wait for the shop's answer.</summary>
    public TimeSpan NotifyTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the notifier looks for notifications that are due.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The wait after the first unanswered attempt; it doubles after each further one, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Attempts before a notification is given up (counted in the sandbox's stats).</summary>
    public int MaxAttempts { get; set; } = 30;

    public SandboxChaosOptions Chaos { get; set; } = new();

    public TimeSpan RetryDelay(int failedAttempts)
    {
        var doubled = FirstRetryDelay * Math.Pow(2, Math.Clamp(failedAttempts - 1, 0, 30));
        return doubled < MaxRetryDelay ? doubled : MaxRetryDelay;
    }
}
