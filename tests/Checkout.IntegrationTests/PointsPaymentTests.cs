using System.Net;
using System.Text.Json;
using Checkout.Web.Features.Loyalty;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Checkout.Testing.OrderFlows;

namespace Checkout.IntegrationTests;

/// <summary>
/// <c>"points": N</c> on <c>/process_payment</c>: its shape and the order's limit are the payment's to check; whether the
/// shopper has the points is the wallet's (<see cref="PointsWallet"/>), spent in the checkout's transaction.
/// </summary>
public sealed class PointsPaymentTests : IDisposable
{
    private readonly ShopFactory _shop = new();

    public void Dispose() => _shop.Dispose();

    [Theory]
    [InlineData("\"abc\"")]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("[10]")]
    [InlineData("99999999999999999999")]
    public async Task Points_that_are_no_whole_number_from_0_up_are_refused_and_change_nothing(string points)
    {
        using var shopper = await ShopperWithCartAsync(_shop);
        var before = await DatabaseSnapshot.ReadAsync(_shop);

        var answer = await Shopper.ReadAnswerAsync(await shopper.PayWithTokenAsync(
            Shopper.Json($$"""{"card_id": 1, "points": {{points}}}"""), await shopper.TokenAsync()));

        answer.Status.Should().Be(HttpStatusCode.BadRequest);
        answer.Message.Should().Be("Бонус саны бүтін, теріс емес сан болуы керек");
        (await DatabaseSnapshot.ReadAsync(_shop)).ChangesSince(before).Should().BeEmpty();
    }

    [Fact]
    public async Task More_points_than_half_the_goods_are_refused_with_the_limit()
    {
        using var shopper = await ShopperWithCartAsync(_shop);
        var before = await DatabaseSnapshot.ReadAsync(_shop);

        var response = await shopper.PayAsync(new { card_id = SeededCards.DemoKaspiGold, points = 925_991 });

        var answer = await Shopper.ReadAnswerAsync(response);
        answer.Status.Should().Be(HttpStatusCode.BadRequest);
        answer.Message.Should().Be("Бұл тапсырыста бонуспен ең көбі 925 990 ₸ төлеуге болады");
        using (var json = JsonDocument.Parse(answer.Json))
        {
            json.RootElement.GetProperty("max_points").GetInt64().Should().Be(925_990);
        }

        (await DatabaseSnapshot.ReadAsync(_shop)).ChangesSince(before).Should().BeEmpty();
    }

    [Fact]
    public async Task Points_the_shopper_does_not_have_are_not_enough_and_change_nothing()
    {
        using var shopper = await ShopperWithCartAsync(_shop);
        var before = await DatabaseSnapshot.ReadAsync(_shop);

        var answer = await Shopper.ReadAnswerAsync(await shopper.PayAsync(new { card_id = SeededCards.DemoKaspiGold, points = 10 }));

        answer.Status.Should().Be(HttpStatusCode.BadRequest);
        answer.Message.Should().Be("Бонус жеткіліксіз");
        (await DatabaseSnapshot.ReadAsync(_shop)).ChangesSince(before).Should().BeEmpty();
    }

    [Fact]
    public async Task Points_the_shopper_has_pay_part_of_the_goods_the_order_shares_them_over_its_lines_and_the_books_hold()
    {
        // The worked example earns 18 519 points, available once delivered; they then pay part of the next order.
        using var shopper = await _shop.SignedInAsync();
        using var admin = await AdminAsync(_shop);
        var first = await PlaceAsync(shopper, SeededCards.DemoKaspiGold, productId: 1, quantity: 2);
        await DriveToAsync(shopper, admin, first, Web.Domain.OrderStatus.Delivered);
        (await shopper.AddToCartAsync(1, 2)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await shopper.AddToCartAsync(CheapProduct, 1)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var page = await shopper.GetPageAsync("/payment");
        page.QuerySelector("#points-input")!.GetAttribute("max").Should().Be("18519");

        var answer = await Shopper.ReadAnswerAsync(await shopper.PayAsync(new { card_id = SeededCards.DemoKaspiGold, points = 10_000, expected_total = 1_883_470 }));

        answer.Status.Should().Be(HttpStatusCode.OK, answer.Json);
        answer.TotalPaid.Should().Be(1_883_470 - 10_000);
        using (var json = JsonDocument.Parse(answer.Json))
        {
            json.RootElement.GetProperty("points_used").GetInt64().Should().Be(10_000);
        }

        await using (var db = _shop.OpenDatabase())
        {
            var order = await db.Orders.Include(o => o.Lines).SingleAsync(o => o.Number == answer.OrderNumber);
            order.PointsTiyn.Should().Be(1_000_000);
            order.Lines.OrderBy(l => l.ProductId).Select(l => l.PointsTiyn).Should().Equal(984_065, 15_935); // 1 851 980 : 29 990, largest remainder
            (await db.PointsBalances.SingleAsync()).Available.Should().Be(8_519);
            (await db.PointsEntries.SingleAsync(e => e.OrderNumber == order.Number && e.Kind == "earned")).Points
                .Should().Be(18_719, "1 % of the goods paid: 1 881 970 − 10 000 ₸");
        }

        (await shopper.GetPageAsync($"/orders/{answer.OrderNumber}")).QuerySelector("[data-points-used]")!.TextContent.Should().Be("−10 000 ₸");
        (await VerifyCommandAsync()).Should().Be(0);
    }

    private async Task<int> VerifyCommandAsync()
    {
        await _shop.WaitForOutboxAsync();
        await using var output = new StringWriter();
        return await Web.Operations.VerifyCommand.RunAsync(_shop.Services, [], output);
    }
}
