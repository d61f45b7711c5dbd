using Checkout.Web.Data;
using Checkout.Web.Operations;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Checkout.IntegrationTests;

/// <summary>
/// The migrations are written by hand, so prove them: a database built by the migrations must have exactly
/// the schema EF builds from the model (tables, columns, keys, indexes, foreign keys, check constraints).
/// </summary>
public sealed class MigrationSchemaTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("checkout-schema-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Migrated_schema_matches_the_model()
    {
        var migrated = await SchemaAsync("migrated.db", db => db.Database.MigrateAsync());
        var fromModel = await SchemaAsync("model.db", db => db.Database.EnsureCreatedAsync());

        migrated.Should().BeEquivalentTo(fromModel, options => options.WithStrictOrdering());
        migrated.Should().Contain(line => line.StartsWith("Cards CHECK", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_order_lifecycle_migration_carries_existing_payments_stock_and_orders_over()
    {
        await using var db = Open("upgraded.db");
        await db.GetService<IMigrator>().MigrateAsync("20261122010000_DataProtectionKeys");
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO "AspNetUsers" ("Id", "FullName", "DeliveryAddress", "EmailConfirmed", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount")
            VALUES ('u1', 'Айгерім', 'Алматы', 1, 0, 0, 0, 0);
            INSERT INTO "Stores" ("Id", "Name") VALUES (1, 'Kaspi.kz');
            INSERT INTO "Products" ("Id", "Name", "Color", "Storage", "Category", "Description", "ImageUrl", "Stock") VALUES (1, 'iPhone', 'x', 'y', 'z', '', '/i.svg', 98);
            INSERT INTO "Cards" ("Id", "UserId", "Name", "BalanceTiyn", "OpeningBalanceTiyn", "CreatedUtc") VALUES (1, 'u1', 'Kaspi Gold', 100, 1000, '2026-11-22 08:00:00');
            INSERT INTO "Orders" ("Id", "Number", "UserId", "Status", "PaymentMethod", "CardId", "SubtotalTiyn", "DeliveryTiyn", "TotalTiyn", "RecipientName", "RecipientPhone", "DeliveryAddress", "CreatedUtc")
            VALUES (1, 'ORD-1', 'u1', 'pending', 'card', 1, 750, 150, 900, 'Айгерім', '', 'Алматы', '2026-11-22 08:00:00');
            INSERT INTO "Payments" ("Id", "OrderId", "CardId", "AmountTiyn", "CreatedUtc") VALUES (1, 1, 1, 900, '2026-11-22 08:00:00');
            INSERT INTO "OrderLines" ("Id", "OrderId", "ProductId", "StoreId", "ProductName", "Color", "Storage", "StoreName", "UnitPriceTiyn", "Quantity", "LineTotalTiyn")
            VALUES (1, 1, 1, 1, 'iPhone', 'x', 'y', 'Kaspi.kz', 375, 2, 750);
            """);

        await db.Database.MigrateAsync();

        var payment = await db.LedgerEntries.SingleAsync();
        (payment.Kind, payment.CardId, payment.AmountTiyn).Should().Be(("charge", 1, 900L));
        (await db.StockMovements.OrderBy(m => m.Id).Select(m => new { m.ProductId, m.Delta, m.Reason, m.OrderId }).ToListAsync())
            .Should().Equal(new { ProductId = 1, Delta = 100, Reason = "opening", OrderId = (int?)null }, new { ProductId = 1, Delta = -2, Reason = "sale", OrderId = (int?)1 });
        (await db.OutboxMessages.OrderBy(m => m.Handler).Select(m => new { m.Handler, m.Subject, Processed = m.ProcessedUtc != null, m.Attempts }).ToListAsync())
            .Should().Equal(new { Handler = "daily-sales", Subject = "ORD-1", Processed = false, Attempts = 0 }, new { Handler = "email", Subject = "ORD-1", Processed = true, Attempts = 0 });
        var books = await new LedgerCheck(db, ["email", "daily-sales"], Directory.CreateTempSubdirectory("checkout-mail-").FullName).RunAsync(CancellationToken.None);
        books.SelectMany(f => f.Breaks).Should().BeEmpty("an upgraded shop's books replay: its old orders took their stock and are in the outbox");
        (await db.OrderEvents.SingleAsync()).Should().BeEquivalentTo(new { OrderId = 1, ToStatus = "pending", ActorRole = "system" });
    }

    private ShopDbContext Open(string file) =>
        new(new DbContextOptionsBuilder<ShopDbContext>().UseSqlite($"Data Source={Path.Combine(_folder, file)}").Options);

    private async Task<List<string>> SchemaAsync(string file, Func<ShopDbContext, Task> create)
    {
        await using var db = Open(file);
        await create(db);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        var tables = await QueryAsync(connection,
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__EF%' ORDER BY name");
        var schema = new List<string>();
        foreach (var table in tables)
        {
            schema.AddRange((await QueryAsync(connection, $"SELECT name || ' ' || type || ' notnull=' || \"notnull\" || ' pk=' || pk || ' default=' || ifnull(dflt_value, '') FROM pragma_table_info('{table}') ORDER BY name"))
                .Select(c => $"{table} column {c}"));
            schema.AddRange((await QueryAsync(connection, $"SELECT \"table\" || '.' || \"to\" || ' from ' || \"from\" || ' on delete ' || on_delete FROM pragma_foreign_key_list('{table}') ORDER BY \"from\""))
                .Select(f => $"{table} fk {f}"));
            foreach (var index in await QueryAsync(connection, $"SELECT name || ' unique=' || \"unique\" FROM pragma_index_list('{table}') ORDER BY name"))
            {
                var name = index.Split(' ')[0];
                var columns = await QueryAsync(connection, $"SELECT name FROM pragma_index_info('{name}') ORDER BY seqno");
                schema.Add($"{table} index {index} ({string.Join(", ", columns)})");
            }

            var createSql = (await QueryAsync(connection, $"SELECT sql FROM sqlite_master WHERE type = 'table' AND name = '{table}'")).Single();
            schema.AddRange(System.Text.RegularExpressions.Regex.Matches(createSql, @"CONSTRAINT ""(\w+)"" CHECK \((.*)\)")
                .Select(m => $"{table} CHECK {m.Groups[1].Value}: {m.Groups[2].Value}"));
        }

        return schema;
    }

    private static async Task<List<string>> QueryAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }
}
