using OpenQA.Selenium;
using Xunit.Abstractions;

namespace Checkout.BrowserTests;

/// <summary>
/// Issue 14 in Chromium: a coupon applied on the cart page, an order a coupon made free placed with its one button (no
/// card), and points earned by a delivered order typed on the payment page, checked against the card's balance for what is left.
/// </summary>
public sealed class PricingBrowserTests(ITestOutputHelper output)
{
    [BrowserFact]
    public void Gift100_applied_on_the_cart_page_makes_the_payment_page_place_the_order_free()
    {
        using var browser = ShopBrowser.Start(output);
        browser.SignIn(Shopper.DemoEmail, Shopper.DemoPassword, "/main");
        browser.AddToCart(productId: 18, quantity: 1);
        browser.Open("/cart", "cart");
        browser.Find("#coupon-form input[name=code]").SendKeys("gift100");
        browser.ClickToPage(browser.Find("#coupon-form button[type=submit]"), "/cart", "coupon-applied");
        browser.TextOf("[data-discount]").Should().Be("−29 990 ₸");
        browser.TextOf(".delivery-note").Should().Be("Жеткізу тегін");

        browser.Open("/payment", "free-payment");
        browser.TextOf("[data-free-order]").Should().Be("Бұл тапсырыс тегін: картадан ештеңе алынбайды");
        browser.WaitFor(d => d.FindElement(By.Id("pay-button")).Enabled, "the free order's button enabled without a card");
        browser.Find("#pay-button").Click();

        browser.WaitForReceipt("free-receipt");
        browser.TextOf("#receipt .success-title").Should().Be("Тапсырыс рәсімделді: төлеудің қажеті жоқ");
        browser.TextOf("#receipt [data-total-paid]").Should().Be("0 ₸");
        using var db = browser.Shop.OpenDatabase();
        db.Orders.Single().PaymentMethod.Should().Be("free");
        db.Cards.Single(c => c.Id == 1).BalanceTiyn.Should().Be(430_000_000);
        browser.ConsoleErrors.Should().BeEmpty();
    }

    [BrowserFact]
    public async Task Points_typed_in_leave_less_to_pay_so_a_card_too_short_for_the_whole_pays_the_rest()
    {
        // With 50 % earned, the worked example earns 925 990 points, available once delivered. One iPhone then costs
        // 927 490 ₸, more than BCC's 650 000 ₸; 300 000 points (of at most 462 995) leave 627 490 ₸, which it has.
        using var browser = ShopBrowser.Start(output, settings: new Dictionary<string, string> { ["Loyalty:EarnPercent"] = "50" });
        using (var shopper = await browser.Shop.SignedInAsync())
        using (var admin = await OrderFlows.AdminAsync(browser.Shop))
        {
            var earning = await OrderFlows.PlaceAsync(shopper, SeededCards.DemoKaspiGold, productId: 1, quantity: 2);
            await OrderFlows.DriveToAsync(shopper, admin, earning, Web.Domain.OrderStatus.Delivered);
        }

        browser.SignIn(Shopper.DemoEmail, Shopper.DemoPassword, "/main");
        browser.AddToCart(productId: 1, quantity: 1);
        browser.Open("/payment", "points-payment");
        browser.Find("input[name=card_id][value='3']").Click(); // BCC, 650 000 ₸
        browser.WaitFor(d => d.FindElement(By.Id("insufficient")).Displayed && !d.FindElement(By.Id("pay-button")).Enabled, "BCC short of the whole");

        var points = browser.Find("#points-input");
        points.GetAttribute("max").Should().Be("462995");
        points.Clear();
        points.SendKeys("300000");
        browser.WaitFor(d => ShopBrowser.Plain(d.FindElement(By.Id("due-after-points")).Text) == "627 490 ₸", "the amount left after points");
        browser.WaitFor(d => !d.FindElement(By.Id("insufficient")).Displayed && d.FindElement(By.Id("pay-button")).Enabled, "BCC covers the rest");
        browser.Find("#pay-button").Click();

        browser.WaitForReceipt("points-receipt");
        browser.TextOf("#receipt [data-total-paid]").Should().Be("627 490 ₸");
        browser.TextOf("[data-points-used]").Should().Be("−300 000 ₸");
        using var db = browser.Shop.OpenDatabase();
        db.Cards.Single(c => c.Id == 3).BalanceTiyn.Should().Be(2_251_000);
        browser.ConsoleErrors.Should().BeEmpty();
    }
}
