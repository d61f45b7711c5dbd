using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Checkout.Web.Infrastructure;

/// <summary>
/// Makes a connection wait for a writer instead of failing with "database is locked":
/// concurrent checkouts queue on SQLite's write lock.
/// </summary>
public sealed class SqlitePragmas(int busyTimeoutMs) : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA busy_timeout = {busyTimeoutMs};";
        command.ExecuteNonQuery();
    }
}
