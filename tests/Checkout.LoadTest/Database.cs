using System.Data.Common;
using System.Globalization;
using Checkout.Web.Data;
using Checkout.Web.Domain;
using Checkout.Web.Operations;
using Checkout.Web.Outbox;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Checkout.LoadTest;

/// <summary>
/// The shop's database read with plain SQL that SQLite and PostgreSQL both accept (double-quoted identifiers),
/// so the invariants are checked the same way on either.
/// </summary>
internal sealed class Database(DbConnection connection, string provider, string connectionString) : IAsyncDisposable
{
    public static async Task<Database> OpenAsync(string provider, string connectionString)
    {
        DbConnection connection;
        if (provider == Options.Postgres)
        {
            connection = new NpgsqlConnection(LocalPostgres(connectionString).ConnectionString);
        }
        else
        {
            // ReadWrite, not the default ReadWriteCreate: a wrong path is an error, not a new empty database.
            var builder = new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadWrite };
            if (!File.Exists(builder.DataSource))
            {
                throw new ArgumentException($"--connection: no SQLite database at {Path.GetFullPath(builder.DataSource)}.");
            }

            connection = new SqliteConnection(builder.ConnectionString);
        }

        await connection.OpenAsync();
        return new Database(connection, provider, connectionString);
    }

    private static NpgsqlConnectionStringBuilder LocalPostgres(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var hosts = (builder.Host ?? "localhost").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return hosts.All(h => h.StartsWith('/') || Options.IsLoopback(h.Split(':')[0]))
            ? builder
            : throw new ArgumentException($"--connection must name a PostgreSQL on this machine (localhost, 127.0.0.1 or a socket); refusing Host={builder.Host}.");
    }

    /// <summary>
    /// Drops and creates <see cref="Options.BenchDatabaseName"/> on the server of <paramref name="connectionString"/>, which must
    /// name that database, the server's <c>postgres</c> or none: a database of any other name is refused, never dropped.
    /// </summary>
    public static async Task<string> RecreateBenchDatabaseAsync(string connectionString)
    {
        var builder = LocalPostgres(connectionString);
        if (builder.Database is { Length: > 0 } named && named != "postgres" && named != Options.BenchDatabaseName)
        {
            throw new ArgumentException($"--bench-database drops and recreates only its scratch database {Options.BenchDatabaseName}; " +
                $"refusing a connection to {named} (name Database=postgres or Database={Options.BenchDatabaseName}).");
        }

        builder.Database = "postgres";
        await using (var server = new NpgsqlConnection(builder.ConnectionString))
        {
            await server.OpenAsync();
            foreach (var sql in new[] { $"DROP DATABASE IF EXISTS \"{Options.BenchDatabaseName}\" WITH (FORCE)", $"CREATE DATABASE \"{Options.BenchDatabaseName}\"" })
            {
                await using var command = new NpgsqlCommand(sql, server);
                await command.ExecuteNonQueryAsync();
            }
        }

        builder.Database = Options.BenchDatabaseName;
        return builder.ConnectionString;
    }

    /// <summary>What each product of a spread run is restocked to: more than a long run sells.</summary>
    public const int SpreadStock = 100_000_000;

    /// <summary>
    /// Up to <paramref name="count"/> catalogue products with an offer, other than the load product, lowest ids first, each
    /// restocked to <see cref="SpreadStock"/> by an admin-style adjustment (stock and its movement together, so the books hold).
    /// </summary>
    public async Task<IReadOnlyList<int>> SpreadProductsAsync(int count, int? loadProductId)
    {
        var ids = new List<int>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                SELECT p."Id" FROM "Products" p WHERE p."Id" <> @load AND EXISTS (SELECT 1 FROM "Offers" o WHERE o."ProductId" = p."Id")
                ORDER BY p."Id" LIMIT @count
                """;
            AddParameters(command, ("load", loadProductId ?? 0), ("count", count));
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                ids.Add(reader.GetInt32(0));
            }
        }

        await using var transaction = await connection.BeginTransactionAsync();
        foreach (var id in ids)
        {
            await using var restock = connection.CreateCommand();
            restock.Transaction = transaction;
            restock.CommandText = """
                INSERT INTO "StockMovements" ("ProductId", "OrderId", "Delta", "Reason", "CreatedUtc")
                SELECT "Id", NULL, @stock - "Stock", @reason, @now FROM "Products" WHERE "Id" = @id AND "Stock" < @stock;
                UPDATE "Products" SET "Stock" = @stock WHERE "Id" = @id AND "Stock" < @stock;
                """;
            AddParameters(restock, ("stock", SpreadStock), ("reason", StockReasons.Adjustment), ("now", DateTime.UtcNow), ("id", id));
            await restock.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
        return ids;
    }

    public async Task<int?> FindLoadProductAsync() =>
        await ScalarAsync("""SELECT MIN("Id") FROM "Products" WHERE "Name" = @name""", ("name", SeedShoppersCommand.ProductName)) is { } id
            ? Convert.ToInt32(id, CultureInfo.InvariantCulture)
            : null;

    /// <summary>Outbox events neither delivered nor given up yet.</summary>
    public Task<long> UndeliveredAsync() =>
        LongAsync("""SELECT COUNT(*) FROM "OutboxMessages" WHERE "ProcessedUtc" IS NULL AND "DeadLetteredUtc" IS NULL""");

    private async Task<HashSet<string>> OrdersPaidByCardAsync()
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT o."Number" FROM "Orders" o WHERE EXISTS (SELECT 1 FROM "Payments" p WHERE p."OrderId" = o."Id" AND p."Kind" = 'charge')""";
        await using var reader = await command.ExecuteReaderAsync();
        var numbers = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            numbers.Add(reader.GetString(0));
        }

        return numbers;
    }

    /// <summary>The shop's online charges: the gateway's transaction id → the order it paid.</summary>
    public async Task<IReadOnlyDictionary<string, string>> OnlineChargesAsync()
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT p."GatewayTransactionId", o."Number" FROM "Payments" p JOIN "Orders" o ON o."Id" = p."OrderId"
            WHERE p."Kind" = 'charge' AND p."GatewayTransactionId" IS NOT NULL
            """;
        await using var reader = await command.ExecuteReaderAsync();
        var charges = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            charges[reader.GetString(0)] = reader.GetString(1);
        }

        return charges;
    }

    /// <summary>Prints each invariant with its counts; true when all hold.</summary>
    public async Task<bool> CheckInvariantsAsync(int? loadProductId, IReadOnlyList<string>? paidOrders)
    {
        Console.WriteLine();
        Console.WriteLine("== invariants ==");
        var ok = true;

        void Report(bool holds, string text)
        {
            ok &= holds;
            Console.WriteLine($"  [{(holds ? "ok" : "BROKEN")}] {text}");
        }

        // The shop's own books check (the same as `verify`), then what only this run knows.
        await using (var db = ShopDatabase.Open(provider, connectionString))
        {
            var ledger = new LedgerCheck(db, [OrderConfirmationEmail.HandlerName, DailySalesCounter.HandlerName], pickupDirectory: null);
            foreach (var finding in await ledger.RunAsync(CancellationToken.None))
            {
                Report(finding.Holds, finding.Checked);
                foreach (var broken in finding.Breaks.Take(20))
                {
                    Console.WriteLine($"      {broken}");
                }
            }
        }

        if (loadProductId is { } productId)
        {
            var stock = await LongAsync("""SELECT "Stock" FROM "Products" WHERE "Id" = @id""", ("id", productId));
            var sold = await LongAsync("""
                SELECT COALESCE(SUM(l."Quantity"), 0) FROM "OrderLines" l JOIN "Orders" o ON o."Id" = l."OrderId"
                WHERE l."ProductId" = @id AND o."Status" NOT IN ('cancelled', 'refunded')
                """, ("id", productId));
            Report(SeedShoppersCommand.ProductStock - sold == stock,
                $"load product {productId}: {Units(SeedShoppersCommand.ProductStock)} seeded − {Units(sold)} sold = {Units(stock)} in stock");
        }

        if (paidOrders is not null)
        {
            var recorded = await OrdersPaidByCardAsync();
            var missing = paidOrders.Where(number => !recorded.Contains(number)).ToList();
            Report(missing.Count == 0,
                $"every payment answered 200 is in the books: {Units(paidOrders.Count - missing.Count)} of {Units(paidOrders.Count)} order numbers found with their payment");
            missing.Take(20).ToList().ForEach(number => Console.WriteLine($"      {number}: answered 200, not in the database"));
        }

        return ok;
    }

    public ValueTask DisposeAsync() => connection.DisposeAsync();

    private static void AddParameters(DbCommand command, params (string Name, object Value)[] parameters)
    {
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
    }

    private static readonly NumberFormatInfo Spaced = new() { NumberGroupSeparator = " ", NumberDecimalSeparator = "," };

    private static string Units(long units) => units.ToString("#,0", Spaced);

    private async Task<long> LongAsync(string sql, params (string Name, object Value)[] parameters) =>
        Convert.ToInt64(await ScalarAsync(sql, parameters) ?? 0L, CultureInfo.InvariantCulture);

    private async Task<object?> ScalarAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        AddParameters(command, parameters);
        var result = await command.ExecuteScalarAsync();
        return result is DBNull ? null : result;
    }
}
