namespace Checkout.Web.Data;

/// <summary>Configuration section <c>Database</c>; the connection string is <c>ConnectionStrings:Shop</c>.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary><c>Sqlite</c> (a file, one instance) or <c>Postgres</c> (several instances on one server).</summary>
    public string Provider { get; set; } = ShopDatabase.Sqlite;

    /// <summary>SQLite: how long a connection waits for another process's write lock.</summary>
    public int BusyTimeoutMs { get; set; } = 10_000;

    /// <summary>SQLite: <c>FULL</c> (every commit synced to disk) or <c>NORMAL</c>.</summary>
    public string SqliteSynchronous { get; set; } = "FULL";
}
