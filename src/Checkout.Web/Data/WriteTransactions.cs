using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Checkout.Web.Data;

/// <summary>
/// Begins the shop's write transactions. SQLite lets one writer in at a time and makes the others retry in its
/// busy handler (sleeping, holding a thread); here they instead queue on an async gate, first come first served.
/// PostgreSQL needs no gate: its row locks serialize only what actually conflicts.
/// </summary>
public sealed class WriteTransactions : IDisposable
{
    private readonly SemaphoreSlim _sqliteWriter = new(1, 1);

    public async Task<WriteTransaction> BeginAsync(ShopDbContext db, CancellationToken ct)
    {
        var gated = db.Database.IsSqlite();
        if (gated)
        {
            await _sqliteWriter.WaitAsync(ct);
        }

        try
        {
            // A failed SaveChanges always ends its transaction here (rolled back whole, or to a savepoint of ours), so EF's
            // own savepoint around every SaveChanges would be two statements per save for nothing.
            db.Database.AutoSavepointsEnabled = false;
            return new WriteTransaction(await db.Database.BeginTransactionAsync(ct), gated ? _sqliteWriter : null);
        }
        catch
        {
            if (gated)
            {
                _sqliteWriter.Release();
            }

            throw;
        }
    }

    public void Dispose() => _sqliteWriter.Dispose();
}

/// <summary>A write transaction; disposing it without <see cref="CommitAsync"/> rolls it back. Either way the gate opens.</summary>
public sealed class WriteTransaction(IDbContextTransaction transaction, SemaphoreSlim? gate) : IAsyncDisposable
{
    public Task CommitAsync(CancellationToken ct) => transaction.CommitAsync(ct);

    public Task CreateSavepointAsync(string name, CancellationToken ct) => transaction.CreateSavepointAsync(name, ct);

    public Task RollbackToSavepointAsync(string name, CancellationToken ct) => transaction.RollbackToSavepointAsync(name, ct);

    public Task ReleaseSavepointAsync(string name, CancellationToken ct) => transaction.ReleaseSavepointAsync(name, ct);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await transaction.DisposeAsync();
        }
        finally
        {
            gate?.Release();
        }
    }
}
