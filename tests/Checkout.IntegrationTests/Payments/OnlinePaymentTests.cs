using System.Net;
using Checkout.Testing.Payments;
using Checkout.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Checkout.IntegrationTests.Payments;

/// <summary>
/// Paying online over real HTTP against the sandbox, which notifies the shop's own endpoints: the order is placed awaiting
/// payment with what it holds, the hosted page takes the card, the notification confirms the order once.
/// </summary>
public sealed class OnlinePaymentTests : IDisposable
{
    private readonly SandboxShop _sandbox = SandboxShop.NotifyingTheShop();

    private ShopFactory Shop => _sandbox.Shop;

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public async Task A_cart_paid_online_with_a_test_card_becomes_a_paid_order_with_one_charge_under_the_gateways_transaction()
    {
        using var shopper = await OrderFlows.ShopperWithCartAsync(Shop, OrderFlows.CheapProduct, quantity: 1);
        var stockBefore = await StockAsync(OrderFlows.CheapProduct);

        var (number, link) = await OnlineCheckout.PlaceAsync(shopper);

        link.AbsolutePath.Should().StartWith("/sandbox/cloudpayments/");
        (await OrderFlows.StatusAsync(Shop, number)).Should().Be(OrderStatus.AwaitingPayment);
        (await OrderFlows.PageStatusAsync(shopper, $"/orders/{number}")).Status.Should().Be("awaiting_payment");
        (await StockAsync(OrderFlows.CheapProduct)).Should().Be(stockBefore - 1, "the order holds its unit while it waits");
        (await CartLinesAsync()).Should().Be(0, "the cart is emptied when the order is placed");
        (await OnlineCheckout.LedgerAsync(Shop, number)).Should().BeEmpty("nothing is paid yet");
        await Ledger.AssertReplaysAsync(Shop);

        await _sandbox.PayAsync(link, SandboxShop.PaidCard);
        await OnlineCheckout.WaitUntilPaidAsync(Shop, number);

        (await OrderFlows.StatusAsync(Shop, number)).Should().Be(OrderStatus.Pending);
        var charge = (await OnlineCheckout.LedgerAsync(Shop, number)).Should().ContainSingle().Subject;
        (charge.Kind, charge.AmountTiyn).Should().Be(("charge", OrderFlows.CheapTotal.Tiyn));
        charge.Transaction.Should().NotBeNullOrEmpty();
        var status = await _sandbox.Gateway.GetStatusAsync(number, CancellationToken.None);
        status.Value!.TransactionId.Should().Be(charge.Transaction, "the ledger's charge is the gateway's transaction");
        (await OnlineCheckout.AttemptsAsync(Shop, number)).Should().Equal("created", "notified", "paid");

        var back = await shopper.GetPageAsync($"/payment/return/{number}");
        back.QuerySelector("#payment-return")!.GetAttribute("data-payment-state").Should().Be("paid");
        back.QuerySelector("#payment-return")!.TextContent.Should().Contain("Төлем өтті");
        (await OnlineCheckout.LedgerAsync(Shop, number)).Should().ContainSingle("the return page after the notification charges nothing more");
        await Ledger.AssertReplaysAsync(Shop);
    }

    [Fact]
    public async Task The_payment_pages_form_places_the_order_and_sends_the_browser_to_the_hosted_page_with_303()
    {
        using var shopper = await OrderFlows.ShopperWithCartAsync(Shop, OrderFlows.CheapProduct, quantity: 1);
        var page = await shopper.GetPageAsync("/payment");
        page.QuerySelector("#online-form input[name=payment_method]")!.GetAttribute("value").Should().Be("online");
        page.QuerySelector("#online-form")!.TextContent.Should().Contain("Банк картасымен онлайн");

        using var answer = await shopper.PostFormAsync("/process_payment",
            new Dictionary<string, string> { ["payment_method"] = "online", ["expected_total"] = OrderFlows.CheapTotal.WholeTenge.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        answer.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        answer.Headers.Location!.AbsolutePath.Should().StartWith("/sandbox/cloudpayments/");
        var hosted = await shopper.GetPageAsync(answer.Headers.Location.PathAndQuery);
        hosted.QuerySelector("input[autocomplete=cc-number]").Should().NotBeNull("the hosted card form");

        // A browser checks a form post's redirect against the page's form-action: the gateway's origin must be in it
        // (the real one is never the shop's), and the hosted page's must let its post lead back to the shop.
        using var paymentPage = await shopper.Http.GetAsync(new Uri("/payment", UriKind.Relative));
        FormTargets(paymentPage).Should().Contain(["'self'", answer.Headers.Location.GetLeftPart(UriPartial.Authority)]);
        using var hostedPage = await shopper.Http.GetAsync(new Uri(answer.Headers.Location.PathAndQuery, UriKind.Relative));
        FormTargets(hostedPage).Should().Contain(["'self'", shopper.Http.BaseAddress!.GetLeftPart(UriPartial.Authority)]);
    }

    /// <summary>The sources of the response's <c>form-action</c> directive.</summary>
    private static string[] FormTargets(HttpResponseMessage page) =>
        page.Headers.GetValues("Content-Security-Policy").Single().Split(';', StringSplitOptions.TrimEntries)
            .Single(d => d.StartsWith("form-action ", StringComparison.Ordinal)).Split(' ')[1..];

    [Fact]
    public async Task A_declined_card_shows_declined_with_a_retry_that_opens_a_new_payment_and_the_second_card_pays_once()
    {
        using var shopper = await OrderFlows.ShopperWithCartAsync(Shop, OrderFlows.CheapProduct, quantity: 1);
        var (number, link) = await OnlineCheckout.PlaceAsync(shopper);

        using (var declined = await _sandbox.PayOnHostedPageAsync(link, SandboxShop.DeclinedCard))
        {
            declined.StatusCode.Should().Be(HttpStatusCode.Redirect);
            declined.Headers.Location!.AbsolutePath.Should().Be($"/payment/return/{number}");
        }

        var back = await shopper.GetPageAsync($"/payment/return/{number}");
        back.QuerySelector("#payment-return")!.GetAttribute("data-payment-state").Should().Be("declined");
        back.QuerySelector("#payment-return")!.TextContent.Should().Contain("Қайталап көріңіз немесе басқа тәсілді таңдаңыз");
        (await OrderFlows.StatusAsync(Shop, number)).Should().Be(OrderStatus.AwaitingPayment, "a decline leaves the window open");

        using var retry = await shopper.PostFormAsync($"/payment/retry/{number}", new Dictionary<string, string>());
        retry.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        await _sandbox.PayAsync(retry.Headers.Location!, SandboxShop.PaidCard);
        await OnlineCheckout.WaitUntilPaidAsync(Shop, number);

        (await OnlineCheckout.LedgerAsync(Shop, number)).Should().ContainSingle().Which.Kind.Should().Be("charge");
        (await OnlineCheckout.AttemptsAsync(Shop, number)).Should().Contain("declined").And.Contain("paid").And.ContainSingle(k => k == "paid");
        await Ledger.AssertReplaysAsync(Shop);
    }

    [Fact]
    public async Task Before_the_bank_has_answered_the_return_page_says_waiting_with_a_refresh_and_so_it_does_while_the_gateway_is_down()
    {
        using var shopper = await OrderFlows.ShopperWithCartAsync(Shop, OrderFlows.CheapProduct, quantity: 1);
        var (number, _) = await OnlineCheckout.PlaceAsync(shopper); // the hosted page is open, nothing paid on it yet

        var waiting = (await shopper.GetPageAsync($"/payment/return/{number}")).QuerySelector("#payment-return")!;
        _sandbox.Outage.Down = true;
        var down = (await shopper.GetPageAsync($"/payment/return/{number}")).QuerySelector("#payment-return")!;

        foreach (var page in new[] { waiting, down })
        {
            page.GetAttribute("data-payment-state").Should().Be("waiting");
            page.TextContent.Should().Contain("Банктің жауабын күтудеміз").And.Contain("Банк төлемді әлі растамады");
            page.QuerySelector("#refresh-link")!.GetAttribute("href").Should().Be($"/payment/return/{number}");
            page.QuerySelector("#retry-form").Should().BeNull("nothing was declined");
        }

        _sandbox.Outage.Refused.Should().BeGreaterThan(0, "the return page asked the gateway, which was down");
        (await OrderFlows.StatusAsync(Shop, number)).Should().Be(OrderStatus.AwaitingPayment);
        (await OnlineCheckout.LedgerAsync(Shop, number)).Should().BeEmpty();
    }

    [Fact]
    public async Task With_the_gateway_down_the_order_is_refused_with_503_and_a_clear_message_nothing_held_nothing_charged_cart_intact()
    {
        using var shopper = await OrderFlows.ShopperWithCartAsync(Shop, OrderFlows.CheapProduct, quantity: 1);
        var stockBefore = await StockAsync(OrderFlows.CheapProduct);
        await using var db = Shop.OpenDatabase();
        var ordersBefore = await db.Orders.CountAsync();
        _sandbox.Outage.Down = true;

        var response = await shopper.PayAsync(new { payment_method = "online" });

        var answer = await Shopper.ReadAnswerAsync(response);
        answer.Status.Should().Be(HttpStatusCode.ServiceUnavailable);
        answer.Message.Should().Be("Онлайн төлем қазір қолжетімсіз. Ештеңе есептен шығарылмады, себет сақталды — кейінірек қайталаңыз немесе басқа тәсілді таңдаңыз.");
        _sandbox.Outage.Refused.Should().BeGreaterThan(0, "the gateway was asked");
        (await db.Orders.CountAsync()).Should().Be(ordersBefore);
        (await StockAsync(OrderFlows.CheapProduct)).Should().Be(stockBefore);
        (await CartLinesAsync()).Should().Be(1, "the cart is as it was");

        _sandbox.Outage.Down = false;
        var (number, _) = await OnlineCheckout.PlaceAsync(shopper);
        (await OrderFlows.StatusAsync(Shop, number)).Should().Be(OrderStatus.AwaitingPayment, "back up, the same cart goes through");
        await Ledger.AssertReplaysAsync(Shop);
    }

    [Fact]
    public async Task Verify_names_an_online_charge_that_no_confirmed_gateway_transaction_backs_and_the_payment_left_without_its_charge()
    {
        using var shopper = await OrderFlows.ShopperWithCartAsync(Shop, OrderFlows.CheapProduct, quantity: 1);
        var (number, link) = await OnlineCheckout.PlaceAsync(shopper);
        await _sandbox.PayAsync(link, SandboxShop.PaidCard);
        await OnlineCheckout.WaitUntilPaidAsync(Shop, number);
        var transaction = (await OnlineCheckout.LedgerAsync(Shop, number)).Single().Transaction;
        await Shop.WaitForOutboxAsync();
        (await VerifyAsync()).Exit.Should().Be(0, "the honest books hold");
        await using (var db = Shop.OpenDatabase())
        {
            await db.LedgerEntries.Where(e => e.GatewayTransactionId == transaction).ExecuteUpdateAsync(s => s.SetProperty(e => e.GatewayTransactionId, "forged-1"));
        }

        var (exit, output) = await VerifyAsync();

        exit.Should().Be(1, output);
        output.Should().Contain("[BROKEN] online payments")
            .And.Contain($"order {number}: charge").And.Contain("under transaction forged-1, which the order's attempts report paid 0 times")
            .And.Contain($"order {number}: transaction {transaction} was confirmed paid, but no charge of the order carries it");
    }

    private async Task<(int Exit, string Output)> VerifyAsync()
    {
        await using var output = new StringWriter();
        var exit = await Web.Operations.VerifyCommand.RunAsync(Shop.Services, [], output);
        return (exit, output.ToString());
    }

    private async Task<int> StockAsync(int productId)
    {
        await using var db = Shop.OpenDatabase();
        return await db.Products.Where(p => p.Id == productId).Select(p => p.Stock).SingleAsync();
    }

    private async Task<int> CartLinesAsync()
    {
        await using var db = Shop.OpenDatabase();
        var demo = await db.Users.Where(u => u.Email == Shopper.DemoEmail).Select(u => u.Id).SingleAsync();
        return await db.CartLines.CountAsync(l => db.Carts.Any(c => c.Id == l.CartId && c.UserId == demo));
    }
}
