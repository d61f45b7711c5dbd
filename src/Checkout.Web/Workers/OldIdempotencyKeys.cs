using Checkout.Web.Data;
using Checkout.Web.Infrastructure.Idempotency;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Checkout.Web.Workers;

/// <summary>Forgets idempotency keys older than <c>Idempotency:Retention</c> (default 24 h), finished ones only.</summary>
public sealed class OldIdempotencyKeys(IOptions<IdempotencyOptions> idempotency, IOptions<OldIdempotencyKeysOptions> options) : IScheduledJob
{
    public string Name => nameof(OldIdempotencyKeys);

    public TimeSpan Interval => options.Value.Interval;

    public Task<int> RunAsync(ShopDbContext db, DateTime nowUtc, CancellationToken ct)
    {
        var cutoff = nowUtc - idempotency.Value.Retention;
        return db.IdempotentRequests
            .Where(r => r.CreatedUtc < cutoff && (r.StatusCode != null || r.LockedUntilUtc < nowUtc))
            .ExecuteDeleteAsync(ct);
    }
}
