using System.Net;
using AngleSharp.Html.Dom;
using Checkout.Web.Domain;
using Microsoft.EntityFrameworkCore;
using static Checkout.Testing.OrderFlows;

namespace Checkout.IntegrationTests;

/// <summary>
/// VAT, Kazakhstan 2026: prices include it, 16 % unless a product is set lower, delivery at 16 %; every receipt says how
/// much of the total it is (checkout, payment, order page, admin's order, e-mail), and the order keeps it as placed.
/// </summary>
public sealed class VatTests : IDisposable
{
    private const string WorkedExampleVat = "оның ішінде ҚҚС 16%: 255 652,41 ₸";

    private readonly ShopFactory _shop = new();

    public void Dispose() => _shop.Dispose();

    [Fact]
    public async Task The_worked_example_shows_vat_255_652_41_on_every_receipt()
    {
        using var shopper = await ShopperWithCartAsync(_shop);

        VatLines(await shopper.GetPageAsync("/checkout")).Should().Equal(WorkedExampleVat);
        VatLines(await shopper.GetPageAsync("/payment")).Should().Equal(WorkedExampleVat);
        var number = (await Shopper.ReadAnswerAsync(await shopper.PayAsync(new { card_id = SeededCards.DemoKaspiGold }))).OrderNumber!;

        VatLines(await shopper.GetPageAsync($"/orders/{number}?placed=true")).Should().Equal(WorkedExampleVat);
        using var admin = await AdminAsync(_shop);
        VatLines(await admin.GetPageAsync($"/admin/orders/{number}")).Should().Equal(WorkedExampleVat);
        await _shop.WaitForOutboxAsync();
        AccountMessage.ReadAll(Path.Combine(_shop.DataDirectory, "mail"), Shopper.DemoEmail).Should().ContainSingle()
            .Which.Body.Should().Contain("Барлығы: 1 853 480 ₸").And.Contain(WorkedExampleVat);

        await using var db = _shop.OpenDatabase();
        var order = await db.Orders.Include(o => o.Vat).Include(o => o.Lines).SingleAsync();
        order.VatTiyn.Should().Be(255_652_41);
        order.Vat.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Rate = 16, GrossTiyn = 185_348_000L, VatTiyn = 25_565_241L });
        order.Lines.Should().ContainSingle().Which.VatRate.Should().Be(16);
    }

    [Fact]
    public async Task A_product_at_10_percent_has_a_vat_line_of_its_own_and_its_order_keeps_the_rate_it_was_sold_at()
    {
        using var admin = await AdminAsync(_shop);
        (await SetVatRateAsync(admin, 10)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        using var shopper = await ShopperWithCartAsync(_shop, productId: 1, quantity: 1);
        (await shopper.AddToCartAsync(CheapProduct, 1)).StatusCode.Should().Be(HttpStatusCode.Redirect);

        // 16 %: 925 990 ₸ + 1 500 ₸ delivery = 927 490 ₸ → 127 929,655… ₸; 10 %: 29 990 ₸ → 2 726,363… ₸.
        string[] expected = ["оның ішінде ҚҚС 16%: 127 929,66 ₸", "оның ішінде ҚҚС 10%: 2 726,36 ₸"];
        VatLines(await shopper.GetPageAsync("/checkout")).Should().Equal(expected);
        var number = (await Shopper.ReadAnswerAsync(await shopper.PayAsync(new { card_id = SeededCards.DemoKaspiGold }))).OrderNumber!;
        (await SetVatRateAsync(admin, 16)).StatusCode.Should().Be(HttpStatusCode.Redirect);

        VatLines(await shopper.GetPageAsync($"/orders/{number}")).Should().Equal(expected, "the receipt is the order's snapshot");
        await using var db = _shop.OpenDatabase();
        (await db.OrderLines.Where(l => l.ProductId == CheapProduct).Select(l => l.VatRate).SingleAsync()).Should().Be(10);
        (await db.Products.Where(p => p.Id == CheapProduct).Select(p => p.VatRate).SingleAsync()).Should().Be(16);
    }

    [Fact]
    public async Task A_rate_the_tax_code_does_not_have_is_refused_and_changes_nothing()
    {
        using var admin = await AdminAsync(_shop);
        var before = await DatabaseSnapshot.ReadAsync(_shop);

        var refused = await SetVatRateAsync(admin, 12);

        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Shopper.ParseAsync(refused)).QuerySelector(".validation")!.TextContent.Should().Contain("ҚҚС мөлшерлемесі 16, 10, 5 немесе 0 % болуы керек");
        (await DatabaseSnapshot.ReadAsync(_shop)).ChangesSince(before).Should().BeEmpty();
    }

    [Fact]
    public async Task The_admins_product_form_shows_the_rate_a_product_carries()
    {
        using var admin = await AdminAsync(_shop);
        (await SetVatRateAsync(admin, 5)).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var select = (IHtmlSelectElement)(await admin.GetPageAsync($"/admin/products/{CheapProduct}")).QuerySelector("select[name=VatRate]")!;

        select.Value.Should().Be("5");
        select.Options.Select(o => o.Value).Should().Equal("16", "10", "5", "0");
    }

    private static List<string> VatLines(IHtmlDocument page) => [.. page.QuerySelectorAll(".vat-line").Select(e => e.TextContent.Trim())];

    private static Task<HttpResponseMessage> SetVatRateAsync(Shopper admin, int rate) =>
        admin.PostFormAsync($"/admin/products/{CheapProduct}",
            new Dictionary<string, string>(AdminProductsTests.Form(stock: 200, expectedStock: 200, ("1", "29990"), ("4", "31990"), ("5", "30990")))
            {
                ["VatRate"] = $"{rate}",
            });
}
