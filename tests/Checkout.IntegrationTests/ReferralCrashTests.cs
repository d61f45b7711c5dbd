using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Checkout.IntegrationTests.Referrals;
using Checkout.Web.Domain;
using Checkout.Web.Operations;
using Microsoft.EntityFrameworkCore;

namespace Checkout.IntegrationTests;

/// <summary>
/// The shop as a real process, killed with SIGKILL in the middle of a distribution (a test-only delay holds it inside its
/// transaction), then started again on the same database: every paid order ends with exactly one distribution, no share
/// twice and none missing, and the books replay.
/// </summary>
public sealed class ReferralCrashTests : IDisposable
{
    private const int Orders = 5;

    // This shop only places the orders: their order.paid wait for the real process.
    private readonly ShopFactory _shop = new() { TestDeliversOutbox = true };
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("checkout-crash-").FullName;

    public void Dispose()
    {
        _shop.Dispose();
        Directory.Delete(_dataDirectory, recursive: true);
    }

    [Fact]
    public async Task A_shop_killed_mid_distribution_and_restarted_pays_every_share_exactly_once()
    {
        var referrer = await ReferralPeople.JoinAsync(_shop, "referrer@referral.test", null);
        var buyer = await ReferralPeople.JoinAsync(_shop, "buyer@referral.test", referrer, canBuy: true);
        var (shopper, first) = await ReferralPeople.BuyAsync(_shop, buyer);
        var numbers = new List<string> { first };
        for (var i = 1; i < Orders; i++)
        {
            numbers.Add(await OrderFlows.PlaceAsync(shopper, await ReferralPeople.CardOfAsync(_shop, buyer)));
        }

        using (var slow = Start(testDelay: "00:00:01.500"))
        {
            await Poll.UntilAsync(async () => await DistributedAsync() >= 1 ? "one" : null, "the first distribution");
            await Task.Delay(TimeSpan.FromMilliseconds(700)); // inside the next one's delay
            slow.Kill(entireProcessTree: true); // SIGKILL: no shutdown, no flush
            await slow.WaitForExitAsync();
        }

        var beforeRestart = await DistributedAsync();
        beforeRestart.Should().BeInRange(1, Orders - 1, "killed part-way");

        using (var restarted = Start(testDelay: "00:00:00"))
        {
            await Poll.UntilAsync(async () => await DistributedAsync() == Orders ? "all" : null, "every order's distribution after the restart");
            await _shop.WaitForOutboxAsync();
            restarted.Kill(entireProcessTree: true);
            await restarted.WaitForExitAsync();
        }

        await using var db = _shop.OpenDatabase();
        foreach (var number in numbers)
        {
            (await db.ReferralDistributions.CountAsync(d => d.OrderNumber == number)).Should().Be(1);
            (await db.ReferralShares.Where(s => s.OrderNumber == number).SumAsync(s => s.Points)).Should().Be(2_999, number);
            (await db.PointsEntries.CountAsync(e => e.OrderNumber == number && e.UserId == referrer && e.Kind == PointsEntryKinds.ReferralEarned)).Should().Be(1);
        }

        (await ReferralPeople.PointsOfAsync(_shop, referrer)).Pending.Should().Be(Orders * 300, "slot A and the direct share of each order, once");
        (await ReferralPeople.AccountAsync(_shop, ReferralAccount.Shop)).Pending.Should().Be(Orders * 900);
        var books = await new LedgerCheck(db, orderCreatedHandlers: [], pickupDirectory: null).RunAsync(CancellationToken.None);
        books.SelectMany(f => f.Breaks).Should().BeEmpty();
    }

    private async Task<int> DistributedAsync()
    {
        await using var db = _shop.OpenDatabase();
        return await db.ReferralDistributions.CountAsync();
    }

    /// <summary>Starts the shop's own dll (not <c>dotnet run</c>, whose child would outlive the kill) on this test's database; waits for /health.</summary>
    private Process Start(string testDelay)
    {
        var project = Path.Combine(RepositoryRoot(), "src", "Checkout.Web");
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name; // …/bin/<Configuration>/net10.0
        var dll = Path.Combine(project, "bin", configuration, "net10.0", "Checkout.Web.dll");
        File.Exists(dll).Should().BeTrue($"the shop is built at {dll}");
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = project, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            ["Shop__DataDirectory"] = _dataDirectory,
            ["Database__Provider"] = TestDatabase.Provider,
            ["ConnectionStrings__Shop"] = _shop.ConnectionString,
            ["Seed__DemoData"] = "false",
            ["RateLimits__Enabled"] = "false",
            ["Outbox__PollInterval"] = "00:00:00.100",
            ["Outbox__BatchSize"] = "1", // one distribution per commit, so some are in before the kill
            ["Outbox__Lease"] = "00:00:01", // the killed worker's claim is taken over soon after the restart
            ["Referral__TestDelay"] = testDelay,
            ["Serilog__MinimumLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            try
            {
                if (http.GetAsync("/health").GetAwaiter().GetResult().StatusCode == HttpStatusCode.OK)
                {
                    return process;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                process.Kill(entireProcessTree: true);
                throw new InvalidOperationException($"The shop did not start (exit {(process.HasExited ? process.ExitCode : -1)}).");
            }

            Thread.Sleep(200);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Checkout.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Checkout.sln not found above the tests.");
    }
}
