using System.Threading.Channels;
using Checkout.Web.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Checkout.Web.Data;

/// <summary>
/// SQLite's one writer, shared by every write of the process: the write transactions that wait while one runs are run
/// one after another in a single database transaction, each inside its own savepoint, and committed together — one
/// commit, one disk sync for the whole group. A unit that fails is rolled back to its savepoint alone; a unit that
/// committed hears so only once the group's commit is on disk, so an answer given after it still means "saved".
/// Units run strictly one at a time, in the order they came, each seeing what the ones before it wrote: the same
/// serial order the old gate gave, without a sync per unit.
/// </summary>
internal sealed partial class GroupCommit : IAsyncDisposable
{
    /// <summary>How many units at most share one commit, so a steady stream of writes still commits regularly.</summary>
    public const int MaxGroup = 64;

    private readonly Channel<WriteUnit> _waiting = Channel.CreateUnbounded<WriteUnit>(); // not SingleReader: that kind cannot count its waiting
    private readonly string _connectionString;
    private readonly int _busyTimeoutMs;
    private readonly string _synchronous;
    private readonly ILogger _log;
    private readonly Task _writer;
    private SqliteConnection? _connection;

    public GroupCommit(string connectionString, int busyTimeoutMs, string synchronous, ILogger log)
    {
        _connectionString = connectionString;
        _busyTimeoutMs = busyTimeoutMs;
        _synchronous = synchronous;
        _log = log;
        _writer = Task.Run(WriteAsync);
    }

    public string ConnectionString => _connectionString;

    /// <summary>Writes queued for a turn right now.</summary>
    public int Waiting => _waiting.Reader.Count;

    /// <summary>Groups committed so far, and the writes they committed.</summary>
    public (long Groups, long Writes) Committed => (Interlocked.Read(ref _groups), Interlocked.Read(ref _writes));

    private long _groups;
    private long _writes;

    /// <summary>Queues for a turn; the unit's transaction is the group's, positioned inside the unit's own savepoint.</summary>
    public async Task<(WriteUnit Unit, SqliteTransaction Transaction)> JoinAsync(CancellationToken ct)
    {
        var unit = new WriteUnit();
        if (!_waiting.Writer.TryWrite(unit))
        {
            throw new ObjectDisposedException(nameof(GroupCommit));
        }

        await using (ct.Register(() => unit.Turn.TrySetCanceled(ct)))
        {
            // Cancelled only while still waiting: once the turn is given, the caller takes it (and may end it at once).
            return (unit, await unit.Turn.Task);
        }
    }

    private async Task WriteAsync()
    {
        while (await _waiting.Reader.WaitToReadAsync())
        {
            var committed = new List<WriteUnit>();
            SqliteTransaction transaction;
            try
            {
                transaction = Connection().BeginTransaction(); // BEGIN IMMEDIATE: the write lock, for the whole group
            }
            catch (SqliteException failure)
            {
                // The file is locked by another process past the busy timeout, or gone: the next waiter hears why.
                ResetConnection();
                if (_waiting.Reader.TryRead(out var refused))
                {
                    refused.Turn.TrySetException(failure);
                }

                continue;
            }

            var broken = false;
            using (transaction)
            {
                while (committed.Count < MaxGroup && !broken && _waiting.Reader.TryRead(out var unit))
                {
                    if (!unit.Turn.TrySetResult(transaction))
                    {
                        continue; // it stopped waiting (its request was cancelled)
                    }

                    switch (await unit.Finished.Task)
                    {
                        case UnitOutcome.Committed:
                            committed.Add(unit);
                            break;
                        case UnitOutcome.Broken:
                            broken = true; // its savepoint could not be undone: nothing in this transaction can be trusted
                            break;
                    }
                }

                try
                {
                    if (broken)
                    {
                        throw new InvalidOperationException("A write of this group left the transaction in an unknown state; the group was rolled back.");
                    }

                    transaction.Commit();
                }
                catch (Exception failure) when (failure is SqliteException or InvalidOperationException)
                {
                    LogGroupFailed(_log, failure, committed.Count);
                    TryRollBack(transaction);
                    ResetConnection();
                    committed.ForEach(u => u.Durable.TrySetException(failure));
                    continue;
                }
            }

            Interlocked.Increment(ref _groups);
            Interlocked.Add(ref _writes, committed.Count);
            committed.ForEach(u => u.Durable.TrySetResult());
        }
    }

    private SqliteConnection Connection()
    {
        if (_connection is null)
        {
            var connection = new SqliteConnection(_connectionString);
            connection.Open();
            SqlitePragmas.Set(connection, _busyTimeoutMs, _synchronous);
            _connection = connection;
        }

        return _connection;
    }

    private void ResetConnection()
    {
        _connection?.Dispose();
        _connection = null;
    }

    private static void TryRollBack(SqliteTransaction transaction)
    {
        try
        {
            transaction.Rollback();
        }
        catch (SqliteException)
        {
            // already gone with the connection
        }
    }

    public async ValueTask DisposeAsync()
    {
        _waiting.Writer.TryComplete();
        await _writer;
        ResetConnection();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A group of {Count} committed writes could not be committed; each of them failed")]
    private static partial void LogGroupFailed(ILogger logger, Exception failure, int count);
}

internal enum UnitOutcome
{
    Committed,
    RolledBack,
    Broken,
}

/// <summary>One write transaction's place in a group: its turn, how it ended, and whether the group's commit held.</summary>
internal sealed class WriteUnit
{
    public TaskCompletionSource<SqliteTransaction> Turn { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource<UnitOutcome> Finished { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Durable { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
