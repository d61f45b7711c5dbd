using System.Net;
using System.Net.Http.Headers;
using Checkout.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Checkout.IntegrationTests;

/// <summary>The admin's catalogue: products, a price per store, stock (through the stock ledger) and pictures.</summary>
public sealed class AdminProductsTests : IDisposable
{
    private readonly ShopFactory _shop = new();

    public void Dispose() => _shop.Dispose();

    [Fact]
    public async Task Admin_creates_a_product_with_prices_per_store_and_stock_and_shoppers_see_it()
    {
        using var admin = await OrderFlows.AdminAsync(_shop);

        var response = await admin.PostFormAsync("/admin/products/new", Form(stock: 7, expectedStock: null, ("1", "120000"), ("3", "115000")));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var id = int.Parse(response.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        using var guest = _shop.CreateShopper();
        var page = await guest.GetPageAsync($"/products/{id}");
        page.QuerySelector("h1")!.TextContent.Should().Contain("Тест тауары");
        page.Body!.TextContent.Should().Contain("115 000 ₸").And.Contain("120 000 ₸").And.Contain("Қоймада: 7 дана");
        await using var db = _shop.OpenDatabase();
        (await db.StockMovements.Where(m => m.ProductId == id).Select(m => m.Reason + " " + m.Delta).ToListAsync()).Should().Equal("opening 7");
    }

    [Fact]
    public async Task Admin_changes_prices_and_stock_and_the_change_is_an_adjustment_in_the_stock_ledger()
    {
        using var admin = await OrderFlows.AdminAsync(_shop);

        var response = await admin.PostFormAsync("/admin/products/3", Form(stock: 10, expectedStock: 3, ("1", "170000")));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        await using var db = _shop.OpenDatabase();
        var product = await db.Products.Include(p => p.Offers).SingleAsync(p => p.Id == 3);
        product.Stock.Should().Be(10);
        product.Offers.Should().ContainSingle().Which.PriceTiyn.Should().Be(Money.FromTenge(170_000).Tiyn, "store 5's empty price removed its offer");
        (await db.StockMovements.Where(m => m.ProductId == 3).OrderBy(m => m.Id).Select(m => m.Reason + " " + m.Delta).ToListAsync())
            .Should().Equal("opening 3", "adjustment 7");
        await Ledger.AssertReplaysAsync(_shop);
    }

    [Fact]
    public async Task A_stock_edit_from_a_stale_form_is_refused_when_units_sold_meanwhile()
    {
        using var admin = await OrderFlows.AdminAsync(_shop);
        using var shopper = _shop.CreateShopper();
        await shopper.LoginAsync();
        await OrderFlows.PlaceAsync(shopper, productId: 3, quantity: 1); // stock 3 → 2 after the admin loaded the form at 3

        var response = await admin.PostFormAsync("/admin/products/3", Form(stock: 5, expectedStock: 3, ("1", "179990")));

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await Shopper.ParseAsync(response)).QuerySelector(".validation")!.TextContent.Should().Contain("қазір 2 дана");
        await using var db = _shop.OpenDatabase();
        (await db.Products.SingleAsync(p => p.Id == 3)).Stock.Should().Be(2);
        await Ledger.AssertReplaysAsync(_shop);
    }

    [Fact]
    public async Task Admin_uploads_a_picture_and_svg_or_foreign_urls_are_refused()
    {
        using var admin = await OrderFlows.AdminAsync(_shop);
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52];

        var uploaded = await PostMultipartAsync(admin, "/admin/products/2", png, "phone.png", "image/png");
        var svg = await PostMultipartAsync(admin, "/admin/products/2", "<svg onload=\"alert(1)\"/>"u8.ToArray(), "x.svg", "image/svg+xml");
        var foreign = await admin.PostFormAsync("/admin/products/2", new Dictionary<string, string>(Form(stock: 100, expectedStock: 100, ("2", "934990"))) { ["ImageUrl"] = "javascript:alert(1)" });

        uploaded.StatusCode.Should().Be(HttpStatusCode.Redirect);
        svg.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        foreign.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        await using var db = _shop.OpenDatabase();
        var url = (await db.Products.SingleAsync(p => p.Id == 2)).ImageUrl;
        url.Should().StartWith("/uploads/products/").And.EndWith(".png");
        (await admin.Http.GetAsync(new Uri(url, UriKind.Relative))).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_product_without_any_store_price_is_refused()
    {
        using var admin = await OrderFlows.AdminAsync(_shop);
        var before = await ShopState.ReadAsync(_shop);

        (await admin.PostFormAsync("/admin/products/new", Form(stock: 1))).StatusCode.Should().Be(HttpStatusCode.BadRequest);

        (await ShopState.ReadAsync(_shop)).Stock.Should().BeEquivalentTo(before.Stock);
    }

    internal static Dictionary<string, string> Form(int stock, int? expectedStock = null, params (string StoreId, string Price)[] prices)
    {
        var form = new Dictionary<string, string>
        {
            ["Name"] = "Тест тауары",
            ["Color"] = "Қара",
            ["Storage"] = "—",
            ["Category"] = "Смартфондар",
            ["Description"] = "Сипаттама",
            ["Stock"] = $"{stock}",
        };
        if (expectedStock is { } expected)
        {
            form["ExpectedStock"] = $"{expected}";
        }

        for (var store = 1; store <= 5; store++)
        {
            var price = prices.FirstOrDefault(p => p.StoreId == $"{store}").Price ?? "";
            form[$"Prices[{store - 1}].StoreId"] = $"{store}";
            form[$"Prices[{store - 1}].Price"] = price;
        }

        return form;
    }

    internal static async Task<HttpResponseMessage> PostMultipartAsync(Shopper admin, string path, byte[] file, string name, string type)
    {
        using var content = new MultipartFormDataContent();
        foreach (var (key, value) in Form(stock: 100, expectedStock: 100, ("2", "934990"), ("3", "957990")))
        {
            content.Add(new StringContent(value), key);
        }

        content.Add(new StringContent(await admin.TokenAsync()), "__RequestVerificationToken");
        var image = new ByteArrayContent(file);
        image.Headers.ContentType = new MediaTypeHeaderValue(type);
        content.Add(image, "image", name);
        return await admin.Http.PostAsync(new Uri(path, UriKind.Relative), content);
    }
}
