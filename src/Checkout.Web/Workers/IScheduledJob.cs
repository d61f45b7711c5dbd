using Checkout.Web.Data;

namespace Checkout.Web.Workers;

/// <summary>
/// A clean-up the shop runs on an interval from configuration. Each run must be safe to repeat and to run
/// on several instances at once: a guarded statement that only removes what is provably dead.
/// </summary>
public interface IScheduledJob
{
    string Name { get; }

    TimeSpan Interval { get; }

    /// <summary>
    /// Whether the job begins its own write transactions (one per order, say), because it waits on something outside the
    /// database (the payment gateway) that no write transaction may wait for; otherwise the worker runs it inside one.
    /// </summary>
    bool OwnTransactions => false;

    /// <summary>Runs once; returns how many rows it removed (or orders it settled).</summary>
    Task<int> RunAsync(ShopDbContext db, DateTime nowUtc, CancellationToken ct);
}
