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

    /// <summary>Runs once; returns how many rows it removed.</summary>
    Task<int> RunAsync(ShopDbContext db, DateTime nowUtc, CancellationToken ct);
}
