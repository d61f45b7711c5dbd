using Checkout.Web.Data;
using Checkout.Web.Workers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Checkout.Testing;

/// <summary>
/// The shop on a database of its own: a SQLite file in a temporary folder, or a PostgreSQL database
/// (see <see cref="TestDatabase"/>). It starts as a copy of a template that was migrated and seeded once
/// per test run, so every test sees the demo data fresh and untouched.
/// </summary>
public sealed class ShopFactory : WebApplicationFactory<Program>
{
    private readonly bool _fromTemplate;

    public ShopFactory()
        : this(fromTemplate: true)
    {
    }

    private ShopFactory(bool fromTemplate, string? postgresDatabase = null, string? sqliteFile = null)
    {
        _fromTemplate = fromTemplate;
        DataDirectory = Directory.CreateTempSubdirectory("checkout-tests-").FullName;
        PostgresDatabaseName = TestDatabase.IsPostgres ? postgresDatabase ?? $"checkout_test_{Guid.NewGuid():N}" : null;
        DatabasePath = sqliteFile ?? Path.Combine(DataDirectory, "checkout.db");
    }

    /// <summary>A second instance of the shop on this one's database, with a data folder (and memory) of its own.</summary>
    public ShopFactory SecondInstance() => new(fromTemplate: false, PostgresDatabaseName, DatabasePath);

    private string? PostgresDatabaseName { get; }

    /// <summary>The shop's connection string, for the provider the suite runs on.</summary>
    public string ConnectionString => PostgresDatabaseName is { } name
        ? TestDatabase.PostgresDatabase(name)
        : $"Data Source={DatabasePath}";

    public string DataDirectory { get; }

    /// <summary>Services a test swaps in or adds (e.g. an interceptor that plays a concurrent request).</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    /// <summary>
    /// Configuration keys a test sets (e.g. <c>Inventory:ReservationTtl</c>), on top of what every test shop gets: fast
    /// outbox timings, and rate limits off (<c>RateLimits:Enabled=false</c>) so suites that send many requests aren't throttled.
    /// </summary>
    public IDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>Replaces the shop's clock (and its workers' timers) with one the test moves on: expiry, clean-ups, retries.</summary>
    public ShopClock? Clock { get; init; }

    /// <summary>
    /// The test is the only one to deliver the outbox (<see cref="DeliverOutboxAsync"/>, or the worker's own
    /// <see cref="OutboxWorker.DeliverDueAsync"/>): the shop hosts no worker, so not even the poll it makes as it starts
    /// can take a batch the test meant to deliver.
    /// </summary>
    public bool TestDeliversOutbox { get; init; }

    public string DatabasePath { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        if (_fromTemplate && PostgresDatabaseName is { } name)
        {
            TestDatabase.ExecuteOnServer($"CREATE DATABASE \"{name}\" TEMPLATE \"{TemplateDatabase.Name}\"");
        }
        else if (_fromTemplate)
        {
            File.Copy(TemplateDatabase.Name, DatabasePath);
        }

        builder.UseEnvironment("Testing");
        builder.UseSetting("Shop:DataDirectory", DataDirectory);
        builder.UseSetting("Database:Provider", TestDatabase.Provider);
        builder.UseSetting("ConnectionStrings:Shop", ConnectionString);
        builder.UseSetting("Seed:DemoData", "true");
        builder.UseSetting("Outbox:PollInterval", "00:00:00.100");
        builder.UseSetting("Outbox:FirstRetryDelay", "00:00:00.050");
        builder.UseSetting("Outbox:MaxRetryDelay", "00:00:00.200");
        builder.UseSetting("RateLimits:Enabled", "false"); // tests of the limits turn them on
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => services.AddTransient<IStartupFilter, TestClientAddress>());
        if (Clock is not null)
        {
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        }

        if (TestDeliversOutbox)
        {
            builder.ConfigureTestServices(services => services.Remove(services.Single(d => !d.IsKeyedService
                && d.ServiceType == typeof(IHostedService) && d.ImplementationFactory is Func<IServiceProvider, OutboxWorker>)));
        }

        if (TestServices is not null)
        {
            builder.ConfigureTestServices(TestServices);
        }
    }

    /// <summary>
    /// A visitor of the in-memory server, or of the real port when <c>UseKestrel</c> started one; with
    /// <paramref name="cookies"/>, one that carries those (e.g. a copy of another visitor's, as a thief would).
    /// </summary>
    public Shopper CreateShopper(CookieContainer? cookies = null)
    {
        cookies ??= new CookieContainer();
        var kestrel = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        return kestrel is null
            ? new Shopper(CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(cookies)), cookies)
            : new Shopper(new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = cookies })
            {
                BaseAddress = new Uri(kestrel),
            }, cookies);
    }

    /// <summary>A visitor whose requests come from <paramref name="clientAddress"/>, as Kestrel would see that client.</summary>
    public Shopper CreateShopperFrom(string clientAddress)
    {
        var shopper = CreateShopper();
        shopper.Http.DefaultRequestHeaders.Add(TestClientAddress.Header, clientAddress);
        return shopper;
    }

    /// <summary>The account mails (confirmation links, notes to owners) written to <paramref name="to"/>, oldest first.</summary>
    public IReadOnlyList<AccountMessage> AccountMailTo(string to) => AccountMessage.ReadAll(Path.Combine(DataDirectory, "mail", "accounts"), to);

    /// <summary>The shop's daily log files as they are now (the file sink shares them while it writes).</summary>
    public async Task<string> ReadLogAsync()
    {
        var text = new System.Text.StringBuilder();
        foreach (var file in Directory.GetFiles(Path.Combine(DataDirectory, "logs"), "*.log"))
        {
            await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            text.Append(await reader.ReadToEndAsync());
        }

        return text.ToString();
    }

    /// <summary>A fresh DbContext on the shop's database, for arranging and checking what the shop did.</summary>
    public ShopDbContext OpenDatabase() => ShopDatabase.Open(TestDatabase.Provider, ConnectionString);

    /// <summary>A visitor signed in (the demo shopper unless told otherwise).</summary>
    public async Task<Shopper> SignedInAsync(string email = Shopper.DemoEmail, string password = Shopper.DemoPassword)
    {
        var shopper = CreateShopper();
        await shopper.LoginAsync(email, password);
        return shopper;
    }

    /// <summary>Asks the shop's database until <paramref name="probe"/> finds something, for what the shop does in the background.</summary>
    public Task<T> WaitForAsync<T>(Func<ShopDbContext, Task<T?>> probe, string what)
        where T : class => Poll.UntilAsync(
            async () =>
            {
                await using var db = OpenDatabase();
                return await probe(db);
            },
            what);

    /// <summary>Waits until the outbox worker, on its own timer, has delivered every message (or dead-lettered it).</summary>
    public Task WaitForOutboxAsync() => WaitForAsync(
        async db => await db.OutboxMessages.AnyAsync(m => m.ProcessedUtc == null && m.DeadLetteredUtc == null) ? null : "delivered",
        "the outbox to be delivered");

    /// <summary>
    /// Delivers every message that is due now on the shop's clock, as the worker's next polls would, and returns once
    /// they are handled: for shops whose test delivers (<see cref="TestDeliversOutbox"/>), or whose worker sleeps on a
    /// <see cref="Clock"/> until the test moves time on.
    /// </summary>
    public async Task DeliverOutboxAsync()
    {
        var worker = Services.GetRequiredService<OutboxWorker>();
        while (await worker.DeliverDueAsync(CancellationToken.None) > 0)
        {
        }

        // The worker's first poll, as the shop started, may still hold a batch it claimed: let it finish.
        var now = (Clock ?? TimeProvider.System).GetUtcNow().UtcDateTime;
        await WaitForAsync(async db => await db.OutboxMessages.AnyAsync(m => m.LockToken != null && m.LockedUntilUtc > now) ? null : "released",
            "the outbox worker to finish its batch");
    }

    public async Task InDatabaseAsync(Func<ShopDbContext, Task> action)
    {
        await using var scope = Services.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<ShopDbContext>());
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        if (PostgresDatabaseName is { } name && _fromTemplate)
        {
            NpgsqlConnection.ClearAllPools();
            TestDatabase.ExecuteOnServer($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        }

        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow machine: the temp folder is cleaned by the OS.
        }
    }

    /// <summary>Migrated and seeded once per run: a SQLite file to copy, or a PostgreSQL database to clone.</summary>
    private static class TemplateDatabase
    {
        private const string PostgresTemplate = "checkout_test_template";

        private static readonly Lazy<string> Template = new(Create);

        public static string Name => Template.Value;

        private static string Create()
        {
            if (TestDatabase.IsPostgres)
            {
                TestDatabase.ExecuteOnServer($"DROP DATABASE IF EXISTS \"{PostgresTemplate}\" WITH (FORCE)");
                TestDatabase.ExecuteOnServer($"CREATE DATABASE \"{PostgresTemplate}\"");
                using (var template = new ShopFactory(fromTemplate: false, PostgresTemplate))
                {
                    _ = template.Server; // starts the shop: migrations and seed run
                    ForgetKeys(template);
                }

                NpgsqlConnection.ClearAllPools(); // a template can't be cloned while anyone is connected to it
                return PostgresTemplate;
            }

            using var factory = new ShopFactory(fromTemplate: false);
            _ = factory.Server;
            ForgetKeys(factory);
            using (var db = factory.OpenDatabase())
            {
                db.Database.ExecuteSqlRaw("PRAGMA wal_checkpoint(TRUNCATE);");
            }

            // Checkpointed and idle, the file alone holds the whole database.
            var path = System.IO.Path.Combine(Directory.CreateTempSubdirectory("checkout-template-").FullName, "checkout.db");
            File.Copy(factory.DatabasePath, path);
            return path;
        }

        /// <summary>
        /// The data-protection key the template shop made as it started: each test's shop makes its own, as a new
        /// installation does, and with its own settings (a certificate that encrypts it).
        /// </summary>
        private static void ForgetKeys(ShopFactory template)
        {
            using var db = template.OpenDatabase();
            db.DataProtectionKeys.ExecuteDelete();
        }
    }
}
