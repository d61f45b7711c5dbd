using System.Net;
using Checkout.Testing.Payments;
using Checkout.Web.Domain;
using Checkout.Web.Features.Payments;
using Checkout.Web.Features.Payments.Gateway;
using Checkout.Web.Operations;
using Checkout.Web.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Checkout.IntegrationTests.Payments;

/// <summary>
/// Refunds of online payments: a shopper's cancel, an admin's cancel and an approved return send <c>payment.refund</c>
/// through the outbox to the gateway; the ledger's refund is written once, when the gateway confirms (its answer or its
/// Refund notification, whichever first). The gateway down: the outbox retries until it is back, or gives up into a dead letter.
/// </summary>
public sealed class OnlineRefundTests
{
    [Fact]
    public async Task A_shoppers_cancel_of_a_paid_online_order_is_refunded_at_the_gateway_and_in_the_ledger_once()
    {
        using var sandbox = SandboxShop.NotifyingTheShop();
        using var shopper = await OrderFlows.ShopperWithCartAsync(sandbox.Shop, OrderFlows.CheapProduct, quantity: 1);
        var number = await PaidOnlineAsync(sandbox, shopper);

        var cancel = await OrderFlows.CancelAsync(shopper, number);
        cancel.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await shopper.GetPageAsync(cancel.Headers.Location!.OriginalString)).QuerySelector(".alert-success")!.TextContent.Should()
            .Be("Тапсырыстан бас тартылды: ақша картаңызға қайтарылуда (банк растағанда тапсырыс бетінде көрінеді), тауар қоймаға оралды",
                "the gateway confirms the refund after the answer");
        await WaitForRefundAsync(sandbox.Shop, number);

        var ledger = await OnlineCheckout.LedgerAsync(sandbox.Shop, number);
        ledger.Select(e => (e.Kind, e.AmountTiyn)).Should().Equal(("charge", OrderFlows.CheapTotal.Tiyn), ("refund", -OrderFlows.CheapTotal.Tiyn));
        ledger[1].Transaction.Should().NotBeNullOrEmpty().And.NotBe(ledger[0].Transaction, "the refund is a gateway transaction of its own");
        (await sandbox.Gateway.GetStatusAsync(number, CancellationToken.None)).Value!.Refunded.Should().BeTrue("the gateway gave the money back");
        await Poll.UntilAsync(async () => (await OnlineCheckout.AttemptsAsync(sandbox.Shop, number)).Contains("refunded"), "the refunded attempt");
        await WaitForOutboxAsync(sandbox.Shop);
        (await OnlineCheckout.LedgerAsync(sandbox.Shop, number)).Count(e => e.Kind == "refund").Should().Be(1, "the API's answer and the Refund notification write it once");
        await Ledger.AssertReplaysAsync(sandbox.Shop);
    }

    [Fact]
    public async Task An_approved_return_and_an_admins_cancel_of_online_orders_are_refunded_too()
    {
        using var sandbox = SandboxShop.NotifyingTheShop();
        using var shopper = await OrderFlows.ShopperWithCartAsync(sandbox.Shop, OrderFlows.CheapProduct, quantity: 1);
        var returned = await PaidOnlineAsync(sandbox, shopper);
        using var admin = await OrderFlows.AdminAsync(sandbox.Shop);
        await OrderFlows.DriveToAsync(shopper, admin, returned, OrderStatus.Delivered);
        (await OrderFlows.RequestReturnAsync(shopper, returned)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await OrderFlows.ApproveAsync(admin, returned)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await shopper.AddToCartAsync(OrderFlows.CheapProduct, 1)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var cancelled = await PaidOnlineAsync(sandbox, shopper);
        (await OrderFlows.SetStatusAsync(admin, cancelled, OrderStatus.Cancelled)).StatusCode.Should().Be(HttpStatusCode.Redirect);

        await WaitForRefundAsync(sandbox.Shop, returned);
        await WaitForRefundAsync(sandbox.Shop, cancelled);

        (await OrderFlows.StatusAsync(sandbox.Shop, returned)).Should().Be(OrderStatus.Refunded);
        (await OrderFlows.StatusAsync(sandbox.Shop, cancelled)).Should().Be(OrderStatus.Cancelled);
        await WaitForOutboxAsync(sandbox.Shop);
        await Ledger.AssertReplaysAsync(sandbox.Shop);
    }

    [Fact]
    public async Task With_the_gateway_down_the_refund_is_retried_with_backoff_and_written_once_when_it_is_back()
    {
        using var sandbox = SandboxShop.NotifyingTheShop(new Dictionary<string, string> { ["Outbox:MaxAttempts"] = "1000" });
        using var shopper = await OrderFlows.ShopperWithCartAsync(sandbox.Shop, OrderFlows.CheapProduct, quantity: 1);
        var number = await PaidOnlineAsync(sandbox, shopper);
        sandbox.Outage.Down = true;

        (await OrderFlows.CancelAsync(shopper, number)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var refund = await sandbox.Shop.WaitForAsync(
            db => db.OutboxMessages.FirstOrDefaultAsync(m => m.Type == OutboxEvents.PaymentRefund && m.Subject == number && m.Attempts >= 3),
            "three attempts at the refund");

        refund.LastError.Should().Contain("did not refund").And.Contain("Unavailable");
        refund.ProcessedUtc.Should().BeNull();
        (await OnlineCheckout.LedgerAsync(sandbox.Shop, number)).Should().ContainSingle("no refund until the gateway confirms one");
        await Ledger.AssertReplaysAsync(sandbox.Shop); // the refund is under way: the books say so, they are not broken

        sandbox.Outage.Down = false;
        await WaitForRefundAsync(sandbox.Shop, number);
        await WaitForOutboxAsync(sandbox.Shop);

        (await OnlineCheckout.LedgerAsync(sandbox.Shop, number)).Select(e => e.Kind).Should().Equal("charge", "refund");
        await Ledger.AssertReplaysAsync(sandbox.Shop);
    }

    [Fact]
    public async Task A_refund_the_gateway_never_takes_becomes_a_dead_letter_the_admin_sees_and_verify_reports_the_money_kept()
    {
        using var sandbox = SandboxShop.NotifyingTheShop(new Dictionary<string, string> { ["Outbox:MaxAttempts"] = "2" });
        using var shopper = await OrderFlows.ShopperWithCartAsync(sandbox.Shop, OrderFlows.CheapProduct, quantity: 1);
        var number = await PaidOnlineAsync(sandbox, shopper);
        sandbox.Outage.Down = true;

        (await OrderFlows.CancelAsync(shopper, number)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        await sandbox.Shop.WaitForAsync(
            db => db.OutboxMessages.FirstOrDefaultAsync(m => m.Type == OutboxEvents.PaymentRefund && m.Subject == number && m.DeadLetteredUtc != null),
            "the refund given up");

        using var admin = await OrderFlows.AdminAsync(sandbox.Shop);
        (await admin.GetPageAsync("/admin/dead-letters")).Body!.TextContent.Should().Contain(number).And.Contain(OutboxEvents.PaymentRefund);
        await using var db = sandbox.Shop.OpenDatabase();
        var findings = await new LedgerCheck(db, [], null).RunAsync(CancellationToken.None);
        findings.SelectMany(f => f.Breaks).Should().Contain(b => b.Contains($"order {number} (online, cancelled)", StringComparison.Ordinal),
            "a cancelled order whose money was never given back is a break");
    }

    /// <summary>Places the cart's order online and pays it with the test card; returns its number once the shop has it paid.</summary>
    internal static async Task<string> PaidOnlineAsync(SandboxShop sandbox, Shopper shopper)
    {
        var (number, link) = await OnlineCheckout.PlaceAsync(shopper);
        await sandbox.PayAsync(link, SandboxShop.PaidCard);
        await OnlineCheckout.WaitUntilPaidAsync(sandbox.Shop, number);
        return number;
    }

    private static Task WaitForRefundAsync(ShopFactory shop, string number) => shop.WaitForAsync(
        db => db.LedgerEntries.FirstOrDefaultAsync(e => e.Kind == LedgerEntryKinds.Refund && db.Orders.Any(o => o.Id == e.OrderId && o.Number == number)),
        $"the refund of {number} in the ledger");

    private static Task WaitForOutboxAsync(ShopFactory shop) => Poll.UntilAsync(
        async () =>
        {
            await using var db = shop.OpenDatabase();
            return !await db.OutboxMessages.AnyAsync(m => m.ProcessedUtc == null && m.DeadLetteredUtc == null);
        },
        "the outbox delivered");
}
