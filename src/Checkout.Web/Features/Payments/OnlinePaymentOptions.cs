namespace Checkout.Web.Features.Payments;

/// <summary>Configuration section <c>Payments</c>: how long an online order waits for its payment, and the jobs that watch it.</summary>
public sealed class OnlinePaymentOptions
{
    public const string Section = "Payments";

    /// <summary>How long an order placed online waits for the gateway's payment before it is cancelled and what it held goes back.</summary>
    public TimeSpan PaymentWindow { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long after placing the sync job starts asking the gateway about an order whose notification never came.</summary>
    public TimeSpan SyncAfter { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often the payment jobs (status sync, expiry) run.</summary>
    public TimeSpan JobInterval { get; set; } = TimeSpan.FromSeconds(30);
}
