using Microsoft.EntityFrameworkCore;

namespace Checkout.Web.Data;

public static class DatabaseSetup
{
    /// <summary>Applies migrations, switches SQLite to WAL, and loads the demo data where configured.</summary>
    public static async Task PrepareDatabaseAsync(this IServiceProvider services, IConfiguration configuration, IHostEnvironment environment)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShopDbContext>();
        await db.Database.MigrateAsync();
        if (db.Database.IsSqlite())
        {
            // WAL lets pages read while a checkout writes; the setting is stored in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;");
        }

        // Demo shoppers have well-known passwords: never in Production, whatever the configuration says.
        if (configuration.GetValue<bool>("Seed:DemoData") && !environment.IsProduction())
        {
            await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync();
        }
    }
}
