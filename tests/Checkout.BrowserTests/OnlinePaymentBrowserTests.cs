using System.Net;
using System.Net.Sockets;
using Checkout.Testing;
using Checkout.Web.Domain;
using OpenQA.Selenium;
using Xunit.Abstractions;

namespace Checkout.BrowserTests;

/// <summary>
/// A shopper who registered a minute ago pays for a cart on the gateway's hosted page in Chromium: the shop on a real
/// Kestrel port with the sandbox in it, notifying the shop over real HTTP, as in Development.
/// </summary>
public sealed class OnlinePaymentBrowserTests(ITestOutputHelper output)
{
    private const string Email = "new.shopper@example.kz";
    private const string Password = "Jana-Dukken-2026";

    [BrowserFact]
    public void A_newly_registered_shopper_pays_online_with_a_test_card_on_the_hosted_page_and_lands_on_a_paid_order()
    {
        var port = FreePort();
        var shop = $"http://localhost:{port}";
        using var browser = ShopBrowser.Start(output, port: port, settings: new Dictionary<string, string>
        {
            ["Payments:CloudPayments:BaseUrl"] = $"{shop}/sandbox/cloudpayments/",
            ["Payments:Sandbox:Enabled"] = "true",
            ["Payments:Sandbox:NotifyUrl"] = $"{shop}/payments/cloudpayments/",
        });

        browser.Open("/account/register", "register");
        Type(browser, "input[name=FullName]", "Жаңа Сатып алушы");
        Type(browser, "input[name=Email]", Email);
        Type(browser, "input[name=Password]", Password);
        Type(browser, "input[name=ConfirmPassword]", Password);
        browser.Find("input[name=ConfirmPassword]").Submit();
        var mail = browser.WaitFor(_ => browser.Shop.AccountMailTo(Email).FirstOrDefault(), "the registration mail");
        browser.Open(mail.Link!.PathAndQuery, "confirm");
        var before = browser.Find("html");
        browser.Find("form[action='/account/confirm'] button[type=submit]").Click();
        browser.WaitFor(_ => ShopBrowser.IsGone(before), "signed in from the mail's link");

        browser.AddToCart(productId: 2, quantity: 1);
        browser.Open("/checkout", "checkout");
        Type(browser, "input[name=Phone]", "+77011234567");
        Type(browser, "textarea[name=DeliveryAddress]", "Алматы, Абай даңғылы 10");
        browser.ClickToPage(browser.Find("#go-to-payment"), "/payment", "payment");
        browser.TextOf("#online-form h2").Should().Be("Банк картасымен онлайн");

        browser.Find("#online-button").Click();
        browser.WaitFor(_ => browser.CurrentPath.StartsWith("/sandbox/cloudpayments/pay/", StringComparison.Ordinal), "the gateway's hosted page");
        browser.Snap("hosted-page");
        browser.Find("input[autocomplete=cc-number]").SendKeys("4242 4242 4242 4242");
        browser.Find("input[autocomplete=cc-exp]").SendKeys("12/30");
        browser.Find("input[autocomplete=cc-csc]").SendKeys("123");
        var holder = browser.Find("input[autocomplete=cc-name]");
        holder.Clear();
        holder.SendKeys("ZHANA SATYP ALUSHY");
        holder.Submit();

        browser.WaitFor(_ => browser.CurrentPath.StartsWith("/payment/return/", StringComparison.Ordinal)
            && browser.Find("#payment-return").GetAttribute("data-payment-state") == "paid", "the return page «paid»");
        browser.Snap("return-paid");
        browser.TextOf("#payment-return").Should().Contain("Төлем өтті");
        var number = Uri.UnescapeDataString(browser.CurrentPath["/payment/return/".Length..]);

        browser.Open($"/orders/{number}", "order-paid");
        browser.Find(".order-status").GetAttribute("data-status").Should().Be("pending", "paid online, the order is pending like a card payment");
        using var db = browser.Shop.OpenDatabase();
        var order = db.Orders.Single(o => o.Number == number);
        (order.Status, order.PaymentMethod).Should().Be((OrderStatus.Pending, PaymentMethods.Online));
        db.LedgerEntries.Where(e => e.OrderId == order.Id).Select(e => e.Kind).Should().Equal("charge");
    }

    [BrowserFact]
    public async Task Points_typed_in_go_with_the_online_payment_so_the_gateway_is_asked_for_the_rest()
    {
        // As in the pricing test: a delivered order earned 925 990 points; 300 000 of them leave 627 490 ₸ of one iPhone.
        var port = FreePort();
        var shop = $"http://localhost:{port}";
        using var browser = ShopBrowser.Start(output, port: port, settings: new Dictionary<string, string>
        {
            ["Loyalty:EarnPercent"] = "50",
            ["Payments:CloudPayments:BaseUrl"] = $"{shop}/sandbox/cloudpayments/",
            ["Payments:Sandbox:Enabled"] = "true",
            ["Payments:Sandbox:NotifyUrl"] = $"{shop}/payments/cloudpayments/",
        });
        using (var shopper = await browser.Shop.SignedInAsync())
        using (var admin = await OrderFlows.AdminAsync(browser.Shop))
        {
            var earning = await OrderFlows.PlaceAsync(shopper, SeededCards.DemoKaspiGold, productId: 1, quantity: 2);
            await OrderFlows.DriveToAsync(shopper, admin, earning, OrderStatus.Delivered);
        }

        browser.SignIn(Shopper.DemoEmail, Shopper.DemoPassword, "/main");
        browser.AddToCart(productId: 1, quantity: 1);
        browser.Open("/payment", "points-online");
        var points = browser.Find("#points-input");
        points.Clear();
        points.SendKeys("300000");
        browser.Find("#online-button").Click();
        browser.WaitFor(_ => browser.CurrentPath.StartsWith("/sandbox/cloudpayments/pay/", StringComparison.Ordinal), "the gateway's hosted page");

        browser.Find("[data-amount-tiyn]").GetAttribute("data-amount-tiyn").Should().Be("62749000", "the hosted page asks for what is left after the points");
        using var db = browser.Shop.OpenDatabase();
        var order = db.Orders.OrderByDescending(o => o.Id).First();
        (order.Status, order.PointsTiyn, order.TotalTiyn).Should().Be((OrderStatus.AwaitingPayment, 30_000_000L, 62_749_000L));
    }

    private static void Type(ShopBrowser browser, string css, string text)
    {
        var field = browser.Find(css);
        field.Clear();
        field.SendKeys(text);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
