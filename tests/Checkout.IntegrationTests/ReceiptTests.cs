using System.Net;
using static Checkout.Testing.OrderFlows;

namespace Checkout.IntegrationTests;

/// <summary>
/// After paying, the shopper lands on the order's page as a receipt (<c>/orders/{number}?placed=true</c>), which
/// says what happened: paid by card, or due in cash on delivery — and a cancelled cash order says nothing was charged.
/// </summary>
public sealed class ReceiptTests : IDisposable
{
    private readonly ShopFactory _shop = new();

    public void Dispose() => _shop.Dispose();

    [Fact]
    public async Task A_card_payment_lands_on_a_receipt_that_a_refresh_shows_again()
    {
        using var shopper = await ShopperWithCartAsync(_shop);
        var number = (await Shopper.ReadAnswerAsync(await shopper.PayAsync(new { card_id = SeededCards.DemoKaspiGold }))).OrderNumber;

        foreach (var visit in new[] { 1, 2 })
        {
            var receipt = (await shopper.GetPageAsync($"/orders/{number}?placed=true")).QuerySelector("#receipt");
            receipt.Should().NotBeNull($"visit {visit}: the receipt survives a refresh");
            receipt!.QuerySelector(".success-title")!.TextContent.Should().Be("Төлем сәтті жасалды");
            receipt.QuerySelector("[data-total-paid]")!.TextContent.Should().Be("1 853 480 ₸");
            receipt.TextContent.Should().Contain("Төленген сома").And.Contain("Kaspi Gold");
        }

        (await shopper.GetPageAsync($"/orders/{number}")).QuerySelector("#receipt").Should().BeNull("the plain order page is no receipt");
    }

    [Fact]
    public async Task A_cash_order_is_due_on_delivery_on_its_receipt_and_on_the_page_without_javascript()
    {
        using var shopper = await _shop.SignedInAsync();
        var number = await PlaceAsync(shopper, cardId: null, productId: 1);

        var receipt = (await shopper.GetPageAsync($"/orders/{number}?placed=true")).QuerySelector("#receipt")!;

        receipt.QuerySelector(".success-title")!.TextContent.Should().Be("Тапсырыс қабылданды, төлем жеткізу кезінде");
        receipt.QuerySelector("[data-total-due]")!.TextContent.Should().Be("927 490 ₸");
        receipt.TextContent.Should().Contain("Жеткізу кезінде төленетін сома").And.NotContain("Төленген сома");

        (await shopper.AddToCartAsync(CheapProduct, 1)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var placed = await Shopper.ParseAsync(await shopper.PostFormAsync("/process_payment", new Dictionary<string, string> { ["payment_method"] = "cash_on_delivery" }));
        placed.QuerySelector("#payment-success")!.TextContent.Should().Contain("Жеткізу кезінде төленетін сома").And.NotContain("Төленген сома");
    }

    [Fact]
    public async Task The_payment_pages_success_panel_speaks_of_the_amount_due_for_cash_and_sends_no_one_to_main()
    {
        using var shopper = await ShopperWithCartAsync(_shop);

        var panel = (await shopper.GetPageAsync("/payment")).QuerySelector("#payment-success")!;

        panel.QuerySelector("#success-due-row dt")!.TextContent.Should().Be("Жеткізу кезінде төленетін сома");
        panel.QuerySelector("#success-paid-row dt")!.TextContent.Should().Be("Төленген сома");
        panel.TextContent.Should().NotContain("басты бетке өтесіз");
    }

    [Fact]
    public async Task Cancelling_a_cash_order_says_nothing_was_charged_and_a_card_order_says_the_money_went_back()
    {
        using var shopper = await _shop.SignedInAsync();
        var cash = await PlaceAsync(shopper, cardId: null);
        var card = await PlaceAsync(shopper, SeededCards.DemoKaspiGold);

        var cashPage = await Flashed(shopper, await CancelAsync(shopper, cash));
        var cardPage = await Flashed(shopper, await CancelAsync(shopper, card));

        cashPage.Should().Be("Тапсырыстан бас тартылды: ақша алынған жоқ, тауар қоймаға оралды");
        cashPage.Should().NotContain("қайтарылды");
        cardPage.Should().Be("Тапсырыстан бас тартылды: ақша қайтарылды, тауар қоймаға оралды");
        (await shopper.GetPageAsync($"/orders/{cash}?placed=true")).QuerySelector("#receipt").Should().BeNull("a cancelled order shows its state, not a receipt");
    }

    [Fact]
    public async Task A_cart_changed_in_another_tab_is_refused_with_its_new_totals_which_then_pay()
    {
        using var shopper = await ShopperWithCartAsync(_shop);
        var shown = (await shopper.GetPageAsync("/payment")).QuerySelector("#payment-form")!.GetAttribute("data-total");
        (await shopper.UpdateCartAsync(1, 1)).StatusCode.Should().Be(HttpStatusCode.Redirect); // the other tab
        var before = await DatabaseSnapshot.ReadAsync(_shop);

        var stale = await Shopper.ReadAnswerAsync(await shopper.PayAsync(new { card_id = SeededCards.DemoKaspiGold, expected_total = long.Parse(shown!) }));

        stale.Status.Should().Be(HttpStatusCode.Conflict);
        stale.Json.Should().Be("""{"status":"error","message":"Себет өзгерді: жаңа соманы тексеріп, қайта төлеңіз","subtotal":925990,"delivery":1500,"total":927490,"discount":0}""");
        (await DatabaseSnapshot.ReadAsync(_shop)).ChangesSince(before).Should().BeEmpty();
        var paid = await Shopper.ReadAnswerAsync(await shopper.PayAsync(new { card_id = SeededCards.DemoKaspiGold, expected_total = 927_490 }));
        paid.Status.Should().Be(HttpStatusCode.OK);
        paid.TotalPaid.Should().Be(927_490);
    }

    private static async Task<string> Flashed(Shopper shopper, HttpResponseMessage redirect)
    {
        redirect.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var page = await shopper.GetPageAsync(redirect.Headers.Location!.OriginalString);
        return page.QuerySelector(".alert-success")!.TextContent;
    }
}
