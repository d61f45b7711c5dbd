using OpenQA.Selenium;
using Xunit.Abstractions;

namespace Checkout.BrowserTests;

/// <summary>
/// Issue 11's checkout points in Chromium: the typed address goes on to payment, a paid order lands on a receipt that
/// survives refresh and Back, cash on delivery says the amount is due on delivery, and a cart changed in another tab
/// shows its new total on the payment page, which the next «Төлеу» pays.
/// </summary>
public sealed class CheckoutBrowserTests(ITestOutputHelper output)
{
    private const string TypedAddress = "Астана қ., Мәңгілік Ел даңғылы 55, 12-пәтер";

    [BrowserFact]
    public void The_typed_address_goes_on_to_payment_and_the_receipt_survives_refresh_and_back()
    {
        using var browser = ShopBrowser.Start(output);
        browser.SignIn(Shopper.DemoEmail, Shopper.DemoPassword, "/main");
        browser.AddToCart(productId: 18, quantity: 1); // Xiaomi Redmi Buds 6 Pro, 29 990 ₸
        browser.Open("/checkout", "checkout");

        var address = browser.Find("textarea[name=DeliveryAddress]");
        address.Clear();
        address.SendKeys(TypedAddress);
        browser.ClickToPage(browser.Find("#go-to-payment"), "/payment", "payment-after-typing"); // «Сақтау» not pressed
        browser.Find("input[name=card_id][value='1']").Click();
        browser.WaitFor(d => d.FindElement(By.Id("pay-button")).Enabled, "«Төлеу» enabled for Kaspi Gold");
        browser.Find("#pay-button").Click();

        var number = browser.WaitForReceipt("receipt");
        browser.TextOf("#receipt .success-title").Should().Be("Төлем сәтті жасалды");
        browser.TextOf("#receipt [data-total-paid]").Should().Be("31 490 ₸");
        browser.TextOf(".facts").Should().Contain(TypedAddress, "the order ships to the address as it was typed");

        browser.Driver.Navigate().Refresh();
        browser.WaitForReceipt("receipt-refreshed").Should().Be(number);
        browser.TextOf("#receipt [data-total-paid]").Should().Be("31 490 ₸");

        browser.Driver.Navigate().Back();
        browser.WaitFor(d => browser.CurrentPath != $"/orders/{number}" && d.FindElement(By.TagName("main")).Displayed, "Back to leave the receipt");
        browser.Snap("back");
        browser.CurrentPath.Should().NotBe("/payment", "the receipt replaced the payment page in the history");
        browser.Driver.FindElements(By.CssSelector("#payment-success")).Where(e => e.Displayed).Should().BeEmpty("no stale success panel");
        browser.Driver.FindElement(By.TagName("body")).Text.Should().NotContain("ашылуда").And.NotContain("басты бетке өтесіз");

        using var db = browser.Shop.OpenDatabase();
        db.Orders.Single().DeliveryAddress.Should().Be(TypedAddress);
        browser.ConsoleErrors.Should().BeEmpty();
    }

    [BrowserFact]
    public void Cash_on_delivery_lands_on_a_receipt_that_says_the_amount_is_due_on_delivery()
    {
        using var browser = ShopBrowser.Start(output);
        browser.SignIn(Shopper.DemoEmail, Shopper.DemoPassword, "/main");
        browser.AddToCart(productId: 18, quantity: 1);
        browser.Open("/payment", "payment");

        browser.Find("#cod-button").Click();

        browser.WaitForReceipt("cash-receipt");
        browser.TextOf("#receipt .success-title").Should().Be("Тапсырыс қабылданды, төлем жеткізу кезінде");
        browser.TextOf("#receipt").Should().Contain("Жеткізу кезінде төленетін сома").And.NotContain("Төленген сома");
        browser.TextOf("#receipt [data-total-due]").Should().Be("31 490 ₸");
        browser.ConsoleErrors.Should().BeEmpty();
    }

    [BrowserFact]
    public void A_cart_changed_in_another_tab_shows_its_new_total_and_the_next_pay_pays_it()
    {
        using var browser = ShopBrowser.Start(output);
        browser.SignIn(Shopper.DemoEmail, Shopper.DemoPassword, "/main");
        browser.AddToCart(productId: 1, quantity: 2);
        browser.Open("/payment", "payment");
        browser.TextOf("aside [data-total]").Should().Be("1 853 480 ₸");
        browser.Find("input[name=card_id][value='1']").Click();
        var paymentTab = browser.Driver.CurrentWindowHandle;

        browser.Driver.SwitchTo().NewWindow(WindowType.Tab);
        browser.Open("/cart", "other-tab-cart");
        var quantity = browser.Find("tr[data-product-id='1'] input[name=quantity]");
        quantity.Clear();
        quantity.SendKeys("1");
        browser.ClickToPage(browser.Find("tr[data-product-id='1'] form.qty-form button"), "/cart", "other-tab-one-iphone");
        browser.Driver.Close();
        browser.Driver.SwitchTo().Window(paymentTab);

        browser.WaitFor(d => d.FindElement(By.Id("pay-button")).Enabled, "«Төлеу» enabled");
        browser.Find("#pay-button").Click();
        browser.WaitFor(d => d.FindElement(By.Id("payment-error")).Displayed
            && ShopBrowser.Plain(d.FindElement(By.CssSelector("aside [data-total]")).Text) == "927 490 ₸", "the message and the new total");
        browser.Snap("cart-changed");
        browser.TextOf("#payment-error").Should().StartWith("Себет өзгерді");
        browser.TextOf("aside [data-subtotal]").Should().Be("925 990 ₸");

        browser.WaitFor(d => d.FindElement(By.Id("pay-button")).Enabled, "«Төлеу» enabled again");
        browser.Find("#pay-button").Click();
        browser.WaitForReceipt("receipt");
        browser.TextOf("#receipt [data-total-paid]").Should().Be("927 490 ₸");

        using var db = browser.Shop.OpenDatabase();
        db.Cards.Single(c => c.Id == SeededCards.DemoKaspiGold).BalanceTiyn.Should().Be((4_300_000 - 927_490) * 100L);
        browser.ConsoleErrors.Should().OnlyContain(e => e.Contains("/process_payment") && e.Contains("409"), "the refused first «Төлеу» is the only failed load");
    }
}
