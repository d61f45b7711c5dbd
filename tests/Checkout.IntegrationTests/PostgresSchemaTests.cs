using Checkout.Web.Data;
using Microsoft.EntityFrameworkCore;
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
