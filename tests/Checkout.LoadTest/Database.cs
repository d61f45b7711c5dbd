using System.Data.Common;
using System.Globalization;
using Checkout.Web.Operations;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Checkout.LoadTest;

/// <summary>
/// The shop's database read with plain SQL that SQLite and PostgreSQL both accept (double-quoted identifiers),
/// so the invariants are checked the same way on either.
/// </summary>
internal sealed class Database(DbConnection connection) : IAsyncDisposable
{
    public static async Task<Database> OpenAsync(string provider, string connectionString)
    {
        DbConnection connection;
        if (provider == Options.Postgres)
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            var hosts = (builder.Host ?? "localhost").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (!hosts.All(h => h.StartsWith('/') || Options.IsLoopback(h.Split(':')[0])))
            {
                throw new ArgumentException($"--connection must name a PostgreSQL on this machine (localhost, 127.0.0.1 or a socket); refusing Host={builder.Host}.");
            }

            connection = new NpgsqlConnection(builder.ConnectionString);
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
        return new Database(connection);
    }

    public async Task<int?> FindLoadProductAsync() =>
        await ScalarAsync("""SELECT MIN("Id") FROM "Products" WHERE "Name" = @name""", ("name", SeedShoppersCommand.ProductName)) is { } id
            ? Convert.ToInt32(id, CultureInfo.InvariantCulture)
            : null;

    public async Task<long> CountPaymentsAsync() => await LongAsync("""SELECT COUNT(*) FROM "Payments" """);

    /// <summary>Prints each invariant with its counts; true when all hold.</summary>
    public async Task<bool> CheckInvariantsAsync(int? loadProductId, (int Answered, long Before)? paymentsOfRun)
    {
        Console.WriteLine();
        Console.WriteLine("== invariants ==");
        var ok = true;

        void Report(bool holds, string text)
        {
            ok &= holds;
            Console.WriteLine($"  [{(holds ? "ok" : "BROKEN")}] {text}");
        }

        var cards = await LongAsync("""SELECT COUNT(*) FROM "Cards" """);
        var offBalance = await LongAsync("""
            SELECT COUNT(*) FROM "Cards" c
            WHERE c."OpeningBalanceTiyn" - COALESCE((SELECT SUM(p."AmountTiyn") FROM "Payments" p WHERE p."CardId" = c."Id"), 0) <> c."BalanceTiyn"
            """);
        Report(offBalance == 0, $"opening balance − Σ payments = balance: {cards - offBalance} of {cards} cards agree, {offBalance} don't");

        var orders = await LongAsync("""SELECT COUNT(*) FROM "Orders" """);
        var payments = await LongAsync("""SELECT COUNT(*) FROM "Payments" """);
        var ordered = await DecimalAsync("""SELECT COALESCE(SUM("TotalTiyn"), 0) FROM "Orders" """);
        var paid = await DecimalAsync("""SELECT COALESCE(SUM("AmountTiyn"), 0) FROM "Payments" """);
        Report(ordered == paid, $"Σ orders.total = Σ payments.amount: {Tenge(ordered)} over {orders} orders, {Tenge(paid)} over {payments} payments");

        var products = await LongAsync("""SELECT COUNT(*) FROM "Products" """);
        var negativeStock = await LongAsync("""SELECT COUNT(*) FROM "Products" WHERE "Stock" < 0""");
        Report(negativeStock == 0, $"no stock below zero: {negativeStock} of {products} products below zero");

        var overdrawn = await LongAsync("""SELECT COUNT(*) FROM "Cards" WHERE "BalanceTiyn" < 0""");
        Report(overdrawn == 0, $"no balance below zero: {overdrawn} of {cards} cards below zero");

        if (loadProductId is { } productId)
        {
            var stock = await LongAsync("""SELECT "Stock" FROM "Products" WHERE "Id" = @id""", ("id", productId));
            var sold = await LongAsync("""SELECT COALESCE(SUM("Quantity"), 0) FROM "OrderLines" WHERE "ProductId" = @id""", ("id", productId));
            Report(SeedShoppersCommand.ProductStock - sold == stock,
                $"load product {productId}: {Units(SeedShoppersCommand.ProductStock)} seeded − {Units(sold)} sold = {Units(stock)} in stock");
        }

        if (paymentsOfRun is { } run)
        {
            var recorded = payments - run.Before;
            Report(recorded >= run.Answered,
                $"every payment answered 200 is in the ledger: {run.Answered} answered, {recorded} payment rows added during the run");
        }

        return ok;
    }

    public ValueTask DisposeAsync() => connection.DisposeAsync();

    private static readonly NumberFormatInfo Spaced = new() { NumberGroupSeparator = " ", NumberDecimalSeparator = "," };

    private static string Tenge(decimal tiyn) => (tiyn / 100).ToString("#,0.##", Spaced) + " ₸";

    private static string Units(long units) => units.ToString("#,0", Spaced);

    private async Task<long> LongAsync(string sql, params (string Name, object Value)[] parameters) =>
        Convert.ToInt64(await ScalarAsync(sql, parameters) ?? 0L, CultureInfo.InvariantCulture);

    private async Task<decimal> DecimalAsync(string sql) =>
        Convert.ToDecimal(await ScalarAsync(sql) ?? 0m, CultureInfo.InvariantCulture);

    private async Task<object?> ScalarAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        var result = await command.ExecuteScalarAsync();
        return result is DBNull ? null : result;
    }
}
