using System.Net;
using Checkout.Testing.Payments;
using Checkout.Web.Data;
using Checkout.Web.Domain;
using Checkout.Web.Operations;
using Microsoft.EntityFrameworkCore;

namespace Checkout.IntegrationTests.Payments;

/// <summary>
/// kill -9 of a real shop process between the gateway's charge and its notification: the sandbox (hosted in that process,
/// its queue in its own file) charged the card and owes the shop a Pay it could not deliver yet; the shop is killed with
/// SIGKILL, started again on the same database and files, and the sandbox's retry completes the order exactly once.
/// </summary>
public sealed class OnlineCrashTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("checkout-online-crash-").FullName;

    private readonly string? _postgres = TestDatabase.IsPostgres ? $"checkout_crash_{Guid.NewGuid():N}" : null;

    public void Dispose()
    {
        if (_postgres is not null)
        {
            TestDatabase.ExecuteOnServer($"DROP DATABASE IF EXISTS \"{_postgres}\" WITH (FORCE)");
        }

        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
            // a file still held for a moment by the killed process's children: the temp folder is the OS's to clear
        }
    }

    private string ConnectionString => _postgres is { } name ? TestDatabase.PostgresDatabase(name) : $"Data Source={Path.Combine(_data, "checkout.db")}";

    [Fact]
    public async Task A_shop_killed_after_the_charge_before_the_notification_is_paid_exactly_once_after_its_restart()
    {
        if (_postgres is not null)
        {
            TestDatabase.ExecuteOnServer($"CREATE DATABASE \"{_postgres}\"");
        }

        using var shop = new ShopProcess(new Dictionary<string, string>
        {
            ["Shop__DataDirectory"] = _data,
            ["Database__Provider"] = TestDatabase.Provider,
            ["ConnectionStrings__Shop"] = ConnectionString,
            ["Payments__Sandbox__FirstRetryDelay"] = "00:00:00.500",
            ["Payments__Sandbox__MaxRetryDelay"] = "00:00:01",
        });
        shop["Payments__CloudPayments__BaseUrl"] = $"{shop.Address}sandbox/cloudpayments/";
        shop["Payments__Sandbox__NotifyUrl"] = "http://127.0.0.1:9/payments/cloudpayments/"; // nobody listens: the Pay waits in the queue
        shop["Payments__Sandbox__SendCheck"] = "false";
        await shop.StartAsync();
        using var shopper = shop.CreateShopper();
        await shopper.LoginAsync();
        (await shopper.AddToCartAsync(OrderFlows.CheapProduct, 1)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var (number, link) = await OnlineCheckout.PlaceAsync(shopper);
        var pay = await SandboxShop.OpenHostedFormAsync(shop.CreateShopper(), link, SandboxShop.PaidCard);
        using (var charged = await pay())
        {
            charged.StatusCode.Should().Be(HttpStatusCode.Redirect, "the gateway charged the card");
        }

        await Task.Delay(TimeSpan.FromSeconds(1)); // a failed delivery or two: the Pay is owed, in the sandbox's file
        (await StatusAsync(number)).Should().Be(OrderStatus.AwaitingPayment);

        shop.Kill();
        shop["Payments__Sandbox__NotifyUrl"] = $"{shop.Address}payments/cloudpayments/";
        await shop.StartAsync();

        await Poll.UntilAsync(async () => await StatusAsync(number) == OrderStatus.Pending, $"order {number} paid after the restart");
        await Task.Delay(TimeSpan.FromSeconds(2)); // any further copies the sandbox still had
        await using var db = ShopDatabase.Open(TestDatabase.Provider, ConnectionString);
        var charges = await db.LedgerEntries.Where(e => db.Orders.Any(o => o.Id == e.OrderId && o.Number == number)).ToListAsync();
        charges.Should().ContainSingle().Which.GatewayTransactionId.Should().NotBeNullOrEmpty();
        (await db.PaymentAttempts.CountAsync(a => a.InvoiceId == number && a.Kind == PaymentAttemptKinds.Paid)).Should().Be(1);
        var books = await new LedgerCheck(db, [], null).RunAsync(CancellationToken.None);
        books.SelectMany(f => f.Breaks).Should().BeEmpty();
    }

    private async Task<OrderStatus> StatusAsync(string number)
    {
        await using var db = ShopDatabase.Open(TestDatabase.Provider, ConnectionString);
        return await db.Orders.Where(o => o.Number == number).Select(o => o.Status).SingleAsync();
    }
}
