using System.Net;
using AngleSharp.Html.Dom;

namespace Checkout.IntegrationTests;

/// <summary>The pages a shopper walks through, read as HTML.</summary>
public sealed class PageTests : IDisposable
{
    private readonly ShopFactory _shop = new();

    public void Dispose() => _shop.Dispose();

    [Theory]
    [InlineData("/")]
    [InlineData("/main")]
    public async Task Main_shows_every_product_with_its_cheapest_price(string path)
    {
        using var guest = _shop.CreateShopper();

        var page = await guest.GetPageAsync(path);

        var cards = page.QuerySelectorAll(".product-card");
        cards.Length.Should().BeGreaterThanOrEqualTo(14);
        var first = page.QuerySelector(".product-card[data-product-id='1']")!;
        first.QuerySelector(".product-name")!.TextContent.Should().Be("Apple iPhone 17 Pro Max");
        first.QuerySelector(".product-variant")!.TextContent.Should().Be("Қызғылт сары · 256GB", "the stored «Оранжевый» is shown in Kazakh");
        first.QuerySelector(".product-price")!.TextContent.Should().Be("925 990 ₸");
        first.QuerySelector("img")!.GetAttribute("src").Should().StartWith("/images/products/");
        page.QuerySelector(".product-card[data-product-id='2'] .product-price")!.TextContent.Should().Be("934 990 ₸");
        page.QuerySelector(".product-card[data-product-id='2']")!.TextContent.Should().Contain("2 дүкенде");
    }

    [Fact]
    public async Task Product_page_lists_every_stores_price_cheapest_first()
    {
        using var guest = _shop.CreateShopper();

        var page = await guest.GetPageAsync("/products/2");

        page.QuerySelectorAll(".offers tbody tr").Select(r => r.TextContent.Trim().Replace("\n", " ", StringComparison.Ordinal))
            .Should().HaveCount(2);
        var rows = page.QuerySelectorAll(".offers tbody tr").Select(r => (r.Children[0].TextContent, r.Children[1].TextContent)).ToList();
        rows.Should().Equal(("iSpace Apple", "934 990 ₸"), ("Sulpak", "957 990 ₸"));
    }

    [Fact]
    public async Task Unknown_product_is_a_404_page()
    {
        using var guest = _shop.CreateShopper();

        var response = await guest.Http.GetAsync(new Uri("/products/9999", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await Shopper.ParseAsync(response)).Body!.TextContent.Should().Contain("Бет табылмады");
    }

    [Theory]
    [InlineData("/checkout")]
    [InlineData("/payment")]
    [InlineData("/orders")]
    public async Task Shopper_pages_send_a_guest_to_login_and_back(string path)
    {
        using var guest = _shop.CreateShopper();

        var response = await guest.Http.GetAsync(new Uri(path, UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().Should().Contain("/account/login").And.Contain(Uri.EscapeDataString(path));
    }

    [Theory]
    [InlineData("/checkout")]
    [InlineData("/payment")]
    public async Task Checkout_and_payment_with_an_empty_cart_go_back_to_the_cart(string path)
    {
        using var shopper = _shop.CreateShopper();
        await shopper.LoginAsync();

        var response = await shopper.Http.GetAsync(new Uri(path, UriKind.Relative));

        response.Headers.Location!.OriginalString.Should().Be("/cart");
    }

    [Fact]
    public async Task Checkout_shows_lines_delivery_1_500_total_and_the_address()
    {
        using var shopper = _shop.CreateShopper();
        await shopper.LoginAsync();
        await shopper.AddToCartAsync(1, 2);

        var page = await shopper.GetPageAsync("/checkout");

        page.QuerySelector("[data-subtotal]")!.TextContent.Should().Be("1 851 980 ₸");
        page.QuerySelector("[data-delivery]")!.TextContent.Should().Be("1 500 ₸");
        page.QuerySelector("[data-total]")!.TextContent.Should().Be("1 853 480 ₸");
        page.QuerySelector("textarea[name='DeliveryAddress']")!.TextContent.Should().Contain("Алматы");
        page.QuerySelector("form[action='/checkout/address'] button[name='next'][value='payment']")!.TextContent.Should().Be("Төлем жасауға өту");
    }

    [Fact]
    public async Task Checkout_address_can_be_edited_and_bad_input_is_refused()
    {
        using var shopper = _shop.CreateShopper();
        await shopper.LoginAsync();
        await shopper.AddToCartAsync(1, 1);

        var refused = await shopper.PostFormAsync("/checkout/address", new Dictionary<string, string>
        {
            ["FullName"] = "Айгерім",
            ["Phone"] = "not a phone",
            ["DeliveryAddress"] = "",
        });
        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await shopper.GetPageAsync("/checkout")).QuerySelector("textarea[name='DeliveryAddress']")!.TextContent.Should().Contain("Алматы");

        var saved = await shopper.PostFormAsync("/checkout/address", new Dictionary<string, string>
        {
            ["FullName"] = "Айгерім Сейітқызы",
            ["Phone"] = "+7 701 234 56 78",
            ["DeliveryAddress"] = "Алматы қ., Достық даңғылы 1",
        });
        saved.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await shopper.GetPageAsync("/checkout")).QuerySelector("textarea[name='DeliveryAddress']")!.TextContent
            .Should().Be("Алматы қ., Достық даңғылы 1");
    }

    [Fact]
    public async Task Payment_page_renders_each_card_as_a_radio_with_name_and_balance()
    {
        using var shopper = _shop.CreateShopper();
        await shopper.LoginAsync();
        await shopper.AddToCartAsync(1, 2);

        var response = await shopper.Http.GetAsync(new Uri("/payment", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        var page = await Shopper.ParseAsync(response);

        html.Should().Contain("""<input type="radio" name="card_id" value="1" """);
        var options = page.QuerySelectorAll(".card-option").Select(o => (
            ((IHtmlInputElement)o.QuerySelector("input")!).Value,
            o.QuerySelector(".card-name")!.TextContent,
            o.QuerySelector(".card-balance .price")!.TextContent)).ToList();
        options.Should().Equal(("1", "Kaspi Gold", "4 300 000 ₸"), ("2", "Halyk Bank", "2 100 000 ₸"), ("3", "BCC", "650 000 ₸"));
        page.QuerySelector("#pay-button")!.TextContent.Should().Be("Төлеу");
        page.QuerySelector("#insufficient")!.TextContent.Should().Be("Қаражатыңыз жеткіліксіз");
        page.QuerySelector("#payment-form")!.GetAttribute("data-total").Should().Be("1853480");
        page.QuerySelector("script[src^='/js/payment.js']").Should().NotBeNull();
        page.QuerySelectorAll("input[name='card_id']").Should().NotContain(i => ((IHtmlInputElement)i).Value == "4", "Aidos's cards are not shown");
    }

    [Fact]
    public async Task Orders_list_and_detail_show_the_paid_order_only_to_its_shopper()
    {
        using var shopper = _shop.CreateShopper();
        await shopper.LoginAsync();
        await shopper.AddToCartAsync(1, 2);
        var paid = await Shopper.ReadAnswerAsync(await shopper.PayAsync(new { card_id = SeededCards.DemoKaspiGold }));

        var list = await shopper.GetPageAsync("/orders");
        var row = list.QuerySelector($"tr[data-order-number='{paid.OrderNumber}']")!;
        row.TextContent.Should().Contain("1 853 480 ₸");
        row.QuerySelector("[data-status]")!.GetAttribute("data-status").Should().Be("pending");

        var detail = await shopper.GetPageAsync($"/orders/{paid.OrderNumber}");
        detail.QuerySelector(".order-number")!.TextContent.Should().Be(paid.OrderNumber);
        detail.QuerySelector("[data-total]")!.TextContent.Should().Be("1 853 480 ₸");
        detail.Body!.TextContent.Should().Contain("Kaspi Gold").And.Contain("Apple iPhone 17 Pro Max").And.Contain("1 500 ₸");

        using var aidos = _shop.CreateShopper();
        await aidos.LoginAsync(Shopper.AidosEmail, Shopper.AidosPassword);
        (await aidos.Http.GetAsync(new Uri($"/orders/{paid.OrderNumber}", UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await aidos.GetPageAsync("/orders")).QuerySelector($"tr[data-order-number='{paid.OrderNumber}']").Should().BeNull();
    }

    [Fact]
    public async Task Health_answers_healthy_and_every_response_carries_a_request_id()
    {
        using var guest = _shop.CreateShopper();

        var response = await guest.Http.GetAsync(new Uri("/health", UriKind.Relative));

        (await response.Content.ReadAsStringAsync()).Should().Be("Healthy");
        response.Headers.GetValues("X-Request-Id").Single().Should().NotBeNullOrWhiteSpace();
    }
}
