using System.Net;
using Microsoft.EntityFrameworkCore;

namespace Checkout.IntegrationTests;

/// <summary>
/// The admin's picture URL must be one of the shop's own pictures, as it looks: every trick a browser would turn into
/// another origin is refused, the product keeps its picture, and the refused URL is not shown back on the form.
/// </summary>
public sealed class PictureUrlTests : IDisposable
{
    private readonly ShopFactory _shop = new();

    public void Dispose() => _shop.Dispose();

    [Theory]
    [InlineData("/\t/evil.example/x.png")] // a browser drops the tab: //evil.example/x.png
    [InlineData("/\n/evil.example/x.png")]
    [InlineData("/\r/evil.example/x.png")]
    [InlineData("/\\evil.example/x.png")] // a browser reads \ as /
    [InlineData("//evil.example/x.png")]
    [InlineData("/\\/evil.example/x.png")]
    [InlineData("https://evil.example/x.png")]
    [InlineData("javascript:alert(1)")]
    [InlineData("/images/products/../../admin.png")]
    [InlineData("/images/products/x.png?//evil.example")]
    [InlineData("/images/products/x\u00a0.png")]
    public async Task A_url_that_could_lead_elsewhere_is_refused_and_not_shown(string url)
    {
        using var admin = await OrderFlows.AdminAsync(_shop);
        var before = await DatabaseSnapshot.ReadAsync(_shop);

        var response = await admin.PostFormAsync("/admin/products/2", Form(url));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var page = await Shopper.ParseAsync(response);
        page.QuerySelector("form#product-form .validation")!.TextContent.Should().Contain("Сурет осы сайттағы жол");
        page.QuerySelectorAll("form#product-form img, form#product-form input[name='ImageUrl']")
            .Select(e => e.GetAttribute("src") ?? e.GetAttribute("value") ?? "")
            .Should().NotContain(v => v.Contains("evil", StringComparison.Ordinal) || v.Contains("..", StringComparison.Ordinal));
        (await DatabaseSnapshot.ReadAsync(_shop)).ChangesSince(before).Should().BeEmpty();
    }

    [Theory]
    [InlineData("/images/products/placeholder.svg")]
    [InlineData("/images/products/iphone-17-pro-max-orange.svg")]
    [InlineData("/uploads/products/0f8fad5bd9cb469fa165708ac5e1a3b2.webp")]
    public async Task The_shops_own_pictures_are_accepted(string url)
    {
        using var admin = await OrderFlows.AdminAsync(_shop);

        (await admin.PostFormAsync("/admin/products/2", Form(url))).StatusCode.Should().Be(HttpStatusCode.Redirect);

        await using var db = _shop.OpenDatabase();
        (await db.Products.SingleAsync(p => p.Id == 2)).ImageUrl.Should().Be(url);
    }

    private static Dictionary<string, string> Form(string imageUrl) =>
        new(AdminProductsTests.Form(stock: 100, expectedStock: 100, ("2", "934990"), ("3", "957990"))) { ["ImageUrl"] = imageUrl };
}
