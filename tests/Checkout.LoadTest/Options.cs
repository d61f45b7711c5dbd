using System.Globalization;
using System.Net;

namespace Checkout.LoadTest;

internal enum Scenario
{
    Pay,
    Cart,
    Both,
}

/// <summary>The command line. Only a shop on this machine may be loaded: the URL and a PostgreSQL host must be loopback.</summary>
internal sealed record Options(
    Uri Url,
    int Shoppers,
    TimeSpan Duration,
    TimeSpan Warmup,
    Scenario Scenario,
    string Provider,
    string Connection,
    int? ProductId,
    bool Spread,
    string? SummaryFile,
    int? ShopPid,
    TimeSpan? RawReference,
    bool BenchDatabase,
    bool Online,
    string? SandboxState)
{
    /// <summary>The scratch database <c>--bench-database</c> drops and creates; no other is ever dropped.</summary>
    public const string BenchDatabaseName = "checkout_bench";

    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    public const string Usage = """
        usage: dotnet run -c Release --project tests/Checkout.LoadTest -- [options]
          --url <url>            the shop, loopback only            (default http://127.0.0.1:5080)
          --shoppers <n>         virtual shoppers load1..loadN      (default 16; seed them: seed-shoppers N)
          --duration <time>      measured time per scenario         (default 10s; 500ms, 20s, 1m)
          --warmup <time>        unmeasured time before it          (default 2s)
          --scenario <s>         pay | cart | both                  (default both)
          --provider <p>         Sqlite | Postgres                  (default Sqlite)
          --connection <cs>      the shop's database, for the invariant checks
                                 (default Data Source=src/Checkout.Web/App_Data/checkout.db)
          --product-id <id>      the product to buy (default: the one seed-shoppers made, found by name)
          --spread               each shopper buys its own product: distinct demo products, restocked first
                                 (default: every shopper buys the one load product — a flash sale on one row)
          --shop-pid <pid>       the shop's process: its CPU ticks (/proc utime+stime) over the measured pay run
          --summary <file>       also write the figures there as name=value lines, for scripts (.ci/bench)
          --online               pay online: POST /process_payment {"payment_method":"online"}, then the card form on
                                 the gateway's hosted page (the shop's sandbox), then the return page; every tenth
                                 payment is declined (4000 0000 0000 0002) and paid again with 4242 4242 4242 4242.
                                 Afterwards waits for the sandbox's notifications, prints its counts and checks that
                                 every charge at the gateway is one charge in the shop's books and vice versa
          --sandbox-state <file> the sandbox's state file, for --online (default: sandbox/cloudpayments.db beside
                                 the SQLite database of --connection)
        other modes:
          --raw-reference <time> no shop: the rows of add+pay as prepared statements on one fresh SQLite file
                                 (WAL, synchronous=NORMAL, a transaction each), for that long; prints add+pay/s
          --bench-database       PostgreSQL: drop and recreate the scratch database checkout_bench on the server
                                 of --connection, print its connection string
        """;

    /// <summary>Options that take no value.</summary>
    private static readonly HashSet<string> Flags = new(StringComparer.OrdinalIgnoreCase) { "--spread", "--bench-database", "--online" };

    public static Options Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (Flags.Contains(name))
            {
                values[name[2..]] = "true";
                continue;
            }

            if (!name.StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException(name.StartsWith("--", StringComparison.Ordinal) ? $"{name} needs a value." : $"Unexpected argument '{name}'.");
            }

            values[name[2..]] = args[++i];
        }

        string Value(string name, string fallback) => values.Remove(name, out var value) ? value : fallback;

        var url = new Uri(Value("url", "http://127.0.0.1:5080"), UriKind.Absolute);
        var shoppers = PositiveInt("shoppers", Value("shoppers", "16"));
        var duration = Time("duration", Value("duration", "10s"));
        var warmup = Time("warmup", Value("warmup", "2s"));
        var scenario = Enum.TryParse<Scenario>(Value("scenario", "both"), ignoreCase: true, out var s) && Enum.IsDefined(s)
            ? s
            : throw new ArgumentException("--scenario must be pay, cart or both.");
        var provider = Value("provider", Sqlite) switch
        {
            var p when p.Equals(Sqlite, StringComparison.OrdinalIgnoreCase) => Sqlite,
            var p when p.Equals(Postgres, StringComparison.OrdinalIgnoreCase) => Postgres,
            var p => throw new ArgumentException($"--provider must be Sqlite or Postgres, got '{p}'."),
        };
        var connection = Value("connection", "Data Source=src/Checkout.Web/App_Data/checkout.db");
        int? productId = values.ContainsKey("product-id") ? PositiveInt("product-id", Value("product-id", "")) : null;
        var spread = values.Remove("spread");
        var summary = values.Remove("summary", out var file) ? file : null;
        int? shopPid = values.ContainsKey("shop-pid") ? PositiveInt("shop-pid", Value("shop-pid", "")) : null;
        TimeSpan? rawReference = values.ContainsKey("raw-reference") ? Time("raw-reference", Value("raw-reference", "")) : null;
        var benchDatabase = values.Remove("bench-database");
        var online = values.Remove("online");
        var sandboxState = values.Remove("sandbox-state", out var state) ? state : null;
        if (values.Count > 0)
        {
            throw new ArgumentException($"Unknown option --{values.Keys.First()}.");
        }

        if (url.Scheme is not ("http" or "https") || !IsLoopback(url.Host))
        {
            throw new ArgumentException($"--url must be http(s) on this machine (localhost, 127.0.0.1, [::1]); refusing {url}.");
        }

        if (duration <= TimeSpan.Zero || rawReference <= TimeSpan.Zero)
        {
            throw new ArgumentException("--duration and --raw-reference must be longer than zero.");
        }

        if (spread && productId is not null)
        {
            throw new ArgumentException("--spread picks the products itself: drop --product-id.");
        }

        if (online && sandboxState is null)
        {
            sandboxState = provider == Sqlite
                ? Path.Combine(Path.GetDirectoryName(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connection).DataSource) ?? ".", "sandbox", "cloudpayments.db")
                : throw new ArgumentException("--online on PostgreSQL needs --sandbox-state <the shop's data folder>/sandbox/cloudpayments.db.");
        }

        if (benchDatabase && provider != Postgres)
        {
            throw new ArgumentException("--bench-database is for --provider Postgres (a SQLite bench uses a fresh file).");
        }

        return new Options(url, shoppers, duration, warmup, scenario, provider, connection, productId, spread, summary, shopPid, rawReference, benchDatabase, online, sandboxState);
    }

    /// <summary>localhost or a loopback address; a host list (PostgreSQL) passes when every host does.</summary>
    public static bool IsLoopback(string host)
    {
        host = host.Trim().Trim('[', ']');
        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
    }

    private static int PositiveInt(string name, string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException($"--{name} must be a whole number above zero, got '{text}'.");

    /// <summary>"500ms", "20s", "1m" or plain seconds.</summary>
    private static TimeSpan Time(string name, string text)
    {
        var (number, unit) = text.EndsWith("ms", StringComparison.OrdinalIgnoreCase) ? (text[..^2], 0.001)
            : text.EndsWith('s') ? (text[..^1], 1.0)
            : text.EndsWith('m') ? (text[..^1], 60.0)
            : (text, 1.0);
        return double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0
            ? TimeSpan.FromSeconds(value * unit)
            : throw new ArgumentException($"--{name} must be a time such as 500ms, 20s or 1m, got '{text}'.");
    }
}
