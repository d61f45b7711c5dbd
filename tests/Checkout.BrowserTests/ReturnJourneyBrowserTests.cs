using OpenQA.Selenium;
using Xunit.Abstractions;

namespace Checkout.BrowserTests;

/// <summary>
/// Issue 4's "done when" in a real browser: the shopper buys two of product 3 (3 in stock), the admin ships and
/// delivers it with the order page's buttons, the shopper asks for a return, the admin approves it in the returns
/// queue — and the profile shows the card's balance, the product page the stock, back where they started.
/// </summary>
public sealed class ReturnJourneyBrowserTests(ITestOutputHelper output)
{
    [BrowserFact]
    public void Buy_ship_deliver_return_approve_and_balance_and_stock_are_back_in_the_pages()
    {
        using var browser = ShopBrowser.Start(output);

        browser.SignIn(Shopper.DemoEmail, Shopper.DemoPassword, "/account/profile");
        browser.TextOf("tr[data-card-id='1'] .price").Should().Be("4 300 000 ₸");
        browser.Open("/products/3", "product-before");
        browser.TextOf("p.muted").Should().Be("Қоймада: 3 дана");

        browser.AddToCart(productId: 3, quantity: 2);
        browser.Open("/payment", "payment");
        browser.Find("input[name=card_id][value='1']").Click();
        browser.WaitFor(d => d.FindElement(By.Id("pay-button")).Enabled, "«Төлеу» enabled for Kaspi Gold");
        browser.Find("#pay-button").Click();
        var number = browser.WaitForReceipt("paid");

        SignOutAndIn(browser, OrderFlows.AdminEmail, OrderFlows.AdminPassword, $"/admin/orders/{number}");
        foreach (var next in new[] { "processing", "shipped", "delivered" })
        {
            browser.ClickToPage(browser.Find($"button[data-next-status='{next}']"), $"/admin/orders/{number}", $"admin-{next}");
            browser.Find(".order-status").GetDomAttribute("data-status").Should().Be(next);
        }

        SignOutAndIn(browser, Shopper.DemoEmail, Shopper.DemoPassword, $"/orders/{number}");
        browser.TextOf(".order-status").Should().Be("Жеткізілді");
        browser.Find("#return-reason").SendKeys("Түсі ұнамады");
        browser.ClickToPage(browser.Find("#return-form button[type=submit]"), $"/orders/{number}", "return-requested");
        browser.Find(".order-status").GetDomAttribute("data-status").Should().Be("return_requested");

        SignOutAndIn(browser, OrderFlows.AdminEmail, OrderFlows.AdminPassword, "/admin/returns");
        browser.TextOf($"tr[data-order-number='{number}']").Should().Contain("Түсі ұнамады");
        browser.ClickToPage(browser.Find($"tr[data-order-number='{number}'] form[action$='/approve'] button"), "/admin/returns", "approved");
        browser.Open("/admin/dead-letters", "admin-dead-letters"); // the order's e-mail and sales count went through
        browser.TextOf("h1").Should().Be("Жеткізілмеген оқиғалар");
        browser.Driver.FindElements(By.CssSelector("[data-dead-letter]")).Should().BeEmpty();

        SignOutAndIn(browser, Shopper.DemoEmail, Shopper.DemoPassword, $"/orders/{number}");
        browser.Find(".order-status").GetDomAttribute("data-status").Should().Be("refunded");
        browser.TextOf(".order-status").Should().Be("Ақшасы қайтарылды");
        browser.Driver.FindElements(By.CssSelector(".timeline-step")).Select(s => s.GetDomAttribute("data-status"))
            .Should().Equal("pending", "processing", "shipped", "delivered", "return_requested", "refunded");
        browser.Open("/account/profile", "profile-after");
        browser.TextOf("tr[data-card-id='1'] .price").Should().Be("4 300 000 ₸");
        browser.Open("/products/3", "product-after");
        browser.TextOf("p.muted").Should().Be("Қоймада: 3 дана");
        browser.ConsoleErrors.Should().BeEmpty("the pages should load and run without console errors");
    }

    private static void SignOutAndIn(ShopBrowser browser, string email, string password, string returnUrl)
    {
        browser.ClickToPage(browser.Find("form[action='/account/logout'] button"), "/main", "signed-out");
        browser.SignIn(email, password, returnUrl);
    }
}
