using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using AngleSharp.Html.Dom;
using Checkout.Testing.Payments;
using Checkout.Web.Domain;
using Checkout.Web.Features.Payments.Gateway;

namespace Checkout.IntegrationTests.Payments;

/// <summary>
/// The CloudPayments adapter against the shop's sandbox over HTTP: an invoice is opened, paid with each test card on the
/// hosted page by a plain form post, and the signed notifications that reach the shop carry the invoice's exact amount;
/// then its status, refunds and a saved card's charge.
/// </summary>
public sealed class CloudPaymentsGatewayTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private const string Secret = "sandbox-api-secret-of-the-tests"; // appsettings.Testing.json

    private readonly SandboxShop _sandbox = fixture.Sandbox;

    private static string NewInvoice() => $"INV-{Guid.NewGuid():N}"[..20];

    [Fact]
    public async Task The_hosted_page_is_a_card_form_that_works_without_script()
    {
        var link = await _sandbox.CreatePaymentAsync(NewInvoice(), Money.FromTenge(1_853_480));

        var page = await _sandbox.Shop.CreateShopper().GetPageAsync(link.PaymentUrl.PathAndQuery);

        page.QuerySelectorAll("script").Should().BeEmpty("the page must work with JavaScript off");
        var form = page.QuerySelector("form[method=post]").Should().BeAssignableTo<IHtmlFormElement>().Subject;
        form.QuerySelector("input[autocomplete=cc-number]").Should().NotBeNull();
        form.QuerySelector("input[autocomplete=cc-exp]").Should().NotBeNull();
        form.QuerySelector("input[autocomplete=cc-csc]").Should().NotBeNull();
        form.QuerySelector("input[autocomplete=cc-name]").Should().NotBeNull();
        form.QuerySelector("input[name=__RequestVerificationToken]").Should().NotBeNull();
        page.QuerySelector("[data-amount-tiyn]")!.TextContent.Should().Be("1 853 480 ₸");
        page.Body!.TextContent.Should().Contain("4242 4242 4242 4242").And.Contain("Сынақ карталары");
        page.QuerySelector("input[name=SaveCard]").Should().BeNull("the shop didn't offer to save the card");
    }

    [Fact]
    public async Task Paying_with_the_success_card_sends_a_signed_Check_then_a_Pay_with_the_invoices_amount_and_returns_the_shopper()
    {
        var invoice = NewInvoice();
        var link = await _sandbox.CreatePaymentAsync(invoice, Money.FromTenge(1_853_480));

        using var answer = await _sandbox.PayOnHostedPageAsync(link.PaymentUrl, SandboxShop.PaidCard);

        answer.StatusCode.Should().Be(HttpStatusCode.Redirect);
        answer.Headers.Location.Should().Be(SandboxShop.ReturnUrl(invoice));
        var arrived = await _sandbox.Recorder.WaitForAsync(invoice, n => n.Any(x => x.Kind == NotificationKind.Pay), "the Pay notification");
        arrived.Select(n => n.Kind).Should().Equal(NotificationKind.Check, NotificationKind.Pay);
        var pay = arrived[1];
        pay.Text.Should().Contain("Amount=1853480.00").And.Contain("Currency=KZT");
        pay.Headers["Content-HMAC"].ToString().Should().Be(Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), pay.Body)),
            "the signature is Base64(HMAC-SHA256(raw body, API secret))");

        var check = _sandbox.Gateway.VerifyNotification(NotificationKind.Pay, pay.Body, pay.Headers);

        check.Refusal.Should().BeNull();
        var notification = check.Notification!;
        notification.Kind.Should().Be(NotificationKind.Pay);
        notification.InvoiceId.Should().Be(invoice);
        notification.Amount.Should().Be(Money.FromTenge(1_853_480));
        notification.Currency.Should().Be("KZT");
        notification.Status.Should().Be("Completed");
        notification.TransactionId.Should().Be(arrived[0]["TransactionId"], "Check names the transaction Pay then completes");
        notification.CardMask.Should().Be("Visa •••• 4242");
        notification.Token.Should().BeNull("the card wasn't saved");
        notification.TestMode.Should().BeTrue();
    }

    [Theory]
    [InlineData(SandboxShop.DeclinedCard, 5005)]
    [InlineData(SandboxShop.InsufficientFundsCard, 5051)]
    public async Task A_declined_card_sends_Fail_with_the_banks_reason_and_the_status_says_declined(string card, int reasonCode)
    {
        var invoice = NewInvoice();
        var link = await _sandbox.CreatePaymentAsync(invoice, Money.FromTenge(925_990));

        using var answer = await _sandbox.PayOnHostedPageAsync(link.PaymentUrl, card);

        answer.StatusCode.Should().Be(HttpStatusCode.Redirect);
        answer.Headers.Location.Should().Be(SandboxShop.ReturnUrl(invoice), "the shop's return page tells the shopper and offers to try again");
        var arrived = await _sandbox.Recorder.WaitForAsync(invoice, n => n.Any(x => x.Kind == NotificationKind.Fail), "the Fail notification");
        arrived.Select(n => n.Kind).Should().Equal(NotificationKind.Check, NotificationKind.Fail);
        var fail = _sandbox.Gateway.VerifyNotification(NotificationKind.Fail, arrived[1].Body, arrived[1].Headers).Notification!;
        fail.ReasonCode.Should().Be(reasonCode);
        fail.Amount.Should().Be(Money.FromTenge(925_990));
        fail.Status.Should().Be("Declined");

        var status = await _sandbox.Gateway.GetStatusAsync(invoice, CancellationToken.None);

        status.Value!.State.Should().Be(GatewayPaymentState.Declined);
        status.Value.ReasonCode.Should().Be(reasonCode);
        status.Value.TransactionId.Should().Be(fail.TransactionId);
    }

    [Theory]
    [InlineData("1234 5678 9012 3456", "12/30", "123", "Карта нөмірі қате")]
    [InlineData("5555 5555 5555 4444", "12/30", "123", "Сынақ картасын енгізіңіз")]
    [InlineData(SandboxShop.PaidCard, "13/30", "123", "Жарамдылық мерзімін АА/ЖЖ түрінде енгізіңіз")]
    [InlineData(SandboxShop.PaidCard, "01/20", "123", "Картаның мерзімі өтіп кеткен")]
    [InlineData(SandboxShop.PaidCard, "12/30", "12", "CVC коды 3 немесе 4 цифрдан тұрады")]
    public async Task Bad_card_input_shows_the_form_again_with_the_reason_and_charges_nothing(string card, string expiry, string cvc, string reason)
    {
        var invoice = NewInvoice();
        var link = await _sandbox.CreatePaymentAsync(invoice, Money.FromTenge(1_500));

        using var answer = await _sandbox.PayOnHostedPageAsync(link.PaymentUrl, card, expiry: expiry, cvc: cvc);

        answer.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var page = await Shopper.ParseAsync(answer);
        page.QuerySelectorAll("[role=alert]").Select(a => a.TextContent).Should().ContainSingle().Which.Should().StartWith(reason);
        page.QuerySelector("input[name=CardCvc]")!.GetAttribute("value").Should().BeNullOrEmpty("the CVC is never written back");
        (await _sandbox.Gateway.GetStatusAsync(invoice, CancellationToken.None)).Value!.State.Should().Be(GatewayPaymentState.NotFound);
        _sandbox.Recorder.Of(invoice).Should().BeEmpty();
    }

    [Fact]
    public async Task Two_presses_of_the_pay_button_at_once_charge_the_invoice_once()
    {
        var invoice = NewInvoice();
        var link = await _sandbox.CreatePaymentAsync(invoice, Money.FromTenge(934_990));

        var first = await _sandbox.OpenHostedFormAsync(link.PaymentUrl, SandboxShop.PaidCard);
        var second = await _sandbox.OpenHostedFormAsync(link.PaymentUrl, SandboxShop.PaidCard);
        var answers = await Task.WhenAll(first(), second());
        using var again = await first(); // the first tab posts its form once more (Back, then «Төлеу» again)

        answers.Concat([again]).Should().OnlyContain(a => a.StatusCode == HttpStatusCode.Redirect && a.Headers.Location == SandboxShop.ReturnUrl(invoice));
        await _sandbox.Recorder.WaitForAsync(invoice, n => n.Any(x => x.Kind == NotificationKind.Pay), "the Pay notification");
        await _sandbox.Notifier.DeliverDueAsync(CancellationToken.None);
        _sandbox.Recorder.Of(invoice).Count(n => n.Kind == NotificationKind.Pay).Should().Be(1);
        var page = await _sandbox.Shop.CreateShopper().GetPageAsync(link.PaymentUrl.PathAndQuery);
        page.QuerySelector("[data-paid]")!.TextContent.Should().Be("Бұл шот төленіп қойған");
        page.QuerySelector("form").Should().BeNull();
    }

    [Fact]
    public async Task The_status_is_not_found_before_paying_and_paid_with_the_transaction_and_amount_after()
    {
        var invoice = NewInvoice();
        var link = await _sandbox.CreatePaymentAsync(invoice, new Money(25_565_241));

        var before = await _sandbox.Gateway.GetStatusAsync(invoice, CancellationToken.None);
        await _sandbox.PayAsync(link.PaymentUrl, SandboxShop.PaidCard);
        var after = await _sandbox.Gateway.GetStatusAsync(invoice, CancellationToken.None);

        before.Value.Should().Be(GatewayPayment.NotFound);
        var pay = (await _sandbox.Recorder.WaitForAsync(invoice, n => n.Any(x => x.Kind == NotificationKind.Pay), "the Pay notification")).Last();
        after.Value!.State.Should().Be(GatewayPaymentState.Paid);
        after.Value.TransactionId.Should().Be(pay["TransactionId"]);
        after.Value.Amount.Should().Be(new Money(25_565_241));
        after.Value.Currency.Should().Be("KZT");
        after.Value.InvoiceId.Should().Be(invoice);
        after.Value.Refunded.Should().BeFalse();
    }

    [Fact]
    public async Task A_refund_gives_back_part_then_the_rest_never_more_and_a_repeated_request_refunds_nothing_again()
    {
        var invoice = NewInvoice();
        var link = await _sandbox.CreatePaymentAsync(invoice, new Money(25_565_241));
        await _sandbox.PayAsync(link.PaymentUrl, SandboxShop.PaidCard);
        var paid = (await _sandbox.Gateway.GetStatusAsync(invoice, CancellationToken.None)).Value!;

        var part = await _sandbox.Gateway.RefundAsync(paid.TransactionId!, Money.FromTenge(100_000), "refund-1", CancellationToken.None);
        var repeated = await _sandbox.Gateway.RefundAsync(paid.TransactionId!, Money.FromTenge(100_000), "refund-1", CancellationToken.None);
        var tooMuch = await _sandbox.Gateway.RefundAsync(paid.TransactionId!, new Money(15_565_242), "refund-2", CancellationToken.None);
        var rest = await _sandbox.Gateway.RefundAsync(paid.TransactionId!, new Money(15_565_241), "refund-3", CancellationToken.None);
        var unknown = await _sandbox.Gateway.RefundAsync("999999999", Money.FromTenge(1), null, CancellationToken.None);

        part.Failure.Should().BeNull();
        repeated.Value.Should().Be(part.Value, "the same X-Request-ID gets the first answer");
        tooMuch.Failure.Should().Be(GatewayFailure.Refused);
        tooMuch.Message.Should().Be("Сынақ шлюзі: қайтарылатын сома төлемнің қалған бөлігінен асады");
        rest.Failure.Should().BeNull();
        unknown.Failure.Should().Be(GatewayFailure.Refused);
        var refunds = await _sandbox.Recorder.WaitForAsync(invoice, n => n.Count(x => x.Kind == NotificationKind.Refund) == 2, "two Refund notifications");
        await _sandbox.Notifier.DeliverDueAsync(CancellationToken.None);
        var notes = _sandbox.Recorder.Of(invoice).Where(n => n.Kind == NotificationKind.Refund)
            .Select(n => _sandbox.Gateway.VerifyNotification(NotificationKind.Refund, n.Body, n.Headers).Notification!).ToList();
        notes.Select(n => n.Amount).Should().Equal(Money.FromTenge(100_000), new Money(15_565_241));
        notes.Select(n => n.TransactionId).Should().Equal(part.Value!.RefundTransactionId, rest.Value!.RefundTransactionId);
        notes.Should().OnlyContain(n => n.PaymentTransactionId == paid.TransactionId);
        refunds.Should().HaveCount(4); // Check, Pay and the two refunds
        (await _sandbox.Gateway.GetStatusAsync(invoice, CancellationToken.None)).Value!.Refunded.Should().BeTrue();
    }

    [Fact]
    public async Task A_saved_card_is_charged_by_its_token_for_its_account_only_and_a_repeated_charge_charges_once()
    {
        var invoice = NewInvoice();
        var link = await _sandbox.CreatePaymentAsync(invoice, Money.FromTenge(1_500), saveCard: true, accountId: "shopper-7");
        var page = await _sandbox.Shop.CreateShopper().GetPageAsync(link.PaymentUrl.PathAndQuery);
        page.QuerySelector("input[name=SaveCard]")!.HasAttribute("checked").Should().BeTrue("the shopper asked the shop to save it");

        await _sandbox.PayAsync(link.PaymentUrl, SandboxShop.PaidCard, saveCard: true);

        var pay = (await _sandbox.Recorder.WaitForAsync(invoice, n => n.Any(x => x.Kind == NotificationKind.Pay), "the Pay notification")).Last();
        var token = _sandbox.Gateway.VerifyNotification(NotificationKind.Pay, pay.Body, pay.Headers).Notification!.Token;
        token.Should().StartWith("tk_");
        pay.Text.Should().NotContain("4242424242424242", "a gateway never sends the card number");

        var second = NewInvoice();
        var charge = new GatewayTokenCharge(token!, "shopper-7", second, Money.FromTenge(925_990), "KZT", "Тапсырыс", "demo@checkout.local", "charge-1");
        var charged = await _sandbox.Gateway.ChargeTokenAsync(charge, CancellationToken.None);
        var repeated = await _sandbox.Gateway.ChargeTokenAsync(charge, CancellationToken.None);
        var someoneElse = await _sandbox.Gateway.ChargeTokenAsync(charge with { AccountId = "shopper-8", IdempotencyKey = null }, CancellationToken.None);
        var unknown = await _sandbox.Gateway.ChargeTokenAsync(charge with { Token = "tk_nope", IdempotencyKey = null }, CancellationToken.None);

        charged.Value!.State.Should().Be(GatewayPaymentState.Paid);
        charged.Value.Amount.Should().Be(Money.FromTenge(925_990));
        charged.Value.CardMask.Should().Be("Visa •••• 4242");
        repeated.Value!.TransactionId.Should().Be(charged.Value.TransactionId);
        someoneElse.Failure.Should().Be(GatewayFailure.Refused);
        unknown.Failure.Should().Be(GatewayFailure.Refused);
        var notes = await _sandbox.Recorder.WaitForAsync(second, n => n.Any(x => x.Kind == NotificationKind.Pay), "the token charge's Pay");
        await _sandbox.Notifier.DeliverDueAsync(CancellationToken.None);
        _sandbox.Recorder.Of(second).Select(n => n.Kind).Should().Equal(NotificationKind.Check, NotificationKind.Pay);
        notes.Last()["TransactionId"].Should().Be(charged.Value.TransactionId);
        (await _sandbox.Gateway.GetStatusAsync(second, CancellationToken.None)).Value!.State.Should().Be(GatewayPaymentState.Paid);
    }

    [Fact]
    public async Task Without_saving_the_card_no_token_is_given()
    {
        var invoice = NewInvoice();
        var link = await _sandbox.CreatePaymentAsync(invoice, Money.FromTenge(1_500), saveCard: true);

        await _sandbox.PayAsync(link.PaymentUrl, SandboxShop.PaidCard, saveCard: false);

        var pay = (await _sandbox.Recorder.WaitForAsync(invoice, n => n.Any(x => x.Kind == NotificationKind.Pay), "the Pay notification")).Last();
        pay["Token"].Should().BeNull();
    }

    [Theory]
    [InlineData(185_348_000, "1853480.00")]
    [InlineData(25_565_241, "255652.41")]
    [InlineData(1, "0.01")]
    public async Task Money_goes_to_the_gateway_and_back_exactly(long tiyn, string onTheWire)
    {
        var invoice = NewInvoice();
        var link = await _sandbox.CreatePaymentAsync(invoice, new Money(tiyn));
        await _sandbox.PayAsync(link.PaymentUrl, SandboxShop.PaidCard);
        var pay = (await _sandbox.Recorder.WaitForAsync(invoice, n => n.Any(x => x.Kind == NotificationKind.Pay), "the Pay notification")).Last();

        using var api = _sandbox.Shop.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"pk_sandbox_checkout_tests:{Secret}")));
        using var find = await api.PostAsync(new Uri("/sandbox/cloudpayments/payments/find", UriKind.Relative),
            new StringContent($"{{\"InvoiceId\":\"{invoice}\"}}", Encoding.UTF8, "application/json"));

        (await find.Content.ReadAsStringAsync()).Should().Contain($"\"Amount\":{onTheWire},");
        pay["Amount"].Should().Be(onTheWire);
        _sandbox.Gateway.VerifyNotification(NotificationKind.Pay, pay.Body, pay.Headers).Notification!.Amount.Should().Be(new Money(tiyn));
        (await _sandbox.Gateway.GetStatusAsync(invoice, CancellationToken.None)).Value!.Amount.Should().Be(new Money(tiyn));
    }

    [Fact]
    public async Task The_api_refuses_a_call_without_the_merchants_credentials()
    {
        using var handler = _sandbox.Shop.Server.CreateHandler();
        var wrong = new CloudPaymentsOptions { BaseUrl = "http://localhost/sandbox/cloudpayments/", PublicId = "pk_sandbox_checkout_tests", ApiSecret = "not-the-secret" };
        using var http = new HttpClient(handler, disposeHandler: false);
        CloudPaymentsGateway.Configure(http, wrong);
        var gateway = new CloudPaymentsGateway(http, Microsoft.Extensions.Options.Options.Create(wrong),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<CloudPaymentsGateway>.Instance);

        var created = await gateway.CreatePaymentAsync(new GatewayPaymentRequest(NewInvoice(), Money.FromTenge(1), "KZT", "x", null,
            SandboxShop.ReturnUrl("x"), false), CancellationToken.None);
        using var anonymous = _sandbox.Shop.CreateClient();
        using var bare = await anonymous.PostAsync(new Uri("/sandbox/cloudpayments/payments/find", UriKind.Relative),
            new StringContent("{\"InvoiceId\":\"x\"}", Encoding.UTF8, "application/json"));

        created.Failure.Should().Be(GatewayFailure.Unauthorized);
        bare.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        bare.Headers.WwwAuthenticate.ToString().Should().StartWith("Basic");
    }
}
