using Checkout.Web.Data;
using Checkout.Web.Operations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace Checkout.IntegrationTests;

/// <summary>
/// The PostgreSQL migrations are written by hand too: a database they build must match, column for column,
/// constraint for constraint and index for index, the one EF builds from the model.
/// </summary>
public sealed class PostgresSchemaTests
{
    [PostgresFact]
    public async Task Migrated_schema_matches_the_model()
    {
        var migrated = await SchemaAsync(db => db.Database.MigrateAsync());
        var fromModel = await SchemaAsync(db => db.Database.EnsureCreatedAsync());

        migrated.Should().BeEquivalentTo(fromModel, options => options.WithStrictOrdering());
        migrated.Should().Contain(line => line.Contains("CK_Cards_Balance", StringComparison.Ordinal));
    }

    [PostgresFact]
    public async Task The_order_lifecycle_migration_carries_existing_payments_stock_and_orders_over()
    {
        var name = $"checkout_upgrade_{Guid.NewGuid():N}";
        TestDatabase.ExecuteOnServer($"CREATE DATABASE \"{name}\"");
        try
        {
            await using var db = ShopDatabase.Open(ShopDatabase.Postgres, TestDatabase.PostgresDatabase(name));
            await db.GetService<IMigrator>().MigrateAsync("20261122020000_InitialCreate");
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO "AspNetUsers" ("Id", "FullName", "DeliveryAddress", "EmailConfirmed", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount")
                VALUES ('u1', 'Айгерім', 'Алматы', true, false, false, false, 0);
                INSERT INTO "Stores" ("Id", "Name") VALUES (1, 'Kaspi.kz');
                INSERT INTO "Products" ("Id", "Name", "Color", "Storage", "Category", "Description", "ImageUrl", "Stock") VALUES (1, 'iPhone', 'x', 'y', 'z', '', '/i.svg', 98);
                INSERT INTO "Cards" ("Id", "UserId", "Name", "BalanceTiyn", "OpeningBalanceTiyn", "CreatedUtc") VALUES (1, 'u1', 'Kaspi Gold', 100, 1000, now());
                INSERT INTO "Orders" ("Id", "Number", "UserId", "Status", "PaymentMethod", "CardId", "SubtotalTiyn", "DeliveryTiyn", "TotalTiyn", "RecipientName", "RecipientPhone", "DeliveryAddress", "CreatedUtc")
                VALUES (1, 'ORD-1', 'u1', 'pending', 'card', 1, 750, 150, 900, 'Айгерім', '', 'Алматы', now());
                INSERT INTO "Payments" ("Id", "OrderId", "CardId", "AmountTiyn", "CreatedUtc") VALUES (1, 1, 1, 900, now());
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
        finally
        {
            NpgsqlConnection.ClearAllPools();
            TestDatabase.ExecuteOnServer($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        }
    }

    private static async Task<List<string>> SchemaAsync(Func<ShopDbContext, Task> create)
    {
        var name = $"checkout_schema_{Guid.NewGuid():N}";
        TestDatabase.ExecuteOnServer($"CREATE DATABASE \"{name}\"");
        try
        {
            var connectionString = TestDatabase.PostgresDatabase(name);
            await using (var db = ShopDatabase.Open(ShopDatabase.Postgres, connectionString))
            {
                await create(db);
            }

            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            var schema = new List<string>();
            schema.AddRange(await QueryAsync(connection, """
                SELECT table_name || '.' || column_name || ' ' || data_type || coalesce('(' || character_maximum_length || ')', '')
                       || ' nullable=' || is_nullable || ' identity=' || is_identity || ' default=' || coalesce(column_default, '')
                FROM information_schema.columns
                WHERE table_schema = 'public' AND table_name <> '__EFMigrationsHistory'
                ORDER BY table_name, column_name
                """));
            schema.AddRange(await QueryAsync(connection, """
                SELECT conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid)
                FROM pg_constraint
                WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> '"__EFMigrationsHistory"'
                ORDER BY 1
                """));
            schema.AddRange(await QueryAsync(connection, """
                SELECT indexdef FROM pg_indexes
                WHERE schemaname = 'public' AND tablename <> '__EFMigrationsHistory'
                ORDER BY indexname
                """));
            return schema;
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            TestDatabase.ExecuteOnServer($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        }
    }

    private static async Task<List<string>> QueryAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }
}
