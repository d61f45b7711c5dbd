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

    /// <summary>Card charges in the ledger (refunds and cash entries are not payments answered by /process_payment).</summary>
    public async Task<long> CountPaymentsAsync() => await LongAsync("""SELECT COUNT(*) FROM "Payments" WHERE "Kind" = 'charge'""");

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

        // The money ledger (Payments) holds charges (+), refunds to the same card (−), cash collected on delivery (+,
        // no card) and cash handed back (−, no card). Each card replays from its opening balance; each order holds
        // what its state says: a card order its total unless cancelled or refunded, a cash order its total once
        // handed over (delivered, completed, return requested), nothing otherwise.
        var cards = await LongAsync("""SELECT COUNT(*) FROM "Cards" """);
        var offBalance = await LongAsync("""
            SELECT COUNT(*) FROM "Cards" c
            WHERE c."OpeningBalanceTiyn" - COALESCE((SELECT SUM(p."AmountTiyn") FROM "Payments" p WHERE p."CardId" = c."Id"), 0) <> c."BalanceTiyn"
            """);
        Report(offBalance == 0, $"opening balance − Σ card ledger entries (refunds negative) = balance: {cards - offBalance} of {cards} cards agree, {offBalance} don't");

        const string Kept = """
            CASE WHEN o."Status" IN ('cancelled', 'refunded') THEN 0
                 WHEN o."PaymentMethod" = 'card' THEN o."TotalTiyn"
                 WHEN o."Status" IN ('delivered', 'completed', 'return_requested') THEN o."TotalTiyn"
                 ELSE 0 END
            """;
        var orders = await LongAsync("""SELECT COUNT(*) FROM "Orders" """);
        var offOrders = await LongAsync($"""
            SELECT COUNT(*) FROM "Orders" o
            WHERE COALESCE((SELECT SUM(p."AmountTiyn") FROM "Payments" p WHERE p."OrderId" = o."Id"), 0) <> {Kept}
            """);
        Report(offOrders == 0, $"every order's ledger entries sum to what its state keeps: {orders - offOrders} of {orders} orders agree, {offOrders} don't");

        var payments = await LongAsync("""SELECT COUNT(*) FROM "Payments" """);
        var kept = await DecimalAsync($"""SELECT COALESCE(SUM({Kept}), 0) FROM "Orders" o""");
        var paid = await DecimalAsync("""SELECT COALESCE(SUM("AmountTiyn"), 0) FROM "Payments" """);
        Report(kept == paid, $"Σ kept order totals = Σ ledger: {Tenge(kept)} over {orders} orders, {Tenge(paid)} over {payments} entries");

        var offStock = await LongAsync("""
            SELECT COUNT(*) FROM "Products" pr
            WHERE COALESCE((SELECT SUM(m."Delta") FROM "StockMovements" m WHERE m."ProductId" = pr."Id"), 0) <> pr."Stock"
            """);
        Report(offStock == 0, $"Σ stock movements = stock: {offStock} products disagree with their stock ledger");

        var products = await LongAsync("""SELECT COUNT(*) FROM "Products" """);
        var negativeStock = await LongAsync("""SELECT COUNT(*) FROM "Products" WHERE "Stock" < 0""");
        Report(negativeStock == 0, $"no stock below zero: {negativeStock} of {products} products below zero");

        var overdrawn = await LongAsync("""SELECT COUNT(*) FROM "Cards" WHERE "BalanceTiyn" < 0""");
        Report(overdrawn == 0, $"no balance below zero: {overdrawn} of {cards} cards below zero");

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
