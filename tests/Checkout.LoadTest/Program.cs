using System.Globalization;
using Checkout.Web.Features.Payments.Sandbox;

namespace Checkout.LoadTest;

/// <summary>
/// Load generator for a running shop: N virtual shoppers pay in a loop (add to cart → pay) and/or load the cart page,
/// then the shop's database is checked for money and stock that don't add up. Exit code 0 when all holds, 1 when an
/// invariant breaks or no payment succeeded, 2 for a bad command line or a database it can't read.
/// </summary>
internal static class LoadTestProgram
{
    public static async Task<int> Main(string[] args)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        if (args is ["--help"] or ["-h"])
        {
            Console.WriteLine(Options.Usage);
            return 0;
        }

        Options options;
        Database database;
        try
        {
            options = Options.Parse(args);
            if (options.RawReference is { } rawTime)
            {
                return await RunRawReferenceAsync(options, rawTime);
            }

            if (options.BenchDatabase)
            {
                Console.WriteLine(await Database.RecreateBenchDatabaseAsync(options.Connection));
                return 0;
            }

            database = await Database.OpenAsync(options.Provider, options.Connection);
        }
        catch (Exception e) when (e is ArgumentException or UriFormatException or FormatException)
        {
            await Console.Error.WriteLineAsync(e.Message);
            await Console.Error.WriteLineAsync(Options.Usage);
            return 2;
        }

        await using (database)
        {
            var loadProductId = await database.FindLoadProductAsync();
            if ((options.ProductId ?? loadProductId) is not { } productId)
            {
                await Console.Error.WriteLineAsync("No load product in the database: run `dotnet run --project src/Checkout.Web -- seed-shoppers N` first, or pass --product-id.");
                return 2;
            }

            var products = options.Spread ? await database.SpreadProductsAsync(options.Shoppers, loadProductId) : [productId];
            if (products.Count == 0)
            {
                await Console.Error.WriteLineAsync("--spread: the catalogue has no products with an offer besides the load product (was the demo data seeded?).");
                return 2;
            }

            Console.WriteLine($"Load on {options.Url} ({options.Provider}): {options.Shoppers} shoppers, scenario {options.Scenario}, " +
                $"{options.Warmup.TotalSeconds}s warm-up + {options.Duration.TotalSeconds}s measured, " +
                (options.Spread ? $"each shopper its own product ({products.Count} products: {string.Join(", ", products)})." : $"product {productId}."));
            var shoppers = Enumerable.Range(1, options.Shoppers)
                .Select(k => new VirtualShopper(k, options.Url, products[(k - 1) % products.Count], options.Online)).ToList();
            try
            {
                return await RunAsync(options, database, shoppers, loadProductId) ? 0 : 1;
            }
            catch (Exception e) when (e is InvalidOperationException or HttpRequestException or TaskCanceledException)
            {
                await Console.Error.WriteLineAsync($"Setup failed: {e.Message}");
                return 1;
            }
            finally
            {
                shoppers.ForEach(s => s.Dispose());
            }
        }
    }

    private static async Task<bool> RunAsync(Options options, Database database, List<VirtualShopper> shoppers, int? loadProductId)
    {
        await Task.WhenAll(shoppers.Select(s => s.SignInAsync()));
        Console.WriteLine($"{shoppers.Count} shoppers signed in; load starts.");
        var ok = true;
        IReadOnlyList<string>? paidOrders = null;
        var summary = new Summary();

        if (options.Scenario is Scenario.Pay or Scenario.Both)
        {
            var run = new Run(options.Warmup, options.Duration);
            // The shop's CPU from the end of the warm-up to the last measured answer: what the measured payments cost.
            var cpuAtStart = options.ShopPid is { } pid ? Task.Delay(options.Warmup).ContinueWith(_ => ShopCpu.Ticks(pid), TaskScheduler.Default) : null;
            await Task.WhenAll(shoppers.Select(s => s.PayLoopAsync(run)));
            if (cpuAtStart is not null)
            {
                summary.Add("shop_cpu_ticks", ShopCpu.Ticks(options.ShopPid!.Value) - await cpuAtStart);
            }

            Print(options.Online ? "pay online (POST /cart/add → POST /process_payment → the hosted page → the return page)" : "pay (POST /cart/add → POST /process_payment)",
                options, run, Requests.Pay, options.Online ? "orders placed/s" : "payments/s", summary);
            paidOrders = [.. shoppers.SelectMany(s => s.PaidOrders)];
            if (options.Online)
            {
                ok &= await SettleOnlineAsync(new GatewayBooks(options.Url, options.SandboxState!), database, summary);
            }

            // A rate the shop's background work can't keep up with is no sustained rate: show what the outbox still owes.
            var undelivered = await database.UndeliveredAsync();
            summary.Add("outbox_undelivered", undelivered);
            Console.WriteLine($"  outbox: {undelivered} events not yet delivered at the end (2 per payment)");
            if (run.Succeeded(Requests.Pay) == 0)
            {
                Console.WriteLine("  BROKEN: no payment succeeded.");
                ok = false;
            }
        }

        if (options.Scenario is Scenario.Cart or Scenario.Both)
        {
            if (options.Scenario is Scenario.Both)
            {
                await Task.WhenAll(shoppers.Select(s => s.PutInCartAsync())); // the pay run left most carts empty
            }

            var run = new Run(options.Warmup, options.Duration);
            await Task.WhenAll(shoppers.Select(s => s.CartLoopAsync(run)));
            Print("cart (GET /cart)", options, run, Requests.ViewCart, "GET /cart per s", summary);
            if (run.Succeeded(Requests.ViewCart) == 0)
            {
                Console.WriteLine("  BROKEN: no cart page was served.");
                ok = false;
            }
        }

        var books = await database.CheckInvariantsAsync(loadProductId, paidOrders);
        summary.Add("books", books ? "ok" : "BROKEN");
        if (options.SummaryFile is { } file)
        {
            await summary.WriteAsync(file);
        }

        return books && ok;
    }

    /// <summary>
    /// Waits (up to two minutes) until the sandbox has no notification left to send and every charge at the gateway is
    /// paid in the shop — through a notification, a return page or the status sync — then prints the sandbox's counts and
    /// compares the two books: each gateway charge is exactly one online charge in the shop, and the other way round.
    /// </summary>
    private static async Task<bool> SettleOnlineAsync(GatewayBooks gateway, Database database, Summary summary)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        SandboxCounts counts;
        IReadOnlyDictionary<string, string> charges;
        IReadOnlyDictionary<string, string> booked;
        while (true)
        {
            counts = await gateway.CountsAsync();
            charges = await gateway.ChargesAsync();
            booked = await database.OnlineChargesAsync();
            var settled = counts.Queued == 0 && charges.Keys.All(booked.ContainsKey) && await database.UndeliveredAsync() == 0;
            if (settled || DateTime.UtcNow > deadline)
            {
                break;
            }

            await Task.Delay(500);
        }

        Console.WriteLine($"  gateway: {GatewayBooks.Describe(counts)}");
        Console.WriteLine($"  gateway charges {charges.Count}, online charges in the shop's books {booked.Count}, orders paid online {booked.Values.Distinct().Count()}");
        foreach (var (name, value) in new (string, long)[]
        {
            ("notifications", counts.Notifications), ("notifications_duplicated", counts.Duplicated), ("notifications_dropped", counts.Dropped),
            ("notifications_delayed", counts.Delayed), ("notifications_reordered", counts.Reordered), ("notification_posts", counts.Attempts),
            ("gateway_charges", charges.Count), ("shop_online_charges", booked.Count), ("orders_paid_online", booked.Values.Distinct().Count()),
        })
        {
            summary.Add(name, value);
        }

        var unbooked = charges.Where(c => !booked.TryGetValue(c.Key, out var order) || order != c.Value).ToList();
        var unknown = booked.Keys.Where(id => !charges.ContainsKey(id)).ToList();
        unbooked.Take(20).ToList().ForEach(c => Console.WriteLine($"      gateway charge {c.Key} of {c.Value}: not that order's charge in the shop"));
        unknown.Take(20).ToList().ForEach(id => Console.WriteLine($"      shop charge with gateway transaction {id}: the gateway has no such charge"));
        var holds = unbooked.Count == 0 && unknown.Count == 0 && charges.Count > 0;
        Console.WriteLine($"  [{(holds ? "ok" : "BROKEN")}] every gateway charge is one online charge in the shop's books, and every online charge one at the gateway");
        return holds;
    }

    private static async Task<int> RunRawReferenceAsync(Options options, TimeSpan duration)
    {
        Console.WriteLine($"Raw reference: add+pay as prepared statements on one SQLite connection (WAL, synchronous=NORMAL), {duration.TotalSeconds}s.");
        var perSecond = RawReference.Run(duration);
        Console.WriteLine($"  add+pay/s: {perSecond:F0}");
        if (options.SummaryFile is { } file)
        {
            var summary = new Summary();
            summary.Add("raw_per_s", perSecond);
            await summary.WriteAsync(file);
        }

        return 0;
    }

    private static void Print(string scenario, Options options, Run run, string headline, string headlineName, Summary summary)
    {
        var seconds = run.Duration.TotalSeconds;
        Console.WriteLine();
        Console.WriteLine($"== {scenario}: {options.Shoppers} shoppers, {seconds}s measured ==");
        Console.WriteLine($"  {"request",-24}{"ok",8}{"per s",9}{"p50 ms",9}{"p90 ms",9}{"p99 ms",9}{"max ms",9}  errors by status");
        var results = run.Results();
        foreach (var (request, tally) in results)
        {
            var errors = tally.Failures.Count == 0 ? "none" : string.Join(", ", tally.Failures.Select(f => $"{f.Key}: {f.Value}"));
            Console.WriteLine($"  {request,-24}{tally.LatenciesMs.Count,8}{tally.LatenciesMs.Count / seconds,9:F1}" +
                $"{tally.Percentile(50),9:F1}{tally.Percentile(90),9:F1}{tally.Percentile(99),9:F1}{tally.Percentile(100),9:F1}  {errors}");
            summary.AddRequest(request, tally, seconds);
        }

        foreach (var (request, tally) in results)
        {
            foreach (var (status, body) in tally.FirstFailure)
            {
                var sample = body.ReplaceLineEndings(" ");
                Console.WriteLine($"  first {status} on {request}: {(sample.Length > 200 ? sample[..200] + "…" : sample)}");
            }
        }

        if (results.Any(r => r.Tally.Failures.Keys.Any(k => k.StartsWith("429", StringComparison.Ordinal))))
        {
            Console.WriteLine("  429: the shop's rate limits refused part of the load; start it with RateLimits__Enabled=false");
        }

        var succeeded = results.FirstOrDefault(r => r.Request == headline).Tally?.LatenciesMs.Count ?? 0;
        Console.WriteLine($"  {headlineName}: {succeeded / seconds:F1}");
    }
}
