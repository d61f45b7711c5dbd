using Checkout.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Checkout.Web.Data;

/// <summary>
/// Chooses the database from configuration: <c>Database:Provider</c> = <c>Sqlite</c> (default, a file in the
/// data folder) or <c>Postgres</c> (for several instances), connection string <c>ConnectionStrings:Shop</c>.
/// </summary>
public static class ShopDatabase
{
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    public static IServiceCollection AddShopDatabase(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        services.AddSingleton<WriteTransactions>();
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section)
            .Validate(o => o.BusyTimeoutMs >= 0, "Database:BusyTimeoutMs must be zero or more.")
            .Validate(o => o.SqliteSynchronous.ToUpperInvariant() is "FULL" or "NORMAL", "Database:SqliteSynchronous must be FULL or NORMAL.")
            .ValidateOnStart();
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var provider = database.Provider; // chooses the context type, so it is checked now, not at start
        if (provider.Equals(Postgres, StringComparison.OrdinalIgnoreCase))
        {
            var connection = configuration.GetConnectionString("Shop")
                ?? throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Shop is not set.");
            return services.AddDbContextPool<ShopDbContext, PostgresShopDbContext>(options => options.UseNpgsql(connection));
        }

        if (!provider.Equals(Sqlite, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Database:Provider '{provider}' is not supported: use Sqlite or Postgres.");
        }

        return services.AddDbContextPool<ShopDbContext>(options => options
            .UseSqlite(ShopPaths.SqliteConnectionString(configuration, dataDirectory))
            .AddInterceptors(new SqlitePragmas(database.BusyTimeoutMs, database.SqliteSynchronous.ToUpperInvariant())));
    }

    /// <summary>A context outside dependency injection, for tools and tests.</summary>
    public static ShopDbContext Open(string provider, string connectionString) =>
        provider.Equals(Postgres, StringComparison.OrdinalIgnoreCase)
            ? new PostgresShopDbContext(new DbContextOptionsBuilder<PostgresShopDbContext>().UseNpgsql(connectionString).Options)
            : new ShopDbContext(new DbContextOptionsBuilder<ShopDbContext>().UseSqlite(connectionString).Options);
}
