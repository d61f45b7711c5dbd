using System.Net;
using System.Text.Json;
using Checkout.Web.Domain;
using Microsoft.EntityFrameworkCore;
using static Checkout.IntegrationTests.CouponCartTests;
using static Checkout.Testing.OrderFlows;

namespace Checkout.IntegrationTests;

/// <summary>Free orders (seed 004): a total of 0 is placed without touching a card, as <c>free</c>, whatever method was sent.</summary>
public sealed class FreeOrderTests : IDisposable
{
    private readonly ShopFactory _shop = new();

    public void Dispose() => _shop.Dispose();

    [Fact]
    public async Task Gift100_places_two_iphones_free_without_touching_a_card_and_is_then_used_up()
    {
        using var shopper = await ShopperWithCartAsync(_shop);
        (await ApplyAsync(shopper, "GIFT100")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var payment = await shopper.GetPageAsync("/payment");
        payment.QuerySelector("[data-free-order]")!.TextContent.Should().Be("Бұл тапсырыс тегін: картадан ештеңе алынбайды");
        payment.QuerySelectorAll("input[name=card_id]").Should().BeEmpty();
        payment.QuerySelector(".totals [data-total]")!.TextContent.Should().Be("0 ₸");
        var before = await ShopState.ReadAsync(_shop);

        var answer = await Shopper.ReadAnswerAsync(await shopper.PayAsync(new { card_id = SeededCards.DemoKaspiGold, expected_total = 0 }));

        answer.Status.Should().Be(HttpStatusCode.OK, answer.Json);
        using (var json = JsonDocument.Parse(answer.Json))
        {
            json.RootElement.GetProperty("payment_method").GetString().Should().Be("free");
            json.RootElement.GetProperty("total_paid").GetInt64().Should().Be(0);
            json.RootElement.GetProperty("discount").GetInt64().Should().Be(1_851_980);
            json.RootElement.TryGetProperty("new_balance", out _).Should().BeFalse("no card was touched");
        }

        var after = await ShopState.ReadAsync(_shop);
        after.CardBalances.Should().Equal(before.CardBalances);
        after.LedgerEntries.Should().Be(before.LedgerEntries);
        await using (var db = _shop.OpenDatabase())
        {
            var order = await db.Orders.Include(o => o.Vat).SingleAsync();
            order.Should().BeEquivalentTo(new { PaymentMethod = "free", CardId = (int?)null, TotalTiyn = 0L, DeliveryTiyn = 0L, VatTiyn = 0L, CouponCode = "GIFT100" });
            (await db.Coupons.SingleAsync(c => c.Code == "GIFT100")).Used.Should().Be(1);
        }

        var receipt = await shopper.GetPageAsync($"/orders/{answer.OrderNumber}?placed=true");
        receipt.QuerySelector("[data-status]")!.GetAttribute("data-status").Should().Be("pending");
        receipt.QuerySelector("#receipt .success-title")!.TextContent.Should().Be("Тапсырыс рәсімделді: төлеудің қажеті жоқ");
        receipt.QuerySelector("#receipt [data-total-paid]")!.TextContent.Should().Be("0 ₸");
        receipt.Body!.TextContent.Should().Contain("Тегін");

        using var aidos = await _shop.SignedInAsync(Shopper.AidosEmail, Shopper.AidosPassword);
        (await aidos.AddToCartAsync(CheapProduct, 1)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var usedUp = await ApplyAsync(aidos, "GIFT100");
        usedUp.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Shopper.ParseAsync(usedUp)).QuerySelector(".alert-error")!.TextContent.Should().Be("Промокодтың қолданылу саны таусылды");
    }

    [Fact]
    public async Task A_free_order_needs_no_card_and_ignores_a_cash_on_delivery_choice()
    {
        using var shopper = await ShopperWithCartAsync(_shop, CheapProduct, quantity: 1);
        (await ApplyAsync(shopper, "GIFT100")).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var answer = await Shopper.ReadAnswerAsync(await shopper.PayAsync(new { payment_method = "cash_on_delivery" }));

        answer.Status.Should().Be(HttpStatusCode.OK, answer.Json);
        answer.TotalPaid.Should().Be(0);
        await using var db = _shop.OpenDatabase();
        (await db.Orders.SingleAsync()).PaymentMethod.Should().Be(PaymentMethods.Free);
    }

    [Fact]
    public async Task Without_javascript_the_free_form_places_the_order_and_the_page_says_nothing_was_paid()
    {
        using var shopper = await ShopperWithCartAsync(_shop, CheapProduct, quantity: 1);
        (await ApplyAsync(shopper, "GIFT100")).StatusCode.Should().Be(HttpStatusCode.Redirect);

        var page = await Shopper.ParseAsync(await shopper.PostFormAsync("/process_payment", new Dictionary<string, string> { ["expected_total"] = "0" }));

        var success = page.QuerySelector("#payment-success")!;
        success.GetAttribute("data-payment-method").Should().Be("free");
        success.QuerySelector(".success-title")!.TextContent.Should().Be("Тапсырыс рәсімделді: төлеудің қажеті жоқ");
        success.QuerySelector("[data-total-paid]")!.TextContent.Should().Be("0 ₸");
    }

    [Fact]
    public async Task A_free_order_cancelled_gives_its_coupon_back_and_its_books_hold()
    {
        using var shopper = await ShopperWithCartAsync(_shop, CheapProduct, quantity: 1);
        (await ApplyAsync(shopper, "GIFT100")).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var number = (await Shopper.ReadAnswerAsync(await shopper.PayAsync(new { }))).OrderNumber!;

        (await CancelAsync(shopper, number)).StatusCode.Should().Be(HttpStatusCode.Redirect);

        await using var db = _shop.OpenDatabase();
        (await db.Coupons.SingleAsync(c => c.Code == "GIFT100")).Used.Should().Be(0);
        (await db.LedgerEntries.CountAsync()).Should().Be(0);
        (await db.Products.SingleAsync(p => p.Id == CheapProduct)).Stock.Should().Be(200);
    }
}
