using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Checkout.LoadTest;

/// <summary>
/// What this machine can do today without the shop: the rows one add-to-cart and one card checkout write (the shop's
/// tables, cut to the columns and indexes those rows touch), as statements prepared once on one SQLite connection,
/// WAL, <c>synchronous=NORMAL</c>, one transaction per add and one per checkout — no HTTP, no EF, no batching.
/// The machine's speed varies 2× from day to day; the shop's payments/s as a fraction of this varies much less.
/// </summary>
internal static class RawReference
{
    private const long Price = 100_000;
    private const int CardId = 1;
    private const int ProductId = 1;
    private const string UserId = "raw-shopper";
    private static readonly string CartId = Guid.NewGuid().ToString();

    private const string Schema = """
        PRAGMA journal_mode = WAL;
        CREATE TABLE Products (Id INTEGER PRIMARY KEY, Name TEXT NOT NULL, Color TEXT NOT NULL, Storage TEXT NOT NULL,
            Stock INTEGER NOT NULL, PriceTiyn INTEGER NOT NULL);
        CREATE TABLE Cards (Id INTEGER PRIMARY KEY, UserId TEXT NOT NULL, Name TEXT NOT NULL, BalanceTiyn INTEGER NOT NULL,
            OpeningBalanceTiyn INTEGER NOT NULL, CreatedUtc TEXT NOT NULL);
        CREATE TABLE Carts (Id TEXT PRIMARY KEY, UserId TEXT, Version INTEGER NOT NULL, CreatedUtc TEXT NOT NULL, UpdatedUtc TEXT NOT NULL);
        CREATE UNIQUE INDEX IX_Carts_UserId ON Carts (UserId);
        CREATE INDEX IX_Carts_UpdatedUtc ON Carts (UpdatedUtc);
        CREATE TABLE CartLines (Id INTEGER PRIMARY KEY AUTOINCREMENT, CartId TEXT NOT NULL, ProductId INTEGER NOT NULL,
            Quantity INTEGER NOT NULL, AddedUtc TEXT NOT NULL);
        CREATE UNIQUE INDEX IX_CartLines_CartId_ProductId ON CartLines (CartId, ProductId);
        CREATE INDEX IX_CartLines_ProductId ON CartLines (ProductId);
        CREATE TABLE StockReservations (Id INTEGER PRIMARY KEY AUTOINCREMENT, CartId TEXT NOT NULL, ProductId INTEGER NOT NULL,
            Quantity INTEGER NOT NULL, ExpiresUtc TEXT NOT NULL);
        CREATE UNIQUE INDEX IX_StockReservations_CartId_ProductId ON StockReservations (CartId, ProductId);
        CREATE INDEX IX_StockReservations_ProductId_ExpiresUtc ON StockReservations (ProductId, ExpiresUtc);
        CREATE INDEX IX_StockReservations_ExpiresUtc ON StockReservations (ExpiresUtc);
        CREATE TABLE Orders (Id INTEGER PRIMARY KEY AUTOINCREMENT, Number TEXT NOT NULL, UserId TEXT NOT NULL, Status TEXT NOT NULL,
            PaymentMethod TEXT NOT NULL, CardId INTEGER, SubtotalTiyn INTEGER NOT NULL, DeliveryTiyn INTEGER NOT NULL,
            TotalTiyn INTEGER NOT NULL, RecipientName TEXT NOT NULL, RecipientPhone TEXT NOT NULL, DeliveryAddress TEXT NOT NULL,
            CreatedUtc TEXT NOT NULL);
        CREATE UNIQUE INDEX IX_Orders_Number ON Orders (Number);
        CREATE INDEX IX_Orders_CardId ON Orders (CardId);
        CREATE INDEX IX_Orders_Status_CreatedUtc ON Orders (Status, CreatedUtc);
        CREATE INDEX IX_Orders_UserId_CreatedUtc ON Orders (UserId, CreatedUtc);
        CREATE TABLE OrderLines (Id INTEGER PRIMARY KEY AUTOINCREMENT, OrderId INTEGER NOT NULL, ProductId INTEGER NOT NULL,
            StoreId INTEGER NOT NULL, ProductName TEXT NOT NULL, Color TEXT NOT NULL, Storage TEXT NOT NULL, StoreName TEXT NOT NULL,
            UnitPriceTiyn INTEGER NOT NULL, Quantity INTEGER NOT NULL, LineTotalTiyn INTEGER NOT NULL);
        CREATE INDEX IX_OrderLines_OrderId ON OrderLines (OrderId);
        CREATE INDEX IX_OrderLines_ProductId ON OrderLines (ProductId);
        CREATE INDEX IX_OrderLines_StoreId ON OrderLines (StoreId);
        CREATE TABLE OrderEvents (Id INTEGER PRIMARY KEY AUTOINCREMENT, OrderId INTEGER NOT NULL, FromStatus TEXT, ToStatus TEXT NOT NULL,
            ActorRole TEXT NOT NULL, ActorId TEXT, ActorEmail TEXT, Note TEXT, CreatedUtc TEXT NOT NULL);
        CREATE INDEX IX_OrderEvents_OrderId ON OrderEvents (OrderId);
        CREATE TABLE Payments (Id INTEGER PRIMARY KEY AUTOINCREMENT, OrderId INTEGER NOT NULL, CardId INTEGER, Kind TEXT NOT NULL,
            AmountTiyn INTEGER NOT NULL, CreatedUtc TEXT NOT NULL);
        CREATE UNIQUE INDEX IX_Payments_OrderId_Kind ON Payments (OrderId, Kind);
        CREATE INDEX IX_Payments_CardId ON Payments (CardId);
        CREATE TABLE StockMovements (Id INTEGER PRIMARY KEY AUTOINCREMENT, ProductId INTEGER NOT NULL, OrderId INTEGER,
            Delta INTEGER NOT NULL, Reason TEXT NOT NULL, CreatedUtc TEXT NOT NULL);
        CREATE UNIQUE INDEX IX_StockMovements_OrderId_ProductId_Reason ON StockMovements (OrderId, ProductId, Reason);
        CREATE INDEX IX_StockMovements_ProductId ON StockMovements (ProductId);
        CREATE TABLE OutboxMessages (Id INTEGER PRIMARY KEY AUTOINCREMENT, Type TEXT NOT NULL, Handler TEXT NOT NULL, Subject TEXT NOT NULL,
            Payload TEXT NOT NULL, CreatedUtc TEXT NOT NULL, NextAttemptUtc TEXT NOT NULL, Attempts INTEGER NOT NULL,
            ProcessedUtc TEXT, DeadLetteredUtc TEXT, LockToken TEXT, LockedUntilUtc TEXT, LastError TEXT);
        CREATE UNIQUE INDEX IX_OutboxMessages_Type_Handler_Subject ON OutboxMessages (Type, Handler, Subject);
        CREATE INDEX IX_OutboxMessages_ProcessedUtc_DeadLetteredUtc_NextAttemptUtc ON OutboxMessages (ProcessedUtc, DeadLetteredUtc, NextAttemptUtc);
        CREATE TABLE IdempotentRequests (Id INTEGER PRIMARY KEY AUTOINCREMENT, UserId TEXT NOT NULL, Key TEXT NOT NULL,
            RequestHash TEXT NOT NULL, Outcome TEXT, StatusCode INTEGER, ContentType TEXT, Location TEXT, ResponseBody TEXT,
            LockedUntilUtc TEXT NOT NULL, CreatedUtc TEXT NOT NULL);
        CREATE UNIQUE INDEX IX_IdempotentRequests_UserId_Key ON IdempotentRequests (UserId, Key);
        CREATE INDEX IX_IdempotentRequests_CreatedUtc ON IdempotentRequests (CreatedUtc);
        """;

    /// <summary>Add+pay cycles per second over <paramref name="duration"/>, after a short unmeasured warm-up.</summary>
    public static double Run(TimeSpan duration)
    {
        var file = Path.Combine(Path.GetTempPath(), $"checkout-raw-reference-{Guid.NewGuid():N}.db");
        try
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString());
            connection.Open();
            Execute(connection, Schema);
            Execute(connection, "PRAGMA synchronous = NORMAL;");
            Seed(connection);
            using var cycle = new Cycle(connection);
            for (var i = 0; i < 500; i++)
            {
                cycle.AddAndPay();
            }

            var started = Stopwatch.GetTimestamp();
            var done = 0;
            while (Stopwatch.GetElapsedTime(started) < duration)
            {
                cycle.AddAndPay();
                done++;
            }

            return done / Stopwatch.GetElapsedTime(started).TotalSeconds;
        }
        finally
        {
            foreach (var path in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(path);
            }
        }
    }

    private static void Seed(SqliteConnection connection)
    {
        using var seed = connection.CreateCommand();
        seed.CommandText = """
            INSERT INTO Products VALUES ($product, 'Raw reference item', '—', '—', 2000000000, $price);
            INSERT INTO Cards VALUES ($card, $user, 'Raw card', 9000000000000000000, 9000000000000000000, $now);
            INSERT INTO Carts VALUES ($cart, $user, 0, $now, $now);
            """;
        seed.Parameters.AddWithValue("$product", ProductId);
        seed.Parameters.AddWithValue("$price", Price);
        seed.Parameters.AddWithValue("$card", CardId);
        seed.Parameters.AddWithValue("$user", UserId);
        seed.Parameters.AddWithValue("$cart", CartId);
        seed.Parameters.AddWithValue("$now", DateTime.UtcNow);
        seed.ExecuteNonQuery();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>The prepared statements of one add (take the cart, reserve, add the line) and one checkout.</summary>
    private sealed class Cycle : IDisposable
    {
        private readonly List<SqliteCommand> _commands = [];
        private readonly SqliteCommand _begin, _commit, _takeCart, _reserve, _addLine;
        private readonly SqliteCommand _readLines, _debit, _sell, _order, _orderLine, _orderEvent, _payment, _movement, _outbox, _claim;
        private readonly SqliteCommand _deleteLines, _deleteReservations;
        private long _orders;

        public Cycle(SqliteConnection connection)
        {
            SqliteCommand Prepare(string sql, params string[] parameters)
            {
                var command = connection.CreateCommand();
                command.CommandText = sql;
                foreach (var name in parameters)
                {
                    command.Parameters.Add(new SqliteParameter(name, null));
                }

                command.Prepare();
                _commands.Add(command);
                return command;
            }

            _begin = Prepare("BEGIN IMMEDIATE");
            _commit = Prepare("COMMIT");
            _takeCart = Prepare("UPDATE Carts SET Version = Version + 1, UpdatedUtc = $now WHERE Id = $cart AND UserId = $user", "$now", "$cart", "$user");
            // Reserved only when the stock minus other carts' live reservations holds it.
            _reserve = Prepare("""
                INSERT INTO StockReservations (CartId, ProductId, Quantity, ExpiresUtc)
                SELECT $cart, $product, $quantity, $expires
                WHERE (SELECT Stock FROM Products WHERE Id = $product)
                    - (SELECT COALESCE(SUM(Quantity), 0) FROM StockReservations WHERE ProductId = $product AND ExpiresUtc > $now AND CartId <> $cart) >= $quantity
                """, "$cart", "$product", "$quantity", "$expires", "$now");
            _addLine = Prepare("INSERT INTO CartLines (CartId, ProductId, Quantity, AddedUtc) VALUES ($cart, $product, $quantity, $now)",
                "$cart", "$product", "$quantity", "$now");
            _readLines = Prepare("""
                SELECT l.ProductId, l.Quantity, p.Name, p.Color, p.Storage, p.PriceTiyn
                FROM CartLines l JOIN Products p ON p.Id = l.ProductId WHERE l.CartId = $cart ORDER BY l.ProductId
                """, "$cart");
            _debit = Prepare("UPDATE Cards SET BalanceTiyn = BalanceTiyn - $total WHERE Id = $card AND UserId = $user AND BalanceTiyn >= $total",
                "$total", "$card", "$user");
            _sell = Prepare("""
                UPDATE Products SET Stock = Stock - $quantity WHERE Id = $product AND Stock
                    - (SELECT COALESCE(SUM(Quantity), 0) FROM StockReservations WHERE ProductId = $product AND ExpiresUtc > $now AND CartId <> $cart) >= $quantity
                """, "$quantity", "$product", "$now", "$cart");
            _order = Prepare("""
                INSERT INTO Orders (Number, UserId, Status, PaymentMethod, CardId, SubtotalTiyn, DeliveryTiyn, TotalTiyn,
                    RecipientName, RecipientPhone, DeliveryAddress, CreatedUtc)
                VALUES ($number, $user, 'pending', 'card', $card, $subtotal, 0, $subtotal, 'Raw Shopper', '+7 700 000 00 00', 'Almaty', $now)
                RETURNING Id
                """, "$number", "$user", "$card", "$subtotal", "$now");
            _orderLine = Prepare("""
                INSERT INTO OrderLines (OrderId, ProductId, StoreId, ProductName, Color, Storage, StoreName, UnitPriceTiyn, Quantity, LineTotalTiyn)
                VALUES ($order, $product, 1, $name, $color, $storage, 'Raw store', $price, $quantity, $price * $quantity)
                """, "$order", "$product", "$name", "$color", "$storage", "$price", "$quantity");
            _orderEvent = Prepare("""
                INSERT INTO OrderEvents (OrderId, ToStatus, ActorRole, ActorId, ActorEmail, CreatedUtc)
                VALUES ($order, 'pending', 'shopper', $user, 'raw@checkout.local', $now)
                """, "$order", "$user", "$now");
            _payment = Prepare("INSERT INTO Payments (OrderId, CardId, Kind, AmountTiyn, CreatedUtc) VALUES ($order, $card, 'charge', $total, $now)",
                "$order", "$card", "$total", "$now");
            _movement = Prepare("INSERT INTO StockMovements (ProductId, OrderId, Delta, Reason, CreatedUtc) VALUES ($product, $order, -$quantity, 'sale', $now)",
                "$product", "$order", "$quantity", "$now");
            _outbox = Prepare("""
                INSERT INTO OutboxMessages (Type, Handler, Subject, Payload, CreatedUtc, NextAttemptUtc, Attempts)
                VALUES ('order.created', $handler, $number, $payload, $now, $now, 0)
                """, "$handler", "$number", "$payload", "$now");
            _claim = Prepare("""
                INSERT INTO IdempotentRequests (UserId, Key, RequestHash, Outcome, LockedUntilUtc, CreatedUtc)
                VALUES ($user, $number, 'sha256-of-the-request', $number, $now, $now)
                """, "$user", "$number", "$now");
            _deleteLines = Prepare("DELETE FROM CartLines WHERE CartId = $cart", "$cart");
            _deleteReservations = Prepare("DELETE FROM StockReservations WHERE CartId = $cart", "$cart");
        }

        public void AddAndPay()
        {
            var now = DateTime.UtcNow;
            _begin.ExecuteNonQuery();
            Expect(1, Run(_takeCart, now, CartId, UserId), "take the cart");
            Expect(1, Run(_reserve, CartId, ProductId, 1, now.AddMinutes(30), now), "reserve");
            Expect(1, Run(_addLine, CartId, ProductId, 1, now), "add the line");
            _commit.ExecuteNonQuery();

            now = DateTime.UtcNow;
            var number = $"R-{++_orders:D10}";
            _begin.ExecuteNonQuery();
            Expect(1, Run(_takeCart, now, CartId, UserId), "take the cart");
            var lines = new List<(int Product, int Quantity, string Name, string Color, string Storage, long Price)>();
            Set(_readLines, CartId);
            using (var reader = _readLines.ExecuteReader())
            {
                while (reader.Read())
                {
                    lines.Add((reader.GetInt32(0), reader.GetInt32(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetInt64(5)));
                }
            }

            var total = lines.Sum(l => l.Price * l.Quantity);
            Expect(1, Run(_debit, total, CardId, UserId), "debit the card");
            foreach (var line in lines)
            {
                Expect(1, Run(_sell, line.Quantity, line.Product, now, CartId), "decrement the stock");
            }

            Set(_order, number, UserId, CardId, total, now);
            var orderId = (long)_order.ExecuteScalar()!;
            foreach (var line in lines)
            {
                Expect(1, Run(_orderLine, orderId, line.Product, line.Name, line.Color, line.Storage, line.Price, line.Quantity), "order line");
                Expect(1, Run(_movement, line.Product, orderId, line.Quantity, now), "stock movement");
            }

            Expect(1, Run(_orderEvent, orderId, UserId, now), "order event");
            Expect(1, Run(_payment, orderId, CardId, total, now), "payment");
            var payload = $$"""{"number":"{{number}}","total":{{total}}}""";
            Expect(1, Run(_outbox, "email.order-confirmation", number, payload, now), "outbox row");
            Expect(1, Run(_outbox, "stats.daily-sales", number, payload, now), "outbox row");
            Expect(1, Run(_claim, UserId, number, now), "idempotency row");
            Expect(lines.Count, Run(_deleteLines, CartId), "empty the cart");
            Expect(lines.Count, Run(_deleteReservations, CartId), "release the reservation");
            _commit.ExecuteNonQuery();
        }

        private static int Run(SqliteCommand command, params object[] values)
        {
            Set(command, values);
            return command.ExecuteNonQuery();
        }

        private static void Set(SqliteCommand command, params object[] values)
        {
            for (var i = 0; i < values.Length; i++)
            {
                command.Parameters[i].Value = values[i];
            }
        }

        private static void Expect(int expected, int changed, string step)
        {
            if (changed != expected)
            {
                throw new InvalidOperationException($"Raw reference: {step} changed {changed} rows, not {expected}.");
            }
        }

        public void Dispose() => _commands.ForEach(c => c.Dispose());
    }
}
