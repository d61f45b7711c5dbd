using Checkout.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Checkout.Web.Workers;

/// <summary>
/// Deletes guest carts untouched for <c>Jobs:StaleGuestCarts:MaxAge</c> (default 24 h), lines included. A guest who
/// comes back simply starts a new cart. Signed-in shoppers' carts are kept: they are the shopper's own.
/// </summary>
public sealed class StaleGuestCarts(IOptions<StaleGuestCartsOptions> options) : IScheduledJob
{
    public string Name => nameof(StaleGuestCarts);

    public TimeSpan Interval => options.Value.Interval;

    public Task<int> RunAsync(ShopDbContext db, DateTime nowUtc, CancellationToken ct)
    {
        var cutoff = nowUtc - options.Value.MaxAge;
        // A cart change bumps UpdatedUtc in its own guarded statement first, so a cart in use never matches.
        return db.Carts.Where(c => c.UserId == null && c.UpdatedUtc < cutoff).ExecuteDeleteAsync(ct);
    }
}
