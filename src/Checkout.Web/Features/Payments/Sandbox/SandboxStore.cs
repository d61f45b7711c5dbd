using Checkout.Web.Domain;
using Checkout.Web.Features.Payments.Gateway;
using Checkout.Web.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Checkout.Web.Features.Payments.Sandbox;

/// <summary>
/// The sandbox's books in a SQLite file of its own, apart from the shop's database (as a real gateway's are): invoices,
/// transactions, saved cards, the notifications still to send, the answers to idempotent calls and its counters. Every
/// change is one transaction synced to disk before the sandbox answers, so a charge it reported survives a restart of
/// the shop, and so do the notifications it owes. Balances move by guarded statements, as in the shop.
/// </summary>
public sealed class SandboxStore
{
    private readonly string _connectionString;

    public SandboxStore(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, DefaultTimeout = 30 }.ToString();
        using var connection = Open();
        Execute(connection, null, """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS orders (
                id TEXT PRIMARY KEY, number INTEGER NOT NULL, invoice_id TEXT NOT NULL, account_id TEXT, email TEXT,
                description TEXT NOT NULL, amount INTEGER NOT NULL CHECK (amount > 0), currency TEXT NOT NULL,
                success_url TEXT NOT NULL, fail_url TEXT NOT NULL, save_card INTEGER NOT NULL, paid INTEGER NOT NULL DEFAULT 0,
                created INTEGER NOT NULL);
            CREATE TABLE IF NOT EXISTS transactions (
                id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, order_id TEXT, payment_id INTEGER, invoice_id TEXT NOT NULL,
                account_id TEXT, email TEXT, description TEXT, amount INTEGER NOT NULL CHECK (amount > 0), currency TEXT NOT NULL,
                status TEXT NOT NULL, reason TEXT, reason_code INTEGER NOT NULL, card_type TEXT, card_first_six TEXT,
                card_last_four TEXT, card_exp TEXT, card_holder TEXT, token TEXT,
                refunded INTEGER NOT NULL DEFAULT 0 CHECK (refunded >= 0 AND refunded <= amount), created INTEGER NOT NULL);
            CREATE INDEX IF NOT EXISTS transactions_invoice ON transactions (invoice_id, id);
            CREATE TABLE IF NOT EXISTS tokens (
                token TEXT PRIMARY KEY, account_id TEXT NOT NULL, card_first_six TEXT NOT NULL, card_last_four TEXT NOT NULL,
                card_type TEXT NOT NULL, card_exp TEXT NOT NULL, card_holder TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS notifications (
                id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, invoice_id TEXT NOT NULL, body TEXT NOT NULL,
                due INTEGER NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, held INTEGER NOT NULL DEFAULT 0, hold_until INTEGER);
            CREATE TABLE IF NOT EXISTS answers (request_id TEXT NOT NULL, path TEXT NOT NULL, status INTEGER NOT NULL, body TEXT NOT NULL,
                PRIMARY KEY (request_id, path));
            CREATE TABLE IF NOT EXISTS counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
            """);
    }

    public async Task<SandboxOrder> CreateOrderAsync(SandboxOrder order, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        var number = (long)(await ScalarAsync(connection, transaction, "SELECT COALESCE(MAX(number), 0) + 1 FROM orders", ct))!;
        await ExecuteAsync(connection, transaction, """
            INSERT INTO orders (id, number, invoice_id, account_id, email, description, amount, currency, success_url, fail_url, save_card, created)
            VALUES ($id, $number, $invoice, $account, $email, $description, $amount, $currency, $success, $fail, $save, $created)
            """, ct, ("$id", order.Id), ("$number", number), ("$invoice", order.InvoiceId), ("$account", order.AccountId), ("$email", order.Email),
            ("$description", order.Description), ("$amount", order.Amount.Tiyn), ("$currency", order.Currency), ("$success", order.SuccessUrl),
            ("$fail", order.FailUrl), ("$save", order.SaveCard), ("$created", order.CreatedUtc.Ticks));
        await transaction.CommitAsync(ct);
        return order with { Number = number };
    }

    public async Task<SandboxOrder?> FindOrderAsync(string id, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var command = Command(connection, null, "SELECT * FROM orders WHERE id = $id", ("$id", id));
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? ReadOrder(reader) : null;
    }

    /// <summary>Opens a payment attempt (awaiting the bank): its id is what the Check notification names.</summary>
    public async Task<long> StartPaymentAsync(SandboxTransaction pending, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        var id = await ScalarAsync(connection, null, """
            INSERT INTO transactions (kind, order_id, invoice_id, account_id, email, description, amount, currency, status, reason_code,
                card_type, card_first_six, card_last_four, card_exp, card_holder, created)
            VALUES ('Payment', $order, $invoice, $account, $email, $description, $amount, $currency, $status, 0,
                $type, $six, $four, $exp, $holder, $created)
            RETURNING id
            """, ct, ("$order", pending.OrderId), ("$invoice", pending.InvoiceId), ("$account", pending.AccountId), ("$email", pending.Email),
            ("$description", pending.Description), ("$amount", pending.Amount.Tiyn), ("$currency", pending.Currency), ("$status", pending.Status),
            ("$type", pending.CardType), ("$six", pending.CardFirstSix), ("$four", pending.CardLastFour), ("$exp", pending.CardExpDate),
            ("$holder", pending.CardHolder), ("$created", pending.CreatedUtc.Ticks));
        return (long)id!;
    }

    /// <summary>
    /// Settles a payment attempt in one transaction: the invoice becomes paid (a guarded update: of two attempts on one
    /// invoice only the first is charged, the other is undone and false is returned), the attempt gets its outcome, a
    /// saved card its token, the notifications are queued and, for an idempotent call, its answer is kept.
    /// </summary>
    public async Task<bool> SettlePaymentAsync(SandboxTransaction settled, SandboxToken? token, IReadOnlyList<SandboxQueuedNotification> notifications,
        SandboxCounts counts, (string RequestId, string Path, int Status, string Body)? answer, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        if (settled.Status == CloudPaymentsWire.Statuses.Completed && settled.OrderId is not null
            && await ExecuteAsync(connection, transaction, "UPDATE orders SET paid = 1 WHERE id = $id AND paid = 0", ct, ("$id", settled.OrderId)) == 0)
        {
            await ExecuteAsync(connection, transaction, "DELETE FROM transactions WHERE id = $id", ct, ("$id", settled.Id));
            await transaction.CommitAsync(ct);
            return false;
        }

        await ExecuteAsync(connection, transaction, """
            UPDATE transactions SET status = $status, reason = $reason, reason_code = $code, token = $token WHERE id = $id
            """, ct, ("$status", settled.Status), ("$reason", settled.Reason), ("$code", settled.ReasonCode), ("$token", settled.Token), ("$id", settled.Id));
        if (token is not null)
        {
            await ExecuteAsync(connection, transaction, """
                INSERT INTO tokens (token, account_id, card_first_six, card_last_four, card_type, card_exp, card_holder)
                VALUES ($token, $account, $six, $four, $type, $exp, $holder)
                """, ct, ("$token", token.Token), ("$account", token.AccountId), ("$six", token.CardFirstSix), ("$four", token.CardLastFour),
                ("$type", token.CardType), ("$exp", token.CardExpDate), ("$holder", token.CardHolder));
        }

        await EnqueueAsync(connection, transaction, notifications, counts, ct);
        if (answer is { } kept)
        {
            await KeepAnswerAsync(connection, transaction, kept, ct);
        }

        await transaction.CommitAsync(ct);
        return true;
    }

    /// <summary>
    /// Refunds <paramref name="amount"/> of a completed payment: one guarded update (never more than is left), the refund's
    /// own transaction, its notification queued and the call's answer kept, in one transaction. Null when nothing is left
    /// to refund (or the payment isn't a completed one).
    /// </summary>
    public async Task<SandboxTransaction?> RefundAsync(SandboxTransaction payment, Money amount, DateTime now,
        Func<SandboxTransaction, (IReadOnlyList<SandboxQueuedNotification> Queue, SandboxCounts Counts)> notify,
        Func<SandboxTransaction, (string RequestId, string Path, int Status, string Body)?> answer, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        var taken = await ExecuteAsync(connection, transaction, """
            UPDATE transactions SET refunded = refunded + $amount
            WHERE id = $id AND kind = 'Payment' AND status = 'Completed' AND amount - refunded >= $amount
            """, ct, ("$amount", amount.Tiyn), ("$id", payment.Id));
        if (taken == 0)
        {
            return null;
        }

        var id = (long)(await ScalarAsync(connection, transaction, """
            INSERT INTO transactions (kind, payment_id, invoice_id, account_id, email, description, amount, currency, status, reason_code, created)
            VALUES ('Refund', $payment, $invoice, $account, $email, $description, $amount, $currency, 'Completed', 0, $created)
            RETURNING id
            """, ct, ("$payment", payment.Id), ("$invoice", payment.InvoiceId), ("$account", payment.AccountId), ("$email", payment.Email),
            ("$description", payment.Description), ("$amount", amount.Tiyn), ("$currency", payment.Currency), ("$created", now.Ticks)))!;
        var refund = payment with
        {
            Id = id, Kind = SandboxTransactionKind.Refund, OrderId = null, PaymentId = payment.Id, Amount = amount, Status = CloudPaymentsWire.Statuses.Completed,
            Token = null, Refunded = Money.Zero, CreatedUtc = now,
        };
        var (queue, counts) = notify(refund);
        await EnqueueAsync(connection, transaction, queue, counts, ct);
        if (answer(refund) is { } kept)
        {
            await KeepAnswerAsync(connection, transaction, kept, ct);
        }

        await transaction.CommitAsync(ct);
        return refund;
    }

    public Task<SandboxTransaction?> GetTransactionAsync(long id, CancellationToken ct) =>
        ReadTransactionAsync("SELECT * FROM transactions WHERE id = $id", ("$id", id), ct);

    /// <summary>The invoice's completed payment if it has one, else its latest attempt.</summary>
    public Task<SandboxTransaction?> FindPaymentAsync(string invoiceId, CancellationToken ct) =>
        ReadTransactionAsync("""
            SELECT * FROM transactions WHERE invoice_id = $invoice AND kind = 'Payment'
            ORDER BY status = 'Completed' DESC, id DESC LIMIT 1
            """, ("$invoice", invoiceId), ct);

    public async Task<SandboxToken?> FindTokenAsync(string token, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var command = Command(connection, null, "SELECT * FROM tokens WHERE token = $token", ("$token", token));
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct)
            ? new SandboxToken(Text(reader, "token")!, Text(reader, "account_id")!, Text(reader, "card_first_six")!, Text(reader, "card_last_four")!,
                Text(reader, "card_type")!, Text(reader, "card_exp")!, Text(reader, "card_holder")!)
            : null;
    }

    /// <summary>The answer an idempotent call (<c>X-Request-ID</c>) got the first time, if it was made before.</summary>
    public async Task<(int Status, string Body)?> FindAnswerAsync(string requestId, string path, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var command = Command(connection, null, "SELECT status, body FROM answers WHERE request_id = $id AND path = $path", ("$id", requestId), ("$path", path));
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? (reader.GetInt32(0), reader.GetString(1)) : null;
    }

    public async Task KeepAnswerAsync((string RequestId, string Path, int Status, string Body) answer, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await KeepAnswerAsync(connection, null, answer, ct);
    }

    /// <summary>Notifications whose time has come (a held one once a later one of its invoice went, or its hold ran out), oldest first.</summary>
    public async Task<List<SandboxQueuedNotification>> DueAsync(DateTime now, int limit, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var command = Command(connection, null, """
            SELECT * FROM notifications WHERE due <= $now AND (held = 0 OR hold_until <= $now) ORDER BY due, id LIMIT $limit
            """, ("$now", now.Ticks), ("$limit", limit));
        await using var reader = await command.ExecuteReaderAsync(ct);
        var due = new List<SandboxQueuedNotification>();
        while (await reader.ReadAsync(ct))
        {
            due.Add(new SandboxQueuedNotification(
                reader.GetInt64(reader.GetOrdinal("id")),
                Enum.Parse<NotificationKind>(Text(reader, "kind")!),
                Text(reader, "invoice_id")!,
                Text(reader, "body")!,
                new DateTime(reader.GetInt64(reader.GetOrdinal("due")), DateTimeKind.Utc),
                reader.GetInt32(reader.GetOrdinal("attempts")),
                reader.GetBoolean(reader.GetOrdinal("held")),
                reader.IsDBNull(reader.GetOrdinal("hold_until")) ? null : new DateTime(reader.GetInt64(reader.GetOrdinal("hold_until")), DateTimeKind.Utc)));
        }

        return due;
    }

    /// <summary>Whether any notification is still waiting (sent or not).</summary>
    public async Task<bool> AnyQueuedAsync(CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        return (long)(await ScalarAsync(connection, null, "SELECT EXISTS (SELECT 1 FROM notifications)", ct))! == 1;
    }

    /// <summary>
    /// The shop answered code 0: the notification is done, and the ones of its invoice that were held back for a later
    /// one (reordered) are free to go.
    /// </summary>
    public async Task DeliveredAsync(SandboxQueuedNotification notification, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        await ExecuteAsync(connection, transaction, "DELETE FROM notifications WHERE id = $id", ct, ("$id", notification.Id));
        await ExecuteAsync(connection, transaction, "UPDATE notifications SET held = 0 WHERE invoice_id = $invoice AND id < $id AND held = 1", ct,
            ("$invoice", notification.InvoiceId), ("$id", notification.Id));
        await CountAsync(connection, transaction, new SandboxCounts { Delivered = 1, Attempts = 1 }, ct);
        await transaction.CommitAsync(ct);
    }

    /// <summary>The shop didn't answer code 0: try again at <paramref name="nextUtc"/>, or give it up (null).</summary>
    public async Task FailedAttemptAsync(SandboxQueuedNotification notification, DateTime? nextUtc, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct);
        if (nextUtc is { } next)
        {
            await ExecuteAsync(connection, transaction, "UPDATE notifications SET attempts = attempts + 1, due = $due WHERE id = $id", ct,
                ("$due", next.Ticks), ("$id", notification.Id));
            await CountAsync(connection, transaction, new SandboxCounts { Attempts = 1, Retried = 1 }, ct);
        }
        else
        {
            await ExecuteAsync(connection, transaction, "DELETE FROM notifications WHERE id = $id", ct, ("$id", notification.Id));
            await CountAsync(connection, transaction, new SandboxCounts { Attempts = 1, GivenUp = 1 }, ct);
        }

        await transaction.CommitAsync(ct);
    }

    public async Task CountAsync(SandboxCounts counts, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await CountAsync(connection, null, counts, ct);
    }

    public async Task<SandboxCounts> CountsAsync(CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var command = Command(connection, null, "SELECT name, value FROM counters");
        await using var reader = await command.ExecuteReaderAsync(ct);
        var values = new Dictionary<string, long>(StringComparer.Ordinal);
        while (await reader.ReadAsync(ct))
        {
            values[reader.GetString(0)] = reader.GetInt64(1);
        }

        var queued = (long)(await ScalarAsync(connection, null, "SELECT COUNT(*) FROM notifications", ct))!;
        return SandboxCounts.From(values) with { Queued = queued };
    }

    private static async Task EnqueueAsync(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<SandboxQueuedNotification> notifications,
        SandboxCounts counts, CancellationToken ct)
    {
        foreach (var notification in notifications)
        {
            await ExecuteAsync(connection, transaction, """
                INSERT INTO notifications (kind, invoice_id, body, due, held, hold_until) VALUES ($kind, $invoice, $body, $due, $held, $until)
                """, ct, ("$kind", notification.Kind.ToString()), ("$invoice", notification.InvoiceId), ("$body", notification.Body),
                ("$due", notification.DueUtc.Ticks), ("$held", notification.Held), ("$until", notification.HoldUntilUtc?.Ticks));
        }

        await CountAsync(connection, transaction, counts, ct);
    }

    private static Task KeepAnswerAsync(SqliteConnection connection, SqliteTransaction? transaction, (string RequestId, string Path, int Status, string Body) answer, CancellationToken ct) =>
        ExecuteAsync(connection, transaction, "INSERT OR IGNORE INTO answers (request_id, path, status, body) VALUES ($id, $path, $status, $body)", ct,
            ("$id", answer.RequestId), ("$path", answer.Path), ("$status", answer.Status), ("$body", answer.Body));

    private static async Task CountAsync(SqliteConnection connection, SqliteTransaction? transaction, SandboxCounts counts, CancellationToken ct)
    {
        foreach (var (name, value) in counts.Increments())
        {
            await ExecuteAsync(connection, transaction, "INSERT INTO counters (name, value) VALUES ($name, $value) ON CONFLICT (name) DO UPDATE SET value = value + $value", ct,
                ("$name", name), ("$value", value));
        }
    }

    private async Task<SandboxTransaction?> ReadTransactionAsync(string sql, (string, object) parameter, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var command = Command(connection, null, sql, parameter);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct))
        {
            return null;
        }

        long? Number(string column) => reader.IsDBNull(reader.GetOrdinal(column)) ? null : reader.GetInt64(reader.GetOrdinal(column));
        return new SandboxTransaction(
            reader.GetInt64(reader.GetOrdinal("id")),
            Enum.Parse<SandboxTransactionKind>(Text(reader, "kind")!),
            Text(reader, "order_id"),
            Number("payment_id"),
            Text(reader, "invoice_id")!,
            Text(reader, "account_id"),
            Text(reader, "email"),
            Text(reader, "description"),
            new Money(reader.GetInt64(reader.GetOrdinal("amount"))),
            Text(reader, "currency")!,
            Text(reader, "status")!,
            Text(reader, "reason"),
            reader.GetInt32(reader.GetOrdinal("reason_code")),
            Text(reader, "card_type"),
            Text(reader, "card_first_six"),
            Text(reader, "card_last_four"),
            Text(reader, "card_exp"),
            Text(reader, "card_holder"),
            Text(reader, "token"),
            new Money(reader.GetInt64(reader.GetOrdinal("refunded"))),
            new DateTime(reader.GetInt64(reader.GetOrdinal("created")), DateTimeKind.Utc));
    }

    private static SandboxOrder ReadOrder(SqliteDataReader reader) => new(
        Text(reader, "id")!,
        reader.GetInt64(reader.GetOrdinal("number")),
        Text(reader, "invoice_id")!,
        Text(reader, "account_id"),
        Text(reader, "email"),
        Text(reader, "description")!,
        new Money(reader.GetInt64(reader.GetOrdinal("amount"))),
        Text(reader, "currency")!,
        Text(reader, "success_url")!,
        Text(reader, "fail_url")!,
        reader.GetBoolean(reader.GetOrdinal("save_card")),
        reader.GetBoolean(reader.GetOrdinal("paid")),
        new DateTime(reader.GetInt64(reader.GetOrdinal("created")), DateTimeKind.Utc));

    private static string? Text(SqliteDataReader reader, string column)
    {
        var ordinal = reader.GetOrdinal(column);
        return reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        SqlitePragmas.Set(connection, busyTimeoutMs: 30_000, synchronous: "FULL");
        return connection;
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken ct)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(ct);
        SqlitePragmas.Set(connection, busyTimeoutMs: 30_000, synchronous: "FULL");
        return connection;
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = Command(connection, transaction, sql);
        command.ExecuteNonQuery();
    }

    private static async Task<int> ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken ct,
        params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        return await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken ct,
        params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        return await command.ExecuteScalarAsync(ct);
    }
}
