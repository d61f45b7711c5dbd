using System.Net;
using System.Net.Http.Json;
using System.Text;
using Checkout.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Checkout.IntegrationTests;

/// <summary>POST /process_payment: SPEC's error tree, branch by branch, and the worked example.</summary>
public sealed class PaymentTests : IDisposable
{
    private readonly ShopFactory _shop = new();

    public void Dispose() => _shop.Dispose();

    [Fact]
    public async Task Guest_gets_401_json_never_a_login_redirect()
    {
        using var guest = _shop.CreateShopper();
        await guest.AddToCartAsync(1, 2);
        var before = await ShopState.ReadAsync(_shop);

        var response = await guest.PayAsync(new { card_id = SeededCards.DemoKaspiGold });

        var answer = await Shopper.ReadAnswerAsync(response);
        answer.Status.Should().Be(HttpStatusCode.Unauthorized);
        answer.Json.Should().Be("""{"status":"error","message":"Кіруіңіз қажет"}""");
        response.Headers.Location.Should().BeNull();
        (await ShopState.ReadAsync(_shop)).Should().BeEquivalentTo(before);
    }

    [Fact]
    public async Task Guest_without_token_or_body_still_gets_401()
    {
        using var guest = _shop.CreateShopper();

        var response = await guest.PayWithTokenAsync(new StringContent(""), token: null);

        (await Shopper.ReadAnswerAsync(response)).Should().Match<PaymentAnswer>(a =>
            a.Status == HttpStatusCode.Unauthorized && a.Message == "Кіруіңіз қажет");
    }

    [Fact]
    public async Task Empty_cart_gets_400_Себет_бос()
    {
        using var shopper = await _shop.SignedInAsync();

        var answer = await Shopper.ReadAnswerAsync(await shopper.PayAsync(new { card_id = SeededCards.DemoKaspiGold }));

        answer.Status.Should().Be(HttpStatusCode.BadRequest);
        answer.Json.Should().Be("""{"status":"error","message":"Себет бос"}""");
    }

    [Fact]
    public async Task Empty_cart_is_reported_before_a_missing_card()
    {
        using var shopper = await _shop.SignedInAsync();

        var answer = await Shopper.ReadAnswerAsync(await shopper.PayAsync(new { }));

        answer.Message.Should().Be("Себет бос");
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"card_id":null}""")]
    [InlineData("""{"card_id":"abc"}""")]
    [InlineData("""{"card_id":"1"}""")]
    [InlineData("""{"card_id":[1]}""")]
    [InlineData("[1]")]
    [InlineData("{")]
    [InlineData("")]
    public async Task Missing_or_non_numeric_card_id_gets_400_Картасын_таңдаңыз(string body)
    {
        using var shopper = await _shop.SignedInAsync();
        await shopper.AddToCartAsync(1, 2);
        var before = await ShopState.ReadAsync(_shop);

        var response = await shopper.PayWithTokenAsync(new StringContent(body, Encoding.UTF8, "application/json"), await shopper.TokenAsync());

        var answer = await Shopper.ReadAnswerAsync(response);
        answer.Status.Should().Be(HttpStatusCode.BadRequest);
        answer.Json.Should().Be("""{"status":"error","message":"Картасын таңдаңыз"}""");
        (await ShopState.ReadAsync(_shop)).Should().BeEquivalentTo(before);
    }

    [Theory]
    [InlineData("4242")]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("1e3")]
    [InlineData("99999999999999")]
    public async Task A_number_that_names_no_card_of_mine_gets_404_Карта_табылмады(string cardId)
    {
        using var shopper = await _shop.SignedInAsync();
        await shopper.AddToCartAsync(1, 2);

        var response = await shopper.PayWithTokenAsync(
            new StringContent($$"""{"card_id":{{cardId}}}""", Encoding.UTF8, "application/json"), await shopper.TokenAsync());
        var answer = await Shopper.ReadAnswerAsync(response);

        answer.Status.Should().Be(HttpStatusCode.NotFound);
        answer.Json.Should().Be("""{"status":"error","message":"Карта табылмады"}""");
    }

    [Fact]
    public async Task Someone_elses_card_gets_the_same_404_and_stays_untouched()
    {
        using var shopper = await _shop.SignedInAsync();
        await shopper.AddToCartAsync(1, 2);
        var before = await ShopState.ReadAsync(_shop);

        var answer = await Shopper.ReadAnswerAsync(await shopper.PayAsync(new { card_id = SeededCards.AidosKaspiGold }));

        answer.Status.Should().Be(HttpStatusCode.NotFound);
        answer.Json.Should().Be("""{"status":"error","message":"Карта табылмады"}""");
        (await ShopState.ReadAsync(_shop)).Should().BeEquivalentTo(before);
        (await ShopState.BalanceAsync(_shop, SeededCards.AidosKaspiGold)).Should().Be(Money.FromTenge(1_500_000).Tiyn);
    }

    [Fact]
    public async Task Short_balance_gets_400_and_changes_nothing_cart_intact()
    {
        using var shopper = await _shop.SignedInAsync();
        await shopper.AddToCartAsync(1, 2);
        var before = await ShopState.ReadAsync(_shop);

        var answer = await Shopper.ReadAnswerAsync(await shopper.PayAsync(new { card_id = SeededCards.DemoBcc }));

        answer.Status.Should().Be(HttpStatusCode.BadRequest);
        answer.Json.Should().Be("""{"status":"error","message":"Қаражатыңыз жеткіліксіз"}""");
        (await ShopState.ReadAsync(_shop)).Should().BeEquivalentTo(before);
        (await shopper.GetPageAsync("/cart")).QuerySelector("tr[data-product-id='1'] input[name='quantity']")!
            .GetAttribute("value").Should().Be("2");
    }

    [Fact]
    public async Task Worked_example_pays_1_853_480_and_leaves_2_446_520_on_Kaspi_Gold()
    {
        using var shopper = await _shop.SignedInAsync();
        await shopper.AddToCartAsync(1, 2);
        var stockBefore = (await ShopState.ReadAsync(_shop)).Stock[1];

        var response = await shopper.PayAsync(new { card_id = SeededCards.DemoKaspiGold });

        var answer = await Shopper.ReadAnswerAsync(response);
        answer.Status.Should().Be(HttpStatusCode.OK);
        answer.State.Should().Be("success");
        answer.Message.Should().Be("Төлем сәтті жасалды");
        answer.NewBalance.Should().Be(2_446_520);
        answer.TotalPaid.Should().Be(1_853_480);
        answer.OrderNumber.Should().MatchRegex("^ORD-[0-9]{8}-[0-9A-Z]{6}$");
        answer.Json.Should().StartWith("""{"status":"success","message":"Төлем сәтті жасалды","new_balance":2446520,"total_paid":1853480,"order_number":""");

        await using var db = _shop.OpenDatabase();
        (await db.Cards.SingleAsync(c => c.Id == SeededCards.DemoKaspiGold)).Balance.Should().Be(Money.FromTenge(2_446_520));
        var order = await db.Orders.Include(o => o.Lines).Include(o => o.Ledger).SingleAsync();
        order.Number.Should().Be(answer.OrderNumber);
        order.Total.Should().Be(Money.FromTenge(1_853_480));
        order.Subtotal.Should().Be(Money.FromTenge(1_851_980));
        order.Delivery.Should().Be(Money.FromTenge(1_500));
        order.CardId.Should().Be(SeededCards.DemoKaspiGold);
        order.DeliveryAddress.Should().Contain("Алматы");
        order.CreatedUtc.Should().BeCloseTo(DateTime.UtcNow, TimeSpan.FromMinutes(1));
        order.Lines.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            ProductId = 1,
            ProductName = "Apple iPhone 17 Pro Max",
            StoreName = "Kaspi.kz",
            UnitPriceTiyn = Money.FromTenge(925_990).Tiyn,
            Quantity = 2,
            LineTotalTiyn = Money.FromTenge(1_851_980).Tiyn,
        });
        order.Ledger.Should().ContainSingle().Which.AmountTiyn.Should().Be(Money.FromTenge(1_853_480).Tiyn);
        (await db.CartLines.CountAsync()).Should().Be(0);
        (await db.Products.SingleAsync(p => p.Id == 1)).Stock.Should().Be(stockBefore - 2);
    }

    [Fact]
    public async Task Missing_antiforgery_token_gets_400_and_changes_nothing()
    {
        using var shopper = await _shop.SignedInAsync();
        await shopper.AddToCartAsync(1, 2);
        var before = await ShopState.ReadAsync(_shop);

        var missing = await shopper.PayWithTokenAsync(JsonContent.Create(new { card_id = 1 }), token: null);
        var forged = await shopper.PayWithTokenAsync(JsonContent.Create(new { card_id = 1 }), token: "CfDJ8forged");

        foreach (var response in new[] { missing, forged })
        {
            var answer = await Shopper.ReadAnswerAsync(response);
            answer.Status.Should().Be(HttpStatusCode.BadRequest);
            answer.State.Should().Be("error");
            answer.Message.Should().NotBeNullOrWhiteSpace();
        }

        (await ShopState.ReadAsync(_shop)).Should().BeEquivalentTo(before);
    }

    [Fact]
    public async Task A_guest_token_is_not_accepted_after_login()
    {
        using var shopper = _shop.CreateShopper();
        var guestToken = await shopper.TokenAsync();
        await shopper.LoginAsync();
        await shopper.AddToCartAsync(1, 1);

        var answer = await Shopper.ReadAnswerAsync(await shopper.PayAsync(new { card_id = 1 }, guestToken));

        answer.Status.Should().Be(HttpStatusCode.BadRequest);
        (await ShopState.BalanceAsync(_shop, SeededCards.DemoKaspiGold)).Should().Be(Money.FromTenge(4_300_000).Tiyn);
    }

    [Fact]
    public async Task Without_javascript_the_form_post_answers_with_a_success_page()
    {
        using var shopper = await _shop.SignedInAsync();
        await shopper.AddToCartAsync(1, 2);

        var response = await shopper.PostFormAsync("/process_payment", new Dictionary<string, string> { ["card_id"] = "1" });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        var page = await Shopper.ParseAsync(response);
        page.QuerySelector("#payment-success")!.TextContent.Should()
            .Contain("Төлем сәтті жасалды").And.Contain("2 446 520 ₸").And.Contain("1 853 480 ₸");
        (await ShopState.BalanceAsync(_shop, SeededCards.DemoKaspiGold)).Should().Be(Money.FromTenge(2_446_520).Tiyn);
    }

    [Fact]
    public async Task Without_javascript_a_short_balance_shows_the_payment_page_again_with_the_reason()
    {
        using var shopper = await _shop.SignedInAsync();
        await shopper.AddToCartAsync(1, 2);
        var before = await ShopState.ReadAsync(_shop);

        var response = await shopper.PostFormAsync("/process_payment", new Dictionary<string, string> { ["card_id"] = "3" });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var page = await Shopper.ParseAsync(response);
        page.QuerySelector("#payment-error:not([hidden])")!.TextContent.Should().Be("Қаражатыңыз жеткіліксіз");
        page.QuerySelector("input[name='card_id'][value='3']")!.HasAttribute("checked").Should().BeTrue();
        (await ShopState.ReadAsync(_shop)).Should().BeEquivalentTo(before);
    }

    [Fact]
    public async Task Without_javascript_no_card_chosen_asks_for_one()
    {
        using var shopper = await _shop.SignedInAsync();
        await shopper.AddToCartAsync(1, 1);

        var response = await shopper.PostFormAsync("/process_payment", new Dictionary<string, string>());

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await Shopper.ParseAsync(response)).QuerySelector("#payment-error:not([hidden])")!.TextContent.Should().Be("Картасын таңдаңыз");
    }

    [Fact]
    public async Task Short_stock_is_refused_when_adding_to_the_cart_with_how_many_are_left_and_changes_nothing()
    {
        using var shopper = await _shop.SignedInAsync();
        var before = await ShopState.ReadAsync(_shop);

        var response = await shopper.AddToCartAsync(3, 5); // product 3 has 3 in stock

        response.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await Shopper.ParseAsync(response)).QuerySelector(".alert-error")!.TextContent
            .Should().Be("«Samsung Galaxy A56 5G» тауарынан қоймада 3 дана ғана қалды");
        (await ShopState.ReadAsync(_shop)).Should().BeEquivalentTo(before);
        await using var db = _shop.OpenDatabase();
        (await db.StockReservations.CountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task A_shopper_without_a_delivery_address_is_asked_for_one_and_not_charged()
    {
        using var shopper = await _shop.SignedInAsync();
        await shopper.PostFormAsync("/account/profile", new Dictionary<string, string> { ["FullName"] = "Айгерім", ["DeliveryAddress"] = "" });
        await shopper.AddToCartAsync(1, 1);
        var before = await ShopState.ReadAsync(_shop);

        var answer = await Shopper.ReadAnswerAsync(await shopper.PayAsync(new { card_id = SeededCards.DemoKaspiGold }));

        answer.Status.Should().Be(HttpStatusCode.BadRequest);
        answer.Message.Should().Be("Жеткізу мекенжайын көрсетіңіз");
        (await ShopState.ReadAsync(_shop)).Should().BeEquivalentTo(before);
        (await shopper.Http.GetAsync(new Uri("/payment", UriKind.Relative))).Headers.Location!.OriginalString.Should().Be("/checkout");
    }

    [Fact]
    public async Task An_oversized_body_gets_413_json_and_changes_nothing()
    {
        // Body limits are Kestrel's: the in-memory test server does not enforce them.
        _shop.UseKestrel(0);
        _shop.StartServer();
        using var shopper = await _shop.SignedInAsync();
        await shopper.AddToCartAsync(1, 1);
        var before = await ShopState.ReadAsync(_shop);
        var huge = $$"""{"card_id":1,"padding":"{{new string('a', 100_000)}}"}""";

        var response = await shopper.PayWithTokenAsync(new StringContent(huge, Encoding.UTF8, "application/json"), await shopper.TokenAsync());

        var answer = await Shopper.ReadAnswerAsync(response);
        answer.Status.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        answer.State.Should().Be("error");
        (await ShopState.ReadAsync(_shop)).Should().BeEquivalentTo(before);
    }
}
