using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace Checkout.Web.Data;

/// <summary>
/// Begins the shop's write transactions. SQLite lets one writer in at a time: here every write of the process joins
/// <see cref="GroupCommit"/>, which runs them one after another on its one connection and commits those that waited
/// together (one disk sync for a group instead of one each). PostgreSQL needs none of that: its row locks serialize
/// only what actually conflicts, and each write is a transaction of its own.
/// </summary>
public sealed partial class WriteTransactions(IOptions<DatabaseOptions> options, ILogger<WriteTransactions> log) : IAsyncDisposable, IDisposable
{
    private readonly Lock _starting = new();
    private GroupCommit? _group;

    public async Task<WriteTransaction> BeginAsync(ShopDbContext db, CancellationToken ct)
    {
        // A failed SaveChanges always ends its transaction here (rolled back whole, or to a savepoint of ours), so EF's
        // own savepoint around every SaveChanges would be two statements per save for nothing.
        db.Database.AutoSavepointsEnabled = false;
        if (!db.Database.IsSqlite())
        {
            return new WriteTransaction(db, await db.Database.BeginTransactionAsync(ct), unit: null, ownConnection: null, log);
        }

        var (unit, group) = await GroupFor(db).JoinAsync(ct);
        var ownConnection = db.Database.GetDbConnection();
        try
        {
            db.Database.SetDbConnection(group.Connection, contextOwnsConnection: false);
            var transaction = await db.Database.UseTransactionAsync(group, ct)
                ?? throw new InvalidOperationException("The group's transaction was not taken.");
            await transaction.CreateSavepointAsync(WriteTransaction.Savepoint, ct);
            return new WriteTransaction(db, transaction, unit, ownConnection, log);
        }
        catch
        {
            await WriteTransaction.LeaveAsync(db, ownConnection);
            unit.Finished.TrySetResult(UnitOutcome.Broken); // the savepoint may or may not exist: the group can't go on
            throw;
        }
    }

    /// <summary>SQLite: the writes waiting for their turn now (zero before the first write).</summary>
    public int Waiting => _group?.Waiting ?? 0;

    /// <summary>SQLite: the groups committed so far and the writes in them; their ratio is the writes one disk sync saves.</summary>
    public (long Groups, long Writes) Committed => _group?.Committed ?? (0, 0);

    private GroupCommit GroupFor(ShopDbContext db)
    {
        var connectionString = db.Database.GetConnectionString()
            ?? throw new InvalidOperationException("The SQLite context has no connection string.");
        if (_group is { } started)
        {
            return started.ConnectionString == connectionString
                ? started
                : throw new InvalidOperationException("One shop writes to one SQLite file.");
        }

        lock (_starting)
        {
            var database = options.Value;
            return _group ??= new GroupCommit(connectionString, database.BusyTimeoutMs, database.SqliteSynchronous.ToUpperInvariant(), log);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_group is { } group)
        {
            await group.DisposeAsync();
        }
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}

/// <summary>
/// A write transaction; disposing it without <see cref="CommitAsync"/> rolls it back. On SQLite it is the caller's
/// savepoint inside the group's transaction, and <see cref="CommitAsync"/> returns once the group's commit is on disk.
/// </summary>
public sealed partial class WriteTransaction : IAsyncDisposable
{
    internal const string Savepoint = "write";

    private readonly ShopDbContext _db;
    private readonly IDbContextTransaction _transaction;
    private readonly WriteUnit? _unit;
    private readonly DbConnection? _ownConnection;
    private readonly ILogger _log;
    private bool _ended;

    internal WriteTransaction(ShopDbContext db, IDbContextTransaction transaction, WriteUnit? unit, DbConnection? ownConnection, ILogger log)
    {
        _db = db;
        _transaction = transaction;
        _unit = unit;
        _ownConnection = ownConnection;
        _log = log;
    }

    public async Task CommitAsync(CancellationToken ct)
    {
        if (_unit is null)
        {
            await _transaction.CommitAsync(ct);
            return;
        }

        await EndTurnAsync(async () => await _transaction.ReleaseSavepointAsync(Savepoint, ct), UnitOutcome.Committed);
        await _unit.Durable.Task; // not cancellable: once in the group, its fate is the group's
    }

    public Task CreateSavepointAsync(string name, CancellationToken ct) => _transaction.CreateSavepointAsync(name, ct);

    public Task RollbackToSavepointAsync(string name, CancellationToken ct) => _transaction.RollbackToSavepointAsync(name, ct);

    public Task ReleaseSavepointAsync(string name, CancellationToken ct) => _transaction.ReleaseSavepointAsync(name, ct);

    public async ValueTask DisposeAsync()
    {
        if (_unit is null)
        {
            await _transaction.DisposeAsync();
            return;
        }

        if (!_ended)
        {
            await EndTurnAsync(async () =>
            {
                await _transaction.RollbackToSavepointAsync(Savepoint, CancellationToken.None);
                await _transaction.ReleaseSavepointAsync(Savepoint, CancellationToken.None);
            }, UnitOutcome.RolledBack);
        }
    }

    /// <summary>Ends this unit's savepoint, gives the context its own connection back and passes the turn on.</summary>
    private async Task EndTurnAsync(Func<Task> endSavepoint, UnitOutcome outcome)
    {
        _ended = true;
        try
        {
            await endSavepoint();
        }
        catch (Exception failure) when (failure is DbException or InvalidOperationException)
        {
            LogSavepointFailed(_log, failure);
            outcome = UnitOutcome.Broken;
        }
        finally
        {
            await LeaveAsync(_db, _ownConnection!);
            _unit!.Finished.TrySetResult(outcome);
        }

        if (outcome == UnitOutcome.Broken)
        {
            throw new InvalidOperationException("The write could not be ended cleanly; its group was rolled back.");
        }
    }

    internal static async Task LeaveAsync(ShopDbContext db, DbConnection ownConnection)
    {
        await db.Database.UseTransactionAsync(null);
        db.Database.SetDbConnection(ownConnection, contextOwnsConnection: true);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A write's savepoint could not be ended; its group is rolled back")]
    private static partial void LogSavepointFailed(ILogger logger, Exception failure);
}
