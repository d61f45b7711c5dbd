using Checkout.Web.Data;
using Checkout.Web.Domain;
using Checkout.Web.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Checkout.Web.Workers;

/// <summary>
/// Delivers outbox messages to their handlers, at least once. A message is first claimed with a guarded update
/// (so two workers, in one process or on several instances, never run it at the same time while its lease
/// holds; on PostgreSQL they pass over each other's claims instead of queuing behind them), then handled and marked
/// processed in one transaction with the rest of its batch. A failure waits with exponential backoff;
/// after <see cref="OutboxOptions.MaxAttempts"/> the message is a dead letter until an admin retries it.
/// </summary>
public sealed partial class OutboxWorker(
    IServiceScopeFactory scopes,
    IEnumerable<IOutboxHandler> handlers,
    WriteTransactions writes,
    TimeProvider clock,
    IOptions<OutboxOptions> options,
    ILogger<OutboxWorker> log) : BackgroundService
{
    private readonly Dictionary<string, IOutboxHandler> _handlers = handlers.ToDictionary(h => h.Name);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollInterval, clock);
        do
        {
            try
            {
                // A full batch means more may be waiting: go on at once. A part batch waits for the next tick, so under load
                // the worker takes messages in batches, not a claim and a delivery per message, each a write of its own.
                while (await DeliverDueAsync(stoppingToken) == options.Value.BatchSize)
                {
                }
            }
            catch (Exception failure) when (!stoppingToken.IsCancellationRequested)
            {
                LogPollFailed(log, failure); // the database is away for a moment: try again at the next tick
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Claims one batch of due messages and delivers them; returns how many it claimed.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShopDbContext>();
        var claim = Guid.NewGuid();
        var batch = await ClaimAsync(db, claim, ct);
        if (batch.Count > 0)
        {
            await DeliverAsync(db, batch, claim, ct);
        }

        return batch.Count;
    }

    /// <summary>
    /// Takes the oldest due messages: only those nobody holds (or whose holder's lease ran out) get this claim's token,
    /// and each counts an attempt now, so a worker that dies mid-delivery used one. A message whose every attempt ended
    /// with the worker itself gone (it crashes the process) is given up first.
    /// </summary>
    private async Task<List<OutboxMessage>> ClaimAsync(ShopDbContext db, Guid claim, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await writes.BeginAsync(db, ct);
        var batch = db.Database.IsSqlite() ? await ClaimOnSqliteAsync(db, claim, now, ct) : await ClaimOnPostgresAsync(db, claim, now, ct);
        await transaction.CommitAsync(ct);
        return batch;
    }

    /// <summary>SQLite has one writer, so nobody else claims meanwhile: two guarded updates, then the claimed rows.</summary>
    private async Task<List<OutboxMessage>> ClaimOnSqliteAsync(ShopDbContext db, Guid claim, DateTime now, CancellationToken ct)
    {
        var maxAttempts = options.Value.MaxAttempts;
        var batchSize = options.Value.BatchSize;
        var leasedUntil = now + options.Value.Lease; // values, not expressions, inside queries: EF would compile those on every run
        await db.OutboxMessages
            .Where(m => m.ProcessedUtc == null && m.DeadLetteredUtc == null && m.Attempts >= maxAttempts && m.LockedUntilUtc < now)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.DeadLetteredUtc, now)
                .SetProperty(m => m.LockedUntilUtc, (DateTime?)null)
                .SetProperty(m => m.LockToken, (Guid?)null)
                .SetProperty(m => m.LastError, m => (m.LastError ?? "").Substring(0, MaxErrorLength - WorkerStopped.Length) + WorkerStopped), ct);

        // The due ids first, then the claim and the read back by them (primary key lookups): read back by its token, the
        // claim scanned the whole table, processed rows and all, a cost that grew with every order the shop ever took.
        var due = await db.OutboxMessages
            .Where(m => m.ProcessedUtc == null && m.DeadLetteredUtc == null && m.NextAttemptUtc <= now
                && (m.LockedUntilUtc == null || m.LockedUntilUtc < now))
            .OrderBy(m => m.Id)
            .Select(m => m.Id)
            .Take(batchSize)
            .ToListAsync(ct);
        if (due.Count == 0)
        {
            return [];
        }

        var claimed = await db.OutboxMessages
            .Where(m => due.Contains(m.Id) && m.ProcessedUtc == null && (m.LockedUntilUtc == null || m.LockedUntilUtc < now))
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.LockToken, claim)
                .SetProperty(m => m.LockedUntilUtc, leasedUntil)
                .SetProperty(m => m.Attempts, m => m.Attempts + 1), ct);
        return claimed == 0 ? [] : await db.OutboxMessages.AsNoTracking().Where(m => due.Contains(m.Id) && m.LockToken == claim).OrderBy(m => m.Id).ToListAsync(ct);
    }

    /// <summary>
    /// PostgreSQL, where several instances claim at once: one statement that gives up the dead and claims a batch,
    /// passing over the rows another worker's claim has locked (<c>SKIP LOCKED</c>) instead of waiting for its commit.
    /// A message given up is not claimed: the statement's parts all see the table as it was when it began.
    /// </summary>
    private async Task<List<OutboxMessage>> ClaimOnPostgresAsync(ShopDbContext db, Guid claim, DateTime now, CancellationToken ct)
    {
        var maxAttempts = options.Value.MaxAttempts;
        var leasedUntil = now + options.Value.Lease;
        var batch = await db.OutboxMessages.FromSql($"""
            WITH dead AS MATERIALIZED (
                SELECT "Id" FROM "OutboxMessages"
                WHERE "ProcessedUtc" IS NULL AND "DeadLetteredUtc" IS NULL AND "Attempts" >= {maxAttempts} AND "LockedUntilUtc" < {now}
                FOR UPDATE SKIP LOCKED
            ), buried AS (
                UPDATE "OutboxMessages" AS m
                SET "DeadLetteredUtc" = {now}, "LockedUntilUtc" = NULL, "LockToken" = NULL,
                    "LastError" = left(coalesce(m."LastError", ''), {MaxErrorLength - WorkerStopped.Length}) || {WorkerStopped}
                FROM dead WHERE m."Id" = dead."Id"
            ), due AS MATERIALIZED (
                SELECT "Id" FROM "OutboxMessages"
                WHERE "ProcessedUtc" IS NULL AND "DeadLetteredUtc" IS NULL AND "NextAttemptUtc" <= {now}
                    AND ("LockedUntilUtc" IS NULL OR ("LockedUntilUtc" < {now} AND "Attempts" < {maxAttempts}))
                ORDER BY "Id"
                LIMIT {options.Value.BatchSize}
                FOR UPDATE SKIP LOCKED
            )
            UPDATE "OutboxMessages" AS m
            SET "LockToken" = {claim}, "LockedUntilUtc" = {leasedUntil}, "Attempts" = m."Attempts" + 1
            FROM due WHERE m."Id" = due."Id"
            RETURNING m.*
            """).AsNoTracking().ToListAsync(ct);
        batch.Sort((a, b) => a.Id.CompareTo(b.Id));
        return batch;
    }

    /// <summary>
    /// Runs each message's handler and marks the batch processed, all in one transaction (one commit, one disk sync,
    /// instead of one per message). Handlers that only read run first, outside it. Each writing handler runs inside its
    /// own savepoint: a failing one is rolled back to it and its failure recorded, without undoing the others.
    /// </summary>
    private async Task DeliverAsync(ShopDbContext db, List<OutboxMessage> batch, Guid claim, CancellationToken ct)
    {
        const string Delivery = "delivery";
        var failed = new Dictionary<long, Exception>();
        foreach (var message in batch)
        {
            if (_handlers.TryGetValue(message.Handler, out var reader) && !reader.WritesDatabase)
            {
                try
                {
                    await reader.HandleAsync(message, db, ct);
                }
                catch (Exception failure) when (!ct.IsCancellationRequested)
                {
                    failed[message.Id] = failure;
                }
            }
        }

        var failures = new List<(OutboxMessage Message, Exception Failure, bool Dead, string Error)>();
        var delivered = new List<long>();
        var marked = 0;
        await using (var transaction = await writes.BeginAsync(db, ct))
        {
            var together = await DeliverTogetherAsync(db, transaction, batch.Where(m => !failed.ContainsKey(m.Id)), ct);
            delivered.AddRange(together);
            foreach (var message in batch)
            {
                _handlers.TryGetValue(message.Handler, out var handler);
                if (handler is { WritesDatabase: false } && !failed.ContainsKey(message.Id))
                {
                    delivered.Add(message.Id); // handled above, outside the transaction: only its mark is left to write
                    continue;
                }

                if (together.Contains(message.Id))
                {
                    continue;
                }

                db.ChangeTracker.Clear();
                await transaction.CreateSavepointAsync(Delivery, ct);
                try
                {
                    if (handler is null)
                    {
                        throw new InvalidOperationException($"No handler named '{message.Handler}' is registered.");
                    }

                    if (failed.TryGetValue(message.Id, out var failedBefore))
                    {
                        System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failedBefore);
                    }

                    await handler.HandleAsync(message, db, ct);
                    delivered.Add(message.Id);
                }
                catch (Exception failure) when (!ct.IsCancellationRequested)
                {
                    db.ChangeTracker.Clear();
                    await transaction.RollbackToSavepointAsync(Delivery, ct);
                    try
                    {
                        var (dead, error) = await RecordFailureAsync(db, message, claim, failure, ct);
                        failures.Add((message, failure, dead, error));
                    }
                    catch (Exception unrecorded) when (!ct.IsCancellationRequested)
                    {
                        // Not even the failure could be written: leave this message claimed (its lease runs out and it is
                        // tried again) rather than lose the rest of the batch with it.
                        await transaction.RollbackToSavepointAsync(Delivery, ct);
                        LogNotRecorded(log, unrecorded, message.Id, message.Handler, message.Subject);
                    }
                }

                await transaction.ReleaseSavepointAsync(Delivery, ct);
            }

            // One statement marks the batch, and only what this claim still holds. Fewer rows than delivered means a lease
            // ran out and another worker took those messages: their writes here must not stand beside that worker's, so
            // nothing of the batch is kept.
            var processedUtc = clock.GetUtcNow().UtcDateTime;
            marked = delivered.Count == 0 ? 0 : await db.OutboxMessages
                .Where(m => delivered.Contains(m.Id) && m.ProcessedUtc == null && m.LockToken == claim)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.ProcessedUtc, processedUtc)
                    .SetProperty(m => m.LockedUntilUtc, (DateTime?)null)
                    .SetProperty(m => m.LockToken, (Guid?)null)
                    .SetProperty(m => m.LastError, (string?)null), ct);
            if (marked == delivered.Count)
            {
                await transaction.CommitAsync(ct);
            }
        }

        if (marked != delivered.Count)
        {
            // Rolled back as the transaction was disposed. What this claim still holds is let go, to be claimed again now.
            LogLeaseLost(log, delivered.Count - marked, batch.Count);
            db.ChangeTracker.Clear();
            await using var release = await writes.BeginAsync(db, ct);
            var ids = batch.Select(m => m.Id).ToList();
            await db.OutboxMessages
                .Where(m => ids.Contains(m.Id) && m.ProcessedUtc == null && m.LockToken == claim)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockToken, (Guid?)null).SetProperty(m => m.LockedUntilUtc, (DateTime?)null), ct);
            await release.CommitAsync(ct);
            return;
        }

        foreach (var (message, failure, dead, error) in failures)
        {
            if (dead)
            {
                LogDeadLettered(log, failure, message.Id, message.Type, message.Handler, message.Subject, message.Attempts);
            }
            else
            {
                LogRetrying(log, message.Id, message.Type, message.Handler, message.Subject, message.Attempts, error);
            }
        }
    }

    /// <summary>
    /// The messages of each handler that takes a batch together (<see cref="IOutboxBatchHandler"/>), in one savepoint per
    /// handler; returns the ids delivered so. A handler's batch that fails is rolled back and left to be delivered one
    /// by one, where each message's failure is its own.
    /// </summary>
    private async Task<HashSet<long>> DeliverTogetherAsync(ShopDbContext db, WriteTransaction transaction,
        IEnumerable<OutboxMessage> batch, CancellationToken ct)
    {
        const string Together = "together";
        var delivered = new HashSet<long>();
        foreach (var messages in batch.GroupBy(m => m.Handler).Where(g => g.Count() > 1))
        {
            if (!_handlers.TryGetValue(messages.Key, out var found) || found is not IOutboxBatchHandler handler)
            {
                continue;
            }

            db.ChangeTracker.Clear();
            await transaction.CreateSavepointAsync(Together, ct);
            try
            {
                await handler.HandleBatchAsync([.. messages], db, ct);
                delivered.UnionWith(messages.Select(m => m.Id));
            }
            catch (Exception failure) when (!ct.IsCancellationRequested)
            {
                db.ChangeTracker.Clear();
                await transaction.RollbackToSavepointAsync(Together, ct);
                LogTogetherFailed(log, failure, messages.Count(), messages.Key);
            }

            await transaction.ReleaseSavepointAsync(Together, ct);
        }

        return delivered;
    }

    /// <summary>Records a failed attempt (inside the batch's transaction): when to try again, or a dead letter.</summary>
    private async Task<(bool Dead, string Error)> RecordFailureAsync(ShopDbContext db, OutboxMessage message, Guid claim, Exception failure, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var dead = message.Attempts >= options.Value.MaxAttempts;
        var nextAttemptUtc = now + options.Value.RetryDelay(message.Attempts);
        DateTime? deadLetteredUtc = dead ? now : null;
        var error = $"{failure.GetType().Name}: {failure.Message}";
        if (error.Length > MaxErrorLength)
        {
            error = error[..(char.IsHighSurrogate(error[MaxErrorLength - 1]) ? MaxErrorLength - 1 : MaxErrorLength)]; // never half a character
        }

        await db.OutboxMessages
            .Where(m => m.Id == message.Id && m.ProcessedUtc == null && m.LockToken == claim)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.LockedUntilUtc, (DateTime?)null)
                .SetProperty(m => m.LockToken, (Guid?)null)
                .SetProperty(m => m.LastError, error)
                .SetProperty(m => m.NextAttemptUtc, nextAttemptUtc)
                .SetProperty(m => m.DeadLetteredUtc, deadLetteredUtc), ct);
        return (dead, error);
    }

    /// <summary>The longest error text its column holds (<c>varchar(2000)</c> on PostgreSQL, which refuses a longer one).</summary>
    private const int MaxErrorLength = Lengths.LongText;

    /// <summary>Added to a message's last error when it is given up after its worker died during its last attempt.</summary>
    private const string WorkerStopped = " (the worker stopped during its last attempt)";

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox message {Id} ({Handler}, {Subject}) failed and its failure could not be recorded; it is tried again when its lease runs out")]
    private static partial void LogNotRecorded(ILogger logger, Exception failure, long id, string handler, string subject);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox: another worker took {Lost} of a batch of {Count} messages after this worker's lease ran out; the batch was rolled back and the rest let go, to be tried again")]
    private static partial void LogLeaseLost(ILogger logger, int lost, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox: a batch of {Count} {Handler} messages failed together; delivering them one by one")]
    private static partial void LogTogetherFailed(ILogger logger, Exception failure, int count, string handler);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox poll failed; trying again at the next tick")]
    private static partial void LogPollFailed(ILogger logger, Exception failure);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {Id} ({Type} → {Handler}, {Subject}) failed attempt {Attempts}, will retry: {Error}")]
    private static partial void LogRetrying(ILogger logger, long id, string type, string handler, string subject, int attempts, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox message {Id} ({Type} → {Handler}, {Subject}) is a dead letter after {Attempts} attempts")]
    private static partial void LogDeadLettered(ILogger logger, Exception failure, long id, string type, string handler, string subject, int attempts);
}
