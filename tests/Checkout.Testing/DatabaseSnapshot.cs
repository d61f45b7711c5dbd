using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace Checkout.Testing;

/// <summary>
/// Every row of every table the model maps, read with plain SQL: users and their profiles, carts, orders and their
/// statuses, cards, stock, payments — and any table added later, without this class having to learn about it.
/// <see cref="ShopState"/> names what money and stock touch; this proves that nothing at all changed.
/// </summary>
public sealed class DatabaseSnapshot
{
    private readonly IReadOnlyDictionary<string, IReadOnlyList<string>> _tables;

    private DatabaseSnapshot(IReadOnlyDictionary<string, IReadOnlyList<string>> tables) => _tables = tables;

    public static async Task<DatabaseSnapshot> ReadAsync(ShopFactory shop)
    {
        await using var db = shop.OpenDatabase();
        var tables = db.Model.GetEntityTypes()
            .Select(e => e.GetTableName())
            .OfType<string>()
            .Where(table => table != "FailedSignIns") // a refused sign-in is meant to be counted: that is how the throttle works
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var rows = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var table in tables)
        {
            rows[table] = await ReadTableAsync(connection, table);
        }

        return new DatabaseSnapshot(rows);
    }

    /// <summary>What differs from <paramref name="before"/>, a few rows per table; empty when nothing does.</summary>
    public IReadOnlyList<string> ChangesSince(DatabaseSnapshot before)
    {
        var changes = new List<string>();
        foreach (var (table, rows) in _tables)
        {
            var old = before._tables.GetValueOrDefault(table, []);
            var added = rows.Except(old).Take(2).Select(r => $"{table} +{Shorten(r)}");
            var removed = old.Except(rows).Take(2).Select(r => $"{table} -{Shorten(r)}");
            changes.AddRange(removed.Concat(added));
        }

        return changes;
    }

    private static async Task<IReadOnlyList<string>> ReadTableAsync(DbConnection connection, string table)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\"";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            var cells = new string[reader.FieldCount];
            for (var i = 0; i < reader.FieldCount; i++)
            {
                cells[i] = $"{reader.GetName(i)}={Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)}";
            }

            rows.Add(string.Join("|", cells));
        }

        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    private static string Shorten(string row) => row.Length <= 300 ? row : row[..300] + "…";
}
