using Checkout.Web.Data;
using Checkout.Web.Infrastructure.Idempotency;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Checkout.Web.Workers;

/// <summary>Forgets idempotency keys older than <c>Idempotency:Retention</c> (default 24 h), finished ones only.</summary>
public sealed class OldIdempotencyKeys(IOptions<IdempotencyOptions> options, IConfiguration configuration) : IScheduledJob
{
    public string Name => nameof(OldIdempotencyKeys);

    public TimeSpan Interval { get; } = configuration.GetValue("Jobs:OldIdempotencyKeys:Interval", TimeSpan.FromHours(1));

    public Task<int> RunAsync(ShopDbContext db, DateTime nowUtc, CancellationToken ct)
    {
        var cutoff = nowUtc - options.Value.Retention;
        return db.IdempotentRequests
            .Where(r => r.CreatedUtc < cutoff && (r.StatusCode != null || r.LockedUntilUtc < nowUtc))
            .ExecuteDeleteAsync(ct);
    }
}
