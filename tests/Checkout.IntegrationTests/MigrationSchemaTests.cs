using Checkout.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

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
