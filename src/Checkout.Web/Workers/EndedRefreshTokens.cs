using Checkout.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Checkout.Web.Workers;

/// <summary>
/// Deletes the apps' refresh tokens a day after they expired or were used up or revoked: kept that long, a replayed copy
/// is still recognised and ends its account's other tokens; after that it is simply unknown, which refuses it just the same.
/// </summary>
public sealed class EndedRefreshTokens : IScheduledJob
{
    private static readonly TimeSpan KeptAfterEnd = TimeSpan.FromDays(1);

    public string Name => nameof(EndedRefreshTokens);

    public TimeSpan Interval => TimeSpan.FromHours(1);

    public Task<int> RunAsync(ShopDbContext db, DateTime nowUtc, CancellationToken ct)
    {
        var cutoff = nowUtc - KeptAfterEnd;
        return db.RefreshTokens.Where(t => t.ExpiresUtc < cutoff || t.EndedUtc < cutoff).ExecuteDeleteAsync(ct);
    }
}
