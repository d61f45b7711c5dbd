using OpenQA.Selenium;
using Xunit.Abstractions;

namespace Checkout.BrowserTests;

/// <summary>
/// The shop in a real browser (headless Chromium through Selenium) on a real Kestrel port, each test on
/// its own fresh copy of the demo data. The tests of this class run one after another: one Chromium at a time.
/// </summary>
public sealed class ShopperJourneyTests(ITestOutputHelper output)
{
    // The worked example: two of product 1 (Apple iPhone 17 Pro Max, 925 990 ₸) paid with Kaspi Gold (4 300 000 ₸).
    private const string TwoIPhones = "1 851 980 ₸";
    private const string DeliveryFee = "1 500 ₸";
    private const string ToPay = "1 853 480 ₸";
    private const string KaspiGoldAfter = "2 446 520 ₸";

    [BrowserFact]
    public void Shopper_with_JavaScript_buys_two_iPhones_with_Kaspi_Gold_and_lands_on_the_receipt()
    {
        using var browser = ShopBrowser.Start(output);

        browser.Open("/main", "main");
        AddFromMain(browser, productId: 1, badgeAfter: "1");
        AddFromMain(browser, productId: 1, badgeAfter: "2");

        browser.ClickToPage(browser.Find("a.cart-link"), "/cart", "cart");
        CartLineQuantity(browser, 1).Should().Be("2");
        browser.TextOf("tr[data-product-id='1'] td.price:not([data-label])").Should().Be(TwoIPhones);
        browser.TextOf("[data-subtotal]").Should().Be(TwoIPhones);

        GoToCheckoutThroughLogin(browser);

        var goOn = browser.Find("#go-to-payment");
        goOn.Text.Should().Be("Төлем жасауға өту");
        browser.ClickToPage(goOn, "/payment", "payment");
        var payButton = browser.Find("#pay-button");
        payButton.Text.Should().Be("Төлеу");
        browser.WaitFor(_ => !payButton.Enabled, "«Төлеу» disabled while no card is chosen");

        browser.Find("input[name=card_id][value='3']").Click(); // BCC: 650 000 ₸, short of 1 853 480 ₸
        browser.WaitFor(_ => !payButton.Enabled && browser.Find("#insufficient").Displayed, "BCC to disable «Төлеу» and show the shortfall");
        browser.Snap("payment-bcc-short");
        browser.TextOf("#insufficient").Should().Be("Қаражатыңыз жеткіліксіз");

        browser.Find("input[name=card_id][value='1']").Click(); // Kaspi Gold: 4 300 000 ₸
        browser.WaitFor(_ => payButton.Enabled && !browser.Find("#insufficient").Displayed, "Kaspi Gold to enable «Төлеу»");
        browser.Snap("payment-kaspi-chosen");

        payButton.Click();
        var number = browser.WaitForReceipt("receipt");
        number.Should().StartWith("ORD-");
        browser.TextOf("#receipt .success-title").Should().Be("Төлем сәтті жасалды");
        browser.TextOf("#receipt [data-total-paid]").Should().Be(ToPay);
        browser.CartBadge.Should().Be("0");
        browser.Open("/account/profile", "profile-after-payment");
        browser.TextOf("tr[data-card-id='1'] .price").Should().Be(KaspiGoldAfter);

        using (var db = browser.Shop.OpenDatabase())
        {
            db.Cards.Single(c => c.Id == SeededCards.DemoKaspiGold).BalanceTiyn.Should().Be(244_652_000);
            db.Orders.Count().Should().Be(1);
            db.IdempotentRequests.Single().StatusCode.Should().Be(200, "the page pays with an Idempotency-Key, kept with its answer");
        }

        browser.ConsoleErrors.Should().BeEmpty("the pages should load and run without console errors");
    }

    [BrowserFact]
    public void Shopper_without_JavaScript_pays_through_plain_form_posts()
    {
        using var browser = ShopBrowser.Start(output, javaScript: false);

        browser.Open("/products/1", "product");
        var quantity = browser.Find("form.add-form input[name=quantity]");
        quantity.Clear();
        quantity.SendKeys("2");
        browser.ClickToPage(browser.Find("form.add-form button[type=submit]"), "/products/1", "product-added");
        browser.CartBadge.Should().Be("2");

        browser.ClickToPage(browser.Find("a.cart-link"), "/cart", "cart");
        CartLineQuantity(browser, 1).Should().Be("2");
        browser.TextOf("[data-subtotal]").Should().Be(TwoIPhones);

        GoToCheckoutThroughLogin(browser);
        browser.ClickToPage(browser.Find("#go-to-payment"), "/payment", "payment");

        // No script ran: nothing is checked, nothing is disabled, the form posts itself.
        browser.Find("#pay-button").Enabled.Should().BeTrue("without JavaScript nothing disables the button");
        browser.ClickToPage(browser.Find("#pay-button"), "/process_payment", "no-card-chosen");
        browser.Find("#payment-error").Displayed.Should().BeTrue();
        browser.TextOf("#payment-error").Should().Be("Картасын таңдаңыз");

        browser.Find("input[name=card_id][value='3']").Click();
        browser.Find("#insufficient").Displayed.Should().BeFalse("the balance check in the page is JavaScript's");
        browser.ClickToPage(browser.Find("#pay-button"), "/process_payment", "bcc-short");
        browser.TextOf("#payment-error").Should().Be("Қаражатыңыз жеткіліксіз");
        browser.Find("input[name=card_id][value='3']").Selected.Should().BeTrue("the refused card stays chosen");

        browser.Find("input[name=card_id][value='1']").Click();
        browser.ClickToPage(browser.Find("#pay-button"), "/process_payment", "paid");
        var success = browser.Find("#payment-success");
        success.Displayed.Should().BeTrue();
        ShopBrowser.Plain(success.Text).Should().Contain("Төлем сәтті жасалды").And.Contain(ToPay).And.Contain(KaspiGoldAfter);
        browser.CartBadge.Should().Be("0");

        using var db = browser.Shop.OpenDatabase();
        db.Cards.Single(c => c.Id == SeededCards.DemoKaspiGold).BalanceTiyn.Should().Be(244_652_000);
        db.Cards.Single(c => c.Id == SeededCards.DemoBcc).BalanceTiyn.Should().Be(65_000_000);
        db.Orders.Count().Should().Be(1);
    }

    [BrowserFact]
    public void Cart_page_updates_a_quantity_and_removes_lines_until_the_cart_is_empty()
    {
        using var browser = ShopBrowser.Start(output);

        browser.Open("/main", "main");
        AddFromMain(browser, productId: 1, badgeAfter: "1"); // Apple iPhone 17 Pro Max, 925 990 ₸
        AddFromMain(browser, productId: 4, badgeAfter: "2"); // Apple iPhone 17, 579 990 ₸
        browser.ClickToPage(browser.Find("a.cart-link"), "/cart", "cart");
        browser.Driver.FindElements(By.CssSelector("tr[data-product-id]")).Should().HaveCount(2);
        browser.TextOf("[data-subtotal]").Should().Be("1 505 980 ₸");

        var quantity = browser.Find("tr[data-product-id='1'] input[name=quantity]");
        quantity.Clear();
        quantity.SendKeys("3");
        var update = browser.Find("tr[data-product-id='1'] form.qty-form button");
        update.Text.Should().Be("Жаңарту");
        browser.ClickToPage(update, "/cart", "cart-updated");
        CartLineQuantity(browser, 1).Should().Be("3");
        browser.TextOf("tr[data-product-id='1'] td.price:not([data-label])").Should().Be("2 777 970 ₸");
        browser.TextOf("[data-subtotal]").Should().Be("3 357 960 ₸");
        browser.CartBadge.Should().Be("4");

        var remove = browser.Find("tr[data-product-id='1'] button.danger");
        remove.Text.Should().Be("Алып тастау");
        browser.ClickToPage(remove, "/cart", "cart-line-removed");
        browser.Driver.FindElements(By.CssSelector("tr[data-product-id='1']")).Should().BeEmpty();
        browser.Driver.FindElements(By.CssSelector("tr[data-product-id]")).Should().HaveCount(1);
        browser.TextOf("[data-subtotal]").Should().Be("579 990 ₸");

        browser.ClickToPage(browser.Find("tr[data-product-id='4'] button.danger"), "/cart", "cart-empty");
        browser.Driver.FindElements(By.CssSelector("tr[data-product-id]")).Should().BeEmpty();
        browser.TextOf(".empty-title").Should().Be("Себет бос");
        browser.CartBadge.Should().Be("0");

        browser.ConsoleErrors.Should().BeEmpty("the pages should load without console errors");
    }

    /// <summary>«Себетке қосу» on a product card of /main; the form posts and /main comes back with the new count.</summary>
    private static void AddFromMain(ShopBrowser browser, int productId, string badgeAfter)
    {
        var button = browser.Find($".product-card[data-product-id='{productId}'] button");
        button.Text.Should().Be("Себетке қосу");
        browser.ClickToPage(button, "/main", $"main-added-{productId}-badge-{badgeAfter}");
        browser.CartBadge.Should().Be(badgeAfter);
    }

    private static string? CartLineQuantity(ShopBrowser browser, int productId) =>
        browser.Find($"tr[data-product-id='{productId}'] input[name=quantity]").GetDomProperty("value");

    /// <summary>«Төлеуге өту» as a guest: the login page (returnUrl /checkout), the demo shopper logs in, /checkout.</summary>
    private static void GoToCheckoutThroughLogin(ShopBrowser browser)
    {
        var toCheckout = browser.Find("aside.summary a[href='/checkout']");
        toCheckout.Text.Should().Be("Төлеуге өту");
        browser.ClickToPage(toCheckout, "/account/login", "login");
        browser.Driver.Url.Should().ContainEquivalentOf("returnUrl=%2Fcheckout");
        browser.Find("input[name=ReturnUrl]").GetDomProperty("value").Should().Be("/checkout");

        browser.Find("input[name=Email]").SendKeys(Shopper.DemoEmail);
        browser.Find("input[name=Password]").SendKeys(Shopper.DemoPassword);
        browser.ClickToPage(browser.Find("form[action='/account/login'] button[type=submit]"), "/checkout", "checkout");

        browser.TextOf("[data-delivery]").Should().Be(DeliveryFee);
        browser.TextOf("[data-total]").Should().Be(ToPay);
        browser.TextOf("[data-subtotal]").Should().Be(TwoIPhones);
    }
}
