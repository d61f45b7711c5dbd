using System.Globalization;
using System.Net;
using Checkout.Testing.Payments;
using Checkout.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Checkout.IntegrationTests.Payments;

/// <summary>
/// A card saved on the hosted page («Картаны сақтау»), then paid with in one click from /payment through the gateway's
/// token charge, over real HTTP against the sandbox; deleted from the profile; and what the admin sees of the attempts.
/// </summary>
public sealed class SavedCardTests : IDisposable
{
    private readonly SandboxShop _sandbox = SandboxShop.NotifyingTheShop();

    private ShopFactory Shop => _sandbox.Shop;

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public async Task A_card_saved_on_a_paid_order_shows_on_payment_as_Visa_4242_and_pays_the_next_cart_in_one_click_once()
    {
        using var shopper = await OrderFlows.ShopperWithCartAsync(Shop, OrderFlows.CheapProduct, quantity: 1);
        var savedId = await PayAndSaveCardAsync(shopper);
        await using (var db = Shop.OpenDatabase())
        {
            var saved = await db.SavedCards.SingleAsync();
            (saved.CardType, saved.LastFour, saved.ExpDate).Should().Be(("Visa", "4242", "12/30"));
            saved.Token.Should().NotContain("4242 4242").And.NotContain("42424242", "the shop keeps the gateway's token, never the number");
        }

        (await shopper.AddToCartAsync(OrderFlows.CheapProduct, 1)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var stockBefore = await StockAsync(OrderFlows.CheapProduct);
        var page = await shopper.GetPageAsync("/payment");
        var button = page.QuerySelector($".saved-card-form[data-saved-card-id='{savedId}'] button")!;
        button.TextContent.Should().Contain("Visa •••• 4242");

        const string key = "one-click-0001";
        var token = await shopper.TokenAsync();
        using var first = await shopper.PayAsync(new { payment_method = "online", saved_card_id = savedId }, token, key);
        using var replay = await shopper.PayAsync(new { payment_method = "online", saved_card_id = savedId }, token, key);

        var paid = await Shopper.ReadAnswerAsync(first);
        paid.Status.Should().Be(HttpStatusCode.OK, paid.Json);
        paid.State.Should().Be("success");
        paid.TotalPaid.Should().Be(OrderFlows.CheapTotal.WholeTenge);
        paid.Json.Should().NotContain("new_balance", "the gateway charged the card: the shop holds no balance of it");
        (await Shopper.ReadAnswerAsync(replay)).OrderNumber.Should().Be(paid.OrderNumber, "the replay is answered as the first, nothing more is charged");
        var number = paid.OrderNumber!;
        (await OrderFlows.StatusAsync(Shop, number)).Should().Be(OrderStatus.Pending);
        var charge = (await OnlineCheckout.LedgerAsync(Shop, number)).Should().ContainSingle().Subject;
        (charge.Kind, charge.AmountTiyn).Should().Be(("charge", OrderFlows.CheapTotal.Tiyn));
        (await _sandbox.Gateway.GetStatusAsync(number, CancellationToken.None)).Value!.TransactionId.Should().Be(charge.Transaction);
        (await OnlineCheckout.AttemptsAsync(Shop, number)).Should().Contain("paid").And.ContainSingle(k => k == "paid");
        (await StockAsync(OrderFlows.CheapProduct)).Should().Be(stockBefore - 1);

        await using (var db = Shop.OpenDatabase())
        {
            (await db.PointsEntries.CountAsync(p => p.OrderNumber == number)).Should().BeGreaterThan(0, "a paid order earns its points");
            (await db.OutboxMessages.CountAsync(m => m.Type == Web.Outbox.OutboxEvents.OrderPaid && m.Subject == number))
                .Should().Be(1, "order.paid once, for its one handler (the referral rewards)");
        }

        await Shop.WaitForAsync(db => db.PaymentAttempts.Where(a => a.InvoiceId == number && a.Kind == "notified").Select(a => (object?)a.Id).FirstOrDefaultAsync(),
            "the gateway's Check of the token charge");
        await _sandbox.Notifier.DeliverDueAsync(CancellationToken.None); // its Pay notification too: it finds the order paid
        (await OnlineCheckout.LedgerAsync(Shop, number)).Should().ContainSingle("the Pay notification after the one-click charge charges nothing more");
        await Ledger.AssertReplaysAsync(Shop);
    }

    [Fact]
    public async Task A_double_click_on_a_saved_card_charges_once_and_the_second_click_finds_the_cart_paid()
    {
        using var shopper = await OrderFlows.ShopperWithCartAsync(Shop, OrderFlows.CheapProduct, quantity: 1);
        var savedId = await PayAndSaveCardAsync(shopper);
        (await shopper.AddToCartAsync(OrderFlows.CheapProduct, 1)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        await using var db = Shop.OpenDatabase();
        var ordersBefore = await db.Orders.CountAsync();
        var token = await shopper.TokenAsync();

        var clicks = await Task.WhenAll(
            shopper.PayAsync(new { payment_method = "online", saved_card_id = savedId }, token),
            shopper.PayAsync(new { payment_method = "online", saved_card_id = savedId }, token));

        var answers = await Task.WhenAll(clicks.Select(Shopper.ReadAnswerAsync));
        answers.Select(a => a.Status).Should().BeEquivalentTo([HttpStatusCode.OK, HttpStatusCode.BadRequest]);
        (await db.Orders.CountAsync()).Should().Be(ordersBefore + 1);
        var number = answers.Single(a => a.Status == HttpStatusCode.OK).OrderNumber!;
        (await OnlineCheckout.LedgerAsync(Shop, number)).Should().ContainSingle().Which.Kind.Should().Be("charge");
        foreach (var click in clicks)
        {
            click.Dispose();
        }

        await Ledger.AssertReplaysAsync(Shop);
    }

    [Fact]
    public async Task A_saved_card_the_gateway_declines_is_refused_402_and_the_gateway_down_503_both_holding_nothing()
    {
        using var shopper = await OrderFlows.ShopperWithCartAsync(Shop, OrderFlows.CheapProduct, quantity: 1);
        var savedId = await PayAndSaveCardAsync(shopper);
        var forgotten = await SaveCardTheGatewayNeverIssuedAsync();

        (await shopper.AddToCartAsync(OrderFlows.CheapProduct, 1)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var stockBefore = await StockAsync(OrderFlows.CheapProduct);

        var declined = await Shopper.ReadAnswerAsync(await shopper.PayAsync(new { payment_method = "online", saved_card_id = forgotten }));

        declined.Status.Should().Be(HttpStatusCode.PaymentRequired);
        declined.Message.Should().Be("Банк сақталған картадан төлемді қабылдамады. Ештеңе есептен шығарылмады — басқа картаны немесе тәсілді таңдаңыз.");
        (await StockAsync(OrderFlows.CheapProduct)).Should().Be(stockBefore, "the cancelled order gave its unit back");
        await AssertLastOrderCancelledWithoutMoneyAsync();
        (await CartUnitsAsync(OrderFlows.CheapProduct)).Should().Be(1, "the declined order's goods are back in the cart, to pay another way");
        var page = await shopper.GetPageAsync("/payment");
        page.QuerySelector(".saved-card-form").Should().NotBeNull("the payment page shows the cart again, not an empty one");

        _sandbox.Outage.Down = true;
        var down = await Shopper.ReadAnswerAsync(await shopper.PayAsync(new { payment_method = "online", saved_card_id = savedId }));
        down.Status.Should().Be(HttpStatusCode.ServiceUnavailable);
        down.Message.Should().Be("Онлайн төлем қазір қолжетімсіз. Ештеңе есептен шығарылмады, себет сақталды — кейінірек қайталаңыз немесе басқа тәсілді таңдаңыз.");
        (await StockAsync(OrderFlows.CheapProduct)).Should().Be(stockBefore);
        await AssertLastOrderCancelledWithoutMoneyAsync();
        (await CartUnitsAsync(OrderFlows.CheapProduct)).Should().Be(1, "the message says the cart was kept, and it was");
        _sandbox.Outage.Down = false;
        await Ledger.AssertReplaysAsync(Shop);
    }

    [Fact]
    public async Task Without_JavaScript_a_saved_card_pays_to_a_page_with_no_shop_balance_and_a_decline_shows_the_cart_again_with_why()
    {
        using var shopper = await OrderFlows.ShopperWithCartAsync(Shop, OrderFlows.CheapProduct, quantity: 1);
        var savedId = await PayAndSaveCardAsync(shopper);
        var forgotten = await SaveCardTheGatewayNeverIssuedAsync();

        (await shopper.AddToCartAsync(OrderFlows.CheapProduct, 1)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        using (var declined = await shopper.PostFormAsync("/process_payment",
            new Dictionary<string, string> { ["payment_method"] = "online", ["saved_card_id"] = forgotten.ToString(CultureInfo.InvariantCulture) }))
        {
            declined.StatusCode.Should().Be(HttpStatusCode.PaymentRequired);
            var page = await Shopper.ParseAsync(declined);
            page.QuerySelector("#payment-error")!.TextContent.Should().StartWith("Банк сақталған картадан төлемді қабылдамады.");
            page.QuerySelector($".saved-card-form[data-saved-card-id='{savedId}']").Should().NotBeNull("the payment page again, for the cart that is back");
        }

        using var paid = await shopper.PostFormAsync("/process_payment",
            new Dictionary<string, string> { ["payment_method"] = "online", ["saved_card_id"] = savedId.ToString(CultureInfo.InvariantCulture) });
        paid.StatusCode.Should().Be(HttpStatusCode.OK);
        var receipt = await Shopper.ParseAsync(paid);
        var success = receipt.QuerySelector("#payment-success")!;
        success.TextContent.Should().Contain(Money.FromTenge(OrderFlows.CheapTotal.WholeTenge).ToString())
            .And.NotContain("Картадағы жаңа қалдық", "the gateway charged the card: the shop holds no balance of it to show");
        (await CartUnitsAsync(OrderFlows.CheapProduct)).Should().Be(0);
    }

    [Fact]
    public async Task Someone_elses_saved_card_is_refused_404_and_nothing_changes()
    {
        using var demo = await OrderFlows.ShopperWithCartAsync(Shop, OrderFlows.CheapProduct, quantity: 1);
        var demosCard = await PayAndSaveCardAsync(demo);
        using var aidos = await Shop.SignedInAsync(Shopper.AidosEmail, Shopper.AidosPassword);
        (await aidos.AddToCartAsync(OrderFlows.CheapProduct, 1)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        await using var db = Shop.OpenDatabase();
        var (orders, attempts, stock) = (await db.Orders.CountAsync(), await db.PaymentAttempts.CountAsync(), await StockAsync(OrderFlows.CheapProduct));

        var refused = await Shopper.ReadAnswerAsync(await aidos.PayAsync(new { payment_method = "online", saved_card_id = demosCard }));

        refused.Status.Should().Be(HttpStatusCode.NotFound);
        refused.Message.Should().Be("Сақталған карта табылмады");
        (await db.Orders.CountAsync(), await db.PaymentAttempts.CountAsync(), await StockAsync(OrderFlows.CheapProduct)).Should().Be((orders, attempts, stock));
        (await aidos.GetPageAsync("/payment")).QuerySelectorAll(".saved-card-form").Should().BeEmpty("Aidos sees no card of the demo shopper's");
        using var delete = await aidos.PostFormAsync($"/account/saved-cards/{demosCard}/delete", new Dictionary<string, string>());
        delete.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await db.SavedCards.CountAsync(c => c.Id == demosCard)).Should().Be(1, "nobody deletes another's card");
    }

    [Fact]
    public async Task The_profile_lists_the_saved_card_and_its_delete_button_removes_the_token()
    {
        using var shopper = await OrderFlows.ShopperWithCartAsync(Shop, OrderFlows.CheapProduct, quantity: 1);
        var savedId = await PayAndSaveCardAsync(shopper);

        var profile = await shopper.GetPageAsync("/account/profile");
        profile.QuerySelector($"#saved-cards tr[data-saved-card-id='{savedId}']")!.TextContent.Should().Contain("Visa •••• 4242");

        using var delete = await shopper.PostFormAsync($"/account/saved-cards/{savedId}/delete", new Dictionary<string, string>(), withToken: false);
        delete.StatusCode.Should().Be(HttpStatusCode.BadRequest, "without the antiforgery token nothing is deleted");
        using var deleted = await shopper.PostFormAsync($"/account/saved-cards/{savedId}/delete", new Dictionary<string, string>());
        deleted.StatusCode.Should().Be(HttpStatusCode.Redirect);

        await using var db = Shop.OpenDatabase();
        (await db.SavedCards.CountAsync()).Should().Be(0);
        (await shopper.GetPageAsync("/account/profile")).QuerySelector("#saved-cards").Should().BeNull();
    }

    [Fact]
    public async Task The_admin_sees_an_orders_payment_attempts_with_the_gateways_ids_and_todays_success_rate()
    {
        using var shopper = await OrderFlows.ShopperWithCartAsync(Shop, OrderFlows.CheapProduct, quantity: 1);
        var (number, link) = await OnlineCheckout.PlaceAsync(shopper);
        (await _sandbox.PayOnHostedPageAsync(link, SandboxShop.DeclinedCard)).Dispose();
        await Shop.WaitForAsync(db => db.PaymentAttempts.Where(a => a.InvoiceId == number && a.Kind == "declined").Select(a => (object?)a.Id).FirstOrDefaultAsync(),
            "the decline recorded");
        using var retry = await shopper.PostFormAsync($"/payment/retry/{number}", new Dictionary<string, string>());
        await _sandbox.PayAsync(retry.Headers.Location!, SandboxShop.PaidCard);
        await OnlineCheckout.WaitUntilPaidAsync(Shop, number);
        using var admin = await OrderFlows.AdminAsync(Shop);

        var page = await admin.GetPageAsync($"/admin/orders/{number}");

        var rows = page.QuerySelectorAll("#payment-attempts tbody tr");
        rows.Select(r => r.GetAttribute("data-attempt-kind")).Should().Contain(["created", "declined", "paid"]);
        var charge = (await OnlineCheckout.LedgerAsync(Shop, number)).Single();
        var paidRow = rows.Single(r => r.GetAttribute("data-attempt-kind") == "paid");
        paidRow.GetAttribute("data-transaction").Should().Be(charge.Transaction);
        paidRow.TextContent.Should().Contain(number).And.Contain("Төленді");
        await using var db = Shop.OpenDatabase();
        var (paid, declined) = (await db.PaymentAttempts.CountAsync(a => a.Kind == "paid"), await db.PaymentAttempts.CountAsync(a => a.Kind == "declined"));
        (paid, declined).Should().Be((1, 1));

        var dashboard = (await admin.GetPageAsync("/admin")).QuerySelector(".payment-success")!;
        (dashboard.GetAttribute("data-paid"), dashboard.GetAttribute("data-declined"), dashboard.GetAttribute("data-with-outcome")).Should().Be(("1", "1", "2"));
        dashboard.QuerySelector("#payment-success-rate")!.TextContent.Should().StartWith("50 %");
    }

    /// <summary>Pays the cart on the hosted page with «Картаны сақтау» ticked; returns the saved card's id once the Pay notification kept it.</summary>
    private async Task<int> PayAndSaveCardAsync(Shopper shopper)
    {
        var page = await shopper.GetPageAsync("/payment");
        page.QuerySelector("#online-form input[name=save_card]")!.ParentElement!.TextContent.Should().Contain("Картаны сақтау");
        using var placed = await shopper.PostFormAsync("/process_payment", new Dictionary<string, string> { ["payment_method"] = "online", ["save_card"] = "true" });
        placed.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        var link = placed.Headers.Location!;
        (await shopper.GetPageAsync(link.PathAndQuery)).QuerySelector("input[name=SaveCard]").Should().NotBeNull("the hosted page offers to save the card");
        await _sandbox.PayAsync(link, SandboxShop.PaidCard, saveCard: true);
        var saved = await Shop.WaitForAsync(db => db.SavedCards.OrderByDescending(c => c.Id).Select(c => (object?)c.Id).FirstOrDefaultAsync(), "the card saved");
        return (int)saved;
    }

    /// <summary>A second saved card beside the shopper's real one, whose token the gateway declines (it never issued it); returns its id.</summary>
    private async Task<int> SaveCardTheGatewayNeverIssuedAsync()
    {
        await using var db = Shop.OpenDatabase();
        var mine = await db.SavedCards.SingleAsync();
        var card = new SavedCard { UserId = mine.UserId, Token = "tk_the_gateway_never_issued", CardType = "Visa", LastFour = "0002", CreatedUtc = mine.CreatedUtc };
        db.SavedCards.Add(card);
        await db.SaveChangesAsync();
        return card.Id;
    }

    private async Task AssertLastOrderCancelledWithoutMoneyAsync()
    {
        await using var db = Shop.OpenDatabase();
        var last = await db.Orders.OrderByDescending(o => o.Id).Select(o => new { o.Number, o.Status }).FirstAsync();
        last.Status.Should().Be(OrderStatus.Cancelled);
        (await OnlineCheckout.LedgerAsync(Shop, last.Number)).Should().BeEmpty();
    }

    private async Task<int> CartUnitsAsync(int productId)
    {
        await using var db = Shop.OpenDatabase();
        return await db.CartLines.Where(l => l.ProductId == productId).SumAsync(l => l.Quantity);
    }

    private async Task<int> StockAsync(int productId)
    {
        await using var db = Shop.OpenDatabase();
        return await db.Products.Where(p => p.Id == productId).Select(p => p.Stock).SingleAsync();
    }
}
