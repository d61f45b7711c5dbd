using Checkout.Web.Data;
using Checkout.Web.Features.Inventory;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Checkout.Web.Workers;

/// <summary>
/// Deletes expired stock reservations every <see cref="InventoryOptions.CleanupInterval"/>. Only housekeeping:
/// an expired reservation already counts for nothing, so a late or missed run changes no shopper's answer.
/// </summary>
public sealed class ExpiredReservations(IOptions<InventoryOptions> options) : IScheduledJob
{
    public string Name => nameof(ExpiredReservations);

    public TimeSpan Interval => options.Value.CleanupInterval;

    public Task<int> RunAsync(ShopDbContext db, DateTime nowUtc, CancellationToken ct) =>
        db.StockReservations.Where(r => r.ExpiresUtc <= nowUtc).ExecuteDeleteAsync(ct);
}
