using Checkout.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Checkout.Web.Features.Inventory;

/// <summary>
/// Deletes expired stock reservations every <see cref="InventoryOptions.CleanupInterval"/>. Only housekeeping:
/// an expired reservation already counts for nothing, so a late or missed run changes no shopper's answer.
/// </summary>
public sealed partial class ReservationCleanup(
    IServiceScopeFactory scopes,
    TimeProvider clock,
    IOptions<InventoryOptions> options,
    ILogger<ReservationCleanup> logger) : BackgroundService
{
    /// <summary>One clean-up pass; returns how many reservations it deleted.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShopDbContext>();
        var writes = scope.ServiceProvider.GetRequiredService<WriteTransactions>();
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await writes.BeginAsync(db, ct);
        var deleted = await db.StockReservations.Where(r => r.ExpiresUtc <= now).ExecuteDeleteAsync(ct);
        await transaction.CommitAsync(ct);
        if (deleted > 0)
        {
            LogDeleted(logger, deleted);
        }

        return deleted;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CleanupInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception failure) when (failure is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
            {
                // The next tick tries again; nothing depends on this run.
                LogFailed(logger, failure);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} expired stock reservations")]
    private static partial void LogDeleted(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Clean-up of expired stock reservations failed; retrying on the next tick")]
    private static partial void LogFailed(ILogger logger, Exception failure);
}
