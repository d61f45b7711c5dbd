using Checkout.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Checkout.IntegrationTests;

/// <summary>
/// SQLite's group commit (<see cref="WriteTransactions"/>): writes that wait while one runs are committed together,
/// each in its own savepoint, and none is told "committed" before its group is on disk. On a real SQLite file
/// whatever provider the rest of the suite runs on, since this is SQLite's writer.
/// </summary>
public sealed class GroupCommitTests : IAsyncLifetime
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"group-commit-{Guid.NewGuid():N}.db");
    private readonly List<ShopDbContext> _contexts = [];
    private WriteTransactions _writes = null!;

    private string ConnectionString => $"Data Source={_file};Pooling=False";

    public async Task InitializeAsync()
    {
        _writes = new WriteTransactions(Options.Create(new DatabaseOptions()), NullLogger<WriteTransactions>.Instance);
        await using var db = ShopDatabase.Open(ShopDatabase.Sqlite, ConnectionString);
        await db.Database.ExecuteSqlRawAsync("""PRAGMA journal_mode = WAL; CREATE TABLE "Notes" ("Id" INTEGER PRIMARY KEY)""");
    }

    public async Task DisposeAsync()
    {
        await _writes.DisposeAsync();
        foreach (var db in _contexts)
        {
            await db.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _file, _file + "-wal", _file + "-shm" })
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Writes_queued_behind_one_are_committed_with_it_in_one_group_and_all_land()
    {
        var first = Context();
        var holding = await _writes.BeginAsync(first, Ct);
        await InsertAsync(first, 0);
        var queued = Enumerable.Range(1, 10).Select(id => WriteAsync(id)).ToList();
        await WaitUntilAsync(() => _writes.Waiting == 10);

        await holding.CommitAsync(Ct);
        await holding.DisposeAsync();
        await Task.WhenAll(queued);

        _writes.Committed.Should().Be((1L, 11L), "eleven writes, one commit");
        (await StoredAsync()).Should().BeEquivalentTo(Enumerable.Range(0, 11));
    }

    [Fact]
    public async Task A_write_that_fails_is_rolled_back_alone_and_the_others_of_its_group_commit()
    {
        var first = Context();
        var holding = await _writes.BeginAsync(first, Ct);
        await InsertAsync(first, 0);
        var before = WriteAsync(1);
        var failing = WriteAsync(2, then: db => InsertAsync(db, 0)); // a duplicate key after its own insert
        var after = WriteAsync(3);
        await WaitUntilAsync(() => _writes.Waiting == 3);

        await holding.CommitAsync(Ct);
        await holding.DisposeAsync();

        await before;
        await after;
        (await failing.Invoking(t => t).Should().ThrowAsync<SqliteException>()).Which.SqliteErrorCode.Should().Be(19, "SQLITE_CONSTRAINT");
        (await StoredAsync()).Should().BeEquivalentTo([0, 1, 3], "the failing write's own insert went with it");
        _writes.Committed.Should().Be((1L, 3L));
    }

    [Fact]
    public async Task A_commit_returns_only_once_its_group_is_on_disk()
    {
        var first = Context();
        var mine = await _writes.BeginAsync(first, Ct);
        await InsertAsync(first, 1);
        var second = Context();
        var next = _writes.BeginAsync(second, Ct);
        await WaitUntilAsync(() => _writes.Waiting == 1);

        var committing = mine.CommitAsync(Ct);
        var theirs = await next; // the turn passed on: the group is still open
        await Task.Delay(100, Ct);

        committing.IsCompleted.Should().BeFalse("the group it belongs to has not committed yet");
        (await StoredAsync()).Should().BeEmpty("nothing is committed until the group is");

        await InsertAsync(second, 2);
        await theirs.CommitAsync(Ct);
        await committing;
        (await StoredAsync()).Should().BeEquivalentTo([1, 2]);
        await mine.DisposeAsync();
        await theirs.DisposeAsync();
    }

    [Fact]
    public async Task A_write_that_stops_waiting_gives_up_its_place_and_the_next_goes_on()
    {
        var first = Context();
        var holding = await _writes.BeginAsync(first, Ct);
        using var stop = new CancellationTokenSource();
        var givingUp = _writes.BeginAsync(Context(), stop.Token);
        var after = WriteAsync(2);
        await WaitUntilAsync(() => _writes.Waiting == 2);

        await stop.CancelAsync();
        await givingUp.Invoking(t => t).Should().ThrowAsync<OperationCanceledException>();
        await InsertAsync(first, 1);
        await holding.CommitAsync(Ct);
        await holding.DisposeAsync();

        await after;
        (await StoredAsync()).Should().BeEquivalentTo([1, 2]);
    }

    [Fact]
    public async Task A_context_gets_its_own_connection_back_after_its_turn()
    {
        var db = Context();
        var own = db.Database.GetDbConnection();
        await using (var write = await _writes.BeginAsync(db, Ct))
        {
            db.Database.GetDbConnection().Should().NotBeSameAs(own, "inside its turn it writes on the group's connection");
            await InsertAsync(db, 1);
            await write.CommitAsync(Ct);
        }

        db.Database.GetDbConnection().Should().BeSameAs(own);
        db.Database.CurrentTransaction.Should().BeNull();
        (await db.Database.SqlQueryRaw<long>("""SELECT "Id" AS "Value" FROM "Notes" """).ToListAsync(Ct)).Should().Equal(1);
    }

    private static CancellationToken Ct => CancellationToken.None;

    private ShopDbContext Context()
    {
        var db = ShopDatabase.Open(ShopDatabase.Sqlite, ConnectionString);
        _contexts.Add(db);
        return db;
    }

    private async Task WriteAsync(int id, Func<ShopDbContext, Task>? then = null)
    {
        var db = Context();
        await using var write = await _writes.BeginAsync(db, Ct);
        await InsertAsync(db, id);
        if (then is not null)
        {
            await then(db);
        }

        await write.CommitAsync(Ct);
    }

    private static Task InsertAsync(ShopDbContext db, int id) =>
        db.Database.ExecuteSqlAsync($"""INSERT INTO "Notes" ("Id") VALUES ({id})""", Ct);

    /// <summary>What another connection reads: only what is committed.</summary>
    private async Task<List<long>> StoredAsync()
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT "Id" FROM "Notes" ORDER BY "Id" """;
        var ids = new List<long>();
        await using var reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var waited = 0; !condition(); waited += 10)
        {
            waited.Should().BeLessThan(10_000, "the writes should have queued by now");
            await Task.Delay(10, Ct);
        }
    }
}
