using Checkout.Web.Data;
using Checkout.Web.Domain;
using Checkout.Web.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenQA.Selenium;
using Xunit.Abstractions;

namespace Checkout.BrowserTests;

/// <summary>
/// Issue 11, points 19 and 21 in Chromium: every admin page fits a 1 366 px laptop and a 390 px phone (no sideways
/// scrolling of the page, even with a dead letter's long exception), the returns queue's buttons stay on a phone's
/// screen, and the keyboard gets a skip link and a focus ring that can be seen.
/// </summary>
public sealed class AdminLayoutBrowserTests(ITestOutputHelper output)
{
    private static readonly (int Width, int Height)[] Screens = [(1366, 768), (390, 844)];

    [BrowserFact]
    public async Task Every_admin_page_fits_a_laptop_and_a_phone_and_the_return_buttons_stay_on_screen()
    {
        using var browser = ShopBrowser.Start(output,
            services: s => s.AddSingleton<IOutboxHandler, RefusingSmsGateway>(),
            settings: new Dictionary<string, string> { ["Outbox:MaxAttempts"] = "1" });
        var shop = browser.Shop;
        using var shopper = await shop.SignedInAsync();
        using var admin = await OrderFlows.AdminAsync(shop);
        var number = await OrderFlows.PlaceAsync(shopper);
        await OrderFlows.DriveToAsync(shopper, admin, number, OrderStatus.Delivered);
        (await OrderFlows.RequestReturnAsync(shopper, number, "Қорапта-құлаққаптың-оң-жағы-жоқ-" + string.Concat(Enumerable.Repeat("ҚайтаруСебебі", 30))))
            .StatusCode.Should().Be(System.Net.HttpStatusCode.Redirect);
        var dead = await shop.WaitForAsync(db => db.OutboxMessages.FirstOrDefaultAsync(m => m.Handler == RefusingSmsGateway.HandlerName && m.DeadLetteredUtc != null),
            "the SMS message to become a dead letter");
        dead.LastError!.Length.Should().BeGreaterThan(500, "the dead letter carries the long exception text");

        browser.SignIn(OrderFlows.AdminEmail, OrderFlows.AdminPassword, "/admin");
        string[] pages = ["/admin", "/admin/orders", "/admin/orders?status=refunded", $"/admin/orders/{number}", "/admin/returns", "/admin/products",
            "/admin/products/1", "/admin/dead-letters"];
        var overflowing = new List<string>();
        foreach (var (width, height) in Screens)
        {
            browser.SetViewport(width, height);
            foreach (var page in pages)
            {
                browser.Open(page, $"{width}-{page.Trim('/').Replace('/', '-').Replace('?', '-')}");
                browser.Measure("window.innerWidth").Should().Be(width);
                var scrollWidth = browser.Measure("document.documentElement.scrollWidth");
                if (scrollWidth > width)
                {
                    overflowing.Add($"{page} at {width} px is {scrollWidth} px wide");
                }

                // A table that scrolls sideways inside its card hides columns just as well: each must show all of itself.
                var cutTables = browser.Measure("[...document.querySelectorAll('table')].filter(t => t.scrollWidth > t.clientWidth + 1).length");
                output.WriteLine($"{page} at {width} px: page {scrollWidth} px wide, {cutTables} table(s) cut");
                if (cutTables > 0)
                {
                    overflowing.Add($"{page} at {width} px cuts {cutTables} table(s) to a sideways scroll");
                }
            }
        }

        string.Join(Environment.NewLine, overflowing).Should().BeEmpty("every admin page fits both screens");

        // The phone is the last screen: the returns queue's decision buttons are where a thumb can reach them.
        browser.Open("/admin/returns", "returns-buttons");
        foreach (var decision in new[] { "approve", "reject" })
        {
            var button = browser.Find($"tr[data-order-number='{number}'] form[action$='/{decision}'] button");
            browser.Driver.ExecuteScript("arguments[0].scrollIntoView({ block: 'center' });", button);
            browser.Snap($"returns-{decision}");
            button.Displayed.Should().BeTrue(decision);
            browser.Measure("arguments[0].getBoundingClientRect().left", button).Should().BeGreaterThanOrEqualTo(0, decision);
            browser.Measure("arguments[0].getBoundingClientRect().right", button).Should().BeLessThanOrEqualTo(390, decision);
        }

        browser.Open("/admin/dead-letters", "dead-letter-link");
        browser.Find($"[data-dead-letter] a[href='/admin/orders/{number}']").Text.Should().Be(number, "an order number in the admin is a link to the order");
        browser.ConsoleErrors.Should().BeEmpty();
    }

    [BrowserFact]
    public void The_first_tab_reaches_a_skip_link_to_the_content_and_focus_rings_contrast_at_least_3_to_1()
    {
        using var browser = ShopBrowser.Start(output);
        browser.Open("/main", "main");

        var body = browser.Find("body");
        body.SendKeys(Keys.Tab);
        var skip = browser.WaitFor(d => d.SwitchTo().ActiveElement() is { TagName: "a" } active && active.GetDomAttribute("href") == "#main" ? active : null,
            "the skip link to take the first Tab");
        ShopBrowser.Plain(skip.Text).Should().Be("Негізгі мазмұнға өту");
        browser.Measure("arguments[0].getBoundingClientRect().top", skip).Should().BeGreaterThanOrEqualTo(0, "the focused skip link is on screen");
        browser.Snap("skip-link");
        FocusRingContrast(browser).Should().BeGreaterThanOrEqualTo(3, "the skip link's focus ring");

        skip.SendKeys(Keys.Enter);
        browser.WaitFor(d => d.SwitchTo().ActiveElement().GetDomAttribute("id") == "main", "the focus to move to <main id=main>");

        // Further stops: a product's name link, then its add-to-cart button, on the white card over the grey page.
        foreach (var target in new[] { ".product-card[data-product-id='1'] .product-name a", ".product-card[data-product-id='1'] form.add-form button" })
        {
            var wanted = browser.Find(target);
            for (var presses = 0; presses < 10 && !Equals(browser.Driver.SwitchTo().ActiveElement(), wanted); presses++)
            {
                browser.Driver.SwitchTo().ActiveElement().SendKeys(Keys.Tab);
            }

            browser.Driver.SwitchTo().ActiveElement().Should().Be(wanted, $"Tab reaches {target}");
            browser.Snap("focus-" + wanted.TagName);
            FocusRingContrast(browser).Should().BeGreaterThanOrEqualTo(3, target);
        }
    }

    /// <summary>
    /// The contrast (WCAG) of the focused element's outline against the lesser of the backgrounds it is drawn on:
    /// its nearest painted ancestor and the page's own; 0 when there is no visible outline.
    /// </summary>
    private static double FocusRingContrast(ShopBrowser browser) => browser.Measure("""
        (() => {
            const rgb = c => (c.match(/[\d.]+/g) || []).map(Number);
            const lum = ([r, g, b]) => [r, g, b].map(v => v / 255).map(v => v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)
                .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
            const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
            const el = document.activeElement, style = getComputedStyle(el);
            if (style.outlineStyle === 'none' || parseFloat(style.outlineWidth) < 2) return 0;
            const ring = rgb(style.outlineColor);
            const backgrounds = [rgb(getComputedStyle(document.body).backgroundColor)];
            for (let node = el.parentElement; node; node = node.parentElement) {
                const c = rgb(getComputedStyle(node).backgroundColor);
                if (c.length === 3 || c[3] > 0.5) { backgrounds.push(c.slice(0, 3)); break; }
            }
            return Math.min(...backgrounds.map(b => ratio(ring.slice(0, 3), b.slice(0, 3))));
        })()
        """);

    /// <summary>An SMS gateway that refuses every order message with a long, unbroken exception text, as real ones do.</summary>
    private sealed class RefusingSmsGateway : IOutboxHandler
    {
        public const string HandlerName = "sms";

        public string EventType => OutboxEvents.OrderCreated;

        public string Name => HandlerName;

        public bool WritesDatabase => false;

        // A type name and a token run without a space or a break opportunity for a long way, as in a real stack trace.
        public Task HandleAsync(OutboxMessage message, ShopDbContext db, CancellationToken ct) =>
            throw new HttpRequestException(
                "Checkout.Sms.Gateway.KazakhtelecomSmsGatewayClient.SendTransactionalMessageAsync.RecipientNotReachableByOperatorException: "
                + "the gateway refused token " + new string('A', 160) + " for https://sms-gateway.example.kz/api/v2/messages?recipient=%2B77011234567&text="
                + string.Concat(Enumerable.Repeat("%D0%A2%D0%B0%D0%BF%D1%81%D1%8B%D1%80%D1%8B%D1%81", 40)));
    }
}
