using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Checkout.Web.Infrastructure;

/// <summary>
/// Per-connection settings: wait for a writer instead of failing with "database is locked" (another process on
/// the same file; within one process writers queue in <see cref="Data.WriteTransactions"/>), and how hard each
/// commit is pushed to disk: <c>FULL</c> (default) survives power loss, <c>NORMAL</c> survives a crash of the shop
/// but may lose the last commits on power loss, for a lot more speed.
/// </summary>
public sealed class SqlitePragmas(int busyTimeoutMs, string synchronous) : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    // The pragmas stay with the SQLite handle, which the connection pool keeps open across EF's many opens and
    // closes: apply them once per handle, not before every statement.
    private readonly ConditionalWeakTable<object, object> _configured = [];

    private void Apply(DbConnection connection)
    {
        if (connection is not SqliteConnection { Handle: { } handle } || _configured.TryGetValue(handle, out _))
        {
            return;
        }

        Set(connection, busyTimeoutMs, synchronous);
        _configured.AddOrUpdate(handle, handle); // only once they are set: a failed attempt is made again at the next open
    }

    /// <summary>Sets both on an open connection; also for the connection the shop's group commit opens itself.</summary>
    public static void Set(DbConnection connection, int busyTimeoutMs, string synchronous)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA busy_timeout = {busyTimeoutMs}; PRAGMA synchronous = {synchronous};";
        command.ExecuteNonQuery();
    }
}
