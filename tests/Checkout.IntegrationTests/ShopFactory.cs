using Checkout.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Checkout.IntegrationTests;

/// <summary>
/// The shop on its own SQLite file in a temporary folder. The file starts as a copy of a template that
/// was migrated and seeded once per test run, so every test sees the demo data fresh and untouched.
/// </summary>
public sealed class ShopFactory : WebApplicationFactory<Program>
{
    private readonly bool _fromTemplate;

    public ShopFactory()
        : this(fromTemplate: true)
    {
    }

    private ShopFactory(bool fromTemplate)
    {
        _fromTemplate = fromTemplate;
        DataDirectory = Directory.CreateTempSubdirectory("checkout-tests-").FullName;
    }

    public string DataDirectory { get; }

    /// <summary>Services a test swaps in or adds (e.g. an interceptor that plays a concurrent request).</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    public string DatabasePath => Path.Combine(DataDirectory, "checkout.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        if (_fromTemplate)
        {
            File.Copy(TemplateDatabase.Path, DatabasePath);
        }

        builder.UseEnvironment("Testing");
        builder.UseSetting("Shop:DataDirectory", DataDirectory);
        builder.UseSetting("ConnectionStrings:Shop", "Data Source=checkout.db");
        builder.UseSetting("Seed:DemoData", "true");
        if (TestServices is not null)
        {
            builder.ConfigureTestServices(TestServices);
        }
    }

    /// <summary>A visitor of the in-memory server, or of the real port when <c>UseKestrel</c> started one.</summary>
    public Shopper CreateShopper()
    {
        var kestrel = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        return kestrel is null
            ? new Shopper(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }))
            : new Shopper(new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new() })
            {
                BaseAddress = new Uri(kestrel),
            });
    }

    /// <summary>A fresh DbContext on the shop's database, for arranging and checking what the shop did.</summary>
    public ShopDbContext OpenDatabase() =>
        new(new DbContextOptionsBuilder<ShopDbContext>().UseSqlite($"Data Source={DatabasePath}").Options);

    public async Task InDatabaseAsync(Func<ShopDbContext, Task> action)
    {
        await using var scope = Services.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<ShopDbContext>());
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow machine: the temp folder is cleaned by the OS.
        }
    }

    private static class TemplateDatabase
    {
        private static readonly Lazy<string> Template = new(Create);

        public static string Path => Template.Value;

        private static string Create()
        {
            using var factory = new ShopFactory(fromTemplate: false);
            _ = factory.Server; // starts the shop: migrations and seed run
            using (var db = factory.OpenDatabase())
            {
                db.Database.ExecuteSqlRaw("PRAGMA wal_checkpoint(TRUNCATE);");
            }

            // Checkpointed and idle, the file alone holds the whole database.
            var path = System.IO.Path.Combine(Directory.CreateTempSubdirectory("checkout-template-").FullName, "checkout.db");
            File.Copy(factory.DatabasePath, path);
            return path;
        }
    }
}
