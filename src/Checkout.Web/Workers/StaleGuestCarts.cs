using Checkout.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Checkout.Web.Workers;

/// <summary>
/// Deletes guest carts untouched for <c>Jobs:StaleGuestCarts:MaxAge</c> (default 24 h), lines included. A guest who
/// comes back simply starts a new cart. Signed-in shoppers' carts are kept: they are the shopper's own.
/// </summary>
public sealed class StaleGuestCarts(IConfiguration configuration) : IScheduledJob
{
    private readonly TimeSpan _maxAge = configuration.GetValue("Jobs:StaleGuestCarts:MaxAge", TimeSpan.FromHours(24));

    public string Name => nameof(StaleGuestCarts);

    public TimeSpan Interval { get; } = configuration.GetValue("Jobs:StaleGuestCarts:Interval", TimeSpan.FromMinutes(15));

    public Task<int> RunAsync(ShopDbContext db, DateTime nowUtc, CancellationToken ct)
    {
        var cutoff = nowUtc - _maxAge;
        // A cart change bumps UpdatedUtc in its own guarded statement first, so a cart in use never matches.
        return db.Carts.Where(c => c.UserId == null && c.UpdatedUtc < cutoff).ExecuteDeleteAsync(ct);
    }
}
