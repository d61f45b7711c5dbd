using Checkout.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Checkout.Web.Infrastructure.Idempotency;

/// <summary>
/// The <c>Idempotency-Key</c> this request claimed, if any (scoped: one per request). The <see cref="IdempotencyFilter"/>
/// puts the claim here; the work it guards (a payment) records what it committed through it, inside its own transaction,
/// so a retry after a crash between that commit and the stored answer is told, not run again.
/// </summary>
public sealed class IdempotencyClaim
{
    /// <summary>The claimed key's row; null when the request came without a key.</summary>
    public long? Id { get; private set; }

    internal void Claimed(long id) => Id = id;

    /// <summary>Writes <paramref name="outcome"/> onto the claimed key; call on the context whose transaction does the work.</summary>
    public Task RecordOutcomeAsync(ShopDbContext db, string outcome, CancellationToken ct) =>
        Id is { } id
            ? db.IdempotentRequests.Where(r => r.Id == id && r.StatusCode == null).ExecuteUpdateAsync(s => s.SetProperty(r => r.Outcome, outcome), ct)
            : Task.CompletedTask;
}
