using System.Net;
using Checkout.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Checkout.IntegrationTests;

/// <summary>What an operator and a new shopper read on the pages (issue 11, points 17, 18, 20, 21): access, headers, empty lists, dates, names.</summary>
public sealed class OperatorPagesTests : IDisposable
{
    private const string NoAccess = "Бұл бетке кіруге рұқсатыңыз жоқ";
    private const string RequestInvalid = "Сұраныс жарамсыз";

    private readonly ShopFactory _shop = new();

    public void Dispose() => _shop.Dispose();

    [Theory]
    [InlineData("/admin", "%2Fadmin")]
    [InlineData("/admin/orders?status=pending", "%2Fadmin%2Forders%3Fstatus%3Dpending")]
    public async Task A_guest_at_the_admin_is_told_no_access_and_offered_a_login_that_comes_back(string path, string returnUrl)
    {
        using var guest = _shop.CreateShopper();

        var response = await guest.Http.GetAsync(new Uri(path, UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var page = await Shopper.ParseAsync(response);
        page.QuerySelector("h1")!.TextContent.Should().Be(NoAccess);
        page.Body!.TextContent.Should().NotContain(RequestInvalid);
        page.QuerySelector("a[data-login-link]")!.GetAttribute("href").Should().Be($"/account/login?returnUrl={returnUrl}");
    }

    [Fact]
    public async Task A_guests_refused_admin_form_post_offers_a_login_without_a_way_back_to_a_post_only_address()
    {
        using var guest = _shop.CreateShopper();

        var response = await OrderFlows.SetStatusAsync(guest, "ORD-20261202-AAAAAA", OrderStatus.Processing);

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var page = await Shopper.ParseAsync(response);
        page.QuerySelector("h1")!.TextContent.Should().Be(NoAccess);
        page.QuerySelector("a[data-login-link]")!.GetAttribute("href").Should().Be("/account/login");
    }

    [Fact]
    public async Task A_shopper_at_the_admin_is_told_no_access_without_a_login_link()
    {
        using var shopper = await _shop.SignedInAsync();

        var response = await shopper.Http.GetAsync(new Uri("/admin/returns", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var page = await Shopper.ParseAsync(response);
        page.QuerySelector("h1")!.TextContent.Should().Be(NoAccess);
        page.Body!.TextContent.Should().NotContain(RequestInvalid);
        page.QuerySelector("a[data-login-link]").Should().BeNull("the shopper is signed in already");
    }

    [Fact]
    public async Task The_products_list_heads_its_store_count_column_without_a_placeholder()
    {
        using var admin = await OrderFlows.AdminAsync(_shop);

        var page = await admin.GetPageAsync("/admin/products");

        page.QuerySelectorAll(".products-table th").Select(th => th.TextContent).Should().Contain("Дүкендер")
            .And.NotContain(header => header.Contains('{'));
        page.QuerySelector(".products-table tr[data-product-id='2'] td[data-label='Дүкендер']")!.TextContent.Should().Be("2");
    }

    [Fact]
    public async Task A_filter_that_matches_no_order_says_so_not_that_there_are_no_orders()
    {
        using var shopper = await _shop.SignedInAsync();
        await OrderFlows.PlaceAsync(shopper);
        using var admin = await OrderFlows.AdminAsync(_shop);

        var page = await admin.GetPageAsync("/admin/orders?status=refunded");

        page.QuerySelector(".empty-title")!.TextContent.Should().Be("Сүзгіге сай тапсырыс жоқ");
        page.Body!.TextContent.Should().NotContain("Сізде әлі тапсырыс жоқ");
    }

    [Fact]
    public async Task An_order_placed_late_in_the_utc_evening_is_numbered_and_filed_under_the_almaty_day()
    {
        var clock = new ShopClock();
        var now = clock.UtcNow;
        var evening = now.Date.AddHours(20).AddMinutes(30);
        clock.Advance((evening > now ? evening : evening.AddDays(1)) - now); // 20:30 UTC = 01:30 the next day in Almaty (UTC+5)
        using var shop = new ShopFactory { Clock = clock };
        var utcDay = DateOnly.FromDateTime(clock.UtcNow);
        var almatyDay = utcDay.AddDays(1);
        using var shopper = await shop.SignedInAsync();

        var number = await OrderFlows.PlaceAsync(shopper);

        number.Should().StartWith($"ORD-{almatyDay:yyyyMMdd}-");
        using var admin = await OrderFlows.AdminAsync(shop);
        var sameDay = await admin.GetPageAsync($"/admin/orders?from={almatyDay:yyyy-MM-dd}&to={almatyDay:yyyy-MM-dd}");
        sameDay.QuerySelector($"tr[data-order-number='{number}']").Should().NotBeNull("the filter's day is the day in the number");
        var utcDate = await admin.GetPageAsync($"/admin/orders?from={utcDay:yyyy-MM-dd}&to={utcDay:yyyy-MM-dd}");
        utcDate.QuerySelector($"tr[data-order-number='{number}']").Should().BeNull();
    }

    [Fact]
    public async Task A_refund_reads_with_the_minus_sign_in_the_order_ledger()
    {
        using var shopper = await _shop.SignedInAsync();
        using var admin = await OrderFlows.AdminAsync(_shop);
        var number = await OrderFlows.PlaceAsync(shopper);
        await OrderFlows.DriveToAsync(shopper, admin, number, OrderStatus.Refunded);

        var page = await admin.GetPageAsync($"/admin/orders/{number}");

        page.QuerySelector(".ledger-table tr[data-payment-kind='refund'] .price")!.TextContent.Should().Be("\u221231 490 ₸");
    }

    [Fact]
    public async Task Colours_show_in_kazakh_on_the_pages_while_the_stored_name_stays_as_spec_gives_it()
    {
        using var shopper = await OrderFlows.ShopperWithCartAsync(_shop, productId: 1, quantity: 1);

        (await shopper.GetPageAsync("/products/1")).QuerySelector(".product-variant")!.TextContent.Should().Contain("Түсі: Қызғылт сары");
        (await shopper.GetPageAsync("/cart")).QuerySelector("tr[data-product-id='1'] small")!.TextContent.Should().Be("Қызғылт сары · 256GB");
        (await shopper.GetPageAsync("/products/2")).QuerySelector(".product-variant")!.TextContent.Should().Contain("Қою көк");
        await using var db = _shop.OpenDatabase();
        (await db.Products.Where(p => p.Id == 1).Select(p => p.Color).SingleAsync()).Should().Be("Оранжевый");
    }

    [Fact]
    public async Task The_cart_says_the_delivery_fee_before_checkout()
    {
        using var shopper = await OrderFlows.ShopperWithCartAsync(_shop);

        var page = await shopper.GetPageAsync("/cart");

        var note = page.QuerySelector(".delivery-note")!;
        note.GetAttribute("data-delivery").Should().Be("1500");
        note.TextContent.Should().Contain("Жеткізу 1 500 ₸");
    }

    [Fact]
    public async Task The_header_names_the_shopper_or_shows_the_email_of_an_account_without_a_name()
    {
        using var demo = await _shop.SignedInAsync();
        (await demo.GetPageAsync("/main")).QuerySelector("[data-shopper-name]")!.TextContent.Should().Be("Айгерім Сейітқызы");

        await using (var db = _shop.OpenDatabase())
        {
            await db.Users.Where(u => u.Email == Shopper.AidosEmail).ExecuteUpdateAsync(s => s.SetProperty(u => u.FullName, ""));
        }

        using var aidos = await _shop.SignedInAsync(Shopper.AidosEmail, Shopper.AidosPassword);
        (await aidos.GetPageAsync("/main")).QuerySelector("[data-shopper-name]")!.TextContent.Should().Be(Shopper.AidosEmail);
    }
}
