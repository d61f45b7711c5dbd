using Checkout.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Checkout.Testing;

/// <summary>
/// Which database the integration suite runs on: SQLite files by default; PostgreSQL when
/// <c>CHECKOUT_TEST_PROVIDER=Postgres</c>, on the server in <c>CHECKOUT_TEST_POSTGRES</c> (CI starts one).
/// </summary>
public static class TestDatabase
{
    public static string Provider { get; } = Environment.GetEnvironmentVariable("CHECKOUT_TEST_PROVIDER") ?? ShopDatabase.Sqlite;

    public static bool IsPostgres => Provider.Equals(ShopDatabase.Postgres, StringComparison.OrdinalIgnoreCase);

    /// <summary>Connection string to a PostgreSQL server's maintenance database, or null when none is configured.</summary>
    public static string? PostgresServer { get; } = Environment.GetEnvironmentVariable("CHECKOUT_TEST_POSTGRES");

    public static bool UnderCi => Environment.GetEnvironmentVariable("CI") == "true";

    public static string PostgresDatabase(string name) =>
        new NpgsqlConnectionStringBuilder(RequiredPostgresServer) { Database = name }.ConnectionString;

    public static string RequiredPostgresServer => PostgresServer
        ?? throw new InvalidOperationException("Set CHECKOUT_TEST_POSTGRES to a PostgreSQL connection string (.ci/postgres-start prints one).");

    /// <summary>Adds an EF interceptor to the shop's DbContext, whichever provider's type it is.</summary>
    public static void AddInterceptor(IServiceCollection services, IInterceptor interceptor)
    {
        if (IsPostgres)
        {
            services.ConfigureDbContext<PostgresShopDbContext>(options => options.AddInterceptors(interceptor));
        }
        else
        {
            services.ConfigureDbContext<ShopDbContext>(options => options.AddInterceptors(interceptor));
        }
    }

    public static void ExecuteOnServer(string sql)
    {
        using var connection = new NpgsqlConnection(RequiredPostgresServer);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
