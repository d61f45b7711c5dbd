using Microsoft.Data.Sqlite;

namespace Checkout.Web.Infrastructure;

/// <summary>Where the shop keeps its files: the SQLite database, data-protection keys, logs.</summary>
public static class ShopPaths
{
    public static string DataDirectory(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration["Shop:DataDirectory"] ?? "App_Data";
        if (string.IsNullOrWhiteSpace(configured))
        {
            // Read before the services exist (the log and the database live there), so checked here, not at start.
            throw new InvalidOperationException("Shop:DataDirectory must name a folder.");
        }

        var path = Path.GetFullPath(configured, environment.ContentRootPath);
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>A relative SQLite file in <c>ConnectionStrings:Shop</c> is taken relative to the data folder.</summary>
    public static string SqliteConnectionString(IConfiguration configuration, string dataDirectory)
    {
        var builder = new SqliteConnectionStringBuilder(configuration.GetConnectionString("Shop") ?? "Data Source=checkout.db");
        if (builder.DataSource != ":memory:" && !Path.IsPathRooted(builder.DataSource))
        {
            builder.DataSource = Path.Combine(dataDirectory, builder.DataSource);
        }

        return builder.ToString();
    }
}
