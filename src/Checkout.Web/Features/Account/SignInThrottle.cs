using Checkout.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Checkout.Web.Features.Account;

/// <summary>
/// Refuses an (e-mail, client address) pair for <see cref="AccountOptions.FailedSignInWindow"/> after
/// <see cref="AccountOptions.MaxFailedSignIns"/> failures within it. Known and unknown addresses are counted alike,
/// and the account itself is never locked: its owner signs in from anywhere else. The count is one upsert in the
/// database, so several instances share it.
/// </summary>
public sealed class SignInThrottle(ShopDbContext db, WriteTransactions writes, TimeProvider clock, IOptions<AccountOptions> options)
{
    public async Task<bool> IsRefusedAsync(string email, string client, CancellationToken ct)
    {
        var since = clock.GetUtcNow().UtcDateTime - options.Value.FailedSignInWindow;
        var max = options.Value.MaxFailedSignIns;
        return await db.FailedSignIns.AnyAsync(f => f.Email == email && f.ClientAddress == client && f.Failures >= max && f.LastFailureUtc > since, ct);
    }

    /// <summary>Counts a failure: the pair's count goes up, or starts again at 1 once its last failure is older than the window.</summary>
    public async Task RecordFailureAsync(string email, string client, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var since = now - options.Value.FailedSignInWindow;
        await using var transaction = await writes.BeginAsync(db, ct);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "FailedSignIns" ("Email", "ClientAddress", "Failures", "LastFailureUtc") VALUES ({email}, {client}, 1, {now})
            ON CONFLICT ("Email", "ClientAddress") DO UPDATE SET
                "Failures" = CASE WHEN "FailedSignIns"."LastFailureUtc" > {since} THEN "FailedSignIns"."Failures" + 1 ELSE 1 END,
                "LastFailureUtc" = excluded."LastFailureUtc"
            """, ct);
        await db.FailedSignIns.Where(f => f.LastFailureUtc <= since).ExecuteDeleteAsync(ct); // pairs long quiet: forgotten
        await transaction.CommitAsync(ct);
    }

    /// <summary>A successful sign-in clears its pair.</summary>
    public async Task ForgetAsync(string email, string client, CancellationToken ct)
    {
        if (await db.FailedSignIns.AnyAsync(f => f.Email == email && f.ClientAddress == client, ct))
        {
            await using var transaction = await writes.BeginAsync(db, ct);
            await db.FailedSignIns.Where(f => f.Email == email && f.ClientAddress == client).ExecuteDeleteAsync(ct);
            await transaction.CommitAsync(ct);
        }
    }
}
