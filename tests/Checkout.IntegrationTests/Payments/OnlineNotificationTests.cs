using System.Net;
using System.Text;
using Checkout.Testing.Payments;
using Checkout.Web.Domain;
using Checkout.Web.Features.Payments.Gateway;
using Checkout.Web.Workers;
using Microsoft.Extensions.DependencyInjection;

namespace Checkout.IntegrationTests.Payments;

/// <summary>
/// The shop's notification endpoints under what gateways really do: the sandbox's notifications are held (they go to the
/// recorder), and the test delivers them to the shop itself — three times, out of order, racing the shopper's return and
/// the sync job, tampered with, never at all. The order is paid exactly once, and verify holds.
/// </summary>
public sealed class OnlineNotificationTests : IDisposable
{
    private const string TestSecret = "sandbox-api-secret-of-the-tests"; // appsettings.Testing.json

    // The sync job asks about an order at once when the test runs it, and only then: its own timer is a day away.
    private readonly SandboxShop _sandbox = new(new Dictionary<string, string> { ["Payments:SyncAfter"] = "00:00:00", ["Payments:JobInterval"] = "1.00:00:00" });

    private ShopFactory Shop => _sandbox.Shop;

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public async Task The_same_Pay_three_times_at_once_and_a_Fail_after_it_pay_the_order_once_and_never_unpay_it()
    {
        using var shopper = await OrderFlows.ShopperWithCartAsync(Shop, OrderFlows.CheapProduct, quantity: 1);
        var (number, link) = await OnlineCheckout.PlaceAsync(shopper);
        await _sandbox.PayOnHostedPageAsync(link, SandboxShop.DeclinedCard);
        using var retry = await shopper.PostFormAsync($"/payment/retry/{number}", new Dictionary<string, string>());
        (await OrderFlows.StatusAsync(Shop, number)).Should().Be(OrderStatus.AwaitingPayment, "the shop has heard nothing yet");
        await _sandbox.PayAsync(retry.Headers.Location!, SandboxShop.PaidCard);
        var held = await _sandbox.Recorder.WaitForAsync(number, n => n.Any(x => x.Kind == NotificationKind.Pay) && n.Any(x => x.Kind == NotificationKind.Fail),
            "the Fail and the Pay");
        var pay = held.First(n => n.Kind == NotificationKind.Pay);
        var fail = held.First(n => n.Kind == NotificationKind.Fail);
        using var gateway = Shop.CreateShopper();

        var answers = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => DeliverAsync(gateway, pay)));
        var late = await DeliverAsync(gateway, fail);

        answers.Should().Equal([0, 0, 0], "each copy is accepted");
        late.Should().Be(0, "the Fail is recorded");
        (await OrderFlows.StatusAsync(Shop, number)).Should().Be(OrderStatus.Pending, "a Fail after the Pay does not unpay the order");
        (await OnlineCheckout.LedgerAsync(Shop, number)).Should().ContainSingle().Which.Transaction.Should().Be(pay["TransactionId"]);
        (await OnlineCheckout.AttemptsAsync(Shop, number)).Count(k => k == "paid").Should().Be(1);
        (await OnlineCheckout.AttemptsAsync(Shop, number)).Should().Contain("declined");
        await Ledger.AssertReplaysAsync(Shop);
    }

    [Fact]
    public async Task The_notification_the_shoppers_return_and_the_sync_job_racing_charge_once()
    {
        using var shopper = await OrderFlows.ShopperWithCartAsync(Shop, OrderFlows.CheapProduct, quantity: 1);
        var (number, link) = await OnlineCheckout.PlaceAsync(shopper);
        await _sandbox.PayAsync(link, SandboxShop.PaidCard);
        var pay = (await _sandbox.Recorder.WaitForAsync(number, n => n.Any(x => x.Kind == NotificationKind.Pay), "the Pay")).First(n => n.Kind == NotificationKind.Pay);
        using var gateway = Shop.CreateShopper();
        var worker = Shop.Services.GetRequiredService<ScheduledJobsWorker>();
        var sync = Shop.Services.GetServices<IScheduledJob>().OfType<PaymentStatusSync>().Single();

        var returnPage = shopper.GetPageAsync($"/payment/return/{number}");
        var notified = DeliverAsync(gateway, pay);
        var synced = worker.RunOnceAsync(sync, CancellationToken.None);
        await Task.WhenAll(returnPage, notified, synced);

        (await notified).Should().Be(0);
        (await returnPage).QuerySelector("#payment-return")!.GetAttribute("data-payment-state").Should().Be("paid");
        (await OrderFlows.StatusAsync(Shop, number)).Should().Be(OrderStatus.Pending);
        (await OnlineCheckout.LedgerAsync(Shop, number)).Should().ContainSingle().Which.Should().Be(("charge", OrderFlows.CheapTotal.Tiyn, pay["TransactionId"]));
        (await OnlineCheckout.AttemptsAsync(Shop, number)).Count(k => k == "paid").Should().Be(1);
        await Ledger.AssertReplaysAsync(Shop);
    }

    [Fact]
    public async Task A_lost_notification_is_found_by_the_sync_job_which_asks_the_gateway()
    {
        using var shopper = await OrderFlows.ShopperWithCartAsync(Shop, OrderFlows.CheapProduct, quantity: 1);
        var (number, link) = await OnlineCheckout.PlaceAsync(shopper);
        await _sandbox.PayAsync(link, SandboxShop.PaidCard); // its Pay goes to the recorder: lost, as far as the shop knows
        (await OrderFlows.StatusAsync(Shop, number)).Should().Be(OrderStatus.AwaitingPayment);
        var sync = Shop.Services.GetServices<IScheduledJob>().OfType<PaymentStatusSync>().Single();

        var found = await Shop.Services.GetRequiredService<ScheduledJobsWorker>().RunOnceAsync(sync, CancellationToken.None);

        found.Should().Be(1);
        (await OrderFlows.StatusAsync(Shop, number)).Should().Be(OrderStatus.Pending);
        var status = await _sandbox.Gateway.GetStatusAsync(number, CancellationToken.None);
        (await OnlineCheckout.LedgerAsync(Shop, number)).Should().ContainSingle().Which.Transaction.Should().Be(status.Value!.TransactionId);
        await Ledger.AssertReplaysAsync(Shop);
    }

    [Fact]
    public async Task A_notification_with_a_bad_signature_or_none_is_refused_with_401_and_changes_nothing()
    {
        using var shopper = await OrderFlows.ShopperWithCartAsync(Shop, OrderFlows.CheapProduct, quantity: 1);
        var (number, link) = await OnlineCheckout.PlaceAsync(shopper);
        await _sandbox.PayAsync(link, SandboxShop.PaidCard);
        var pay = (await _sandbox.Recorder.WaitForAsync(number, n => n.Any(x => x.Kind == NotificationKind.Pay), "the Pay")).First(n => n.Kind == NotificationKind.Pay);
        using var forger = Shop.CreateShopper();

        using var forged = await OnlineCheckout.NotifyAsync(forger, NotificationKind.Pay, pay.Body, CloudPaymentsSignature.Sign("another-merchants-secret", pay.Body));
        using var unsigned = await OnlineCheckout.NotifyAsync(forger, NotificationKind.Pay, pay.Body, signature: null);
        var tampered = Encoding.UTF8.GetBytes(pay.Text.Replace("InvoiceId=", "InvoiceId=X", StringComparison.Ordinal));
        using var altered = await OnlineCheckout.NotifyAsync(forger, NotificationKind.Pay, tampered, pay.Headers[CloudPaymentsSignature.Header]);

        forged.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        unsigned.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        altered.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await OrderFlows.StatusAsync(Shop, number)).Should().Be(OrderStatus.AwaitingPayment);
        (await OnlineCheckout.LedgerAsync(Shop, number)).Should().BeEmpty();
        (await OnlineCheckout.AttemptsAsync(Shop, number)).Should().Equal("created");
        await Poll.UntilAsync(async () =>
        {
            var log = await Shop.ReadLogAsync();
            return log.Contains("""Refused a "Pay" notification: "BadSignature" """, StringComparison.Ordinal)
                && log.Contains("""Refused a "Pay" notification: "Unsigned" """, StringComparison.Ordinal);
        }, "the refusals in the shop's log");
    }

    [Fact]
    public async Task A_Pay_for_another_amount_is_refused_with_code_12_and_recorded_for_the_admin_and_an_unknown_invoice_gets_10()
    {
        using var shopper = await OrderFlows.ShopperWithCartAsync(Shop, OrderFlows.CheapProduct, quantity: 1);
        var (number, link) = await OnlineCheckout.PlaceAsync(shopper);
        await _sandbox.PayAsync(link, SandboxShop.PaidCard);
        var pay = (await _sandbox.Recorder.WaitForAsync(number, n => n.Any(x => x.Kind == NotificationKind.Pay), "the Pay")).First(n => n.Kind == NotificationKind.Pay);
        using var gateway = Shop.CreateShopper();
        var amount = pay["Amount"]!;
        var cheaper = Encoding.UTF8.GetBytes(pay.Text.Replace($"Amount={Uri.EscapeDataString(amount)}", "Amount=1.00", StringComparison.Ordinal));
        var dollars = Encoding.UTF8.GetBytes(pay.Text.Replace("Currency=KZT", "Currency=USD", StringComparison.Ordinal));
        var elsewhere = Encoding.UTF8.GetBytes(pay.Text.Replace($"InvoiceId={number}", "InvoiceId=ORD-19990101-NOSUCH", StringComparison.Ordinal));

        var wrong = await DeliverAsync(gateway, NotificationKind.Pay, cheaper);
        var foreign = await DeliverAsync(gateway, NotificationKind.Pay, dollars);
        var unknown = await DeliverAsync(gateway, NotificationKind.Pay, elsewhere);

        cheaper.Should().NotEqual(pay.Body, "the amount was changed");
        dollars.Should().NotEqual(pay.Body, "the currency was changed");
        wrong.Should().Be(12);
        foreign.Should().Be(12, "the right sum in another currency is another amount");
        unknown.Should().Be(10);
        (await OrderFlows.StatusAsync(Shop, number)).Should().Be(OrderStatus.AwaitingPayment);
        (await OnlineCheckout.LedgerAsync(Shop, number)).Should().BeEmpty();
        (await OnlineCheckout.AttemptsAsync(Shop, number)).Should().Equal("created", "refused", "refused");
        await Ledger.AssertReplaysAsync(Shop);

        using var admin = await OrderFlows.AdminAsync(Shop);
        var refused = (await admin.GetPageAsync($"/admin/orders/{number}")).QuerySelectorAll("#payment-attempts tbody tr[data-attempt-kind=refused]");
        refused.Should().HaveCount(2, "the admin sees both refused notifications on the order");
        refused.Should().OnlyContain(r => r.TextContent.Contains("Бас тартылды") && r.TextContent.Contains("12") && r.GetAttribute("data-transaction") == pay["TransactionId"]);
    }

    [Fact]
    public async Task The_Check_before_a_charge_is_answered_0_for_the_orders_amount_12_for_another_10_for_no_such_order_and_13_once_it_is_paid()
    {
        using var shopper = await OrderFlows.ShopperWithCartAsync(Shop, OrderFlows.CheapProduct, quantity: 1);
        var (number, link) = await OnlineCheckout.PlaceAsync(shopper);
        await _sandbox.PayAsync(link, SandboxShop.PaidCard); // the recorder answered the sandbox's Check; the test answers it again as the shop
        var held = await _sandbox.Recorder.WaitForAsync(number, n => n.Any(x => x.Kind == NotificationKind.Pay), "the Check and the Pay");
        var check = held.First(n => n.Kind == NotificationKind.Check);
        var pay = held.First(n => n.Kind == NotificationKind.Pay);
        using var gateway = Shop.CreateShopper();
        var amount = $"Amount={Uri.EscapeDataString(check["Amount"]!)}";

        var open = await DeliverAsync(gateway, check);
        var cheaper = await DeliverAsync(gateway, NotificationKind.Check, Encoding.UTF8.GetBytes(check.Text.Replace(amount, "Amount=1.00", StringComparison.Ordinal)));
        var dollars = await DeliverAsync(gateway, NotificationKind.Check, Encoding.UTF8.GetBytes(check.Text.Replace("Currency=KZT", "Currency=USD", StringComparison.Ordinal)));
        var unknown = await DeliverAsync(gateway, NotificationKind.Check,
            Encoding.UTF8.GetBytes(check.Text.Replace($"InvoiceId={number}", "InvoiceId=ORD-19990101-NOSUCH", StringComparison.Ordinal)));
        (await OrderFlows.StatusAsync(Shop, number)).Should().Be(OrderStatus.AwaitingPayment, "a Check pays nothing");
        (await DeliverAsync(gateway, pay)).Should().Be(0);
        var afterPaid = await DeliverAsync(gateway, check);

        (open, cheaper, dollars, unknown, afterPaid).Should().Be((0, 12, 12, 10, 13));
        (await OrderFlows.StatusAsync(Shop, number)).Should().Be(OrderStatus.Pending);
        (await OnlineCheckout.LedgerAsync(Shop, number)).Should().ContainSingle();
        (await OnlineCheckout.AttemptsAsync(Shop, number)).Count(k => k == "refused").Should().Be(1, "the admin sees the refused Check, once for its transaction");
        await Ledger.AssertReplaysAsync(Shop);
    }

    private static Task<int> DeliverAsync(Shopper gateway, RecordedNotification held) => DeliverAsync(gateway, held.Kind, held.Body);

    /// <summary>Posts the body as the gateway does, signed with the merchant's secret; the shop's answer code.</summary>
    private static async Task<int> DeliverAsync(Shopper gateway, NotificationKind kind, byte[] body)
    {
        using var response = await OnlineCheckout.NotifyAsync(gateway, kind, body, CloudPaymentsSignature.Sign(TestSecret, body));
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, text);
        using var json = System.Text.Json.JsonDocument.Parse(text);
        return json.RootElement.GetProperty("code").GetInt32();
    }
}
